package io.github.detective4j.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint file and what S3LogSource keeps in it per prefix. */
class CheckpointsTest {
    private static final String DAY = "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/27/";
    private static final String A = DAY + "111122223333_CloudTrail_us-east-1_20261127T0005Z_a1.json.gz";
    private static final String B = DAY + "111122223333_CloudTrail_us-east-1_20261127T0010Z_b2.json.gz";
    private static final String C = DAY + "111122223333_CloudTrail_us-east-1_20261127T0015Z_c3.json.gz";
    private static final String D = DAY + "111122223333_CloudTrail_us-east-1_20261127T0020Z_d4.json.gz";
    private static final String E = DAY + "111122223333_CloudTrail_us-east-1_20261127T0025Z_e5.json.gz";

    @TempDir
    Path dir;

    @Test
    void aFileStoreKeepsWhatWasSavedAcrossARestartAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("state/checkpoints.json");
        CheckpointStore store = CheckpointStore.inFile(file);
        store.save(Map.of("s3://bucket/" + DAY, "{\"through\":\"x\"}", "logs:/vpc/flow", "1"));
        store.save(Map.of("logs:/vpc/flow", "2"));

        CheckpointStore reopened = CheckpointStore.inFile(file);
        assertEquals(Optional.of("{\"through\":\"x\"}"), reopened.load("s3://bucket/" + DAY));
        assertEquals(Optional.of("2"), reopened.load("logs:/vpc/flow"));
        assertEquals(Optional.empty(), reopened.load("other"));
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of("checkpoints.json", "checkpoints.json.journal"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "no temporary file is left");
        }
    }

    @Test
    void theJournalStaysBoundedAndReplaysToTheLastSaves() throws IOException {
        // an organization's worth of unsettled prefixes, saved after every object as S3LogSource does
        Path file = dir.resolve("checkpoints.json");
        CheckpointStore store = CheckpointStore.inFile(file);
        Map<String, String> expected = new java.util.HashMap<>();
        for (int i = 0; i < 3_000; i++) {
            String key = "s3://bucket/AWSLogs/" + (i % 300) + "/";
            String value = "{\"finished\":" + i + ",\"pad\":\"" + "x".repeat(200) + "\"}";
            store.save(Map.of(key, value));
            expected.put(key, value);
        }
        long fileBytes = Files.size(file);
        long journalBytes = Files.size(dir.resolve("checkpoints.json.journal"));
        assertTrue(journalBytes <= Math.max(64 * 1024, fileBytes) + 1_000, journalBytes + " journal bytes");
        CheckpointStore reopened = CheckpointStore.inFile(file);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(Optional.of(e.getValue()), reopened.load(e.getKey()));
        }
    }

    @Test
    void aSaveCutShortByACrashIsLostAloneAndTheNextSaveStartsClean() throws IOException {
        Path file = dir.resolve("checkpoints.json");
        CheckpointStore store = CheckpointStore.inFile(file);
        store.save(Map.of("a", "1"));
        store.save(Map.of("b", "2"));
        Path journal = dir.resolve("checkpoints.json.journal");
        Files.writeString(journal, "{\"c\":\"3", StandardOpenOption.APPEND); // the process died mid-line

        CheckpointStore restarted = CheckpointStore.inFile(file);
        assertEquals(Optional.of("1"), restarted.load("a"));
        assertEquals(Optional.of("2"), restarted.load("b"));
        assertEquals(Optional.empty(), restarted.load("c"));
        restarted.save(Map.of("d", "4"));
        CheckpointStore again = CheckpointStore.inFile(file);
        assertEquals(Optional.of("4"), again.load("d"));
        assertEquals(Optional.of("2"), again.load("b"));
    }

    @Test
    void aTornLastLineIsASaveThatNeverReturnedButADamagedEarlierLineIsRefused() throws IOException {
        Path file = dir.resolve("checkpoints.json");
        CheckpointStore store = CheckpointStore.inFile(file);
        store.save(Map.of("a", "1"));
        Path journal = dir.resolve("checkpoints.json.journal");
        // a power cut kept the last save's newline but not the page before it
        Files.writeString(journal, "{\"b\":\"2\"}\n\u0000\u0000\u0000\u0000\n", StandardOpenOption.APPEND);
        CheckpointStore restarted = CheckpointStore.inFile(file);
        assertEquals(Optional.of("2"), restarted.load("b"));
        restarted.save(Map.of("c", "3"));
        assertEquals(Optional.of("3"), CheckpointStore.inFile(file).load("c"), "the torn line was written over");
    }

    @Test
    void aFailedRewriteDoesNotFailTheSavesTheJournalHolds() throws IOException {
        Path file = dir.resolve("checkpoints.json");
        CheckpointStore store = CheckpointStore.inFile(file);
        store.save(Map.of("a", "1"));
        Files.delete(file); // the file can no longer be replaced: a directory with something in it stands there
        Files.createDirectories(file.resolve("in-the-way"));
        for (int i = 0; i < 500; i++) { // well past the size that asks for a rewrite
            store.save(Map.of("k" + i, "x".repeat(300)));
        }
        assertEquals(Optional.of("1"), store.load("a"));
        Files.delete(file.resolve("in-the-way"));
        Files.delete(file);
        CheckpointStore restarted = CheckpointStore.inFile(file); // the journal alone holds every save
        assertEquals(Optional.of("x".repeat(300)), restarted.load("k499"));
    }

    @Test
    void aCrashBetweenRewritingTheFileAndEmptyingTheJournalChangesNothing() throws IOException {
        Path file = dir.resolve("checkpoints.json");
        Path journal = dir.resolve("checkpoints.json.journal");
        Files.writeString(file, "{\"a\":\"3\",\"b\":\"2\"}"); // the rewritten file
        Files.writeString(journal, "{\"a\":\"1\"}\n{\"b\":\"2\"}\n{\"a\":\"3\"}\n"); // the journal it folded in

        CheckpointStore store = CheckpointStore.inFile(file);
        assertEquals(Optional.of("3"), store.load("a"));
        assertEquals(Optional.of("2"), store.load("b"));
    }

    @Test
    void aDamagedJournalLineIsRefusedByNameAndLine() throws IOException {
        Path file = dir.resolve("checkpoints.json");
        Files.writeString(dir.resolve("checkpoints.json.journal"), "{\"a\":\"1\"}\n{\"b\": oops}\n{\"c\":\"3\"}\n");
        IOException e = assertThrows(IOException.class, () -> CheckpointStore.inFile(file));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("checkpoints.json.journal"),
                e.getMessage());
    }

    @Test
    void aDamagedFileIsRefusedByName() throws IOException {
        Path file = dir.resolve("checkpoints.json");
        Files.writeString(file, "{\"s3://bucket/\": ");
        IOException e = assertThrows(IOException.class, () -> CheckpointStore.inFile(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void keysFinishedOutOfOrderAreCompactedOnlyOnceEveryEarlierKeyIsDone() throws IOException {
        PrefixProgress progress = PrefixProgress.parse(Optional.empty(), true);
        assertTrue(progress.claim(A));
        assertTrue(progress.claim(B));
        assertTrue(progress.claim(C));
        progress.finished(B);
        assertEquals(null, progress.through(), "A is still being read");
        progress.stopped(A, 17);
        progress.finished(C);
        assertEquals(null, progress.through(), "a partly read key holds the run back");

        PrefixProgress restarted = PrefixProgress.parse(Optional.of(progress.json()), true);
        assertTrue(restarted.claim(A));
        assertEquals(17, restarted.delivered(A));
        assertFalse(restarted.claim(B));
        assertFalse(restarted.claim(C));
        restarted.finished(A);
        assertEquals(C, restarted.through());
        assertEquals("{\"through\":\"" + C + "\"}", restarted.json());
    }

    @Test
    void beforeItsDaySettlesAPrefixKeepsEveryFinishedKeySoALateLowerKeyIsStillRead() throws IOException {
        PrefixProgress today = PrefixProgress.parse(Optional.empty(), false);
        assertTrue(today.claim(A));
        assertTrue(today.claim(C));
        today.finished(A);
        today.finished(C);
        assertEquals(null, today.through(), "nothing compacted: the prefix is listed whole next time");

        PrefixProgress later = PrefixProgress.parse(Optional.of(today.json()), false);
        assertFalse(later.claim(A));
        assertTrue(later.claim(B), "B arrived after C was read, with a key before it");
        assertFalse(later.claim(C));
    }

    @Test
    void afterTheDaySettlesALateKeyBetweenFinishedKeysIsNotPassedBeforeTheListingReachesIt() throws IOException {
        // B and D arrived late; the settled read lists them in pages of two: B, C, then D, E.
        PrefixProgress settled = PrefixProgress.parse(Optional.of(finishedBeforeTheDaySettled(C, E)), true);
        assertTrue(settled.claim(B));
        assertFalse(settled.claim(C));
        settled.finished(B); // while the next page is fetched: nothing is pending, but D is not listed yet
        assertEquals(C, settled.through(), "E is done, but D, before it, was not listed yet");
        assertTrue(settled.claim(D), "D must still be read");
        assertFalse(settled.claim(E));
        settled.finished(D);
        assertEquals(E, settled.through());
        assertFalse(settled.listingEnded(), "nothing was left to compact");
        assertEquals("{\"through\":\"" + E + "\"}", settled.json());
    }

    @Test
    void aDayWhoseKeysWereAllReadBeforeItSettledCompactsOnceTheSettledListingEnds() throws IOException {
        String saved = finishedBeforeTheDaySettled(A, B, C);
        PrefixProgress settled = PrefixProgress.parse(Optional.of(saved), true);
        assertFalse(settled.claim(A));
        assertFalse(settled.claim(B));
        assertFalse(settled.claim(C));
        assertEquals(null, settled.through(), "nothing was claimed, so nothing finished");
        assertTrue(settled.listingEnded(), "the state shrank and is to be saved");
        assertEquals("{\"through\":\"" + C + "\"}", settled.json());

        PrefixProgress unsettled = PrefixProgress.parse(Optional.of(saved), false);
        assertFalse(unsettled.claim(A));
        assertFalse(unsettled.listingEnded(), "before the day settles, a late key may still sort before A");
        assertEquals(null, unsettled.through());
    }

    /** The checkpoint of a read that listed and finished these keys before their day settled. */
    private static String finishedBeforeTheDaySettled(String... keys) throws IOException {
        PrefixProgress today = PrefixProgress.parse(Optional.empty(), false);
        for (String key : keys) {
            assertTrue(today.claim(key));
            today.finished(key);
        }
        return today.json();
    }
}
