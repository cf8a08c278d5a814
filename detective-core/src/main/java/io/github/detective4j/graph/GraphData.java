package io.github.detective4j.graph;

import com.carrotsearch.hppc.cursors.LongObjectCursor;
import io.github.detective4j.attack.ApiTechniques;
import io.github.detective4j.attack.TechniqueMatch;
import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EntityType;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.FlowAction;
import io.github.detective4j.model.FlowDirection;
import io.github.detective4j.model.FlowLogStatus;
import io.github.detective4j.model.NetworkFlow;
import io.github.detective4j.model.Principal;
import io.github.detective4j.model.PrincipalType;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.model.SecurityEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything a behavior graph holds, and the write side: turning each event into entities, relationships and
 * hourly cells. Not thread-safe; {@link BehaviorGraph} calls it under its write lock.
 *
 * <p>What one API call updates: the acting principal (its calls, its drill-down by source and method, by access key
 * and by resource), the role of a role session and the principal's account (their calls), the source IP and the user
 * agent (their calls), the relationships between them, the method's graph-wide series, and the buckets, instances
 * and sessions the call names. What one flow record updates: the instance (its traffic, its drill-down row for the
 * peer and ports), the remote IP (its traffic, seen from it) and the relationship between them.
 */
final class GraphData {
    static final long SECONDS_PER_HOUR = 3600;
    /** Events outside these years are refused: their epoch hours would not fit the cells. */
    private static final long MIN_SECOND = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
    private static final long MAX_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    private static final String ASSUMED_ROLE_SESSION = "AWS::STS::AssumedRoleSession";
    private static final String FEDERATED_USER_SESSION = "AWS::STS::FederatedUser";
    /** The drill-down part of a call's user agent when it has none. */
    private static final int NO_AGENT = -1;

    final GraphSettings settings;
    Entities entities = new Entities();
    /** Where the graph's API-call series keep their cells. */
    CellSlab slab = new CellSlab();
    ApiMethods methods = new ApiMethods();
    Dictionary values = new Dictionary();
    Map<String, FindingState> findings = new HashMap<>();
    /** Principal nodes by principal id, for the identity types whose entity id is their principal id. */
    private Map<PrincipalType, Map<String, Node>> actors = new EnumMap<>(PrincipalType.class);
    /**
     * Techniques that only a call's content reveals (a console login without MFA), by the id their drill-down keys
     * use; methods that mean a technique whatever their content are found from the method drill-downs instead.
     */
    List<MethodTechnique> techniques = new ArrayList<>();
    private Map<MethodTechnique, Integer> techniqueIds = new HashMap<>();
    /** The methods with rules on the call's content, by method id, checked up to {@code fullCallChecked}. */
    private BitSet fullCallMethods = new BitSet();
    /** Per method id, the account last counted and its series of the method ({@link #accountMethod}). */
    private Node[] methodAccounts = new Node[64];
    private CallCells[] methodAccountCells = new CallCells[64];
    private int fullCallChecked;
    /**
     * Instances learned from flow records that name both and from calls that attach interfaces, for records that
     * name only the interface; the builder's table ({@link GraphSettings#networkInterfaces}) answers the rest.
     */
    private Map<String, String> instanceByInterface = new HashMap<>();
    /**
     * Entities created for events with no entity to own them ({@link #ownerless}), counted by what stands in for the
     * owner: the account of a call without a principal entity, the interface of a flow record without an instance
     * (its account when a custom format leaves the interface out).
     */
    private Map<String, int[]> ownerlessMade = new HashMap<>();
    /** The ids of the entities {@link #target} and {@link #ownerless} did not create, for hunts to ask. */
    DroppedIds dropped = new DroppedIds();

    long firstEvent = Long.MAX_VALUE;
    long lastEvent = Long.MIN_VALUE;
    /** The first API call or flow: baselines count from it, as findings may reach back before the logs do. */
    long firstActivity = Long.MAX_VALUE;
    /** The latest flow's end: "lately" for traffic, where a finding's or a call's time would move it elsewhere. */
    long lastTraffic = Long.MIN_VALUE;
    long apiCalls;
    long flows;
    long flowsWithoutTraffic;
    long findingUpdates;
    long refusedEvents;
    long droppedRelationships;
    long overflowedDrillDowns;
    long droppedEntities;
    long relationships;

    /** A technique matched by one call of one API method. */
    record MethodTechnique(int method, TechniqueMatch match) {}

    GraphData(GraphSettings settings) {
        this.settings = settings;
        for (PrincipalType type : List.of(PrincipalType.IAM_USER, PrincipalType.ROOT, PrincipalType.ASSUMED_ROLE,
                PrincipalType.ROLE, PrincipalType.FEDERATED_USER, PrincipalType.IDENTITY_CENTER_USER)) {
            actors.put(type, new HashMap<>());
        }
    }

    /** Grows with every event ingested: what caches of derived answers are keyed on. */
    long version;
    /**
     * Grows with what finding groups depend on: a finding, an instance's launcher, a finding archived or not, a
     * rebuild. Their cache is keyed on it, so that a stream of calls and flows does not recompute them each time.
     */
    long linksVersion;

    /**
     * Takes over everything {@code other} holds, as when retention rebuilt the graph from the events it keeps; the
     * version moves past both, so caches of derived answers do not survive. Fields are not final for this alone.
     */
    void adopt(GraphData other) {
        entities = other.entities;
        slab = other.slab;
        methods = other.methods;
        values = other.values;
        findings = other.findings;
        actors = other.actors;
        techniques = other.techniques;
        techniqueIds = other.techniqueIds;
        fullCallMethods = other.fullCallMethods;
        methodAccounts = other.methodAccounts;
        methodAccountCells = other.methodAccountCells;
        fullCallChecked = other.fullCallChecked;
        instanceByInterface = other.instanceByInterface;
        ownerlessMade = other.ownerlessMade;
        dropped = other.dropped;
        firstEvent = other.firstEvent;
        lastEvent = other.lastEvent;
        firstActivity = other.firstActivity;
        lastTraffic = other.lastTraffic;
        apiCalls = other.apiCalls;
        flows = other.flows;
        flowsWithoutTraffic = other.flowsWithoutTraffic;
        findingUpdates = other.findingUpdates;
        refusedEvents = other.refusedEvents;
        droppedRelationships = other.droppedRelationships;
        overflowedDrillDowns = other.overflowedDrillDowns;
        droppedEntities = other.droppedEntities;
        relationships = other.relationships;
        version = Math.max(version, other.version) + 1;
        linksVersion = Math.max(linksVersion, other.linksVersion) + 1;
    }

    /**
     * Ingests the next {@link BehaviorGraph#BATCH} events of {@code events} (fewer at its end), exactly as
     * {@link #ingest} one by one would. The callers the graph has already are looked up first, for the whole batch,
     * creating nothing: those look-ups do not depend on each other, so the processor overlaps their cache misses,
     * where one event at a time waits for each in turn. Under the graph's write lock, like every ingest.
     *
     * @throws NullPointerException at a null event, after the events before it are ingested; the iterator is not
     *     read past it
     * @throws RuntimeException what the iterator throws, after the events it gave before are ingested
     */
    void ingestBatch(Iterator<? extends SecurityEvent> events) {
        // the batch's own arrays, not the graph's: an iterator may itself ingest into this graph (the lock is reentrant)
        SecurityEvent[] batch = new SecurityEvent[16];
        Node[] callers = new Node[16];
        int count = 0;
        RuntimeException stop = null;
        try {
            while (count < BehaviorGraph.BATCH && events.hasNext()) {
                SecurityEvent event = events.next();
                if (event == null) {
                    stop = new NullPointerException("event");
                    break;
                }
                if (count == batch.length) {
                    batch = Arrays.copyOf(batch, count * 2);
                    callers = Arrays.copyOf(callers, count * 2);
                }
                batch[count] = event;
                callers[count++] = event instanceof ApiCall call ? knownActor(call.principal()) : null;
            }
        } catch (RuntimeException e) {
            stop = e;
        }
        for (int i = 0; i < count; i++) {
            ingest(batch[i], callers[i]);
        }
        compactCells();
        if (stop != null) {
            throw stop;
        }
    }

    void ingest(SecurityEvent event) {
        ingest(event, null);
        compactCells();
    }

    /** Moves every API-call series to a new slab when the one they are in holds mostly regions nobody uses. */
    private void compactCells() {
        if (!slab.wasteful()) {
            return;
        }
        CellSlab fresh = slab.fresh();
        forEachSeries(series -> {
            if (series instanceof CallCells calls) {
                calls.moveTo(fresh);
            }
        });
        slab = fresh;
    }

    /** Every hourly series of the graph: the entities' own, their drill-downs, the relationships', the methods'. */
    void forEachSeries(Consumer<HourCells> action) {
        for (Node node : entities.all()) {
            if (node.calls != null) {
                action.accept(node.calls);
            }
            if (node.traffic != null) {
                action.accept(node.traffic);
            }
            if (node.drillDown != null) {
                for (LongObjectCursor<HourCells> c : node.drillDown) {
                    action.accept(c.value);
                }
            }
            if (node.out != null) {
                for (LongObjectCursor<Edge> c : node.out) {
                    if (c.value.cells != null) {
                        action.accept(c.value.cells);
                    }
                }
            }
        }
        for (int m = 0; m < methods.size(); m++) {
            action.accept(methods.calls(m));
        }
    }

    /** @param caller the node of an API call's caller when known already, or null to find or make it */
    private void ingest(SecurityEvent event, Node caller) {
        version++;
        if (event instanceof ApiCall call) {
            ingest(call, caller);
        } else if (event instanceof NetworkFlow flow) {
            ingest(flow);
        } else if (event instanceof Finding finding) {
            ingest(finding);
        } else {
            throw new IllegalArgumentException("unknown event type " + event.getClass().getName());
        }
    }

    // ---------------------------------------------------------------- API calls

    private void ingest(ApiCall call, Node caller) {
        long second = call.eventTime().getEpochSecond();
        if (!inRange(second)) {
            return;
        }
        apiCalls++;
        span(second, second);
        firstActivity = Math.min(firstActivity, second);
        int hour = hourOf(second);
        boolean success = call.isSuccess();
        Principal principal = call.principal();
        int method = methods.id(call.eventSource(), call.eventName());
        methods.calls(method).addCall(slab, hour, success);

        Node actor = caller != null ? caller : actor(principal);
        String agentId = EntityRef.userAgentId(call.userAgent()); // a padded agent is an entity too, shortened
        long droppedBefore = droppedEntities;
        int source;
        String accountId = accountOf(call);
        Node account;
        Node ip;
        Node userAgent;
        int agent;
        Edge ipEdge = null;
        Edge uaEdge = null;
        if (actor != null) {
            actor.observe(second, second);
            actor.calls().addCall(slab, hour, success);
            describePrincipal(actor, principal, second);
            Node.Recent recent = actor.recent();
            ipEdge = recent(recent.ips, call.sourceIpAddress(), actor, RelationshipType.CALLED_FROM,
                    EntityType.IP_ADDRESS);
            ip = ipEdge != null ? ipEdge.target : known(EntityType.IP_ADDRESS, call.sourceIpAddress());
            uaEdge = recent(recent.userAgents, agentId, actor, RelationshipType.USED_USER_AGENT,
                    EntityType.USER_AGENT);
            userAgent = uaEdge != null ? uaEdge.target : known(EntityType.USER_AGENT, agentId);
            agent = userAgent != null ? userAgent.index
                    : agentId != null && full(actor) ? DrillDown.OTHER : NO_AGENT;
            Edge accountEdge = recent.account != null && recent.account.targetId.equals(accountId)
                    ? recent.account : relationship(actor, RelationshipType.MEMBER_OF, EntityType.AWS_ACCOUNT,
                            accountId);
            recent.account = accountEdge != null ? accountEdge : recent.account;
            account = accountEdge != null ? accountEdge.target : node(EntityType.AWS_ACCOUNT, accountId);
            source = source(ip, call);

            callDrillDown(actor, DrillDown.key(DrillDown.SOURCE_METHOD, source, method)).addCall(slab, hour, success);
            if (agent != NO_AGENT) {
                callDrillDown(actor, DrillDown.key(DrillDown.AGENT_METHOD, agent, method))
                        .addCall(slab, hour, success);
                if (call.sourceIpAddress() == null) {
                    callDrillDown(actor, DrillDown.key(DrillDown.USER_AGENT, agent, 1))
                            .addCall(slab, hour, success);
                }
            }
            if (needsFullCall(method, call)) {
                techniques(actor, call, method, source, hour, success);
            }
            String accessKey = principal.accessKeyId();
            if (accessKey != null) {
                if (!accessKey.equals(recent.accessKey)) {
                    recent.accessKey = accessKey;
                    recent.accessKeyCells = callDrillDown(actor,
                            DrillDown.key(DrillDown.ACCESS_KEY, values.id(accessKey), 0));
                }
                recent.accessKeyCells.addCall(slab, hour, success);
            }
            if (ipEdge != null) {
                ipEdge.call(slab, second, hour, success);
            }
            if (uaEdge != null) {
                uaEdge.call(slab, second, hour, success);
            }
            if (accountEdge != null) {
                accountEdge.observe(second, second);
            }
            Node role = role(actor, principal);
            if (role != null && role != actor) {
                role.observe(second, second);
                role.calls().addCall(slab, hour, success);
                describeRole(role, principal.sessionIssuer(), second);
                actor.attributes().role = role;
                Edge assumed = recent.role != null && recent.role.target == role ? recent.role
                        : edge(actor, RelationshipType.ASSUMED_ROLE, role);
                if (assumed != null) {
                    recent.role = assumed;
                    assumed.call(slab, second, hour, success);
                }
            }
        } else {
            // no principal entity: failed console sign-ins with a hidden user name, say, which anyone on the
            // internet can send from any address with any user agent; the account stands in as their owner
            ip = ownerless(accountId, EntityType.IP_ADDRESS, call.sourceIpAddress());
            userAgent = ownerless(accountId, EntityType.USER_AGENT, agentId);
            agent = userAgent != null ? userAgent.index : agentId != null ? DrillDown.OTHER : NO_AGENT;
            account = node(EntityType.AWS_ACCOUNT, accountId);
            source = source(ip, call);
            if (account != null) {
                // the account stands in as the caller: its profile's rows by address and method count these calls
                // too, as its totals do (brute-force sign-ins with a hidden user name are what they must show)
                callDrillDown(account, DrillDown.key(DrillDown.SOURCE_METHOD, source, method))
                        .addCall(slab, hour, success);
            }
        }
        if (droppedEntities != droppedBefore) {
            // The address or the agent was kept out, and with it their USED_FROM relationship: a hunt for the one
            // kept must say that the caps cut its answer.
            markCapped(ip);
            markCapped(userAgent);
        }
        if (account != null) {
            if (account != actor) {
                account.observe(second, second);
                account.calls().addCall(slab, hour, success);
            }
            if (actor != null) {
                // What the account's principals did, for "new for the entire account": a call no principal made
                // (a sign-in refused under a hidden user name, which anyone can send from anywhere) must not make
                // the address, method or agent an attacker later uses with stolen keys look familiar.
                accountCells(ipEdge, account, DrillDown.SOURCE, source).addCall(slab, hour, success);
                accountMethod(account, method).addCall(slab, hour, success);
                if (agent != NO_AGENT) {
                    accountCells(uaEdge, account, DrillDown.USER_AGENT, agent).addCall(slab, hour, success);
                }
            }
        }
        if (ip != null) {
            ip.observe(second, second);
            ip.calls().addCall(slab, hour, success);
        }
        if (userAgent != null) {
            userAgent.observe(second, second);
            userAgent.calls().addCall(slab, hour, success);
            Edge used = ip == null ? null : usedFrom(uaEdge, userAgent, ip);
            if (used != null) {
                used.call(slab, second, hour, success);
            }
        }
        List<AwsResource> resources = call.resources();
        for (int i = 0; i < resources.size(); i++) {
            resource(call, resources.get(i), actor, source, method, agent, second, hour, success);
        }
    }

    /**
     * The user agent's {@code USED_FROM} relationship to the address, created; null past the relationship cap. It is
     * remembered on the caller's relationship with the agent ({@code via}, which the event already holds) for the
     * caller's next call from the same address, so that an agent many callers share is not searched on every call.
     */
    private Edge usedFrom(Edge via, Node userAgent, Node ip) {
        if (via != null && via.peer == ip) {
            return via.peerEdge;
        }
        // the agent's recent relationships, then the agent's map through the address node already at hand
        Edge[] recent = userAgent.recent().ips;
        Edge used = Node.Recent.find(recent, ip.ref.id());
        if (used == null) {
            used = Node.Recent.remember(recent, edge(userAgent, RelationshipType.USED_FROM, ip));
        }
        if (via != null && used != null) {
            via.peer = ip;
            via.peerEdge = used;
        }
        return used;
    }

    /** Whether a method has technique rules on the call's content; asked of the table once per method. */
    private boolean needsFullCall(int method, ApiCall call) {
        while (fullCallChecked <= method) {
            if (settings.apiTechniques().needsFullCall(methods.eventSource(fullCallChecked),
                    methods.eventName(fullCallChecked))) {
                fullCallMethods.set(fullCallChecked);
            }
            fullCallChecked++;
        }
        return fullCallMethods.get(method);
    }

    /** Counts the techniques only this call's content matched, under their own drill-down keys. */
    private void techniques(Node actor, ApiCall call, int method, int source, int hour, boolean success) {
        ApiTechniques table = settings.apiTechniques();
        Optional<TechniqueMatch> anyCall = table.match(call.eventSource(), call.eventName());
        for (TechniqueMatch match : table.match(call)) {
            if (anyCall.isPresent() && anyCall.get().equals(match)) {
                continue;
            }
            MethodTechnique key = new MethodTechnique(method, match);
            int id = techniqueIds.computeIfAbsent(key, k -> {
                techniques.add(k);
                return techniques.size() - 1;
            });
            callDrillDown(actor, DrillDown.key(DrillDown.TECHNIQUE, id, source)).addCall(slab, hour, success);
        }
    }

    /**
     * The drill-down part naming where a call came from: its IP entity, {@link DrillDown#OTHER} for an address the
     * caller's relationship cap kept out of the graph ({@link #target}), or the AWS service that made it.
     */
    private int source(Node ip, ApiCall call) {
        if (ip != null) {
            return ip.index;
        }
        return call.sourceIpAddress() != null ? DrillDown.OTHER : DrillDown.SERVICE | values.id(serviceOf(call));
    }

    /**
     * Returns the relationship from {@code source} to the entity {@code id} names: a remembered one when it leads
     * there (equal strings, no hashing), else the one found or created, then remembered; null without an id, for an
     * id that does not fit the type, or past the relationship cap.
     */
    private Edge recent(Edge[] recent, String id, Node source, RelationshipType type, EntityType targetType) {
        if (id == null) {
            return null;
        }
        Edge edge = Node.Recent.find(recent, id);
        return edge != null ? edge : Node.Recent.remember(recent, relationship(source, type, targetType, id));
    }

    /** The relationship to the entity {@code id} names, created; null as {@link #recent} says. */
    private Edge relationship(Node source, RelationshipType type, EntityType targetType, String id) {
        Node target = id == null ? null
                : type.isCapped() ? target(source, targetType, id) : entities.getOrCreate(targetType, id);
        return target == null || target == source ? null : edge(source, type, target);
    }

    /**
     * The entity an id names, as the target of a capped relationship from {@code owner}: created while the owner may
     * take another relationship, and past its cap only found. An entity new to the graph would otherwise be kept
     * with no relationship naming it, and an attacker names such entities at will: a user agent per call, a rotating
     * IPv6 address, the spoofed sources of a flood. The entity and the relationship not recorded are counted.
     */
    private Node target(Node owner, EntityType type, String id) {
        if (!full(owner)) {
            return entities.getOrCreate(type, id);
        }
        Node node = entities.get(type, id);
        if (node == null && id != null) {
            droppedRelationships++;
            drop(type, id);
            owner.capped = true;
        }
        return node;
    }

    private static void markCapped(Node node) {
        if (node != null) {
            node.capped = true;
        }
    }

    /** Counts an entity not created, and remembers its id for hunts ({@link DroppedIds}). */
    private void drop(EntityType type, String id) {
        droppedEntities++;
        dropped.add(type, id);
    }

    /** Whether an entity has as many relationships out as the cap allows. */
    private boolean full(Node owner) {
        return owner.outDegree() >= settings.maxRelationships();
    }

    private Node node(EntityType type, String id) {
        return id == null ? null : entities.getOrCreate(type, id);
    }

    /** The account a call belongs to: its principal's, else the one whose log holds it. */
    private static String accountOf(ApiCall call) {
        String principal = call.principal().accountId();
        return principal != null ? principal : call.accountId();
    }

    /** The node of a canonical id the graph holds, or null; creates nothing. */
    private Node known(EntityType type, String id) {
        return id == null ? null : entities.get(type, id);
    }

    /**
     * The entity an id names for an event no entity owns, {@link #target}'s rule for them: the account of a call
     * without a principal entity, or the interface of a flow record without an instance, stands in for the owner,
     * and may have as many entities created for such events as an entity may have relationships; past that they
     * are only found. Without an owner's id (null) the entity is created.
     */
    private Node ownerless(String owner, EntityType type, String id) {
        if (owner == null) {
            return node(type, id);
        }
        Node node = known(type, id);
        if (node != null || id == null) {
            return node;
        }
        int[] made = ownerlessMade.computeIfAbsent(owner, k -> new int[1]);
        if (made[0] >= settings.maxRelationships()) {
            drop(type, id);
            return null;
        }
        node = entities.getOrCreate(type, id);
        made[0] += node != null ? 1 : 0;
        return node;
    }

    /**
     * The acting principal's node. For the identity types whose entity is their principal id
     * ({@link Principal#entity()}: users, root with a principal id, role sessions, federated and Identity Center
     * users), nodes are remembered by principal id, which skips building and checking an {@code EntityRef} per event.
     */
    private Node actor(Principal principal) {
        String id = principal.principalId();
        Map<String, Node> known = id == null ? null : actors.get(principal.type());
        if (known != null) {
            Node node = known.get(id);
            if (node != null) {
                return node;
            }
        }
        Node node = principal.entity().map(entities::getOrCreate).orElse(null);
        if (known != null && node != null) {
            known.put(id, node);
        }
        return node;
    }

    /** The node of a caller the graph has already, or null; creates nothing. */
    private Node knownActor(Principal principal) {
        String id = principal.principalId();
        Map<String, Node> known = id == null ? null : actors.get(principal.type());
        return known == null ? null : known.get(id);
    }

    /** The role of a role session: the one the session's node already names when the issuer agrees. */
    private Node role(Node actor, Principal principal) {
        Principal.SessionIssuer issuer = principal.sessionIssuer();
        if (issuer == null) {
            return null;
        }
        Node known = actor.attributes == null ? null : actor.attributes.role;
        if (known != null && known.ref.id().equals(issuer.principalId())) {
            return known;
        }
        return principal.role().map(entities::getOrCreate).orElse(null);
    }

    private void resource(ApiCall call, AwsResource resource, Node actor, int source, int method, int agent,
            long second, int hour, boolean success) {
        if (actor != null) {
            int id = values.id(resource.type() + ' ' + resource.id(), mayGrow(actor, DrillDown.RESOURCE));
            CallCells cells = id == Dictionary.ABSENT ? (CallCells) foldedNew(actor, DrillDown.RESOURCE, true)
                    : callDrillDown(actor, DrillDown.key(DrillDown.RESOURCE, id, 0));
            cells.addCall(slab, hour, success);
        }
        switch (resource.type()) {
            case AwsResource.S3_BUCKET -> {
                Node bucket = actor != null ? target(actor, EntityType.S3_BUCKET, resource.id())
                        : ownerless(accountOf(call), EntityType.S3_BUCKET, resource.id());
                if (bucket != null) {
                    bucket.observe(second, second);
                    bucket.calls().addCall(slab, hour, success);
                    describeLocation(bucket, call.accountId(), call.region(), second);
                    callDrillDown(bucket, DrillDown.key(DrillDown.SOURCE_METHOD, source, method))
                            .addCall(slab, hour, success);
                    if (agent != NO_AGENT) {
                        int internal = call.sourceIpAddress() == null ? 1 : 0;
                        callDrillDown(bucket, DrillDown.key(DrillDown.USER_AGENT, agent, internal))
                                .addCall(slab, hour, success);
                    }
                    if (actor != null) {
                        call(actor, RelationshipType.ACCESSED_BUCKET, bucket, second, hour, success);
                    }
                }
            }
            case AwsResource.EC2_INSTANCE -> {
                if (resource.action() == AwsResource.Action.CREATED && success && actor != null) {
                    Node instance = entities.getOrCreate(EntityType.EC2_INSTANCE, resource.id());
                    if (instance != null) {
                        instance.observe(second, second);
                        instance.attributes().created(actor, second);
                        linksVersion++; // the instance now stands for its launcher in finding groups
                        describeLocation(instance, call.accountId(), call.region(), second);
                        call(actor, RelationshipType.CREATED_INSTANCE, instance, second, hour, success);
                    }
                }
            }
            case AwsResource.EC2_NETWORK_INTERFACE -> {
                if (success && resource == firstInterface(call.resources())) { // once a call
                    attachedAll(call.resources(), false);
                }
            }
            case ASSUMED_ROLE_SESSION -> {
                if (success && actor != null) {
                    started(actor, EntityType.AWS_ROLE_SESSION, resource, second, hour);
                }
            }
            case FEDERATED_USER_SESSION -> {
                if (success && actor != null) {
                    started(actor, EntityType.FEDERATED_USER, resource, second, hour);
                }
            }
            default -> {
                // Other resources are drill-down rows only.
            }
        }
    }

    /** A successful AssumeRole or GetFederationToken: the session, who started it, and for roles the role. */
    private void started(Node actor, EntityType type, AwsResource resource, long second, int hour) {
        Node session = entities.getOrCreate(type, resource.id());
        if (session == null || session == actor) {
            return; // a session refreshing itself started nothing new
        }
        session.observe(second, second);
        call(actor, RelationshipType.STARTED_SESSION, session, second, hour, true);
        if (resource.arn() != null) {
            describe(session, second, resource.arn(), null);
        }
        if (type == EntityType.AWS_ROLE_SESSION) {
            String id = resource.id();
            Node role = entities.getOrCreate(EntityType.AWS_ROLE, id.substring(0, id.indexOf(':')));
            if (role != null) {
                session.attributes().role = role;
                role.observe(second, second);
                call(session, RelationshipType.ASSUMED_ROLE, role, second, hour, true);
            }
        }
    }

    private void describePrincipal(Node actor, Principal principal, long second) {
        Attributes a = actor.attributes();
        a.principalType = a.offer(Attributes.TYPE, a.principalType, principal.type().cloudTrailName(), second);
        a.accountId = a.offer(Attributes.ACCOUNT, a.accountId, principal.accountId(), second);
        String name = principal.userName();
        if (principal.type() == PrincipalType.ASSUMED_ROLE) {
            name = sessionName(actor.ref.id(), a.name);
        } else if (principal.type() == PrincipalType.ROOT) {
            name = "root";
        }
        describe(actor, second, principal.arn(), name);
    }

    /**
     * The session name a role session's id ends with ("AROA...:name"): {@code held} when it is that already, so that a
     * session's calls do not each make the same substring.
     */
    private static String sessionName(String id, String held) {
        int from = id.indexOf(':') + 1;
        int length = id.length() - from;
        return held != null && held.length() == length && id.regionMatches(from, held, 0, length) ? held
                : id.substring(from);
    }

    private void describeRole(Node role, Principal.SessionIssuer issuer, long second) {
        if (issuer == null) {
            return;
        }
        Attributes a = role.attributes();
        a.accountId = a.offer(Attributes.ACCOUNT, a.accountId, issuer.accountId(), second);
        a.principalType = "Role";
        describe(role, second, issuer.arn(), issuer.userName());
    }

    /** Offers an ARN and a name, and indexes the ones taken for search. */
    private void describe(Node node, long second, String arn, String name) {
        Attributes a = node.attributes();
        String heldArn = a.arn;
        a.arn = a.offer(Attributes.ARN, heldArn, arn, second);
        if (a.arn != heldArn && !a.arn.equals(heldArn)) {
            entities.indexArn(node, a.arn);
        }
        String heldName = a.name;
        a.name = a.offer(Attributes.NAME, heldName, name, second);
        if (a.name != heldName && !a.name.equals(heldName)) {
            entities.indexName(node, a.name);
        }
    }

    private void describeLocation(Node node, String accountId, String region, long second) {
        Attributes a = node.attributes();
        a.accountId = a.offer(Attributes.ACCOUNT, a.accountId, accountId, second);
        a.region = a.offer(Attributes.REGION, a.region, region, second);
    }

    private static String serviceOf(ApiCall call) {
        return call.sourceService() != null ? call.sourceService() : "(no source)";
    }

    private CallCells callDrillDown(Node owner, long key) {
        return (CallCells) drillDown(owner, key, true, settings.maxDrillDownKeys());
    }

    /**
     * An account's series of everyone's calls from one source or with one user agent: remembered on the caller's
     * relationship with that address or agent, which the event already holds, so most events skip the account's
     * large map.
     */
    private CallCells accountCells(Edge via, Node account, int kind, int part) {
        if (via == null) {
            return accountDrillDown(account, kind, part);
        }
        if (via.accountCells == null || via.account != account) {
            via.account = account;
            via.accountCells = accountDrillDown(account, kind, part);
        }
        return via.accountCells;
    }

    /** An account's series of everyone's calls to one method, remembered per method for the last account. */
    private CallCells accountMethod(Node account, int method) {
        if (method >= methodAccounts.length) {
            int length = Math.max(method + 1, methodAccounts.length * 2);
            methodAccounts = Arrays.copyOf(methodAccounts, length);
            methodAccountCells = Arrays.copyOf(methodAccountCells, length);
        }
        if (methodAccounts[method] != account) {
            methodAccounts[method] = account;
            methodAccountCells[method] = accountDrillDown(account, DrillDown.METHOD, method);
        }
        return methodAccountCells[method];
    }

    /** An account's series of everyone's calls from one source, to one method or with one user agent. */
    private CallCells accountDrillDown(Node account, int kind, int part) {
        return (CallCells) drillDown(account, DrillDown.key(kind, part, 0), true, settings.maxRelationships());
    }

    /**
     * The drill-down series under a key, or its kind's overflow series: past the entity's cap, or for a key whose
     * varying part names an entity the graph did not keep ({@link DrillDown#OTHER}, see {@link #target}).
     */
    private HourCells drillDown(Node owner, long key, boolean calls, int cap) {
        HourCells cells = DrillDown.isOverflow(key) ? null : owner.drillDown(key, cap, calls);
        return cells != null ? cells : folded(owner, key, calls);
    }

    /** The overflow series a key past its owner's cap folds into, the fold counted. */
    private HourCells folded(Node owner, long key, boolean calls) {
        overflowedDrillDowns++;
        owner.capped = true;
        return owner.drillDown(DrillDown.overflow(key), Integer.MAX_VALUE, calls);
    }

    /**
     * The overflow series of a kind whose overflow key folds both parts ({@link DrillDown#RESOURCE},
     * {@link DrillDown#FLOW}), for a key whose value the dictionary was not to add.
     */
    private HourCells foldedNew(Node owner, int kind, boolean calls) {
        return folded(owner, DrillDown.key(kind, 0, 0), calls);
    }

    /**
     * Tells whether a drill-down key of {@code owner} may take a value new to the graph's dictionary: not once the
     * owner has its budget of keys of that kind, where the key folds anyway. A value an attacker varies (ports in a
     * scan, resources named at random) would otherwise stay in the dictionary for good, one entry per distinct
     * value, past every entity's budget.
     */
    private boolean mayGrow(Node owner, int kind) {
        return !owner.full(kind, settings.maxDrillDownKeys());
    }

    private void call(Node source, RelationshipType type, Node target, long second, int hour, boolean success) {
        Edge edge = edge(source, type, target);
        if (edge != null) {
            edge.call(slab, second, hour, success);
        }
    }

    /** Returns the relationship, creating it; null when either end already has as many as the policy allows. */
    Edge edge(Node source, RelationshipType type, Node target) {
        Edge edge = source.outgoing(type, target);
        if (edge != null) {
            return edge;
        }
        if (type.isCapped() && (full(source) || target.inDegree() >= settings.maxRelationships())) {
            droppedRelationships++;
            source.capped = true;
            target.capped = true;
            return null;
        }
        edge = new Edge(type, source, target);
        source.link(edge);
        relationships++;
        return edge;
    }

    // ---------------------------------------------------------------- flows

    private void ingest(NetworkFlow flow) {
        if (flow.logStatus() != FlowLogStatus.OK) {
            flowsWithoutTraffic++;
            return;
        }
        long start = flow.start().getEpochSecond();
        long end = flow.end().getEpochSecond();
        if (!inRange(start) || !inRange(end)) {
            return;
        }
        flows++;
        span(start, end);
        firstActivity = Math.min(firstActivity, start);
        lastTraffic = Math.max(lastTraffic, end);
        int hour = hourOf(start);
        Node instance = instanceOf(flow);
        // an instance past its cap keeps no new peer: a flood from spoofed sources would make one entity each
        Node remote = instance != null ? target(instance, EntityType.IP_ADDRESS, flow.remoteAddress())
                : ownerless(flow.interfaceId() != null ? flow.interfaceId() : flow.accountId(), EntityType.IP_ADDRESS,
                        flow.remoteAddress());
        // UNKNOWN: the record's source sent it, and the model puts the source on the local side.
        boolean inbound = flow.direction() == FlowDirection.INBOUND;
        boolean accepted = flow.action() == FlowAction.ACCEPT;
        long bytes = flow.bytes();
        long packets = flow.packets();

        if (remote != null) {
            remote.observe(start, end);
            remote.traffic().addTraffic(hour, !inbound, bytes, packets, accepted);
        }
        if (instance == null) {
            return;
        }
        instance.observe(start, end);
        instance.traffic().addTraffic(hour, inbound, bytes, packets, accepted);
        describeInstance(instance, flow, start);
        if (remote == null) {
            ((TrafficCells) foldedNew(instance, DrillDown.FLOW, false)).addTraffic(hour, inbound, bytes, packets,
                    accepted);
            return;
        }
        Edge edge = edge(instance, RelationshipType.COMMUNICATED_WITH, remote);
        if (edge != null) {
            edge.traffic(start, end, hour, inbound, bytes, packets, accepted, settings.maxBeaconSamples());
        }
        int tuple = values.id(DrillDown.flowTuple(flow.localPort(), flow.remotePort(), flow.protocol()),
                mayGrow(instance, DrillDown.FLOW));
        TrafficCells row = (TrafficCells) (tuple == Dictionary.ABSENT ? foldedNew(instance, DrillDown.FLOW, false)
                : drillDown(instance, DrillDown.key(DrillDown.FLOW, remote.index, tuple), false,
                        settings.maxDrillDownKeys()));
        row.addTraffic(hour, inbound, bytes, packets, accepted);
    }

    private Node instanceOf(NetworkFlow flow) {
        Node instance = flow.instanceEntity().map(entities::getOrCreate).orElse(null);
        String eni = flow.interfaceId();
        if (eni == null) {
            return instance;
        }
        if (instance != null) {
            instanceByInterface.put(eni, instance.ref.id()); // the latest record wins: an interface moves
            return instance;
        }
        String id = instanceByInterface.get(eni);
        id = id != null ? id : settings.networkInterfaces().get(eni);
        return id == null ? null : entities.getOrCreate(EntityType.EC2_INSTANCE, id);
    }

    /**
     * A successful call or a finding that names instances and their interfaces ({@code RunInstances},
     * {@code AttachNetworkInterface}, GuardDuty's {@code instanceDetails}): each interface is its instance's from now
     * on. With one instance, every interface is its; with several, as many interfaces as instances are theirs in
     * order (a launch names each instance's interface in its item, and a VPC instance has at least one, so as many
     * as there are items means one each); otherwise which is whose is not said, and nothing is learned. A finding
     * only fills a gap: anyone who may import findings into Security Hub could otherwise point an interface's
     * traffic at an instance of their choosing.
     */
    private void attachedAll(List<AwsResource> resources, boolean fromFinding) {
        List<AwsResource> instances = null;
        List<AwsResource> interfaces = null;
        for (AwsResource r : resources) {
            if (r.type().equals(AwsResource.EC2_NETWORK_INTERFACE)) {
                interfaces = interfaces == null ? new ArrayList<>(1) : interfaces;
                interfaces.add(r);
            } else if (r.type().equals(AwsResource.EC2_INSTANCE)) {
                instances = instances == null ? new ArrayList<>(1) : instances;
                if (instances.stream().noneMatch(known -> known.id().equals(r.id()))) {
                    instances.add(r);
                }
            }
        }
        if (interfaces == null || instances == null
                || (instances.size() > 1 && instances.size() != interfaces.size())) {
            return;
        }
        for (int k = 0; k < interfaces.size(); k++) {
            AwsResource eni = interfaces.get(k);
            AwsResource instance = instances.get(instances.size() == 1 ? 0 : k);
            // an id the graph can make an entity of, when a flow needs it
            if (instance.entity().isPresent() && !(fromFinding && instanceByInterface.containsKey(eni.id()))) {
                instanceByInterface.put(eni.id(), instance.id());
            }
        }
    }

    private static AwsResource firstInterface(List<AwsResource> resources) {
        for (AwsResource r : resources) {
            if (r.type().equals(AwsResource.EC2_NETWORK_INTERFACE)) {
                return r;
            }
        }
        return null;
    }

    /**
     * Learns what an event retention drops says of interfaces, as its ingest would have, and nothing else: a rebuild
     * that meets the dropped events and ingests the kept ones in their order knows the interfaces the graph knew.
     */
    void learnInterfacesFrom(SecurityEvent event) {
        if (event instanceof NetworkFlow flow) {
            if (flow.logStatus() == FlowLogStatus.OK && flow.interfaceId() != null
                    && flow.instanceEntity().isPresent()) {
                instanceByInterface.put(flow.interfaceId(), flow.instanceId());
            }
        } else if (event instanceof ApiCall call) {
            if (call.isSuccess()) {
                attachedAll(call.resources(), false);
            }
        } else if (event instanceof Finding finding) {
            attachedAll(finding.resources(), true);
        }
    }

    private void describeInstance(Node instance, NetworkFlow flow, long second) {
        describeLocation(instance, flow.accountId(), flow.region(), second);
        Attributes a = instance.attributes();
        a.vpcId = a.offer(Attributes.VPC, a.vpcId, flow.vpcId(), second);
        a.subnetId = a.offer(Attributes.SUBNET, a.subnetId, flow.subnetId(), second);
        a.addInterface(flow.interfaceId());
        a.addAddress(flow.localAddress());
    }

    // ---------------------------------------------------------------- findings

    private void ingest(Finding finding) {
        findingUpdates++;
        linksVersion++;
        long first = finding.firstObserved().getEpochSecond();
        long last = finding.lastObserved().getEpochSecond();
        String id = FindingState.canonicalId(finding);
        FindingState state = findings.get(id);
        if (state == null) {
            state = new FindingState(id, finding);
            findings.put(id, state);
        } else {
            state.update(finding);
        }
        if (!inRange(first) || !inRange(last)) {
            return;
        }
        span(first, last);
        Node node = entities.getOrCreate(EntityRef.finding(id));
        node.observe(first, last);
        String arn = finding.arn() != null ? finding.arn() : !id.equals(finding.id()) ? finding.id() : null;
        if (arn != null) {
            describe(node, last, arn, null); // a GuardDuty finding's ARN finds it, as Detective's search does
        }
        attachedAll(finding.resources(), true);
        for (EntityRef involved : finding.entities()) {
            Node entity = entities.getOrCreate(involved);
            entity.observe(first, last);
            Edge edge = edge(node, RelationshipType.INVOLVES, entity);
            if (edge != null) {
                edge.observe(first, last);
            }
        }
    }

    // ---------------------------------------------------------------- time

    private boolean inRange(long second) {
        if (second < MIN_SECOND || second > MAX_SECOND) {
            refusedEvents++;
            return false;
        }
        return true;
    }

    private void span(long first, long last) {
        if (first < firstEvent) {
            firstEvent = first;
        }
        if (last > lastEvent) {
            lastEvent = last;
        }
    }

    /**
     * Whether the graph holds less than the training period of activity (API calls and flows) before the scope
     * starts, in hours from the hour of the first activity, which counts whole.
     */
    boolean inTraining(ScopeTime scope) {
        return firstActivity == Long.MAX_VALUE
                || scope.startEpochHour() - hourOf(firstActivity) < settings.trainingPeriod().toHours();
    }

    /** Hours of {@code [fromHour, toHour)} from the hour of the graph's first API call or flow on. */
    long hoursOfData(int fromHour, int toHour) {
        return firstActivity == Long.MAX_VALUE ? 0
                : Math.max(0, toHour - Math.max(fromHour, hourOf(firstActivity)));
    }

    static int hourOf(long epochSecond) {
        return (int) Math.floorDiv(epochSecond, SECONDS_PER_HOUR);
    }
}
