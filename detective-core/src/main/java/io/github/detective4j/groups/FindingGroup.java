package io.github.detective4j.groups;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Severity;
import io.github.detective4j.text.TextTable;
import java.time.Instant;
import java.util.List;

/**
 * Findings that belong together: linked through the entities they share ({@link FindingGroupRule}), as Amazon
 * Detective groups findings, with the rule documented rather than secret.
 *
 * @param id the group's id, {@code fg-} and 16 hex digits, derived from its earliest finding: it stays the same while
 *     later findings join, and changes when an earlier one does or when two groups merge
 * @param title the finding count and the finding types counted by namespace, such as
 *     {@code "2 findings: 1 CryptoCurrency, 1 Stealth"}
 * @param severity the highest severity of its findings
 * @param findings its findings, earliest first observation first
 * @param entities the entities its findings involve, in reference order
 * @param tactics the MITRE ATT&amp;CK tactics of its findings' types, in the order they were first observed (a kill
 *     chain as it unfolded), each once
 * @param firstObserved the earliest first observation of its findings, UTC
 * @param lastObserved the latest last observation, UTC
 */
public record FindingGroup(String id, String title, Severity severity, List<EntityRef> findings,
        List<EntityRef> entities, List<String> tactics, Instant firstObserved, Instant lastObserved) {
    /**
     * Creates a group.
     *
     * @param id the id
     * @param title the title
     * @param severity the highest severity
     * @param findings the findings
     * @param entities the entities
     * @param tactics the tactics chain
     * @param firstObserved the first observation
     * @param lastObserved the last observation
     */
    public FindingGroup {
        findings = List.copyOf(findings);
        entities = List.copyOf(entities);
        tactics = List.copyOf(tactics);
    }

    /**
     * Returns this group as an entity, for profiles and JGraphT.
     *
     * @return {@code FindingGroup/<id>}
     */
    public EntityRef ref() {
        return EntityRef.findingGroup(id);
    }

    /**
     * Returns the title, the severity, the tactics chain and the findings.
     *
     * @return the text
     */
    @Override
    public String toString() {
        TextTable t = TextTable.of("finding group " + id, title);
        t.row("severity", severity.toString());
        t.row("observed", firstObserved + " to " + lastObserved);
        t.row("tactics", String.join(" -> ", tactics));
        for (EntityRef f : findings) {
            t.row("finding", f.id());
        }
        t.row("entities", String.valueOf(entities.size()));
        return t.toString();
    }
}
