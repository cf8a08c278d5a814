package io.github.detective4j.aws;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real AWS samples in {@code ../shared/data} (set by Surefire as {@code detective4j.sharedData}); a test
 * that needs them is skipped, saying so, when they are absent.
 */
public final class SharedData {
    private SharedData() {}

    /**
     * Returns a folder of the shared samples, or skips the calling test when it is absent.
     *
     * @param folder a folder under {@code shared/data}, such as {@code vpcflow-aws-docs-examples}
     * @return its path
     */
    public static Path require(String folder) {
        String root = System.getProperty("detective4j.sharedData", "../../shared/data");
        Path dir = Path.of(root).resolve(folder).normalize();
        assumeTrue(Files.isDirectory(dir), () -> "skipped: shared sample folder " + dir
                + " is absent (it lives beside the project as ../shared/data)");
        return dir;
    }
}
