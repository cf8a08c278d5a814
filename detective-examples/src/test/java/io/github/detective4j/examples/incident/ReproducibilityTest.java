package io.github.detective4j.examples.incident;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same configuration writes the same bytes; another seed writes others. Small incidents keep this fast. */
class ReproducibilityTest {
    @TempDir
    Path dir;

    private static ReferenceIncident small(long seed) {
        return ReferenceIncident.builder().seed(seed).days(ReferenceIncident.MIN_DAYS).developers(1).webServers(1)
                .build();
    }

    @Test
    void theSameSeedWritesTheSameBytes() throws IOException {
        Written first = small(7).write(dir.resolve("a"));
        Written second = small(7).write(dir.resolve("b"));
        assertEquals(first, second);
        Map<String, String> a = digests(dir.resolve("a"));
        Map<String, String> b = digests(dir.resolve("b"));
        assertEquals(first.files(), a.size());
        assertEquals(a, b);
    }

    @Test
    void anotherSeedWritesOtherBytesButTheSameFacts() throws IOException {
        small(7).write(dir.resolve("a"));
        small(8).write(dir.resolve("b"));
        assertNotEquals(digests(dir.resolve("a")), digests(dir.resolve("b")));
        assertEquals(small(7).facts(), small(8).facts());
    }

    @Test
    void gzipHeadersCarryNoTimeAndNoName() throws IOException {
        small(7).write(dir);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] head = new byte[10];
                try (InputStream in = Files.newInputStream(file)) {
                    assertEquals(10, in.readNBytes(head, 0, 10));
                }
                assertArrayEquals(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0}, Arrays.copyOf(head, 8),
                        file::toString); // magic, deflate, no flags (no name), modification time 0
            }
        }
    }

    @Test
    void theBuilderRefusesWhatTheStoryCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> ReferenceIncident.builder().days(13));
        assertThrows(IllegalArgumentException.class, () -> ReferenceIncident.builder().days(367));
        assertThrows(IllegalArgumentException.class,
                () -> ReferenceIncident.builder().end(Instant.parse("2026-11-28T01:00:00Z")));
        assertThrows(IllegalArgumentException.class, () -> ReferenceIncident.builder().developers(0));
        assertThrows(IllegalArgumentException.class, () -> ReferenceIncident.builder().webServers(0));
        assertThrows(IllegalArgumentException.class, () -> ReferenceIncident.builder().activity(0));
    }

    @Test
    void theFactsFollowTheConfiguration() {
        Facts facts = ReferenceIncident.builder().end(Instant.parse("2026-01-10T00:00:00Z")).days(20).developers(4)
                .build().facts();
        assertEquals(Instant.parse("2025-12-21T00:00:00Z"), facts.start());
        assertEquals(Instant.parse("2026-01-01T03:14:05Z"), facts.attackStart());
        assertEquals(Instant.parse("2026-01-01T04:00:00Z"), facts.minerTraffic().firstHour());
        assertEquals(Instant.parse("2026-01-09T23:00:00Z"), facts.minerTraffic().lastHour());
        assertEquals(9 * 24 - 4, facts.minerTraffic().hours());
        assertEquals(Instant.parse("2026-01-07T00:00:00Z"), facts.otherMinerTraffic().firstHour());
        assertEquals(6, facts.backgroundUsers().size()); // four developers, the analyst, the CI user
        assertEquals("i-08a8e40be65425909", facts.minerInstance().id());
        assertEquals("t2.micro", facts.minerInstance().type());
    }

    private static Map<String, String> digests(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(file -> out.put(root.relativize(file).toString(), sha256(file)));
        }
        return out;
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
