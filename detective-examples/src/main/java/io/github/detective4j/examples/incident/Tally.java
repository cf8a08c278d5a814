package io.github.detective4j.examples.incident;

/** Counts what one {@link ReferenceIncident#write} wrote. Not thread-safe. */
final class Tally {
    int cloudTrailFiles;
    int flowLogFiles;
    int findingFiles;
    long apiCalls;
    long flowRecords;
    long findings;
    long bytes;

    Written written() {
        return new Written(cloudTrailFiles + flowLogFiles + findingFiles, cloudTrailFiles, flowLogFiles, findingFiles,
                apiCalls, flowRecords, findings, bytes);
    }
}
