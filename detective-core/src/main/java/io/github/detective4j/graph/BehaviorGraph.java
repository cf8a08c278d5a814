package io.github.detective4j.graph;

import com.carrotsearch.hppc.cursors.LongObjectCursor;
import io.github.detective4j.attack.ApiTechniques;
import io.github.detective4j.beacon.BeaconScore;
import io.github.detective4j.beacon.BeaconScorer;
import io.github.detective4j.behavior.Baseline;
import io.github.detective4j.behavior.NewBehavior;
import io.github.detective4j.behavior.NewBehaviorRanking;
import io.github.detective4j.behavior.VolumeIncreaseRule;
import io.github.detective4j.enrich.AsnResolver;
import io.github.detective4j.enrich.GeoLocator;
import io.github.detective4j.groups.FindingGroup;
import io.github.detective4j.groups.FindingGroupRule;
import io.github.detective4j.intel.ThreatIntel;
import io.github.detective4j.investigation.ImpossibleTravelRule;
import io.github.detective4j.investigation.Investigation;
import io.github.detective4j.investigation.InvestigationState;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EntityType;
import io.github.detective4j.model.EventSink;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.model.SecurityEvent;
import io.github.detective4j.profile.Profile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jgrapht.Graph;

/**
 * An in-memory behavior graph, as Amazon Detective builds one from CloudTrail, VPC Flow Logs and findings, with a
 * public query API: entities and their relationships, hourly aggregates of API calls and traffic, search, and
 * profiles.
 *
 * <pre>{@code
 * BehaviorGraph graph = BehaviorGraph.builder().build();
 * AwsLogs.read(Path.of("AWSLogs/")).into(graph);                 // the graph is an EventSink
 *
 * Finding finding = graph.finding("c2b98b95c5440025c05b405065ed3bb9").orElseThrow();
 * Profile ofFinding = graph.profile(finding.ref(), ScopeTime.ofFinding(finding));
 * ofFinding.flowsWithRemoteIp();                                  // bytes per hour between instance and IP
 * graph.profile(EntityRef.ipAddress("104.16.1.42")).instances(); // instances that talked to it lately
 * graph.hunt().ip("104.16.1.42").instances();                    // ... and in all the data
 * graph.search(Search.name("DetectiveDemo-AdminUser"));
 * }</pre>
 *
 * <h2>What the graph keeps</h2>
 * Entities ({@link EntityType}) interned once; relationships ({@link RelationshipType}) with first and last seen and
 * hourly counts; hourly series of API calls (success and failure) per principal, role (its sessions' calls),
 * account (every call in it), IP address, user agent, S3 bucket and API method; hourly traffic (bytes, packets,
 * accepted and rejected records, in and out) per EC2 instance and per IP address; drill-down series per principal
 * (by source IP or service and API method, by access key, by resource) and per instance (by peer IP, local port,
 * remote port and protocol). Hours are epoch hours in UTC; an event counts in the hour of its time (a flow record in
 * the hour its capture window starts). Memory grows with the distinct cells (entity, hour, key), not with the
 * events: a million calls of one principal from one address in one hour are one cell.
 *
 * <h2>High-degree entities</h2>
 * An entity keeps at most {@linkplain Builder#maxRelationshipsPerEntity relationships} of evidence in each direction
 * (addresses, user agents, buckets, peers, findings; 100,000 by default) and at most
 * {@linkplain Builder#maxDrillDownKeysPerEntity drill-down keys} of each kind (10,000 by default). Past the first cap a
 * new relationship is not recorded ({@link GraphStats#droppedRelationships()}), and neither is an entity that only it
 * would name ({@link GraphStats#droppedEntities()}): a user agent, source address, bucket or flow peer new to the graph
 * is not created for an entity at its cap, so a caller that sends a new user agent with every call or rotates IPv6
 * addresses, or an instance flooded from spoofed sources, costs no memory per new value past it; an entity the graph
 * already holds still counts the event. Events no entity owns count against a stand-in, allowed as many new entities as
 * an entity may have relationships: a call without a principal entity (a failed console sign-in with a hidden user
 * name, which needs no credentials) against its account, a flow record without an instance against its interface (or
 * its account, when a custom format leaves the interface out). Membership, sessions and launches are never capped, so a
 * role or an account does not lose its newest sessions or members. Past the second cap, a new key is folded: the part
 * an attacker can vary (the source address, the user agent, the peer and ports) becomes {@code (other)}, and the API
 * method or technique is kept, so a flood of junk user agents or rotating addresses cannot hide a new method
 * ({@link GraphStats#overflowedDrillDowns()}); a resource or a pair of ports first met past the cap is not kept
 * anywhere else either, so the ports of a scan cost no memory past it. A key naming an entity the first cap kept out
 * folds the same way. Either way every call and byte still counts in each kept entity's own series, so totals stay
 * exact (the traffic of a flow record with neither an instance nor a kept peer is counted in {@link GraphStats#flows()}
 * alone), and profiles and new behavior say they are truncated. Hunts say whether the caps cut their answer for the
 * address or user agent hunted for ({@link Hunt#ipTruncated}), from a Bloom filter of the ids kept out (about 1.2 MiB
 * per type, made at the type's first).
 *
 * <h2>Thread safety</h2>
 * A graph is safe to use from many threads at once: any number may ingest while others query. Ingestion takes an
 * exclusive lock per event ({@link #accept}) or per 1,024 events ({@link #ingestAll}); queries take a shared lock, so they
 * run in parallel with each other and each sees every event ingested before it started and none ingested after.
 * The result of ingestion does not depend on the order the events arrive in, nor on how they are split between
 * threads, except for which relationships and keys a capped entity drops or folds, and which instance a flow record
 * without an instance id is attributed to (the first record naming both teaches it). Answers are immutable values.
 * The enrichment seams ({@link Builder#geoLocator}, {@link Builder#asnResolver}, {@link Builder#threatIntel}) are
 * called by queries under the shared lock, so a slow one holds ingestion up: keep them local, or cached.
 */
public final class BehaviorGraph implements EventSink {
    /** Events {@link #ingestAll} ingests per acquisition of the lock. */
    static final int BATCH = 1_024;

    private final GraphData data;
    private final Profiles profiles;
    private final NewBehaviors newBehaviors;
    private final FindingGroups groups;
    private final Investigations investigations;
    private final Searches searches;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Graph<EntityRef, Relationship> view;

    private BehaviorGraph(GraphSettings settings) {
        this.data = new GraphData(settings);
        this.newBehaviors = new NewBehaviors(data);
        TtpIndicators ttps = new TtpIndicators(data);
        this.groups = new FindingGroups(data, ttps::tacticOf);
        this.profiles = new Profiles(data, groups);
        this.investigations = new Investigations(data, newBehaviors, groups, ttps);
        this.searches = new Searches(data);
        this.view = new RelationshipGraph(data, lock.readLock());
    }

    /**
     * Returns a builder.
     *
     * @return a builder with Amazon Detective's defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates a graph with the defaults of {@link Builder}.
     *
     * @return an empty graph
     */
    public static BehaviorGraph create() {
        return builder().build();
    }

    // ---------------------------------------------------------------- ingestion

    /**
     * Ingests one event: an {@code ApiCall}, a {@code NetworkFlow} or a {@code Finding}. Flow records without traffic
     * ({@code NODATA}, {@code SKIPDATA}) are counted and otherwise ignored; events dated outside the years 1970 to
     * 9999 are counted as refused. Entity ids in an event that do not fit their type's shape are left out of the
     * graph, and the rest of the event still counts. Never throws for a valid model event.
     *
     * @param event the event
     * @throws NullPointerException if {@code event} is null
     */
    @Override
    public void accept(SecurityEvent event) {
        Objects.requireNonNull(event, "event");
        lock.writeLock().lock();
        try {
            data.ingest(event);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Ingests events, the same as {@link #accept} for each but cheaper: the lock is taken once per
     * 1,024 events, not once per event, and released between batches so that queries are not held off by a
     * long ingest; and the callers of a batch are looked up together, which overlaps their cache misses (about a
     * tenth of ingest on a graph of 1M events, a fifth on one of 10M).
     *
     * @param events the events
     * @throws NullPointerException if {@code events} or one of them is null; the events before it are ingested
     */
    public void ingestAll(Iterable<? extends SecurityEvent> events) {
        Objects.requireNonNull(events, "events");
        Iterator<? extends SecurityEvent> it = events.iterator();
        while (it.hasNext()) {
            lock.writeLock().lock();
            try {
                data.ingestBatch(it);
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /**
     * Ingests a batch from a source, the same as {@link #ingestAll}.
     *
     * @param events the events
     * @throws NullPointerException if {@code events} or one of them is null; the events before it are ingested
     */
    @Override
    public void acceptAll(List<? extends SecurityEvent> events) {
        ingestAll(events);
    }

    // ---------------------------------------------------------------- entities and relationships

    /**
     * Tells whether the graph holds an entity.
     *
     * @param entity the entity
     * @return true if an event or finding named it
     */
    public boolean contains(EntityRef entity) {
        Objects.requireNonNull(entity, "entity");
        return read(() -> data.entities.get(entity) != null);
    }

    /**
     * Returns what the graph knows of an entity in brief.
     *
     * @param entity the entity
     * @return its summary, or empty when the graph does not hold it
     */
    public Optional<EntitySummary> entity(EntityRef entity) {
        Objects.requireNonNull(entity, "entity");
        return read(() -> Optional.ofNullable(data.entities.get(entity)).map(Searches::summary));
    }

    /**
     * Returns every relationship of an entity, both directions, with first and last seen and totals over all time,
     * ordered by type, then by the other entity.
     *
     * @param entity the entity
     * @return the relationships; empty when the graph does not hold the entity
     */
    public List<RelationshipSummary> relationships(EntityRef entity) {
        Objects.requireNonNull(entity, "entity");
        return read(() -> {
            Node node = data.entities.get(entity);
            List<RelationshipSummary> out = new ArrayList<>();
            if (node == null) {
                return out;
            }
            if (node.out != null) {
                for (LongObjectCursor<Edge> c : node.out) {
                    out.add(summary(c.value));
                }
            }
            if (node.in != null) {
                for (Edge edge : node.in) {
                    out.add(summary(edge));
                }
            }
            out.sort(Comparator.comparing((RelationshipSummary r) -> r.relationship().type())
                    .thenComparing(r -> r.relationship().source())
                    .thenComparing(r -> r.relationship().target()));
            return out;
        });
    }

    /**
     * Searches the entities.
     *
     * @param search what to look for
     * @return the entities found, capped by the search's limit or the graph's default
     */
    public SearchResult search(Search search) {
        Objects.requireNonNull(search, "search");
        return read(() -> searches.run(search));
    }

    /**
     * Returns a live, read-only JGraphT view of the entities (vertices) and relationships (edges), for JGraphT's
     * algorithms: shortest paths between a finding and a principal, connected components, centrality. Each call of
     * the view reads the graph as it is then, under the shared lock; the sets it returns are copies.
     *
     * <pre>{@code
     * var path = new DijkstraShortestPath<>(new AsUndirectedGraph<>(graph.asGraph()))
     *     .getPath(finding.ref(), EntityRef.user("AIDA..."));
     * }</pre>
     *
     * @return the view; mutators throw {@link UnsupportedOperationException}
     */
    public Graph<EntityRef, Relationship> asGraph() {
        return view;
    }

    // ---------------------------------------------------------------- findings

    /**
     * Returns a finding by id, as the graph holds it: its newest version, with the archive state in force here.
     * A GuardDuty finding's ARN (as Security Hub's ASFF {@code Id} carries it) finds it too.
     *
     * @param id the finding id, or a GuardDuty finding ARN
     * @return the finding, or empty
     */
    public Optional<Finding> finding(String id) {
        Objects.requireNonNull(id, "finding id");
        return read(() -> Optional.ofNullable(data.findings.get(FindingState.canonicalId(id))).map(FindingState::view));
    }

    /**
     * Returns every finding, most severe first, then the most recently observed.
     *
     * @return the findings
     */
    public List<Finding> findings() {
        return read(() -> data.findings.values().stream().map(FindingState::view)
                .sorted(Comparator.comparing(Finding::severity).reversed()
                        .thenComparing(Finding::lastObserved, Comparator.reverseOrder())
                        .thenComparing(Finding::id))
                .toList());
    }

    /**
     * Archives a finding in this graph, as an investigator does in Detective: the state holds whatever later
     * versions of the finding say of their own.
     *
     * @param id the finding id, or a GuardDuty finding ARN
     * @throws NoSuchElementException if the graph holds no such finding
     */
    public void archive(String id) {
        setArchived(id, true);
    }

    /**
     * Unarchives a finding in this graph.
     *
     * @param id the finding id, or a GuardDuty finding ARN
     * @throws NoSuchElementException if the graph holds no such finding
     */
    public void unarchive(String id) {
        setArchived(id, false);
    }

    private void setArchived(String id, boolean archived) {
        Objects.requireNonNull(id, "finding id");
        lock.writeLock().lock();
        try {
            FindingState state = data.findings.get(FindingState.canonicalId(id));
            if (state == null) {
                throw new NoSuchElementException("no finding '" + id + "' in this graph");
            }
            state.archived = archived;
            data.version++;
            data.linksVersion++; // finding groups leave archived findings out
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---------------------------------------------------------------- finding groups

    /**
     * Returns the finding groups: findings linked through shared entities within the configured window
     * ({@link FindingGroupRule}), most severe first. Groups follow the findings: each call reflects every finding
     * ingested before it.
     *
     * @return the groups
     */
    public List<FindingGroup> findingGroups() {
        return read(groups::all);
    }

    /**
     * Returns a finding group by id.
     *
     * @param id the group's id, {@code fg-...}
     * @return the group, or empty
     */
    public Optional<FindingGroup> findingGroup(String id) {
        Objects.requireNonNull(id, "finding group id");
        return read(() -> groups.all().stream().filter(g -> g.id().equals(id)).findFirst());
    }

    // ---------------------------------------------------------------- investigations

    /**
     * Investigates an IAM user or role over a scope, as Amazon Detective's investigations do: its indicators of
     * compromise (new geolocations, ASOs and user agents; ATT&amp;CK techniques of its calls and of related findings'
     * types; impossible travel; flagged addresses; related findings and finding groups) and a severity derived by the
     * rule documented on {@link Investigation}. The same entity and scope give the same investigation id, and keep its
     * state and created time; the indicators are computed anew from the graph as it is.
     *
     * @param userOrRole an {@code AwsUser} or {@code AwsRole}
     * @param scope the scope time
     * @return the investigation
     * @throws IllegalArgumentException for other entity types (a role session's role is what to investigate)
     */
    public Investigation investigate(EntityRef userOrRole, ScopeTime scope) {
        Objects.requireNonNull(userOrRole, "user or role");
        Objects.requireNonNull(scope, "scope");
        return read(() -> investigations.investigate(userOrRole, scope));
    }

    /**
     * Returns every investigation run on this graph, computed anew, by id.
     *
     * @return the investigations
     */
    public List<Investigation> investigations() {
        return read(investigations::all);
    }

    /**
     * Sets an investigation's state, as Detective's {@code UpdateInvestigationState} does.
     *
     * @param investigationId the investigation's id
     * @param state active or archived
     * @throws NoSuchElementException if no such investigation was run on this graph
     */
    public void updateInvestigationState(String investigationId, InvestigationState state) {
        Objects.requireNonNull(investigationId, "investigation id");
        Objects.requireNonNull(state, "state");
        investigations.updateState(investigationId, state);
    }

    // ---------------------------------------------------------------- hunting

    /**
     * Returns the hunting API: who and what touched an IP address, network or user agent, across all retained data.
     *
     * @return a hunt over this graph
     */
    public Hunt hunt() {
        return new Hunt(data, lock.readLock());
    }

    // ---------------------------------------------------------------- profiles

    /**
     * Returns an entity's profile over a scope time: the panels of its type ({@link Profile}). An entity the graph
     * does not hold has an empty profile.
     *
     * @param entity the entity
     * @param scope the scope time
     * @return the profile
     */
    public Profile profile(EntityRef entity, ScopeTime scope) {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(scope, "scope");
        return read(() -> profiles.profile(canonical(entity), scope));
    }

    /**
     * Returns an entity's profile over its default scope time, as Detective chooses it: for a finding, its first to
     * last observation ({@link ScopeTime#ofFinding}; the last 366 days of it for a longer one); for any other entity, the 24 hours ending with the graph's
     * latest event (the last 24 hours, for a graph fed live).
     *
     * @param entity the entity
     * @return the profile
     */
    public Profile profile(EntityRef entity) {
        Objects.requireNonNull(entity, "entity");
        EntityRef ref = canonical(entity);
        return read(() -> profiles.profile(ref, defaultScope(ref)));
    }

    /** A finding named by its GuardDuty ARN is the finding the graph keeps under its bare id. */
    private static EntityRef canonical(EntityRef entity) {
        return entity.type() == EntityType.FINDING ? EntityRef.finding(FindingState.canonicalId(entity.id())) : entity;
    }

    private ScopeTime defaultScope(EntityRef entity) {
        if (entity.type() == EntityType.FINDING) {
            FindingState state = data.findings.get(entity.id());
            if (state != null) {
                return ScopeTime.ofFinding(state.latest); // the last 366 days of one observed for longer
            }
        }
        Instant end = data.lastEvent == Long.MIN_VALUE ? Instant.now() : Instant.ofEpochSecond(data.lastEvent);
        Instant endHour = Instant.ofEpochSecond(ScopeTime.epochHour(end) * 3600).plus(ScopeTime.HOUR);
        return ScopeTime.of(endHour.minus(Duration.ofHours(24)), endHour);
    }

    /**
     * Scores how periodic an EC2 instance's traffic with an IP address was over a scope (RITA's beacon analysis,
     * adapted to VPC Flow Logs' capture windows; see {@code BeaconScorer}), from the pair's latest flow records (the
     * graph keeps {@linkplain Builder#maxBeaconSamples a bounded number}). The same score stands on finding and IP
     * profiles. A scope shorter than 24 hours is judged over the 24 hours ending with it, RITA's own window: an
     * hour is too short for its histogram and duration scores to mean anything.
     *
     * @param instance the instance
     * @param ip the remote address
     * @param scope the scope time
     * @return the score; a pair without traffic in the scope scores 0 with a reason
     */
    public BeaconScore beacon(EntityRef instance, EntityRef ip, ScopeTime scope) {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(scope, "scope");
        return read(() -> {
            Node from = data.entities.get(instance);
            Node to = data.entities.get(ip);
            Edge edge = from == null || to == null ? null : from.outgoing(RelationshipType.COMMUNICATED_WITH, to);
            HourWindow w = new HourWindow(scope, data.settings);
            if (edge == null) {
                long start = scope.start().getEpochSecond();
                return data.settings.beacons().score(new long[0], new long[0], start, scope.end().getEpochSecond());
            }
            return profiles.beacon(edge, w);
        });
    }

    // ---------------------------------------------------------------- new behavior

    /**
     * Returns the baseline a scope is compared with: the window before it and whether the graph is still in
     * training for it.
     *
     * @param scope the scope time
     * @return the baseline
     */
    public Baseline baseline(ScopeTime scope) {
        Objects.requireNonNull(scope, "scope");
        return read(() -> newBehaviors.baseline(scope));
    }

    /**
     * Returns what a principal (account, user, role, role session, federated user) or an S3 bucket did in the scope
     * that it had not done in the baseline: new geolocations, API methods, ASOs and user agents, and methods called
     * significantly more than their baseline rate ({@link NewBehavior}). Other entity types, and entities the graph
     * does not hold, have nothing new.
     *
     * @param entity the entity
     * @param scope the scope time
     * @return the new behavior
     */
    public NewBehavior newBehavior(EntityRef entity, ScopeTime scope) {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(scope, "scope");
        return read(() -> newBehaviors.of(entity, scope));
    }

    /**
     * Ranks the users, federated users and roles active in a scope by how much new behavior they show, across the
     * whole graph: where to look first.
     *
     * @param scope the scope time
     * @return the ranking, principals with nothing new left out
     */
    public NewBehaviorRanking newBehavior(ScopeTime scope) {
        Objects.requireNonNull(scope, "scope");
        return read(() -> newBehaviors.rank(scope));
    }

    // ---------------------------------------------------------------- statistics

    /**
     * Returns the graph's size and what it refused or capped.
     *
     * @return the statistics, as of this call
     */
    public GraphStats stats() {
        return read(() -> {
            Map<EntityType, Integer> byType = new EnumMap<>(EntityType.class);
            for (EntityType type : EntityType.values()) {
                byType.put(type, data.entities.count(type));
            }
            long[] cells = new long[2];
            data.forEachSeries(series -> {
                cells[0] += series.size();
                cells[1] += series.retainedBytes();
            });
            for (Node node : data.entities.all()) {
                if (node.out != null) {
                    for (LongObjectCursor<Edge> c : node.out) {
                        if (c.value.samples != null) {
                            cells[1] += c.value.samples.retainedBytes();
                        }
                    }
                }
            }
            return new GraphStats(byType, data.relationships, data.apiCalls, data.flows, data.flowsWithoutTraffic,
                    data.findingUpdates, data.findings.size(), data.refusedEvents, data.droppedRelationships,
                    data.overflowedDrillDowns, data.droppedEntities,
                    data.firstEvent == Long.MAX_VALUE ? null : Instant.ofEpochSecond(data.firstEvent),
                    data.lastEvent == Long.MIN_VALUE ? null : Instant.ofEpochSecond(data.lastEvent),
                    cells[0], cells[1]);
        });
    }

    // ---------------------------------------------------------------- for GraphStore

    GraphSettings settings() {
        return data.settings;
    }

    /** The archive states investigators set here, by canonical finding id. */
    Map<String, Boolean> archiveStates() {
        return read(() -> {
            Map<String, Boolean> states = new HashMap<>();
            for (FindingState state : data.findings.values()) {
                if (state.archived != null) {
                    states.put(state.id, state.archived);
                }
            }
            return states;
        });
    }

    /**
     * Replaces what the graph holds with {@code fresh} (when given), keeping the archive states set meanwhile, and
     * sets archive states, at once for queries. Archive states of findings the graph does not hold are left out.
     */
    void restore(GraphData fresh, Map<String, Boolean> archiveStates) {
        lock.writeLock().lock();
        try {
            if (fresh != null) {
                for (FindingState old : data.findings.values()) {
                    FindingState kept = fresh.findings.get(old.id);
                    if (old.archived != null && kept != null) {
                        kept.archived = old.archived;
                    }
                }
                data.adopt(fresh);
            }
            archiveStates.forEach((id, archived) -> {
                FindingState state = data.findings.get(id);
                if (state != null) {
                    state.archived = archived;
                }
            });
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static RelationshipSummary summary(Edge edge) {
        long[] sums = new long[HourCells.TRAFFIC_STRIDE];
        long hours = edge.cells == null ? 0 : edge.cells.sum(Integer.MIN_VALUE, Integer.MAX_VALUE, sums);
        boolean traffic = edge.type.isTraffic();
        return new RelationshipSummary(edge.relationship(), Instant.ofEpochSecond(edge.firstSeen),
                Instant.ofEpochSecond(edge.lastSeen), hours,
                traffic ? 0 : sums[HourCells.SUCCESS], traffic ? 0 : sums[HourCells.FAILURE],
                traffic ? sums[HourCells.BYTES_OUT] : 0, traffic ? sums[HourCells.BYTES_IN] : 0);
    }

    private <T> T read(Supplier<T> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Configures a {@link BehaviorGraph}. The defaults are Amazon Detective's where it has one. Not thread-safe.
     */
    public static final class Builder {
        /** Addresses whose location and AS the graph remembers. */
        static final long GEO_CACHE = 100_000;

        private Duration baseline = ScopeTime.DEFAULT_BASELINE;
        private Duration trainingPeriod = Duration.ofDays(14);
        private Duration profileContext = Duration.ofHours(24);
        private int maxRelationships = 100_000;
        private int maxDrillDownKeys = 10_000;
        private int searchLimit = 10_000;
        private int maxBeaconSamples = 2_048;
        private GeoLocator geoLocator = GeoLocator.none();
        private AsnResolver asnResolver = AsnResolver.none();
        private VolumeIncreaseRule volumeIncrease = VolumeIncreaseRule.DEFAULT;
        private FindingGroupRule findingGroups = FindingGroupRule.DEFAULT;
        private ImpossibleTravelRule impossibleTravel = ImpossibleTravelRule.DEFAULT;
        private ApiTechniques apiTechniques = ApiTechniques.builtIn();
        private ThreatIntel threatIntel = ThreatIntel.none();
        private BeaconScorer beacons = BeaconScorer.create();
        private Map<String, String> networkInterfaces = Map.of();
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * Sets where IP addresses are, for new geolocations and impossible travel: a {@code MaxMindGeo} over a
         * GeoLite2 or GeoIP2 City database, a {@code GeoTable}, or a locator of your own, which must be thread-safe.
         * The graph asks it about every address a principal used, so it keeps the answers in a cache of
         * 100,000 addresses ({@link GeoLocator#cached}). Without one, no geolocation is new.
         *
         * @param locator the locator
         * @return this builder
         */
        public Builder geoLocator(GeoLocator locator) {
            this.geoLocator = GeoLocator.cached(Objects.requireNonNull(locator, "geo locator"), GEO_CACHE);
            return this;
        }

        /**
         * Sets which autonomous system IP addresses belong to, for new ASOs; thread-safe and cached, as for
         * {@link #geoLocator}. Without one, no ASO is new.
         *
         * @param resolver the resolver
         * @return this builder
         */
        public Builder asnResolver(AsnResolver resolver) {
            this.asnResolver = AsnResolver.cached(Objects.requireNonNull(resolver, "ASN resolver"), GEO_CACHE);
            return this;
        }

        /**
         * Sets when an API method's volume counts as increased over its baseline.
         *
         * @param rule the rule; default {@link VolumeIncreaseRule#DEFAULT}
         * @return this builder
         */
        public Builder volumeIncrease(VolumeIncreaseRule rule) {
            this.volumeIncrease = Objects.requireNonNull(rule, "volume increase rule");
            return this;
        }

        /**
         * Sets the baseline: how far before a scope's start profiles look for typical behavior.
         *
         * @param length whole hours, from 1 hour to 366 days; default 45 days
         * @return this builder
         * @throws IllegalArgumentException if out of range or not whole hours
         */
        public Builder baseline(Duration length) {
            this.baseline = wholeHours(length, "baseline", ScopeTime.MAX_LENGTH, false);
            return this;
        }

        /**
         * Sets the baseline in days; the same as {@code baseline(Duration.ofDays(days))}.
         *
         * @param days 1 to 366; default 45
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder baselineDays(int days) {
            if (days < 1 || days > 366) {
                throw new IllegalArgumentException("baseline days must be 1 to 366, was " + days);
            }
            return baseline(Duration.ofDays(days));
        }

        /**
         * Sets the training period: while the graph holds less data than this before a scope's start, profiles say
         * they are in training.
         *
         * @param length zero or more whole hours, at most 366 days; default 14 days
         * @return this builder
         * @throws IllegalArgumentException if out of range or not whole hours
         */
        public Builder trainingPeriod(Duration length) {
            Objects.requireNonNull(length, "training period");
            this.trainingPeriod = wholeHours(length, "training period", ScopeTime.MAX_LENGTH, true);
            return this;
        }

        /**
         * Sets how much time before and after the scope the hourly series of a profile show, and how far around the
         * scope its findings are looked for.
         *
         * @param length zero or more whole hours, at most 30 days; default 24 hours
         * @return this builder
         * @throws IllegalArgumentException if out of range or not whole hours
         */
        public Builder profileContext(Duration length) {
            Objects.requireNonNull(length, "profile context");
            this.profileContext = wholeHours(length, "profile context", Duration.ofDays(30), true);
            return this;
        }

        /**
         * Caps the relationships an entity keeps in each direction.
         *
         * @param max at least 1; default 100,000
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxRelationshipsPerEntity(int max) {
            this.maxRelationships = positive(max, "max relationships per entity");
            return this;
        }

        /**
         * Caps the drill-down keys an entity keeps of each kind: for a principal, its (source, method), (user agent,
         * method), access key, resource, technique and internal user-agent keys; for an instance, its (peer, ports)
         * rows; an account's (everyone's sources, methods and user agents) are capped by
         * {@link #maxRelationshipsPerEntity} instead. Past the cap, keys are folded as the class documentation says.
         *
         * @param max at least 1; default 10,000
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxDrillDownKeysPerEntity(int max) {
            this.maxDrillDownKeys = positive(max, "max drill-down keys per entity");
            return this;
        }

        /**
         * Sets the result cap of searches that do not set their own.
         *
         * @param limit at least 1; default 10,000
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder searchLimit(int limit) {
            this.searchLimit = positive(limit, "search limit");
            return this;
        }

        /**
         * Sets when consecutive calls count as impossible travel.
         *
         * @param rule the rule; default {@link ImpossibleTravelRule#DEFAULT} (900 km/h, 100 km)
         * @return this builder
         */
        public Builder impossibleTravel(ImpossibleTravelRule rule) {
            this.impossibleTravel = Objects.requireNonNull(rule, "impossible travel rule");
            return this;
        }

        /**
         * Sets which CloudTrail API methods count as which ATT&amp;CK techniques, for {@code TTP_OBSERVED}.
         *
         * @param techniques the table; default {@link ApiTechniques#builtIn()}
         * @return this builder
         */
        public Builder apiTechniques(ApiTechniques techniques) {
            this.apiTechniques = Objects.requireNonNull(techniques, "API techniques");
            return this;
        }

        /**
         * Sets the threat intelligence that flags addresses, for {@code FLAGGED_IP_ADDRESS}: a
         * {@code ThreatIntelList} of IPs and CIDRs, or a seam of your own (thread-safe).
         *
         * @param intel the intelligence; default none
         * @return this builder
         */
        public Builder threatIntel(ThreatIntel intel) {
            this.threatIntel = Objects.requireNonNull(intel, "threat intelligence");
            return this;
        }

        /**
         * Sets how instance–IP pairs are scored as beacons (periodic traffic), on finding and IP profiles.
         *
         * @param scorer the scorer; default {@link BeaconScorer#create()}, RITA's defaults over 10-minute capture
         *     windows
         * @return this builder
         */
        public Builder beacons(BeaconScorer scorer) {
            this.beacons = Objects.requireNonNull(scorer, "beacon scorer");
            return this;
        }

        /**
         * Sets the clock that stamps investigations' created times, for reproducible tests.
         *
         * @param clock the clock; default the system's, UTC
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets when findings belong to one group.
         *
         * @param rule the rule; default {@link FindingGroupRule#DEFAULT} (24 hours)
         * @return this builder
         */
        public Builder findingGroups(FindingGroupRule rule) {
            this.findingGroups = Objects.requireNonNull(rule, "finding group rule");
            return this;
        }

        /**
         * Sets how many of its latest flow records each instance–IP pair keeps for beacon scoring: merged per capture
         * window, 16 bytes each, so the default holds about 14 days of a beacon seen through 10-minute windows or
         * 34 hours through 1-minute ones. Zero turns beacon scoring off.
         *
         * @param max 0 or more; default 2,048
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder maxBeaconSamples(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("max beacon samples must be 0 or more, was " + max);
            }
            this.maxBeaconSamples = max;
            return this;
        }

        /**
         * Tells the graph which instance each network interface belongs to, for VPC Flow Log records that name only
         * their interface: the default (version 2) format has {@code interface-id} but no {@code instance-id}, and
         * without an instance such a record's traffic is on the remote address alone, so no hunt or profile finds
         * an instance that exchanged it. The graph also learns interfaces by itself, and what it learns wins over
         * this table: from records that name both, from successful CloudTrail calls that name instances and their
         * interfaces ({@code RunInstances}, {@code AttachNetworkInterface}), and from findings on one instance that
         * name its interfaces (GuardDuty's {@code instanceDetails}, ASFF's {@code AwsEc2Instance}), from then on.
         * This table is for the instances launched before the logs begin; {@code NetworkInterfaces.read} in
         * {@code detective-aws-sources} makes one of {@code aws ec2 describe-network-interfaces} output. A
         * {@code GraphStore} keeps what the graph learned when retention rebuilds it, but a store reopened after
         * retention dropped the events that taught an interface has forgotten it: for long-lived instances, the
         * table is what lasts.
         *
         * <pre>{@code
         * BehaviorGraph graph = BehaviorGraph.builder()
         *         .networkInterfaces(Map.of("eni-0f4e4d2d71627dd38", "i-0690cd354a0c3850c"))
         *         .build();
         * }</pre>
         *
         * @param instanceByInterface instance ids ({@code i-...}) by interface id ({@code eni-...}); copied
         * @return this builder
         * @throws NullPointerException if the map, a key or a value is null
         * @throws IllegalArgumentException if a value is not an instance id the graph accepts
         */
        public Builder networkInterfaces(Map<String, String> instanceByInterface) {
            Objects.requireNonNull(instanceByInterface, "network interfaces");
            instanceByInterface.forEach((eni, instance) -> {
                Objects.requireNonNull(eni, "network interface id");
                EntityRef.ec2Instance(Objects.requireNonNull(instance, "instance id of " + eni));
            });
            this.networkInterfaces = Map.copyOf(instanceByInterface);
            return this;
        }

        /**
         * Builds an empty graph.
         *
         * @return the graph
         */
        public BehaviorGraph build() {
            return new BehaviorGraph(new GraphSettings(baseline, trainingPeriod, profileContext, maxRelationships,
                    maxDrillDownKeys, searchLimit, maxBeaconSamples, geoLocator, asnResolver, volumeIncrease,
                    findingGroups, impossibleTravel, apiTechniques, threatIntel, beacons, networkInterfaces, clock));
        }

        private static Duration wholeHours(Duration length, String what, Duration max, boolean zeroAllowed) {
            Objects.requireNonNull(length, what);
            if (zeroAllowed && length.isZero()) {
                return length;
            }
            if (length.isNegative() || length.isZero() || length.toSeconds() % 3600 != 0 || length.getNano() != 0
                    || length.compareTo(max) > 0) {
                throw new IllegalArgumentException(what + " must be " + (zeroAllowed ? "zero or a whole number of"
                        + " hours" : "a positive number of whole hours") + ", at most " + max.toDays() + " days; was "
                        + length);
            }
            return length;
        }

        private static int positive(int value, String what) {
            if (value < 1) {
                throw new IllegalArgumentException(what + " must be at least 1, was " + value);
            }
            return value;
        }
    }
}
