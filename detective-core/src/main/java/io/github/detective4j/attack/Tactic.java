package io.github.detective4j.attack;

import java.util.Locale;
import java.util.Optional;

/**
 * The fourteen tactics of the MITRE ATT&amp;CK Enterprise matrix, the adversary's goals, declared in the matrix's
 * kill-chain order: {@link #compareTo} and {@link #values()} order a chain of tactics the way an attack unfolds,
 * reconnaissance first, impact last.
 *
 * <p>These are the tactics of ATT&amp;CK Enterprise up to v18, the release the built-in mappings were checked
 * against. (ATT&amp;CK v19 splits Defense Evasion into Stealth and Defense Impairment; techniques here still name
 * Defense Evasion, as GuardDuty and Security Hub do.)
 */
public enum Tactic {
    /** TA0043: gathering information to plan future operations. */
    RECONNAISSANCE("TA0043", "Reconnaissance"),
    /** TA0042: establishing resources to support operations. */
    RESOURCE_DEVELOPMENT("TA0042", "Resource Development"),
    /** TA0001: getting into the environment. */
    INITIAL_ACCESS("TA0001", "Initial Access"),
    /** TA0002: running adversary-controlled code or commands. */
    EXECUTION("TA0002", "Execution"),
    /** TA0003: keeping a foothold. */
    PERSISTENCE("TA0003", "Persistence"),
    /** TA0004: gaining higher-level permissions. */
    PRIVILEGE_ESCALATION("TA0004", "Privilege Escalation"),
    /** TA0005: avoiding detection. */
    DEFENSE_EVASION("TA0005", "Defense Evasion"),
    /** TA0006: stealing credentials. */
    CREDENTIAL_ACCESS("TA0006", "Credential Access"),
    /** TA0007: learning the environment. */
    DISCOVERY("TA0007", "Discovery"),
    /** TA0008: moving through the environment. */
    LATERAL_MOVEMENT("TA0008", "Lateral Movement"),
    /** TA0009: gathering data of interest. */
    COLLECTION("TA0009", "Collection"),
    /** TA0011: communicating with compromised systems. */
    COMMAND_AND_CONTROL("TA0011", "Command and Control"),
    /** TA0010: stealing data. */
    EXFILTRATION("TA0010", "Exfiltration"),
    /** TA0040: manipulating, interrupting or destroying systems and data. */
    IMPACT("TA0040", "Impact");

    private final String id;
    private final String displayName;

    Tactic(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /**
     * Returns the ATT&amp;CK id.
     *
     * @return for example {@code TA0005}
     */
    public String id() {
        return id;
    }

    /**
     * Returns the name ATT&amp;CK gives the tactic.
     *
     * @return for example {@code Defense Evasion}
     */
    public String displayName() {
        return displayName;
    }

    /**
     * Finds a tactic by its id or by its name in any of the spellings the sources use: {@code TA0005},
     * {@code Defense Evasion} (ATT&amp;CK, Security Hub's {@code TTPs/} categories), {@code DefenseEvasion}
     * (GuardDuty's threat purposes), {@code defense-evasion} (Stratus Red Team), {@code DEFENSE_EVASION}. Case,
     * spaces, hyphens and underscores do not count; "and" does ({@code CommandAndControl}, {@code Command and
     * Control}). {@code Stealth} and {@code Defense Impairment}, the two tactics ATT&amp;CK v19 splits Defense
     * Evasion into (GuardDuty already groups its newer finding types by them), find Defense Evasion.
     *
     * @param idOrName an id or a name, or null
     * @return the tactic, or empty when none has that id or name
     */
    public static Optional<Tactic> find(String idOrName) {
        if (idOrName == null) {
            return Optional.empty();
        }
        String key = squeeze(idOrName);
        if (key.equals("stealth") || key.equals("defenseimpairment")) {
            return Optional.of(DEFENSE_EVASION);
        }
        for (Tactic tactic : values()) {
            if (key.equals(tactic.id.toLowerCase(Locale.ROOT)) || key.equals(squeeze(tactic.displayName))) {
                return Optional.of(tactic);
            }
        }
        return Optional.empty();
    }

    private static String squeeze(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '-' && c != '_') {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }
}
