package io.github.detective4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison's answers, at a scale a build can afford: the graph and DuckDB's SQL must agree on every row. */
class CompareTest {
    @Test
    void bothEnginesGiveTheSameAnswers(@TempDir Path dir) throws Exception {
        assertTrue(Compare.answersAgree(dir, 20_000, 50, 7, 2), "the answers differ: see the output above");
    }
}
