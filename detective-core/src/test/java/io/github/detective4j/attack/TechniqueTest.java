package io.github.detective4j.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TechniqueTest {
    static final Technique CLOUD_LOGS =
            new Technique("T1562.008", "Impair Defenses: Disable or Modify Cloud Logs", Tactic.DEFENSE_EVASION);

    @Test
    void printsIdAndName() {
        assertEquals("T1562.008 Impair Defenses: Disable or Modify Cloud Logs", CLOUD_LOGS.toString());
        assertEquals("https://attack.mitre.org/techniques/T1562/008/", CLOUD_LOGS.url());
        assertTrue(CLOUD_LOGS.isSubTechnique());
        Technique parent = new Technique("T1098", "Account Manipulation", Tactic.PERSISTENCE);
        assertFalse(parent.isSubTechnique());
        assertEquals("https://attack.mitre.org/techniques/T1098/", parent.url());
    }

    @Test
    void theTacticIsPartOfTheValue() {
        assertNotEquals(new Technique("T1098", "Account Manipulation", Tactic.PERSISTENCE),
                new Technique("T1098", "Account Manipulation", Tactic.PRIVILEGE_ESCALATION));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "T156", "T15620", "t1562", "T1562.08", "T1562.0081", "T1562.", "T1562.008 ",
        "TA0005", "1562.008"})
    void refusesIdsOfAnotherShape(String id) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Technique(id, "Name", Tactic.IMPACT));
        assertTrue(e.getMessage().contains("'" + id + "'"), e.getMessage());
    }

    @Test
    void refusesABlankNameAndNulls() {
        assertThrows(IllegalArgumentException.class, () -> new Technique("T1098", " ", Tactic.PERSISTENCE));
        assertThrows(NullPointerException.class, () -> new Technique("T1098", "Account Manipulation", null));
        assertThrows(IllegalArgumentException.class, () -> new TechniqueMatch(CLOUD_LOGS, ""));
    }

    @Test
    void aMatchPrintsTechniqueAndProcedure() {
        TechniqueMatch match = new TechniqueMatch(CLOUD_LOGS, "StopLogging stops a CloudTrail trail");
        assertEquals(Tactic.DEFENSE_EVASION, match.tactic());
        assertEquals("T1562.008 Impair Defenses: Disable or Modify Cloud Logs: StopLogging stops a CloudTrail trail",
                match.toString());
    }
}
