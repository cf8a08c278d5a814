package io.github.detective4j.attack;

import java.util.Objects;

/**
 * A technique recognised in what was observed, with the procedure in words: how the observation carries the
 * technique out.
 *
 * @param technique the technique
 * @param procedure what was done, in a sentence, such as {@code StopLogging stops a CloudTrail trail}
 */
public record TechniqueMatch(Technique technique, String procedure) {
    /**
     * Creates a match.
     *
     * @param technique the technique
     * @param procedure what was done, in a sentence
     * @throws IllegalArgumentException if the procedure is blank
     * @throws NullPointerException if an argument is null
     */
    public TechniqueMatch {
        Objects.requireNonNull(technique, "technique");
        Objects.requireNonNull(procedure, "procedure");
        if (procedure.isBlank()) {
            throw new IllegalArgumentException(technique.id() + ": procedure must not be blank");
        }
    }

    /**
     * Returns the technique's tactic.
     *
     * @return {@code technique().tactic()}
     */
    public Tactic tactic() {
        return technique.tactic();
    }

    /**
     * Returns the technique and the procedure.
     *
     * @return for example {@code T1562.008 Impair Defenses: Disable or Modify Cloud Logs: StopLogging stops a
     *     CloudTrail trail}
     */
    @Override
    public String toString() {
        return technique + ": " + procedure;
    }
}
