package io.github.detective4j.attack;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An ATT&amp;CK Enterprise technique or sub-technique, under the tactic it serves in the context it is used.
 *
 * <p>ATT&amp;CK lists some techniques under several tactics ({@code T1078.004 Valid Accounts: Cloud Accounts} is
 * Initial Access, Persistence, Privilege Escalation and Defense Evasion); a {@code Technique} names the one that
 * its procedure serves, the cell of the matrix it stands in. Two values with the same id and different tactics
 * are therefore different values.
 *
 * <pre>{@code
 * new Technique("T1562.008", "Impair Defenses: Disable or Modify Cloud Logs", Tactic.DEFENSE_EVASION)
 *     .toString();   // "T1562.008 Impair Defenses: Disable or Modify Cloud Logs"
 * }</pre>
 *
 * @param id the ATT&amp;CK id: {@code T} and four digits, with a dot and three digits for a sub-technique
 * @param name the ATT&amp;CK name; for a sub-technique, the technique's name, a colon and the sub-technique's
 * @param tactic the tactic it serves
 */
public record Technique(String id, String name, Tactic tactic) {
    private static final Pattern ID = Pattern.compile("T\\d{4}(\\.\\d{3})?");

    /**
     * Creates a technique.
     *
     * @param id the ATT&amp;CK id, such as {@code T1098} or {@code T1562.008}
     * @param name the ATT&amp;CK name
     * @param tactic the tactic it serves
     * @throws IllegalArgumentException if the id is not of ATT&amp;CK's shape or the name is blank
     * @throws NullPointerException if an argument is null
     */
    public Technique {
        Objects.requireNonNull(id, "technique id");
        Objects.requireNonNull(name, "technique name");
        Objects.requireNonNull(tactic, "tactic");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("technique id '" + id
                    + "' is not of ATT&CK's shape T#### or T####.###");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("technique " + id + ": name must not be blank");
        }
    }

    /**
     * Tells whether this is a sub-technique.
     *
     * @return true for ids such as {@code T1562.008}
     */
    public boolean isSubTechnique() {
        return id.indexOf('.') > 0;
    }

    /**
     * Returns the page ATT&amp;CK keeps for the technique.
     *
     * @return for example {@code https://attack.mitre.org/techniques/T1562/008/}
     */
    public String url() {
        return "https://attack.mitre.org/techniques/" + id.replace('.', '/') + "/";
    }

    /**
     * Returns the id and the name.
     *
     * @return for example {@code T1562.008 Impair Defenses: Disable or Modify Cloud Logs}
     */
    @Override
    public String toString() {
        return id + " " + name;
    }
}
