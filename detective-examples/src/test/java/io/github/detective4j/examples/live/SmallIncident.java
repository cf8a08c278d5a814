package io.github.detective4j.examples.live;

import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.examples.incident.Facts;
import io.github.detective4j.examples.incident.ReferenceIncident;
import io.github.detective4j.examples.incident.Written;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.json.DetectiveJson;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EntityType;
import io.github.detective4j.model.ScopeTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The reference incident at its shortest (14 days: the attack's nine and the admin user's history before it), written
 * once per test JVM into a temporary folder, with the graph read from those files: what every live source must give
 * back when it reads the same files from a server.
 */
final class SmallIncident {
    static final ReferenceIncident INCIDENT = ReferenceIncident.builder().days(ReferenceIncident.MIN_DAYS).build();
    private static Path dir;
    private static Written written;
    private static BehaviorGraph local;

    private SmallIncident() {}

    static Facts facts() {
        return INCIDENT.facts();
    }

    static synchronized Path dir() {
        if (dir == null) {
            try {
                Path folder = Files.createTempDirectory("small-incident");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
                written = INCIDENT.write(folder);
                dir = folder;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    static synchronized Written written() {
        dir();
        return written;
    }

    /** The graph read from the local files. */
    static synchronized BehaviorGraph localGraph() {
        if (local == null) {
            BehaviorGraph graph = BehaviorGraph.create();
            try {
                AwsLogs.read(dir()).into(graph);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            local = graph;
        }
        return local;
    }

    /**
     * What two graphs must agree on to be the same: their statistics and the JSON of the profiles an investigator
     * opens (the admin user's, the miner instance's, the Bitcoin address's, the finding's) over the attack.
     */
    static Map<String, String> fingerprint(BehaviorGraph graph) {
        Facts facts = facts();
        ScopeTime attack = ScopeTime.covering(facts.attackStart(), facts.end().minusSeconds(1));
        Map<String, String> out = new LinkedHashMap<>();
        out.put("stats", graph.stats().toString());
        List<EntityRef> opened = new ArrayList<>(List.of(EntityRef.user(facts.adminUser().principalId()),
                EntityRef.ec2Instance(facts.minerTraffic().instanceId()), EntityRef.ipAddress(facts.bitcoinIp())));
        if (graph.finding(facts.bitcoinFinding().id()).isPresent()) { // sources of logs alone have no findings
            opened.add(EntityRef.of(EntityType.FINDING, facts.bitcoinFinding().id()));
        }
        for (EntityRef ref : opened) {
            out.put(ref.toString(), DetectiveJson.write(graph.profile(ref, attack)));
        }
        return out;
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the OS cleans up what is left
        }
    }
}
