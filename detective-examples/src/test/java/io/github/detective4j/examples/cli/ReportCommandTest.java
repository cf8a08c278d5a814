package io.github.detective4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.examples.incident.Facts;
import io.github.detective4j.examples.incident.IncidentFiles;
import io.github.detective4j.examples.incident.ReferenceIncident;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code detective report} writes the sections an entity's type has, from the incident's files. */
class ReportCommandTest {
    static Facts facts;
    static String logs;
    @TempDir
    static Path dir;

    @BeforeAll
    static void files() throws IOException {
        facts = ReferenceIncident.standard().facts();
        logs = IncidentFiles.dir().resolve("AWSLogs").toString();
        Files.writeString(dir.resolve("geo.csv"), facts.geoTableCsv());
    }

    @Test
    void aUsersReportHasItsProfileNewBehaviorInvestigationAndGroups() throws IOException {
        Path page = dir.resolve("admin.html");
        String admin = "AwsUser/" + facts.adminUser().principalId();
        Run run = Run.detective("report", "--entity", admin, "--scope", "last 9d", "--geoip",
                dir.resolve("geo.csv").toString(), "--region", facts.region(), "--scale", "log", "-o",
                page.toString(), logs);
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().startsWith("Wrote " + page.toAbsolutePath() + ": 4 sections about " + admin),
                run.out());
        String html = Files.readString(page);
        for (String section : new String[] {"profile", "new-behavior", "investigation", "finding-group"}) {
            assertTrue(html.contains("class=\"" + section + "\""), section);
        }
        assertTrue(html.contains("data-scale=\"log\""));
        assertTrue(html.contains(facts.attackerUserAgent().substring(0, 20)), "the new user agent");
        assertTrue(html.contains("<title>Report on " + admin + "</title>"));
    }

    @Test
    void aFindingsReportIsItsProfileOverItsOwnScope() throws IOException {
        Path page = dir.resolve("finding.html");
        Run run = Run.detective("report", "-e", "findings/" + facts.bitcoinFinding().id(), "--title", "BitcoinTool",
                "-o", page.toString(), logs);
        assertEquals(0, run.exit(), run.toString());
        String html = Files.readString(page);
        assertTrue(html.contains("data-start=\"" + facts.minerTraffic().firstHour() + "\""), "its scope shaded");
        assertFalse(html.contains("class=\"investigation\""), "findings are not investigated");
        assertFalse(html.contains("https://"), "no links out without --region");
    }

    @Test
    void anEntityTheLogsDoNotHoldIsAFailure() {
        Run run = Run.detective("report", "-e", "IpAddress/192.0.2.1", "-o", dir.resolve("x.html").toString(), logs);
        assertEquals(1, run.exit(), run.toString());
        assertFalse(Files.exists(dir.resolve("x.html")));
    }
}
