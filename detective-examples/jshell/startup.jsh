// detective4j in JShell: a behavior graph of AWS logs, loaded and ready to hunt in.
//
//   jshell --class-path "$(cat detective-examples/target/classpath.txt)" --startup detective-examples/jshell/startup.jsh
//
// The logs are the folder DETECTIVE_LOGS names (CloudTrail, VPC Flow Logs, GuardDuty, Security Hub files, any
// layout), or else the reference incident, generated into a temporary folder. Addresses are located with the demo's
// GeoIP table, which knows the incident's places only: for logs of your own, give the builder a
// MaxMindGeo.open(Path.of("GeoLite2-City.mmdb"), Path.of("GeoLite2-ASN.mmdb")) instead.
// The hunting scripts next to this one expect the names defined here: graph, facts, logs, now.
// (A JShell snippet ends where a line completes it: continued expressions live in methods or end lines with an
// operator.)

import java.nio.file.*;
import java.time.*;
import java.time.temporal.ChronoUnit;
import java.util.*;
import java.util.regex.*;
import java.util.stream.*;
import io.github.detective4j.model.*;
import io.github.detective4j.aws.*;
import io.github.detective4j.graph.*;
import io.github.detective4j.profile.*;
import io.github.detective4j.behavior.*;
import io.github.detective4j.investigation.*;
import io.github.detective4j.groups.*;
import io.github.detective4j.hunt.*;
import io.github.detective4j.intel.*;
import io.github.detective4j.enrich.*;
import io.github.detective4j.json.*;
import io.github.detective4j.text.*;
import io.github.detective4j.examples.incident.*;

Facts facts = ReferenceIncident.standard().facts();
GeoTable geo = facts.geoTable();

Path logs;
if (System.getenv("DETECTIVE_LOGS") != null) {
    logs = Path.of(System.getenv("DETECTIVE_LOGS"));
} else {
    logs = Files.createTempDirectory("detective4j-demo");
    System.out.println("Writing the reference incident into " + logs + " ...");
    ReferenceIncident.standard().write(logs);
    // 24 MB a session otherwise left in the temporary folder: gone when the session ends
    Path written = logs;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try (var walk = Files.walk(written)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // best effort: the folder is the system's temporary folder's
        }
    }));
}

BehaviorGraph graph = BehaviorGraph.builder().geoLocator(geo).asnResolver(geo).build();
IngestReport ingested = AwsLogs.read(logs).into(graph);
// A hunt over nothing answers "none", which reads as "no contact": say so loudly instead.
if (ingested.eventsProduced() == 0 || ingested.errors() > 0) {
    System.out.println("WARNING: " + ingested.eventsProduced() + " events and " + ingested.errors() + " errors from "
            + logs + (ingested.firstErrors().isEmpty() ? "" : ", the first: " + ingested.firstErrors().get(0))
            + ". Answers below are from what could be read; check DETECTIVE_LOGS.");
}

// "Now" is the end of the data, not the wall clock: the hour after the latest event, so that hunts over
// "the last year" or "this week" mean the same on old logs as on a live feed.
Instant endOfData() {
    Instant last = graph.stats().lastEvent();
    return last == null ? Instant.now().truncatedTo(ChronoUnit.HOURS)
            : last.truncatedTo(ChronoUnit.HOURS).plus(ScopeTime.HOUR);
}
Instant now = endOfData();

System.out.println("Loaded " + logs + ": " + ingested.eventsProduced() + " events from " + ingested.inputs()
        + " files (" + ingested.errors() + " errors), " + graph.stats().findings() + " findings; data up to " + now);
System.out.println("Try: graph.findings(), graph.findingGroups(), graph.newBehavior(ScopeTime.of(now.minus(Duration.ofDays(7)), now)),");
System.out.println("     /open detective-examples/jshell/hunt-threat-report.jsh   (and hunt-user-agents.jsh, hunt-new-geolocations.jsh)");
