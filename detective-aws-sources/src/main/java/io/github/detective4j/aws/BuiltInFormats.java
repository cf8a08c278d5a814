package io.github.detective4j.aws;

import io.github.detective4j.aws.cloudtrail.CloudTrailFormat;
import io.github.detective4j.aws.findings.AsffFormat;
import io.github.detective4j.aws.findings.GuardDutyFormat;
import io.github.detective4j.aws.vpcflow.FlowLogFormat;
import java.util.List;

/** The formats every reader knows unless told otherwise, in detection-tie order. */
final class BuiltInFormats {
    private BuiltInFormats() {}

    static List<LogFormat> all() {
        return List.of(new CloudTrailFormat(), new FlowLogFormat(), new GuardDutyFormat(), new AsffFormat());
    }
}
