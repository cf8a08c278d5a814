package io.github.detective4j.graph;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EntityType;
import io.github.detective4j.model.IpNetwork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs {@link Search}es: candidates from the cheapest index the search allows (exact id, ARN, name), else a scan of
 * the searched types; then every criterion as a filter; then reference order and the cap. Runs under the graph's
 * read lock.
 */
final class Searches {
    private static final EntityType[] TYPES = EntityType.values();

    private final GraphData data;

    Searches(GraphData data) {
        this.data = data;
    }

    SearchResult run(Search search) {
        int limit = search.limit() == 0 ? data.settings.searchLimit() : search.limit();
        IpNetwork cidr = search.cidr() == null ? null : IpNetwork.parse(search.cidr());
        // an IP address's canonical text is lower case: its prefix is compared so too, lowered once here
        String ipPrefix = search.idPrefix() == null ? null : search.idPrefix().toLowerCase(Locale.ROOT);
        List<Node> matches = new ArrayList<>();
        for (Node node : candidates(search)) {
            if (matches(node, search, cidr, ipPrefix)) {
                matches.add(node);
            }
        }
        matches.sort(Comparator.comparing(n -> n.ref));
        List<EntitySummary> found = new ArrayList<>(Math.min(limit, matches.size()));
        for (Node node : matches.subList(0, Math.min(limit, matches.size()))) {
            found.add(summary(node));
        }
        return new SearchResult(search, found, matches.size(), limit, matches.size() > limit);
    }

    private Collection<Node> candidates(Search search) {
        Set<Node> nodes = new LinkedHashSet<>();
        if (search.id() != null) {
            for (EntityType type : TYPES) {
                if (search.searches(type)) {
                    Node node = exact(type, search.id());
                    if (node != null) {
                        nodes.add(node);
                    }
                }
            }
            return nodes;
        }
        if (search.arn() != null) {
            return data.entities.withArn(search.arn());
        }
        if (search.name() != null) {
            return data.entities.withName(search.name());
        }
        for (EntityType type : TYPES) {
            if (search.searches(type)) {
                nodes.addAll(data.entities.ofType(type));
            }
        }
        return nodes;
    }

    private Node exact(EntityType type, String id) {
        try {
            return data.entities.get(EntityRef.of(type, canonical(type, id)));
        } catch (IllegalArgumentException notAnIdOfThisType) {
            return null;
        }
    }

    private static boolean matches(Node node, Search search, IpNetwork cidr, String ipPrefix) {
        EntityRef ref = node.ref;
        Attributes a = node.attributes;
        return search.searches(ref.type())
                && (search.id() == null || ref.id().equals(search.id()) || sameEntity(ref, search.id()))
                && (search.idPrefix() == null || ref.id().startsWith(
                        ref.type() == EntityType.IP_ADDRESS ? ipPrefix : search.idPrefix()))
                && (search.arn() == null || (a != null && search.arn().equals(a.arn)))
                && (search.name() == null || (a != null && search.name().equals(a.name)))
                && (cidr == null || (ref.type() == EntityType.IP_ADDRESS && cidr.contains(ref.id())));
    }

    /** A finding is kept under its bare id: its GuardDuty ARN names it too. */
    private static String canonical(EntityType type, String id) {
        return type == EntityType.FINDING ? FindingState.canonicalId(id) : id;
    }

    /** An id given in another spelling of the same entity (an IPv6 address not in canonical form, a finding's ARN). */
    private static boolean sameEntity(EntityRef ref, String id) {
        try {
            return EntityRef.of(ref.type(), canonical(ref.type(), id)).equals(ref);
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }

    static EntitySummary summary(Node node) {
        Attributes a = node.attributes;
        return new EntitySummary(node.ref,
                node.observed() ? Instant.ofEpochSecond(node.firstSeen) : null,
                node.observed() ? Instant.ofEpochSecond(node.lastSeen) : null,
                a == null ? null : a.name, a == null ? null : a.arn, a == null ? null : a.accountId);
    }
}
