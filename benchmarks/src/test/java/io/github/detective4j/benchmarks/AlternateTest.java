package io.github.detective4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void badArgumentsAreNamed() {
        assertEquals("unknown option --round; known: --mode --rounds --skip --threads --glob --events --seed --dir,"
                + " then the builds", assertThrows(IllegalArgumentException.class,
                        () -> Alternate.main(new String[] {"--round", "3", "a.jar"})).getMessage());
        assertEquals("no such build: missing.jar", assertThrows(IllegalArgumentException.class,
                () -> Alternate.run("load", ".", "*", 1, 2, 1, List.of("missing.jar"))).getMessage());
    }
}
