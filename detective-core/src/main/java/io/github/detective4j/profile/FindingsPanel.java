package io.github.detective4j.profile;

import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.text.TextTable;
import java.util.List;

/**
 * The findings associated with an entity around the scope time: every finding that involves the entity and whose
 * observations overlap the scope widened by the profile context, highest severity first, then the most recent.
 *
 * @param window the scope widened by the profile context on each side: the findings' observations overlap it
 * @param findings the findings
 */
public record FindingsPanel(ScopeTime window, List<FindingSummary> findings) implements Panel {
    /**
     * Creates the panel.
     *
     * @param window the window
     * @param findings the findings
     */
    public FindingsPanel {
        findings = List.copyOf(findings);
    }

    /**
     * Returns {@code findings}.
     *
     * @return the panel's key
     */
    @Override
    public String key() {
        return "findings";
    }

    /**
     * Returns a table of the findings, or a line saying there are none.
     *
     * @return the text
     */
    @Override
    public String toString() {
        // the window, not the scope: the findings of the context around the scope are listed too
        StringBuilder out = new StringBuilder("Findings  (scope and context ").append(window).append(')');
        if (findings.isEmpty()) {
            return out.append("\nnone").toString();
        }
        TextTable t = TextTable.of("severity", "type", "first observed", "last observed", "state", "finding");
        for (FindingSummary f : findings.subList(0, Math.min(findings.size(), PanelText.MAX_ROWS))) {
            t.row(f.severity().toString(), f.type(), f.firstObserved(), f.lastObserved(),
                    f.archived() ? "archived" : "active", f.finding().id());
        }
        PanelText.table(out, "", t, findings.size());
        return out.toString();
    }
}
