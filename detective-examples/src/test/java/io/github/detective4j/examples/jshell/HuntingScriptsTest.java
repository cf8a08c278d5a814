package io.github.detective4j.examples.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.examples.incident.Facts;
import io.github.detective4j.examples.incident.Facts.Traffic;
import io.github.detective4j.examples.incident.IncidentFiles;
import io.github.detective4j.examples.incident.ReferenceIncident;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JShell session of the README, run as a user would, but not interactively: the JDK's own {@code jshell} with
 * the class path Maven wrote to {@code target/classpath.txt}, the startup script loading the reference incident's
 * files, and the three hunting scripts, in one process. The expected answers come from the incident's facts.
 */
class HuntingScriptsTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    static Facts facts;
    static String output;
    static Map<String, List<String>> sections;

    @BeforeAll
    static void runTheScripts() throws IOException, InterruptedException {
        facts = ReferenceIncident.standard().facts();
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        String classPath = Files.readString(Path.of("target", "classpath.txt")).strip();
        Path log = Files.createTempFile("jshell", ".txt");
        try {
            ProcessBuilder session = new ProcessBuilder(jshell.toString(), "--class-path", classPath,
                    "--startup", "jshell/startup.jsh",
                    "jshell/hunt-threat-report.jsh", "jshell/hunt-user-agents.jsh", "jshell/hunt-new-geolocations.jsh")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            session.environment().put("DETECTIVE_LOGS", IncidentFiles.dir().toString());
            Process process = session.start();
            // After the scripts, jshell reads its commands from standard input: the session ends there.
            try (var in = process.getOutputStream()) {
                in.write("/exit\n".getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("jshell still ran after " + TIMEOUT + ":\n" + Files.readString(log));
            }
            output = Files.readString(log);
            assertEquals(0, process.exitValue(), output);
        } finally {
            Files.delete(log);
        }
        sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : output.lines().toList()) {
            if (line.startsWith("== ")) {
                current = new java.util.ArrayList<>();
                sections.put(line, current);
            } else if (current != null) {
                current.add(line);
            }
        }
    }

    @Test
    void everySnippetRan() {
        // jshell reports a snippet that does not compile ("Error:") or throws ("Exception java..."), and goes on:
        // the exit code alone cannot tell.
        assertTrue(output.lines().noneMatch(l -> l.startsWith("Error:") || l.startsWith("Exception ")
                || l.startsWith("|  Error:") || l.startsWith("|  Exception ")), output);
        assertTrue(output.contains("Loaded " + IncidentFiles.dir() + ": " + IncidentFiles.written().events()
                + " events"), output);
        assertTrue(output.contains("(0 errors)"), output);
        assertEquals(3, sections.size(), sections.keySet().toString());
    }

    @Test
    void bothMinersTalkedToTheReportedBitcoinAddress() {
        List<String> rows = section("threat report");
        for (Traffic miner : List.of(facts.minerTraffic(), facts.otherMinerTraffic())) {
            String bytesIn = String.format(Locale.ROOT, "%,d", miner.bytesInPerHour() * miner.hours());
            String bytesOut = String.format(Locale.ROOT, "%,d", miner.bytesOutPerHour() * miner.hours());
            assertTrue(rows.stream().anyMatch(r -> r.startsWith(miner.instanceId()) && r.contains(facts.bitcoinIp())
                    && r.contains(bytesIn) && r.contains(bytesOut) && r.contains("Bitcoin node")), rows.toString());
        }
        assertEquals(3, rows.size(), "a header and the two miners, nothing else listed: " + rows);
    }

    @Test
    void theAttackersOldCliMadeEveryCallOfTheAttackAndNobodyElseUsedOne() {
        List<String> rows = section("suspicious user agent");
        String admin = facts.adminUser().principalId();
        for (String call : facts.attackApiCalls()) {
            assertTrue(rows.stream().anyMatch(r -> r.startsWith(admin) && r.contains(":" + call + " ")),
                    call + " in " + rows);
        }
        assertTrue(rows.get(0).startsWith("Hunt for user agent") && rows.get(0).endsWith(": 1 user agents"),
                rows.get(0));
        for (Facts.User colleague : facts.backgroundUsers()) {
            assertTrue(rows.stream().noneMatch(r -> r.contains(colleague.principalId())), colleague.name());
        }
    }

    @Test
    void theAdminGainedAshburnInTheWeekOfTheAttack() {
        List<String> rows = section("new geolocations");
        long weeksAgo = Duration.between(facts.attackStart(), facts.end()).toDays() / 7;
        String week = weeksAgo == 0 ? "this week" : weeksAgo + (weeksAgo == 1 ? " week ago" : " weeks ago");
        String admin = "AwsUser/" + facts.adminUser().principalId();
        List<String> adminRows = rows.stream().filter(r -> r.contains(admin)).toList();
        assertEquals(1, adminRows.size(), rows.toString());
        String row = adminRows.get(0);
        assertTrue(row.startsWith(week + " "), row);
        assertTrue(row.contains(facts.place(facts.attackerIp()).orElseThrow().city()), row);
        assertTrue(row.contains(facts.attackerIp()), row);
        assertTrue(row.contains(facts.adminUser().name()), row);
        assertEquals(5, rows.size(), "a header and one row a week: " + rows);
    }

    private static List<String> section(String titled) {
        return sections.entrySet().stream().filter(e -> e.getKey().contains(titled)).findFirst()
                .map(e -> e.getValue().stream().filter(l -> !l.isBlank())
                        .filter(l -> !l.startsWith("|") && !l.startsWith("jshell>")).toList())
                .orElseThrow(() -> new AssertionError("no section '" + titled + "' in\n" + output));
    }
}
