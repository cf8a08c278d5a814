package io.github.detective4j.profile;

import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.text.TextTable;
import java.util.List;

/**
 * The sessions around a principal during the scope, most calls first, as an investigator follows credentials from
 * one principal to the next: for a role, its sessions that were active and who started each; for a user, a role
 * session or a federated user, the sessions its calls started (a role session's: role chaining) and, for a session,
 * who started it.
 *
 * <p>The relationships these lists follow (a session's role, who started it) are never capped: the lists are whole.
 *
 * <pre>{@code
 * graph.profile(EntityRef.role("AROAJ45Q7YFFAREXAMPLE"), scope).sessions().orElseThrow().started()
 *         .forEach(s -> System.out.println(s.session() + " started by " + s.startedBy()));
 * }</pre>
 *
 * @param scope the scope time
 * @param started the sessions of a role active in the scope, each with the principal that last started it by the
 *     scope's end
 * @param startedHere the sessions this principal started
 * @param startedBy for a session, the calls that started it, one row per principal that made them
 */
public record SessionActivity(ScopeTime scope, List<SessionStart> started, List<SessionStart> startedHere,
        List<SessionStart> startedBy) implements Panel {
    /**
     * Creates the panel.
     *
     * @param scope the scope time
     * @param started the sessions of a role
     * @param startedHere the sessions this principal started
     * @param startedBy the calls that started this session
     */
    public SessionActivity {
        started = List.copyOf(started);
        startedHere = List.copyOf(startedHere);
        startedBy = List.copyOf(startedBy);
    }

    /**
     * Returns {@code sessions}.
     *
     * @return the panel's key
     */
    @Override
    public String key() {
        return "sessions";
    }

    /**
     * Returns a table per list.
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder out = PanelText.title("Sessions", scope);
        if (started.isEmpty() && startedHere.isEmpty() && startedBy.isEmpty()) {
            out.append("\nnone");
        }
        table(out, "sessions of this role", "session calls", started);
        table(out, "sessions started", "start calls", startedHere);
        table(out, "started by", "start calls", startedBy);
        return out.toString();
    }

    private static void table(StringBuilder out, String heading, String calls, List<SessionStart> rows) {
        if (rows.isEmpty()) {
            return;
        }
        TextTable t = TextTable.of("session", "started by", "role", calls + " ok", "failed", "first observed",
                "last observed");
        for (SessionStart s : rows.subList(0, Math.min(rows.size(), PanelText.MAX_ROWS))) {
            t.row(s.session().id(), s.startedBy() == null ? "(not in the data)" : s.startedBy().toString(),
                    s.role() == null ? "" : s.role().id(), s.success(), s.failure(), s.firstObserved(),
                    s.lastObserved());
        }
        PanelText.table(out, heading, t, rows.size());
    }
}
