package io.github.detective4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.examples.incident.Facts;
import io.github.detective4j.examples.incident.Facts.Traffic;
import io.github.detective4j.examples.incident.ReferenceIncident;
import io.github.detective4j.investigation.IndicatorType;
import io.github.detective4j.text.TextTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code detective demo} prints the investigator's path with the incident's real numbers, each worked out here from
 * the incident's facts.
 */
class DemoCommandTest {
    static Facts facts;
    static Run demo;

    @BeforeAll
    static void runDemo() {
        facts = ReferenceIncident.standard().facts();
        demo = Run.detective("demo");
    }

    @Test
    void itFinishesCleanly() {
        assertEquals(0, demo.exit(), demo.toString());
        assertEquals("", demo.err(), "no progress outside a terminal, no warnings");
        assertTrue(demo.out().contains(" 0 errors"), demo.out());
    }

    @Test
    void itWritesThePicturesWhereItSays() throws IOException {
        String line = demo.line("with timelines and a map: ");
        Path page = Path.of(line.substring(line.lastIndexOf("map: ") + "map: ".length()));
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
        assertTrue(html.contains(facts.bitcoinFinding().id()) && html.contains(facts.adminUser().principalId()));
    }

    @Test
    void fromTheFindingToTheSteadyTrafficOfItsInstance() {
        Traffic miner = facts.minerTraffic();
        assertTrue(demo.out().contains(facts.bitcoinFinding().type()), demo.out());
        assertTrue(demo.out().contains(facts.bitcoinFinding().id()), demo.out());
        assertTrue(demo.line("Its instance").contains(String.format(Locale.ROOT, "%s talks to %s in %,d of the"
                + " scope's %,d hours, steadily: exactly %,d bytes in and exactly %,d bytes out every hour",
                miner.instanceId(), facts.bitcoinIp(), miner.hours(), miner.hours(), miner.bytesInPerHour(),
                miner.bytesOutPerHour())), demo.out());
    }

    @Test
    void theBitcoinAddressLeadsToTheOtherInstance() {
        Traffic other = facts.otherMinerTraffic();
        assertTrue(demo.line("The other instance").contains(String.format(Locale.ROOT, "%s: %,d hours with %s since"
                + " %s, %,d bytes in and %,d out an hour", other.instanceId(), other.hours(), facts.bitcoinIp(),
                other.firstSeen(), other.bytesInPerHour(), other.bytesOutPerHour())), demo.out());
        assertTrue(demo.line("The other instance").endsWith("with 0 findings of its own"), demo.out());
    }

    @Test
    void theCreatorCalledFromAshburnNewAndTokyoKnown() {
        assertTrue(demo.line("Who launched").contains(facts.minerInstance().id() + " (RunInstances at "
                + facts.minerInstance().launchedAt() + "): " + facts.adminUser().name()), demo.out());
        assertTrue(demo.out().contains("AwsUser/" + facts.adminUser().principalId()), demo.out());
        String attacker = demo.line(facts.attackerIp() + "  ");
        assertTrue(attacker.contains(facts.place(facts.attackerIp()).orElseThrow().city() + ", US"), attacker);
        assertTrue(attacker.endsWith("new in the scope"), attacker);
        for (String ip : facts.adminIps()) {
            String usual = demo.line(ip + "  ");
            assertTrue(usual.contains(facts.place(ip).orElseThrow().city() + ", JP"), usual);
            assertTrue(usual.endsWith("known before the scope"), usual);
        }
    }

    @Test
    void theCreatorsNewCallsAndToolAndTheVerdict() {
        for (String method : facts.newApiCalls()) {
            assertTrue(demo.out().contains(":" + method + " "), method + "\n" + demo.out());
        }
        assertTrue(demo.out().contains(TextTable.clean(facts.attackerUserAgent())), demo.out());
        assertTrue(demo.line("Investigation ").contains(": CRITICAL ("), demo.out());
        for (IndicatorType type : new IndicatorType[] {IndicatorType.TTP_OBSERVED, IndicatorType.NEW_GEOLOCATION,
            IndicatorType.NEW_USER_AGENT, IndicatorType.RELATED_FINDING, IndicatorType.RELATED_FINDING_GROUP}) {
            assertTrue(demo.out().contains("\n" + type.name() + " "), type + "\n" + demo.out());
        }
        assertTrue(demo.line("NEW_GEOLOCATION").contains(facts.place(facts.attackerIp()).orElseThrow().city()),
                demo.out());
    }
}
