package io.github.detective4j.graph;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EntityType;
import io.github.detective4j.model.IpNetwork;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A search of a behavior graph's entities, as Amazon Detective's search and more: by exact id, id prefix, ARN, name
 * or IP CIDR, within some entity types, every criterion given having to hold. Matching is case-sensitive, as
 * Detective's is; ids are compared in their canonical form (IP addresses normalized). Results are capped
 * ({@link SearchResult#truncated()} says when the cap cut them).
 *
 * <pre>{@code
 * graph.search(Search.name("DetectiveDemo-AdminUser"));
 * graph.search(Search.cidr("10.0.0.0/8").withLimit(100));
 * graph.search(Search.idPrefix("AROA").withTypes(EntityType.AWS_ROLE, EntityType.AWS_ROLE_SESSION));
 * graph.search(Search.builder().types(EntityType.AWS_USER).arn("arn:aws:iam::111122223333:user/alice").build());
 * }</pre>
 *
 * @param types the entity types to search; empty for all
 * @param id the exact id, or null
 * @param idPrefix a prefix of the id, or null; for IP addresses, whose canonical text is lower case, in either case
 * @param arn the exact ARN, or null
 * @param name the exact name (user, role, session or federated user name), or null
 * @param cidr an IPv4 or IPv6 network such as {@code 10.0.0.0/8}, as {@link IpNetwork#parse} reads it; only IP
 *     addresses match; or null
 * @param limit the most results to return, or 0 for the graph's default (10,000 unless configured)
 */
public record Search(Set<EntityType> types, String id, String idPrefix, String arn, String name, String cidr,
        int limit) {
    /**
     * Creates a search.
     *
     * @param types the entity types to search; empty for all
     * @param id the exact id, or null
     * @param idPrefix a prefix of the id, or null
     * @param arn the exact ARN, or null
     * @param name the exact name, or null
     * @param cidr an IP network, or null
     * @param limit the most results, or 0 for the graph's default
     * @throws IllegalArgumentException if no criterion is given, the limit is negative or the CIDR is invalid
     */
    public Search {
        // in the types' order, run after run: Set.copyOf's order changes from one JVM to the next
        types = types == null || types.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(types));
        if (id == null && idPrefix == null && arn == null && name == null && cidr == null) {
            throw new IllegalArgumentException("a search needs an id, id prefix, ARN, name or CIDR");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("search limit must be positive, or 0 for the default; was " + limit);
        }
        if (cidr != null) {
            IpNetwork.parse(cidr);
        }
    }

    /**
     * Searches for one entity by its reference.
     *
     * @param entity the entity
     * @return the search
     */
    public static Search of(EntityRef entity) {
        return builder().types(entity.type()).id(entity.id()).build();
    }

    /**
     * Searches every type for an exact id.
     *
     * @param id the id
     * @return the search
     */
    public static Search id(String id) {
        return builder().id(id).build();
    }

    /**
     * Searches every type for ids that start with a prefix.
     *
     * @param prefix the prefix
     * @return the search
     */
    public static Search idPrefix(String prefix) {
        return builder().idPrefix(prefix).build();
    }

    /**
     * Searches every type for an exact ARN.
     *
     * @param arn the ARN
     * @return the search
     */
    public static Search arn(String arn) {
        return builder().arn(arn).build();
    }

    /**
     * Searches every type for an exact name.
     *
     * @param name the name
     * @return the search
     */
    public static Search name(String name) {
        return builder().name(name).build();
    }

    /**
     * Searches the IP addresses in a network.
     *
     * @param cidr such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}
     * @return the search
     */
    public static Search cidr(String cidr) {
        return builder().types(EntityType.IP_ADDRESS).cidr(cidr).build();
    }

    /**
     * Returns this search restricted to some entity types.
     *
     * @param first a type
     * @param more more types
     * @return a new search
     */
    public Search withTypes(EntityType first, EntityType... more) {
        return new Search(EnumSet.of(first, more), id, idPrefix, arn, name, cidr, limit);
    }

    /**
     * Returns this search with another result cap.
     *
     * @param limit the most results, or 0 for the graph's default
     * @return a new search
     */
    public Search withLimit(int limit) {
        return new Search(types, id, idPrefix, arn, name, cidr, limit);
    }

    /**
     * Tells whether an entity type is searched.
     *
     * @param type a type
     * @return true if {@link #types()} is empty or holds it
     */
    public boolean searches(EntityType type) {
        return types.isEmpty() ? cidr == null || type == EntityType.IP_ADDRESS : types.contains(type);
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Search}. Not thread-safe. */
    public static final class Builder {
        private Set<EntityType> types = EnumSet.noneOf(EntityType.class);
        private String id;
        private String idPrefix;
        private String arn;
        private String name;
        private String cidr;
        private int limit;

        private Builder() {}

        /**
         * Restricts the search to these types.
         *
         * @param types the types
         * @return this builder
         */
        public Builder types(EntityType... types) {
            this.types = EnumSet.noneOf(EntityType.class);
            for (EntityType t : types) {
                this.types.add(Objects.requireNonNull(t, "type"));
            }
            return this;
        }

        /**
         * Matches an exact id.
         *
         * @param id the id
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * Matches ids that start with a prefix.
         *
         * @param idPrefix the prefix
         * @return this builder
         */
        public Builder idPrefix(String idPrefix) {
            this.idPrefix = idPrefix;
            return this;
        }

        /**
         * Matches an exact ARN.
         *
         * @param arn the ARN
         * @return this builder
         */
        public Builder arn(String arn) {
            this.arn = arn;
            return this;
        }

        /**
         * Matches an exact name.
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Matches IP addresses in a network.
         *
         * @param cidr the network
         * @return this builder
         */
        public Builder cidr(String cidr) {
            this.cidr = cidr;
            return this;
        }

        /**
         * Caps the results.
         *
         * @param limit the most results, or 0 for the graph's default
         * @return this builder
         */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /**
         * Builds the search.
         *
         * @return the search
         * @throws IllegalArgumentException as the record's constructor does
         */
        public Search build() {
            return new Search(types, id, idPrefix, arn, name, cidr, limit);
        }
    }
}
