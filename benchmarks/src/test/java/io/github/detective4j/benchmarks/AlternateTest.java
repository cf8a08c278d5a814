package io.github.detective4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.detective4j.graph.BehaviorGraph;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds measured against each other: here the build under test twice, each in a class loader of its own. */
class AlternateTest {
    private static final String THIS_BUILD = System.getProperty("surefire.test.class.path",
            System.getProperty("java.class.path"));

    @Test
    void everyBuildReadsTheWholeCorpusInEveryMode(@TempDir Path dir) throws Exception {
        ScaleCorpus.Written corpus = ScaleCorpus.write(dir, 20_000, 50, 7, false);
        for (String mode : List.of("load", "parse", "ingest")) {
            long[] events = Alternate.run(mode, corpus.root().toString(), "{cloudtrail,vpcflow,guardduty}/*", 2, 2,
                    1, List.of(THIS_BUILD, THIS_BUILD));
            assertArrayEquals(new long[] {corpus.events(), corpus.events()}, events, mode);
        }
    }

    @Test
    void eachBuildHasClassesOfItsOwnAndTheHarnesssRound() throws Exception {
        try (Alternate.RoundLoader first = new Alternate.RoundLoader(THIS_BUILD);
                Alternate.RoundLoader second = new Alternate.RoundLoader(THIS_BUILD)) {
            Class<?> graph = first.loadClass(BehaviorGraph.class.getName());
            assertNotSame(BehaviorGraph.class, graph);
            assertNotSame(graph, second.loadClass(BehaviorGraph.class.getName()));
            assertSame(first, first.loadClass(AlternateRound.class.getName()).getClassLoader());
        }
    }

    @Test
    void theMedianOfAnEvenCountIsBetweenItsMiddleTwo() {
        assertEquals("2.500 (1.000 to 4.000)", Alternate.median(new double[] {9, 4, 1, 3, 2}, 1));
        assertEquals("3.000 (1.000 to 9.000)", Alternate.median(new double[] {9, 4, 1, 3, 2}, 0));
    }

    @Test
    void badArgumentsAreNamedBeforeAnythingRuns() {
        assertEquals("unknown option --round; known: --mode --rounds --skip --threads --glob --events --seed --dir",
                message("--round", "3", "a.jar"));
        assertEquals("--rounds needs a value", message("a.jar", "--rounds"));
        assertEquals("unknown mode loads; known: load parse ingest", message("--mode", "loads", "a.jar"));
        assertEquals("give at least one build, at least one thread, and more rounds than --skip (at least 0)",
                message("--rounds", "3", "--skip", "3", "a.jar"));
        assertEquals("no such build: missing.jar", assertThrows(IllegalArgumentException.class,
                () -> Alternate.run("load", ".", "*", 1, 2, 1, List.of("missing.jar"))).getMessage());
    }

    private static String message(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> Alternate.main(args)).getMessage();
    }
}
