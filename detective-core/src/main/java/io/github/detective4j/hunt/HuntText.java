package io.github.detective4j.hunt;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.profile.EntityActivity;
import io.github.detective4j.text.TextTable;
import java.util.List;

/** The tables hunt results print as. */
final class HuntText {
    private static final int MAX_ROWS = 20;

    private HuntText() {}

    static void activity(StringBuilder out, String heading, List<EntityActivity> rows) {
        TextTable t = TextTable.of(heading, "success", "failure", "first observed", "last observed");
        for (EntityActivity a : rows.subList(0, Math.min(MAX_ROWS, rows.size()))) {
            t.row(a.entity().id(), a.success(), a.failure(), a.firstObserved(), a.lastObserved());
        }
        append(out, t, rows.size());
    }

    static void calls(StringBuilder out, List<ApiCallActivity> rows) {
        TextTable t = TextTable.of("principal", "through", "API call", "success", "failure", "first hour",
                "last hour");
        for (ApiCallActivity c : rows.subList(0, Math.min(MAX_ROWS, rows.size()))) {
            t.row(c.principal().id(), c.through().id(), c.eventSource() + ":" + c.eventName(), c.success(),
                    c.failure(), c.firstHour(), c.lastHour());
        }
        append(out, t, rows.size());
    }

    /** The entities a query matched (the agents of a pattern), when it matched more than the one asked for. */
    static void matched(StringBuilder out, String heading, List<EntityRef> refs) {
        if (refs.size() < 2) {
            return;
        }
        TextTable t = TextTable.of(heading);
        for (EntityRef ref : refs.subList(0, Math.min(MAX_ROWS, refs.size()))) {
            t.row(ref.id());
        }
        append(out, t, refs.size());
    }

    static void instances(StringBuilder out, List<InstanceContact> rows) {
        TextTable t = TextTable.of("instance", "IP address", "bytes to instance", "bytes from instance",
                "active hours", "first observed", "last observed");
        for (InstanceContact c : rows.subList(0, Math.min(MAX_ROWS, rows.size()))) {
            t.row(c.instance().id(), c.ipAddress().id(), c.bytesToInstance(), c.bytesFromInstance(), c.activeHours(),
                    c.firstObserved(), c.lastObserved());
        }
        append(out, t, rows.size());
    }

    /**
     * Says how much traffic no instance accounts for, and how to give the graph the instances; when the caps may have
     * kept evidence out, that they may be why.
     */
    static void withoutInstance(StringBuilder out, long bytes, boolean truncated) {
        if (bytes > 0) {
            out.append("\n\n").append(bytes).append(" bytes of flow records with no known instance: records that"
                    + " name only a network interface (add ${instance-id} to the flow log format, or give the"
                    + " graph the interfaces' instances)").append(truncated
                            ? ", or traffic the graph's caps kept off an instance's relationships" : "");
        }
    }

    /** Says, under the heading, that the caps may have kept evidence of what was hunted for out. */
    static void truncated(StringBuilder out, boolean truncated) {
        if (truncated) {
            out.append(" (the graph's caps may have kept some of this out: what was met past them is not found)");
        }
    }

    private static void append(StringBuilder out, TextTable t) {
        if (!t.isEmpty()) {
            out.append("\n\n").append(t);
        }
    }

    /** Appends the first {@link #MAX_ROWS} rows of a longer list, and says how many it left out. */
    private static void append(StringBuilder out, TextTable t, int rows) {
        append(out, t);
        if (rows > MAX_ROWS) {
            out.append("\n... ").append(rows - MAX_ROWS).append(" more");
        }
    }
}
