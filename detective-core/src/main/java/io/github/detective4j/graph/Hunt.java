package io.github.detective4j.graph;

import com.carrotsearch.hppc.IntHashSet;
import com.carrotsearch.hppc.cursors.LongObjectCursor;
import io.github.detective4j.hunt.ApiCallActivity;
import io.github.detective4j.hunt.InstanceContact;
import io.github.detective4j.hunt.IpHunt;
import io.github.detective4j.hunt.UserAgentHunt;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EntityType;
import io.github.detective4j.model.IpAddresses;
import io.github.detective4j.model.IpNetwork;
import io.github.detective4j.profile.EntityActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Threat hunting from indicators of compromise across all the data a behavior graph retains, not just a scope: who and
 * what touched an IP address or network, what was done with a user agent, which instances talked to an address
 * lately. Get one with {@link BehaviorGraph#hunt()}; each call reads the graph as it is then, under its shared lock.
 *
 * <pre>{@code
 * Hunt hunt = graph.hunt();
 * hunt.ip("104.16.1.42").instances();                        // every instance that talked to it
 * hunt.ip("44.212.0.0/16").principals();                     // who called from that network
 * hunt.userAgent("aws-cli/1.16.300 Python/2.7.16 ...").apiCalls();
 * hunt.userAgents(Pattern.compile("stratus-red-team_")).principals();
 * hunt.principalsUsing("aws-cli/1.16.300 Python/2.7.16 ...");   // the principals alone, cheaper
 * hunt.instancesTalkingTo("104.16.1.42", Duration.ofDays(7));
 * }</pre>
 *
 * <p>Thread-safe and cheap to keep: it holds no results. Call counts of drill-downs are hourly, so API-call rows have
 * hour-aligned times; relationships keep exact first and last seconds. Calls a principal made past its drill-down cap
 * are folded away from their address and user agent ({@link BehaviorGraph}), so API-call rows miss them; the
 * principal rows, from relationships, do not. An address or user agent first met past an entity's relationship cap
 * is not in the graph at all, so a hunt for it finds nothing: {@link IpHunt#truncated()} and
 * {@link UserAgentHunt#truncated()} say when the caps may have kept evidence of the value hunted for out, and for the
 * answers that are plain lists ({@link #principalsUsing}, {@link #instancesTalkingTo}) {@link #userAgentTruncated}
 * and {@link #ipTruncated} do. They answer for that value, not for the graph: a flood of user agents kept out does
 * not make every hunt say so.
 */
public final class Hunt {
    private static final Comparator<EntityActivity> MOST_ACTIVE =
            Comparator.comparingLong(EntityActivity::total).reversed().thenComparing(EntityActivity::entity);
    private static final Comparator<ApiCallActivity> MOST_CALLS = Comparator.comparingLong(ApiCallActivity::total)
            .reversed().thenComparing(ApiCallActivity::principal).thenComparing(ApiCallActivity::through)
            .thenComparing(ApiCallActivity::eventSource).thenComparing(ApiCallActivity::eventName);
    private static final Comparator<InstanceContact> MOST_BYTES =
            Comparator.comparingLong((InstanceContact c) -> c.bytesToInstance() + c.bytesFromInstance()).reversed()
                    .thenComparing(InstanceContact::instance).thenComparing(InstanceContact::ipAddress);

    private final GraphData data;
    private final Lock lock;

    Hunt(GraphData data, Lock readLock) {
        this.data = data;
        this.lock = readLock;
    }

    /**
     * Hunts an IP address or network.
     *
     * @param ipOrCidr an address ({@code 104.16.1.42}) or a CIDR ({@code 44.212.0.0/16}, {@code 2001:db8::/32})
     * @return everything that touched it
     * @throws IllegalArgumentException if it is neither
     */
    public IpHunt ip(String ipOrCidr) {
        Objects.requireNonNull(ipOrCidr, "IP address or CIDR");
        IpNetwork network = IpNetwork.parse(ipOrCidr);
        return read(() -> {
            String address = single(ipOrCidr, network);
            List<Node> ips = addresses(address, network);
            List<EntityActivity> principals = new ArrayList<>();
            List<EntityActivity> agents = new ArrayList<>();
            List<ApiCallActivity> calls = new ArrayList<>();
            List<InstanceContact> instances = new ArrayList<>();
            Map<Node, IntHashSet> callers = new LinkedHashMap<>();
            IntHashSet ownerless = new IntHashSet();
            long withoutInstance = 0;
            for (Node ip : ips) {
                long byPrincipals = 0;
                long byInstances = 0;
                for (Edge edge : incoming(ip)) {
                    switch (edge.type) {
                        case CALLED_FROM -> {
                            byPrincipals += edge.successes + edge.failures;
                            principals.add(activity(edge, edge.source));
                            callers.computeIfAbsent(edge.source, p -> new IntHashSet()).add(ip.index);
                        }
                        case USED_FROM -> agents.add(activity(edge, edge.source));
                        case COMMUNICATED_WITH -> {
                            InstanceContact contact = contact(edge, Integer.MIN_VALUE);
                            byInstances += contact.bytesToInstance() + contact.bytesFromInstance();
                            instances.add(contact);
                        }
                        default -> {
                            // findings that involve it are found through finding(), not hunted here
                        }
                    }
                }
                withoutInstance += Math.max(0, bytesOf(ip, Integer.MIN_VALUE) - byInstances);
                if (callsOf(ip) > byPrincipals) {
                    ownerless.add(ip.index); // calls no principal made: failed sign-ins with a hidden user name
                }
            }
            if (!ownerless.isEmpty()) {
                ownerlessCallers(ownerless, callers, principals);
            }
            boolean folded = calls(callers, DrillDown.SOURCE_METHOD, calls);
            calls.sort(MOST_CALLS);
            instances.sort(MOST_BYTES);
            return new IpHunt(ipOrCidr, refs(ips), merged(principals), merged(agents), calls, instances,
                    withoutInstance, folded || truncated(ips, EntityType.IP_ADDRESS, address));
        });
    }

    /**
     * Hunts one user agent, exactly as logged (one longer than {@link EntityRef#MAX_USER_AGENT_LENGTH} is found by its
     * shortened id, as the graph keeps it).
     *
     * @param userAgent the user agent
     * @return every call made with it
     */
    public UserAgentHunt userAgent(String userAgent) {
        Objects.requireNonNull(userAgent, "user agent");
        String id = EntityRef.userAgentId(userAgent);
        return userAgents(id, List.of(id), true);
    }

    /**
     * Returns every principal that used a user agent, exactly as logged, in all the data the graph retains: the
     * {@link UserAgentHunt#principals()} of {@link #userAgent(String)} alone. It reads one relationship per principal
     * and none of the drill-downs that the full hunt's addresses and API-call rows need, so for a common agent it
     * answers "who used this" in a small fraction of the full hunt's time.
     *
     * <pre>{@code
     * for (EntityActivity who : graph.hunt().principalsUsing(suspiciousAgent)) {
     *     System.out.println(who.entity() + ": " + who.total() + " calls, last " + who.lastObserved());
     * }
     * }</pre>
     *
     * @param userAgent the user agent
     * @return the principals, most calls first; empty when the graph never saw the agent
     */
    public List<EntityActivity> principalsUsing(String userAgent) {
        Objects.requireNonNull(userAgent, "user agent");
        return read(() -> {
            Node agent = data.entities.get(EntityType.USER_AGENT, EntityRef.userAgentId(userAgent));
            List<EntityActivity> principals = new ArrayList<>();
            if (agent != null) {
                for (Edge edge : incoming(agent)) {
                    if (edge.type == RelationshipType.USED_USER_AGENT) {
                        principals.add(activity(edge, edge.source));
                    }
                }
            }
            principals.sort(MOST_ACTIVE); // one relationship per principal: nothing to merge
            return List.copyOf(principals);
        });
    }

    /**
     * Hunts every user agent a pattern finds ({@link java.util.regex.Matcher#find()}: anywhere in the string). An agent
     * longer than {@link EntityRef#MAX_USER_AGENT_LENGTH} is matched by its shortened id, whose tail is a hash: a
     * pattern for its start finds it, one for its end does not.
     *
     * @param pattern the pattern, such as {@code Pattern.compile("stratus-red-team_")}
     * @return every call made with a matching user agent
     */
    public UserAgentHunt userAgents(Pattern pattern) {
        Objects.requireNonNull(pattern, "pattern");
        // Matched outside the graph's lock: agents are the attacker's text, up to 4,096 chars, and a pattern that
        // backtracks over them must not hold up ingestion meanwhile.
        List<String> agents = read(() -> {
            List<String> ids = new ArrayList<>();
            for (Node node : data.entities.ofType(EntityType.USER_AGENT)) {
                ids.add(node.ref.id());
            }
            return ids;
        });
        List<String> matched = agents.stream().filter(agent -> pattern.matcher(agent).find()).sorted().toList();
        return userAgents(pattern.pattern(), matched, false);
    }

    /**
     * Returns every EC2 instance that exchanged traffic with an address or network in the last days of the graph's
     * traffic (the period ending with its latest flow's end, not a later finding's or call's), with the bytes of that
     * period and first and last seen.
     *
     * @param ipOrCidr an address or CIDR
     * @param period how far back from the graph's latest flow, such as {@code Duration.ofDays(7)}; traffic is kept by
     *     the UTC hour a capture window starts, so the hour the period reaches back into counts whole; a period longer
     *     than the data, up to {@code ChronoUnit.FOREVER.getDuration()}, means all of it
     * @return the instances, most bytes first
     * @throws IllegalArgumentException if the address is invalid or the period is not positive
     */
    public List<InstanceContact> instancesTalkingTo(String ipOrCidr, Duration period) {
        Objects.requireNonNull(ipOrCidr, "IP address or CIDR");
        checkPeriod(period);
        IpNetwork network = IpNetwork.parse(ipOrCidr);
        return read(() -> {
            if (data.lastTraffic == Long.MIN_VALUE) {
                return List.<InstanceContact>of();
            }
            int from = firstHour(period);
            List<InstanceContact> instances = new ArrayList<>();
            for (Node ip : addresses(single(ipOrCidr, network), network)) {
                for (Edge edge : incoming(ip)) {
                    if (edge.type == RelationshipType.COMMUNICATED_WITH && edge.cells.anyIn(from, Integer.MAX_VALUE)) {
                        instances.add(contact(edge, from));
                    }
                }
            }
            instances.sort(MOST_BYTES);
            return List.copyOf(instances);
        });
    }

    /**
     * Returns the bytes of flow records with an address or network in the last days of the graph's traffic that no
     * instance accounts for, as {@link IpHunt#bytesWithoutInstance()} counts them over all the data: the period of
     * {@link #instancesTalkingTo}, beside it.
     *
     * @param ipOrCidr an address or CIDR
     * @param period how far back from the graph's latest flow, as for {@link #instancesTalkingTo}
     * @return the bytes, both ways; 0 when every byte is on an instance
     * @throws IllegalArgumentException if the address is invalid or the period is not positive
     */
    public long bytesWithoutInstance(String ipOrCidr, Duration period) {
        Objects.requireNonNull(ipOrCidr, "IP address or CIDR");
        checkPeriod(period);
        IpNetwork network = IpNetwork.parse(ipOrCidr);
        return read(() -> {
            if (data.lastTraffic == Long.MIN_VALUE) {
                return 0L;
            }
            int from = firstHour(period);
            long without = 0;
            for (Node ip : addresses(single(ipOrCidr, network), network)) {
                long byInstances = 0;
                for (Edge edge : incoming(ip)) {
                    if (edge.type == RelationshipType.COMMUNICATED_WITH) {
                        InstanceContact contact = contact(edge, from);
                        byInstances += contact.bytesToInstance() + contact.bytesFromInstance();
                    }
                }
                without += Math.max(0, bytesOf(ip, from) - byInstances);
            }
            return without;
        });
    }

    private static void checkPeriod(Duration period) {
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the period must be positive, was " + period);
        }
    }

    /**
     * The first hour of a period that ends with the latest flow's end (not a finding's or a call's, which a skewed
     * clock or a finding still updated after the flow logs were deleted would move on) and covers the hour it reaches
     * back into, since traffic is kept by the hour a capture window starts: a window of 10:55 to 11:05 is in the last
     * hour. Counted without overflow: ChronoUnit.FOREVER's duration means all the data.
     */
    private int firstHour(Duration period) {
        long back = Math.min(period.getSeconds(), 1L << 40) + (period.getNano() > 0 ? 1 : 0);
        return GraphData.hourOf(data.lastTraffic - back);
    }

    /**
     * Tells whether the graph's caps may have kept evidence of an address or network out of the hunts for it: what
     * {@link IpHunt#truncated()} says, for the answers that are plain lists ({@link #instancesTalkingTo}). False
     * means that every event that named the address is in the graph's answers, true that an event's relationship
     * or entity was kept out (or, about once in a hundred times for an address the graph never met, that another
     * one was: the graph keeps a Bloom filter, not the ids).
     *
     * @param ipOrCidr an address or CIDR; for a CIDR, any address kept out counts
     * @return whether the caps may have cut the hunts' answers
     * @throws IllegalArgumentException if it is neither an address nor a CIDR
     */
    public boolean ipTruncated(String ipOrCidr) {
        Objects.requireNonNull(ipOrCidr, "IP address or CIDR");
        IpNetwork network = IpNetwork.parse(ipOrCidr);
        String address = single(ipOrCidr, network);
        return read(() -> truncated(addresses(address, network), EntityType.IP_ADDRESS, address));
    }

    /**
     * Tells whether the graph's caps may have kept evidence of a user agent out of the hunts for it: what
     * {@link UserAgentHunt#truncated()} says, for the answer that is a plain list ({@link #principalsUsing}), as
     * {@link #ipTruncated} does for addresses.
     *
     * @param userAgent the user agent, exactly as logged
     * @return whether the caps may have cut the hunts' answers
     */
    public boolean userAgentTruncated(String userAgent) {
        Objects.requireNonNull(userAgent, "user agent");
        String id = EntityRef.userAgentId(userAgent);
        return read(() -> {
            Node node = data.entities.get(EntityType.USER_AGENT, id);
            return truncated(node != null ? List.of(node) : List.of(), EntityType.USER_AGENT, id);
        });
    }

    /** The hunt of the agents whose ids are given, in that order; an id the graph no longer holds is passed over. */
    private UserAgentHunt userAgents(String query, List<String> ids, boolean exact) {
        return read(() -> {
            List<Node> agents = new ArrayList<>();
            for (String id : ids) {
                Node node = data.entities.get(EntityType.USER_AGENT, id);
                if (node != null) {
                    agents.add(node);
                }
            }
            List<EntityActivity> principals = new ArrayList<>();
            List<EntityActivity> ips = new ArrayList<>();
            List<ApiCallActivity> calls = new ArrayList<>();
            Map<Node, IntHashSet> users = new LinkedHashMap<>();
            for (Node agent : agents) {
                for (Edge edge : incoming(agent)) {
                    if (edge.type == RelationshipType.USED_USER_AGENT) {
                        principals.add(activity(edge, edge.source));
                        users.computeIfAbsent(edge.source, p -> new IntHashSet()).add(agent.index);
                    }
                }
                if (agent.out != null) {
                    for (LongObjectCursor<Edge> c : agent.out) {
                        if (c.value.type == RelationshipType.USED_FROM) {
                            ips.add(activity(c.value, c.value.target));
                        }
                    }
                }
            }
            boolean folded = calls(users, DrillDown.AGENT_METHOD, calls);
            calls.sort(MOST_CALLS);
            return new UserAgentHunt(query, refs(agents), merged(principals), merged(ips), calls,
                    folded || truncated(agents, EntityType.USER_AGENT, exact ? query : null));
        });
    }

    /**
     * Whether the caps may have kept evidence out of a hunt's answer: a matched entity lost a relationship or had one
     * kept out with its other end, or the value hunted for ({@code id}, canonical; null for a pattern or a network,
     * where any entity of the type kept out counts) may itself have been kept out.
     */
    private boolean truncated(List<Node> matched, EntityType type, String id) {
        if (id != null ? data.dropped.mayHave(type, id) : data.dropped.any(type)) {
            return true;
        }
        for (Node node : matched) {
            if (node.capped) {
                return true;
            }
        }
        return false;
    }

    /** The canonical address of a query that names one address (a /32 or /128 too); null for a wider network. */
    private static String single(String ipOrCidr, IpNetwork network) {
        if (ipOrCidr.indexOf('/') < 0) {
            return IpAddresses.normalize(ipOrCidr);
        }
        String cidr = network.toString();
        return network.prefix() == network.address().length * 8 ? cidr.substring(0, cidr.indexOf('/')) : null;
    }

    /** The graph's addresses that match: the one {@code address} names ({@link #single}), else those in the network. */
    private List<Node> addresses(String address, IpNetwork network) {
        List<Node> ips = new ArrayList<>();
        if (address != null) {
            Node node = data.entities.get(EntityType.IP_ADDRESS, address);
            if (node != null) {
                ips.add(node);
            }
            return ips;
        }
        for (Node node : data.entities.ofType(EntityType.IP_ADDRESS)) {
            if (network.contains(node.ref.id())) {
                ips.add(node);
            }
        }
        ips.sort(Comparator.comparing(n -> n.ref));
        return ips;
    }

    /** Every call from an address, whoever made it: its own series' total. */
    private static long callsOf(Node ip) {
        if (ip.calls == null) {
            return 0;
        }
        long[] sums = new long[HourCells.CALL_STRIDE];
        ip.calls.sum(Integer.MIN_VALUE, Integer.MAX_VALUE, sums);
        return sums[HourCells.SUCCESS] + sums[HourCells.FAILURE];
    }

    /**
     * The accounts that stand in as the caller of the calls from these addresses that no principal made (their
     * drill-downs hold them by address and method): each a principal row of its own, and a caller whose rows to list.
     */
    private void ownerlessCallers(IntHashSet ips, Map<Node, IntHashSet> callers, List<EntityActivity> principals) {
        for (Node account : data.entities.ofType(EntityType.AWS_ACCOUNT)) {
            if (account.drillDown == null) {
                continue;
            }
            long[] sums = new long[HourCells.CALL_STRIDE];
            int first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
            for (LongObjectCursor<HourCells> c : account.drillDown) {
                if (DrillDown.kind(c.key) == DrillDown.SOURCE_METHOD && ips.contains(DrillDown.first(c.key))) {
                    c.value.sum(Integer.MIN_VALUE, Integer.MAX_VALUE, sums);
                    first = Math.min(first, c.value.firstHour());
                    last = Math.max(last, c.value.lastHour());
                }
            }
            if (first <= last) {
                IntHashSet own = callers.get(account);
                if (own != null) {
                    // an account that is itself a caller (an AWSAccount principal): its drill-down holds both its
                    // own calls and these, so its API-call rows have them; its principal row, from its relationship,
                    // stays its own calls rather than count them twice
                    own.addAll(ips);
                    continue;
                }
                callers.put(account, ips);
                principals.add(new EntityActivity(account.ref, HourWindow.startOf(first), HourWindow.startOf(last),
                        sums[HourCells.SUCCESS], sums[HourCells.FAILURE]));
            }
        }
    }

    /**
     * Each principal's calls through the matched entities (addresses or agents, by index), by method, from its
     * drill-down of one kind: each principal's drill-down walked once, however many of them it used.
     *
     * @return whether a principal's drill-down budget of this kind filled, folding some of its calls away from their
     *     address or agent, so that the rows may lack calls through the matched ones (an {@code (other)} series of
     *     a principal whose budget is not full holds only calls through entities the graph did not keep)
     */
    private boolean calls(Map<Node, IntHashSet> byPrincipal, int kind, List<ApiCallActivity> into) {
        boolean folded = false;
        for (Map.Entry<Node, IntHashSet> e : byPrincipal.entrySet()) {
            Node principal = e.getKey();
            if (principal.drillDown == null) {
                continue;
            }
            boolean full = principal.full(kind, data.settings.maxDrillDownKeys());
            for (LongObjectCursor<HourCells> c : principal.drillDown) {
                if (DrillDown.kind(c.key) != kind) {
                    continue;
                }
                int through = DrillDown.first(c.key);
                if (through == DrillDown.OTHER) {
                    folded |= full;
                } else if (e.getValue().contains(through)) {
                    into.add(call(principal, data.entities.get(through), DrillDown.second(c.key), c.value));
                }
            }
        }
        return folded;
    }

    private ApiCallActivity call(Node principal, Node through, int method, HourCells cells) {
        long[] sums = new long[HourCells.CALL_STRIDE];
        cells.sum(Integer.MIN_VALUE, Integer.MAX_VALUE, sums);
        boolean known = method != DrillDown.OTHER;
        return new ApiCallActivity(principal.ref, through.ref, known ? data.methods.eventSource(method) : "(other)",
                known ? data.methods.eventName(method) : "(other)", sums[HourCells.SUCCESS],
                sums[HourCells.FAILURE], HourWindow.startOf(cells.firstHour()), HourWindow.startOf(cells.lastHour()));
    }

    /**
     * One row per entity, most active first: a network or a pattern matches several addresses or agents, and a
     * principal that used two of them is one principal.
     */
    private static List<EntityActivity> merged(List<EntityActivity> rows) {
        Map<EntityRef, EntityActivity> byEntity = new LinkedHashMap<>();
        for (EntityActivity a : rows) {
            byEntity.merge(a.entity(), a, (x, y) -> new EntityActivity(x.entity(),
                    x.firstObserved().isBefore(y.firstObserved()) ? x.firstObserved() : y.firstObserved(),
                    x.lastObserved().isAfter(y.lastObserved()) ? x.lastObserved() : y.lastObserved(),
                    x.success() + y.success(), x.failure() + y.failure()));
        }
        List<EntityActivity> merged = new ArrayList<>(byEntity.values());
        merged.sort(MOST_ACTIVE);
        return merged;
    }

    /** An edge's activity in all the data: its running totals, which equal the sum of its cells. */
    private static EntityActivity activity(Edge edge, Node other) {
        return new EntityActivity(other.ref, Instant.ofEpochSecond(edge.firstSeen),
                Instant.ofEpochSecond(edge.lastSeen), edge.successes, edge.failures);
    }

    /** Every byte of the address's flow records from an hour on, both ways. */
    private static long bytesOf(Node ip, int fromHour) {
        if (ip.traffic == null) {
            return 0;
        }
        long[] s = new long[HourCells.TRAFFIC_STRIDE];
        ip.traffic.sum(fromHour, Integer.MAX_VALUE, s);
        return s[HourCells.BYTES_IN] + s[HourCells.BYTES_OUT];
    }

    private static InstanceContact contact(Edge edge, int fromHour) {
        long[] s = new long[HourCells.TRAFFIC_STRIDE];
        long hours = edge.cells.sum(fromHour, Integer.MAX_VALUE, s);
        return new InstanceContact(edge.source.ref, edge.target.ref, s[HourCells.BYTES_IN], s[HourCells.BYTES_OUT],
                hours, Instant.ofEpochSecond(edge.firstSeen), Instant.ofEpochSecond(edge.lastSeen));
    }

    private static List<Edge> incoming(Node node) {
        return node.in == null ? List.of() : node.in;
    }

    private static List<EntityRef> refs(List<Node> nodes) {
        return nodes.stream().map(n -> n.ref).toList();
    }

    private <T> T read(Supplier<T> query) {
        lock.lock();
        try {
            return query.get();
        } finally {
            lock.unlock();
        }
    }
}
