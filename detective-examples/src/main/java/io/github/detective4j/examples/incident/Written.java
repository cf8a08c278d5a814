package io.github.detective4j.examples.incident;

/**
 * What {@link ReferenceIncident#write} wrote: files, events and bytes, by kind.
 *
 * @param files every file written
 * @param cloudTrailFiles CloudTrail log files ({@code .json.gz})
 * @param flowLogFiles VPC flow log files ({@code .log.gz})
 * @param findingFiles GuardDuty export files ({@code .jsonl.gz})
 * @param apiCalls CloudTrail records, every one a management event
 * @param flowRecords VPC flow log records, header lines not counted, every one with log status OK
 * @param findings GuardDuty finding versions: a finding is exported when created and again when updated
 * @param bytes the size of the files on disk, compressed
 */
public record Written(int files, int cloudTrailFiles, int flowLogFiles, int findingFiles, long apiCalls,
        long flowRecords, long findings, long bytes) {

    /**
     * Returns the events a reader should produce from the files: one per record and finding version.
     *
     * @return {@code apiCalls + flowRecords + findings}
     */
    public long events() {
        return apiCalls + flowRecords + findings;
    }
}
