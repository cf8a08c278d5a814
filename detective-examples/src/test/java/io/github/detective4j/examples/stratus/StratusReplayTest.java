package io.github.detective4j.examples.stratus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.aws.SharedData;
import io.github.detective4j.behavior.NewApiCall;
import io.github.detective4j.behavior.NewBehavior;
import io.github.detective4j.behavior.NewUserAgent;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Principal;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.model.SecurityEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Stratus Red Team's 35 real detonations (every event in them the attacker's), each replayed after 45 days of benign
 * history generated for the same principals: ordinary read-only calls, one a hour, from one address with one user
 * agent, going on through the detonation. For every technique, each of the attacker's methods and user agents must
 * be newly observed for its principal, and none of the benign ones.
 */
class StratusReplayTest {
    static final String BENIGN_IP = "153.156.88.21";
    static final String BENIGN_AGENT = "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.79-99.164.amzn2023.x86_64 exe/x86_64";
    static final List<String[]> BENIGN_CALLS = List.of(
            new String[] {"sts.amazonaws.com", "GetCallerIdentity"}, new String[] {"s3.amazonaws.com", "ListBuckets"},
            new String[] {"ec2.amazonaws.com", "DescribeInstances"}, new String[] {"iam.amazonaws.com", "ListRoles"},
            new String[] {"ec2.amazonaws.com", "DescribeRegions"}, new String[] {"kms.amazonaws.com", "ListAliases"},
            new String[] {"cloudwatch.amazonaws.com", "DescribeAlarms"}, new String[] {"lambda.amazonaws.com",
                "ListFunctions20150331"});

    @Test
    void everyTechniquesAttackerCallsAreNewAndTheRoutineIsNot() throws IOException {
        Path dir = SharedData.require("stratus-red-team-detonation-logs");
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().startsWith("aws.")).sorted().toList();
        }
        assertEquals(35, files.size(), "the 35 technique files");
        int principals = 0;
        int attackMethods = 0;
        int attackCalls = 0;
        List<String> report = new ArrayList<>();
        for (Path file : files) {
            List<ApiCall> attack = new ArrayList<>();
            IngestReport read = AwsLogs.read(file).into(e -> attack.add((ApiCall) e));
            assertEquals(0, read.errors(), file + ": " + read);
            Replay replay = new Replay(attack);
            for (Map.Entry<EntityRef, Set<String>> e : replay.methods.entrySet()) {
                EntityRef principal = e.getKey();
                NewBehavior nb = replay.graph.newBehavior(principal, replay.scope);
                Set<String> flagged = new LinkedHashSet<>();
                for (NewApiCall c : nb.apiCalls()) {
                    flagged.add(c.eventSource() + ":" + c.eventName());
                }
                Set<String> missed = new LinkedHashSet<>(e.getValue());
                missed.removeAll(flagged);
                assertTrue(missed.isEmpty(), file.getFileName() + " " + principal + ": attacker calls not flagged "
                        + missed + "\n" + nb);
                for (String[] benign : replay.benignFor(principal)) {
                    assertTrue(!flagged.contains(benign[0] + ":" + benign[1]), file.getFileName() + " " + principal
                            + ": the routine " + benign[1] + " was flagged\n" + nb);
                }
                List<EntityRef> agents = nb.userAgents().stream().map(NewUserAgent::userAgent).toList();
                for (String agent : replay.agents.getOrDefault(principal, Set.of())) {
                    assertTrue(agents.contains(EntityRef.userAgent(agent)), file.getFileName() + " " + principal
                            + ": user agent not flagged " + agent + "\n" + nb);
                }
                assertTrue(!agents.contains(EntityRef.userAgent(BENIGN_AGENT)), file.getFileName() + ": routine agent");
                principals++;
                attackMethods += e.getValue().size();
                report.add(file.getFileName() + " " + principal.type().namespace() + ": " + e.getValue().size()
                        + " methods new, " + nb.userAgents().size() + " user agents new");
            }
            attackCalls += replay.calls;
        }
        System.out.printf("Stratus replay: %d techniques, %d principals, %d attacker calls, %d attacker methods"
                + " all newly observed; benign routine never flagged%n", files.size(), principals, attackCalls,
                attackMethods);
        report.forEach(line -> System.out.println("  " + line));
    }

    /** One technique's detonation after its principals' benign history, in a graph of its own. */
    static final class Replay {
        final BehaviorGraph graph = BehaviorGraph.create();
        final ScopeTime scope;
        /** The attacker's methods per principal, {@code eventSource:eventName}. */
        final Map<EntityRef, Set<String>> methods = new LinkedHashMap<>();
        final Map<EntityRef, Set<String>> agents = new LinkedHashMap<>();
        private final Map<EntityRef, List<String[]>> benign = new LinkedHashMap<>();
        int calls;

        Replay(List<ApiCall> attack) {
            Instant first = attack.stream().map(ApiCall::eventTime).min(Comparator.naturalOrder()).orElseThrow();
            Instant last = attack.stream().map(ApiCall::eventTime).max(Comparator.naturalOrder()).orElseThrow();
            scope = ScopeTime.covering(first, last);
            Map<EntityRef, Principal> who = new LinkedHashMap<>();
            for (ApiCall call : attack) {
                call.principal().entity().ifPresent(principal -> {
                    who.putIfAbsent(principal, call.principal());
                    methods.computeIfAbsent(principal, p -> new LinkedHashSet<>())
                            .add(call.eventSource() + ":" + call.eventName());
                    if (call.userAgent() != null) {
                        agents.computeIfAbsent(principal, p -> new LinkedHashSet<>()).add(call.userAgent());
                    }
                    calls++;
                });
            }
            List<SecurityEvent> events = new ArrayList<>();
            Instant start = scope.start().minus(Duration.ofDays(45));
            for (Map.Entry<EntityRef, Principal> p : who.entrySet()) {
                // The routine never uses a method of the attack, or there would be nothing new to find.
                List<String[]> routine = BENIGN_CALLS.stream()
                        .filter(c -> !methods.get(p.getKey()).contains(c[0] + ":" + c[1])).toList();
                benign.put(p.getKey(), routine);
                int n = 0;
                for (Instant t = start; t.isBefore(scope.end()); t = t.plus(Duration.ofHours(1)), n++) {
                    String[] call = routine.get(n % routine.size());
                    events.add(ApiCall.builder().eventTime(t.plusSeconds(600)).principal(p.getValue())
                            .accountId(p.getValue().accountId()).region("us-east-1").eventSource(call[0])
                            .eventName(call[1]).sourceIpAddress(BENIGN_IP).userAgent(BENIGN_AGENT).readOnly(true)
                            .build());
                }
            }
            graph.ingestAll(events);
            graph.ingestAll(attack);
        }

        List<String[]> benignFor(EntityRef principal) {
            return benign.get(principal);
        }
    }
}
