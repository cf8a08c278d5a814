package io.github.detective4j.examples.incident;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Where AWS puts each kind of log in an S3 bucket: the same keys, as paths below a folder. */
final class LogKeys {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    private LogKeys() {}

    /** {@code AWSLogs/<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/<account>_CloudTrail_<region>_<time>_<random>.json.gz} */
    static Path cloudTrail(Path root, String region, Instant delivered, String random16) {
        return folder(root, "CloudTrail", region, delivered).resolve(Cast.ACCOUNT + "_CloudTrail_" + region + "_"
                + MINUTE.format(delivered) + "_" + random16 + ".json.gz");
    }

    /** {@code AWSLogs/<account>/vpcflowlogs/<region>/<yyyy>/<mm>/<dd>/<account>_vpcflowlogs_<region>_<fl-id>_<time>_<hash>.log.gz} */
    static Path flowLog(Path root, String region, String flowLogId, Instant delivered, String hash8) {
        return folder(root, "vpcflowlogs", region, delivered).resolve(Cast.ACCOUNT + "_vpcflowlogs_" + region + "_"
                + flowLogId + "_" + MINUTE.format(delivered) + "_" + hash8 + ".log.gz");
    }

    /** {@code AWSLogs/<account>/GuardDuty/<region>/<yyyy>/<mm>/<dd>/<uuid>.jsonl.gz} */
    static Path guardDuty(Path root, String region, Instant exported, String uuid) {
        return folder(root, "GuardDuty", region, exported).resolve(uuid + ".jsonl.gz");
    }

    private static Path folder(Path root, String service, String region, Instant time) {
        return root.resolve("AWSLogs").resolve(Cast.ACCOUNT).resolve(service).resolve(region)
                .resolve(DAY.format(time));
    }
}
