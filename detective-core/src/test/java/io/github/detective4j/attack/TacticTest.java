package io.github.detective4j.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TacticTest {
    @Test
    void theFourteenTacticsInKillChainOrderWithTheirIds() {
        // The Enterprise matrix's columns, left to right (attack.mitre.org; GuardDuty's TacticCoverage lists the
        // same order): Command and Control comes before Exfiltration although its id is higher.
        List<String> expected = List.of("TA0043 Reconnaissance", "TA0042 Resource Development",
                "TA0001 Initial Access", "TA0002 Execution", "TA0003 Persistence", "TA0004 Privilege Escalation",
                "TA0005 Defense Evasion", "TA0006 Credential Access", "TA0007 Discovery", "TA0008 Lateral Movement",
                "TA0009 Collection", "TA0011 Command and Control", "TA0010 Exfiltration", "TA0040 Impact");
        assertEquals(expected, Arrays.stream(Tactic.values()).map(t -> t.id() + " " + t.displayName()).toList());
        assertEquals(true, Tactic.INITIAL_ACCESS.compareTo(Tactic.IMPACT) < 0, "enum order is kill-chain order");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "TA0005|DEFENSE_EVASION", "ta0005|DEFENSE_EVASION", "Defense Evasion|DEFENSE_EVASION",
        "DefenseEvasion|DEFENSE_EVASION", "defense-evasion|DEFENSE_EVASION", "DEFENSE_EVASION|DEFENSE_EVASION",
        "Command and Control|COMMAND_AND_CONTROL", "CommandAndControl|COMMAND_AND_CONTROL",
        "privilege-escalation|PRIVILEGE_ESCALATION", "CredentialAccess|CREDENTIAL_ACCESS",
        "initial-access|INITIAL_ACCESS", "lateral-movement|LATERAL_MOVEMENT", "TA0040|IMPACT",
        "Stealth|DEFENSE_EVASION", "Defense Impairment|DEFENSE_EVASION"})
    void findsEverySpellingTheSourcesUse(String text, Tactic tactic) {
        assertEquals(Optional.of(tactic), Tactic.find(text));
    }

    @ParameterizedTest
    @CsvSource(value = {"Stealthy", "Defense", "TA0000", "Recon", "Command Control", "''"})
    void findsNothingForOtherNames(String text) {
        assertEquals(Optional.empty(), Tactic.find(text));
    }

    @Test
    void findsNothingForNull() {
        assertEquals(Optional.empty(), Tactic.find(null));
    }
}
