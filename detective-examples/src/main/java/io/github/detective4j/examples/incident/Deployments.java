package io.github.detective4j.examples.incident;

import static io.github.detective4j.examples.incident.Json.object;

import io.github.detective4j.examples.incident.Cast.Role;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The CI system's deployments: the {@code ci-deployer} user assumes {@code DeployRole} from the CI runner, and the
 * role session updates a CloudFormation stack. A few a weekday, in Japanese working hours.
 */
final class Deployments implements Activity {
    private final Cast cast;
    private final Dice dice;
    private final double scale;
    private final Instant keySwitch;

    Deployments(Cast cast, Dice dice, double scale, Instant keyRotation) {
        this.cast = cast;
        this.dice = dice;
        this.scale = scale;
        this.keySwitch = keyRotation.plus(Duration.ofHours(2)); // the new key reaches the CI secrets
    }

    @Override
    public void day(Instant day, CloudTrailLog log) {
        boolean weekday = day.atOffset(ZoneOffset.UTC).getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
        int deploys = weekday ? 1 + dice.poisson(4.0 * scale) : dice.poisson(0.5 * scale);
        for (int i = 0; i < deploys; i++) {
            deploy(day.plusSeconds(dice.between(0, 11 * 3600)), log);
        }
    }

    private void deploy(Instant t, CloudTrailLog log) {
        String ip = Cast.CI_RUNNER.ip();
        String key = t.isBefore(keySwitch) ? cast.ciDeployer.accessKeyId() : cast.ciDeployerNewKey;
        Role role = cast.deployRole;
        String sessionName = "ci-" + t.getEpochSecond();
        String sessionKey = Cast.awsId("ASIA", dice);
        log.add(ApiCalls.assumeRole(dice, t, new Identity.UserKey(cast.ciDeployer, key), ip, Cast.CI_CLI, role,
                sessionName, sessionKey, 3600));
        Identity session = new Identity.RoleSession(role, sessionName, sessionKey, t, false);
        String region = dice.chance(0.7) ? Cast.REGION : Cast.OTHER_REGION;
        String stack = dice.pick(ReadCall.STACKS);
        String stackId = "arn:aws:cloudformation:" + region + ":" + Cast.ACCOUNT + ":stack/" + stack + "/"
                + Dice.forName("stack/" + region + "/" + stack).uuid();
        String changeSet = "ci-" + t.getEpochSecond();
        Instant at = t.plusSeconds(dice.between(2, 5));
        log.add(cfn(at, region, session, "DescribeStacks", object("stackName", stack)));
        at = at.plusSeconds(dice.between(1, 3));
        log.add(ApiCalls.call(dice, at, region, session, ip, Cast.CI_CLI, "ecr.amazonaws.com",
                "GetAuthorizationToken", null));
        at = at.plusSeconds(dice.between(20, 90));
        log.add(cfn(at, region, session, "CreateChangeSet", object("stackName", stack, "templateURL",
                "https://detective-demo-ci-artifacts.s3.amazonaws.com/" + stack + "/" + changeSet + ".yaml",
                "capabilities", Json.array("CAPABILITY_IAM"), "changeSetName", changeSet, "changeSetType", "UPDATE"))
                .response(object("id", "arn:aws:cloudformation:" + region + ":" + Cast.ACCOUNT + ":changeSet/"
                        + changeSet + "/" + dice.uuid(), "stackId", stackId)));
        for (int i = dice.between(2, 5); i > 0; i--) {
            at = at.plusSeconds(dice.between(4, 8));
            log.add(cfn(at, region, session, "DescribeChangeSet", object("changeSetName", changeSet,
                    "stackName", stack)));
        }
        at = at.plusSeconds(dice.between(2, 6));
        log.add(cfn(at, region, session, "ExecuteChangeSet", object("changeSetName", changeSet,
                "stackName", stack)));
        for (int i = dice.between(5, 20); i > 0; i--) {
            at = at.plusSeconds(dice.between(10, 20));
            log.add(cfn(at, region, session, "DescribeStackEvents", object("stackName", stack)));
        }
        log.add(cfn(at.plusSeconds(dice.between(2, 6)), region, session, "DescribeStacks",
                object("stackName", stack)));
    }

    private ApiEvent cfn(Instant at, String region, Identity session, String name, Map<String, Object> rq) {
        return ApiCalls.call(dice, at, region, session, Cast.CI_RUNNER.ip(), Cast.CI_CLI,
                "cloudformation.amazonaws.com", name, rq);
    }
}
