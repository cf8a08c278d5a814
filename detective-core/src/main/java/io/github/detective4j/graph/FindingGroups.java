package io.github.detective4j.graph;

import com.carrotsearch.hppc.cursors.LongObjectCursor;
import com.google.common.hash.Hashing;
import io.github.detective4j.attack.FindingTactics;
import io.github.detective4j.groups.FindingGroup;
import io.github.detective4j.groups.FindingGroupRule;
import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EntityType;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.IpAddresses;
import io.github.detective4j.model.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * Computes finding groups ({@link FindingGroupRule}): findings are vertices of a JGraphT graph, joined when they
 * share a linking key within the rule's window, and each connected component of two or more is a group. Runs under
 * the graph's read lock; the result is cached until the next event arrives.
 */
final class FindingGroups {
    private static final Comparator<Finding> EARLIEST = Comparator.comparing(Finding::firstObserved)
            .thenComparing(Finding::id);

    private final GraphData data;
    private final Function<String, Optional<String>> tacticOfType;
    private long cachedAt = -1;
    private List<FindingGroup> cached = List.of();

    FindingGroups(GraphData data, Function<String, Optional<String>> tacticOfType) {
        this.data = data;
        this.tacticOfType = tacticOfType;
    }

    /** Every group, most severe first, then the most recent. */
    synchronized List<FindingGroup> all() {
        // Readers share the graph's read lock, so the cache has a lock of its own. It lasts until what groups depend
        // on changes (GraphData.linksVersion): a finding, an instance's launcher (a RunInstances), an archive state.
        if (cachedAt != data.linksVersion) {
            cached = compute();
            cachedAt = data.linksVersion;
        }
        return cached;
    }

    Optional<FindingGroup> of(String findingId) {
        EntityRef ref = EntityRef.finding(findingId);
        return all().stream().filter(g -> g.findings().contains(ref)).findFirst();
    }

    private List<FindingGroup> compute() {
        FindingGroupRule rule = data.settings.findingGroups();
        Map<String, Finding> findings = new TreeMap<>();
        for (FindingState state : data.findings.values()) {
            Finding view = state.view();
            if (!view.archived()) { // dismissed: in no group, and no link between others
                findings.put(state.id, everyVersion(view));
            }
        }
        Graph<String, DefaultEdge> links = new SimpleGraph<>(DefaultEdge.class);
        Map<String, List<Finding>> byKey = new HashMap<>();
        for (Finding f : findings.values()) {
            links.addVertex(f.id());
            for (String key : keys(f)) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
            }
        }
        for (Map.Entry<String, List<Finding>> shared : byKey.entrySet()) {
            List<Finding> sharing = shared.getValue();
            if (isHub(shared.getKey(), sharing, rule.maxEntitiesPerLink())) {
                continue;
            }
            sharing.sort(EARLIEST);
            // A sweep in time order: a finding joins the latest-ending one before it when the gap is small enough,
            // which connects everything the pairwise rule would.
            Finding reach = null;
            for (Finding f : sharing) {
                // to the nanosecond, and without overflow for a window of any length
                if (reach != null
                        && Duration.between(reach.lastObserved(), f.firstObserved()).compareTo(rule.window()) <= 0) {
                    links.addEdge(reach.id(), f.id());
                }
                if (reach == null || f.lastObserved().isAfter(reach.lastObserved())) {
                    reach = f;
                }
            }
        }
        List<FindingGroup> groups = new ArrayList<>();
        for (Set<String> component : new ConnectivityInspector<>(links).connectedSets()) {
            if (component.size() > 1) {
                List<Finding> members = component.stream().map(findings::get).sorted(EARLIEST).toList();
                groups.add(group(members));
            }
        }
        groups.sort(Comparator.comparing(FindingGroup::severity).reversed()
                .thenComparing(FindingGroup::lastObserved, Comparator.reverseOrder())
                .thenComparing(FindingGroup::id));
        return List.copyOf(groups);
    }

    /**
     * The finding with the entities of every version the graph read, as its profile and the entities' profiles have
     * them (its relationships): an update that names another remote address keeps the first one's links.
     */
    private Finding everyVersion(Finding f) {
        Node node = data.entities.get(EntityRef.finding(f.id()));
        if (node == null || node.out == null) {
            return f;
        }
        Set<EntityRef> all = new LinkedHashSet<>(f.entities());
        for (LongObjectCursor<Edge> c : node.out) {
            if (c.value.type == RelationshipType.INVOLVES) {
                all.add(c.value.target.ref);
            }
        }
        return all.size() == f.entities().size() ? f : new Finding(f.id(), f.arn(), f.sourceProduct(), f.type(),
                f.title(), f.description(), f.severity(), f.firstObserved(), f.lastObserved(), f.createdAt(),
                f.updatedAt(), f.count(), f.accountId(), f.region(), f.resources(), List.copyOf(all), f.archived());
    }

    /**
     * Whether the findings sharing a key involve more than {@code max} other entities (addresses, accounts and user
     * agents aside): then the key is a hub (a scanner, a shared role, a launcher of many instances) and links none.
     */
    private static boolean isHub(String key, List<Finding> sharing, int max) {
        if (sharing.size() <= 1) {
            return false;
        }
        Set<EntityRef> others = new HashSet<>();
        for (Finding f : sharing) {
            for (EntityRef e : f.entities()) {
                switch (e.type()) {
                    case AWS_ACCOUNT, FINDING, FINDING_GROUP, USER_AGENT, IP_ADDRESS -> { }
                    default -> {
                        if (!e.toString().equals(key) && others.add(e) && others.size() > max) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** What links a finding: its entities, widened to launchers and roles, and its access keys. */
    private Set<String> keys(Finding finding) {
        Set<String> keys = new LinkedHashSet<>();
        for (EntityRef e : finding.entities()) {
            switch (e.type()) {
                case AWS_ACCOUNT, FINDING, FINDING_GROUP, USER_AGENT -> {
                    // Everything in an account shares it; a user agent names a tool, not an actor.
                }
                case IP_ADDRESS -> {
                    if (IpAddresses.isGlobal(e.id())) {
                        keys.add(e.toString());
                    }
                }
                default -> {
                    keys.add(e.toString());
                    Node node = data.entities.get(e);
                    Attributes a = node == null ? null : node.attributes;
                    if (a != null && a.createdBy != null) {
                        keys.add(a.createdBy.ref.toString());
                    }
                    // a session stands for its role, known from its id alone
                    e.issuingRole().ifPresent(role -> keys.add(role.toString()));
                }
            }
        }
        for (AwsResource r : finding.resources()) {
            if (r.type().equals(AwsResource.IAM_ACCESS_KEY)) {
                keys.add("AccessKey/" + r.id());
            }
        }
        return keys;
    }

    private FindingGroup group(List<Finding> members) {
        Finding earliest = members.get(0);
        String id = "fg-" + Hashing.sha256().hashString(earliest.id(), StandardCharsets.UTF_8).toString()
                .substring(0, 16);
        Severity severity = members.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElseThrow();
        Map<String, Integer> namespaces = new TreeMap<>();
        Set<String> tactics = new LinkedHashSet<>();
        Set<EntityRef> entities = new TreeSet<>();
        Instant first = earliest.firstObserved();
        Instant last = earliest.lastObserved();
        for (Finding f : members) {
            namespaces.merge(FindingTactics.namespace(f.type()), 1, Integer::sum);
            tacticOfType.apply(f.type()).ifPresent(tactics::add);
            entities.addAll(f.entities());
            last = f.lastObserved().isAfter(last) ? f.lastObserved() : last;
        }
        StringBuilder title = new StringBuilder().append(members.size()).append(" findings: ");
        namespaces.forEach((ns, n) -> title.append(n).append(' ').append(ns).append(", "));
        title.setLength(title.length() - 2);
        return new FindingGroup(id, title.toString(), severity, members.stream().map(Finding::ref).toList(),
                List.copyOf(entities), List.copyOf(tactics), first, last);
    }
}
