package io.github.detective4j.graph;

/**
 * The keys of an entity's drill-down series, packed into a {@code long}: a kind in the top bits and two 30-bit
 * parts, so that the per-event lookups neither allocate nor box.
 *
 * <table>
 *   <caption>Drill-down kinds</caption>
 *   <tr><th>kind</th><th>owner</th><th>first part</th><th>second part</th><th>series</th></tr>
 *   <tr><td>{@link #SOURCE_METHOD}</td><td>principal, S3 bucket</td><td>the caller's source: an IP entity, or an
 *       AWS service ({@link #SERVICE})</td><td>the API method</td><td>calls</td></tr>
 *   <tr><td>{@link #ACCESS_KEY}</td><td>principal</td><td>the access key id</td><td>0</td><td>calls</td></tr>
 *   <tr><td>{@link #RESOURCE}</td><td>principal</td><td>the resource ({@code type id})</td><td>0</td><td>calls</td></tr>
 *   <tr><td>{@link #FLOW}</td><td>EC2 instance</td><td>the peer IP entity</td><td>local port, remote port and
 *       protocol</td><td>traffic</td></tr>
 *   <tr><td>{@link #USER_AGENT}</td><td>principal (internal calls only: its relationships count the rest), S3
 *       bucket</td><td>the user agent entity</td><td>1 for calls an AWS service made for the caller
 *       ({@code sourceIPAddress} a service name), 0 for calls from an IP address</td><td>calls</td></tr>
 *   <tr><td>{@link #SOURCE}, {@link #METHOD}, {@link #USER_AGENT}</td><td>account</td><td>a source, an API method,
 *       a user agent used by anyone in the account</td><td>0</td><td>calls</td></tr>
 *   <tr><td>{@link #AGENT_METHOD}</td><td>principal</td><td>the user agent entity</td><td>the API
 *       method</td><td>calls</td></tr>
 *   <tr><td>{@link #TECHNIQUE}</td><td>principal</td><td>a technique a call's own content matched
 *       ({@code GraphData.techniques})</td><td>the caller's source</td><td>calls</td></tr>
 * </table>
 *
 * <p>An entity keeps at most a configured number of drill-down keys of each kind (an account, whose keys are
 * everyone's, as many as it may have relationships), so that a flood of one kind (attacker-chosen user agents, a
 * rotation of addresses) cannot crowd out another. Past the budget a key is folded ({@link #overflow}): the part an
 * attacker can vary (the source, the user agent, the peer and ports) becomes {@link #OTHER} and the API method or
 * technique is kept, so totals stay exact, rows stay bounded, and a new method or technique is still seen as one. A
 * resource or a flow's ports and protocol that the graph's dictionary has not met yet are not added to it for a key
 * that folds ({@code GraphData.mayGrow}): the dictionary is graph-wide, and would otherwise keep every value a flood
 * brings. A key whose source, user agent or peer is an entity the graph did not create (past the owner's
 * relationship cap, {@code GraphData.target}) has {@link #OTHER} for that part, and folds the same way.
 */
final class DrillDown {
    static final int SOURCE_METHOD = 1;
    static final int ACCESS_KEY = 2;
    static final int RESOURCE = 3;
    static final int FLOW = 4;
    static final int USER_AGENT = 5;
    static final int SOURCE = 6;
    static final int METHOD = 7;
    static final int AGENT_METHOD = 8;
    static final int TECHNIQUE = 9;

    /** Largest part value, and the part of the overflow key. */
    static final int OTHER = (1 << 30) - 1;
    /** Marks a source part that is an AWS service name rather than an IP entity. */
    static final int SERVICE = 1 << 29;

    private DrillDown() {}

    static long key(int kind, int first, int second) {
        return ((long) kind << 60) | ((long) first << 30) | second;
    }

    /** Kinds there are, for per-kind budgets. */
    static final int KINDS = 16;

    /** The key a key folds into past its kind's budget: the varying part {@link #OTHER}, the method kept. */
    static long overflow(long key) {
        return switch (kind(key)) {
            case SOURCE_METHOD, AGENT_METHOD -> key(kind(key), OTHER, second(key));
            case TECHNIQUE -> key(TECHNIQUE, first(key), OTHER);
            default -> key(kind(key), OTHER, OTHER);
        };
    }

    /**
     * Tells whether a source part ({@link #SOURCE_METHOD}'s first, {@link #TECHNIQUE}'s second) is an IP entity's
     * index: not an AWS service ({@link #SERVICE}), nor folded ({@link #OTHER}).
     */
    static boolean isAddress(int source) {
        return source != OTHER && (source & SERVICE) == 0;
    }

    /** Tells whether a key is a folded one. */
    static boolean isOverflow(long key) {
        return switch (kind(key)) {
            case TECHNIQUE -> second(key) == OTHER;
            default -> first(key) == OTHER;
        };
    }

    static int kind(long key) {
        return (int) (key >>> 60);
    }

    static int first(long key) {
        return (int) (key >>> 30) & OTHER;
    }

    static int second(long key) {
        return (int) key & OTHER;
    }

    /** Packs a flow's local port, remote port and protocol, for the flow dictionary. */
    static long flowTuple(int localPort, int remotePort, int protocol) {
        return ((long) localPort << 24) | ((long) remotePort << 8) | protocol;
    }
}
