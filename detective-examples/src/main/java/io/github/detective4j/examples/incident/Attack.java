package io.github.detective4j.examples.incident;

import io.github.detective4j.examples.incident.Cast.Role;
import io.github.detective4j.examples.incident.Facts.User;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The attacker's API calls, with the admin user's stolen access key, from Ashburn, with an old CLI: one session of
 * a quarter of an hour that creates a role, launches the miner, creates a user, deletes the analyst's access key,
 * asks for a credential report and stops a trail; then a look at the instances every day.
 */
final class Attack implements Activity {
    static final String CREATED_ROLE = "ec2-maintenance-role";
    static final String CREATED_USER = "backup-automation";
    /** The first session's calls, in order, and their seconds after the attack's start. */
    static final List<String> CALLS = List.of("GetCallerIdentity", "ListUsers", "DescribeInstances", "ListRoles",
            "CreateRole", "RunInstances", "CreateUser", "DeleteAccessKey", "GenerateCredentialReport", "StopLogging");
    private static final long[] OFFSETS = {0, 41, 95, 170, 252, 366, 545, 660, 781, 905};
    /** The calls the admin user never makes before: the attack's new API calls. */
    static final List<String> NEW_CALLS = List.of("CreateUser", "DeleteAccessKey", "GenerateCredentialReport",
            "StopLogging");

    private final Cast cast;
    private final Dice dice;
    private final Instant attackStart;

    Attack(Cast cast, Dice dice, Instant attackStart) {
        this.cast = cast;
        this.dice = dice;
        this.attackStart = attackStart;
    }

    static Instant minerLaunch(Instant attackStart) {
        return attackStart.plusSeconds(OFFSETS[CALLS.indexOf("RunInstances")]);
    }

    static Instant stopLogging(Instant attackStart) {
        return attackStart.plusSeconds(OFFSETS[CALLS.indexOf("StopLogging")]);
    }

    @Override
    public void day(Instant day, CloudTrailLog log) {
        Instant attackDay = attackStart.truncatedTo(ChronoUnit.DAYS);
        if (day.equals(attackDay)) {
            session(log);
        } else if (day.isAfter(attackDay)) { // the attacker checks on the miner
            log.add(ApiCalls.call(dice, day.plusSeconds(dice.between(3600, 5 * 3600)), Cast.REGION, identity(),
                    Cast.ATTACKER.ip(), Cast.ATTACKER_AGENT, "ec2.amazonaws.com", "DescribeInstances",
                    Json.object("instancesSet", Json.object(), "filterSet", Json.object())));
        }
    }

    private void session(CloudTrailLog log) {
        Identity who = identity();
        String ip = Cast.ATTACKER.ip();
        String agent = Cast.ATTACKER_AGENT;
        User analyst = cast.analyst().user();
        for (int i = 0; i < CALLS.size(); i++) {
            Instant t = attackStart.plusSeconds(OFFSETS[i]);
            String name = CALLS.get(i);
            ApiEvent event = switch (name) {
                case "GetCallerIdentity" -> ApiCalls.call(dice, t, Cast.REGION, who, ip, agent, "sts.amazonaws.com",
                        name, null);
                case "ListUsers", "ListRoles" -> ApiCalls.call(dice, t, Cast.REGION, who, ip, agent,
                        "iam.amazonaws.com", name, null);
                case "DescribeInstances" -> ApiCalls.call(dice, t, Cast.REGION, who, ip, agent, "ec2.amazonaws.com",
                        name, Json.object("instancesSet", Json.object(), "filterSet", Json.object()));
                case "CreateRole" -> ApiCalls.createRole(dice, t, who, ip, agent, new Role(CREATED_ROLE,
                        Cast.awsId("AROA", Dice.forName("role/" + CREATED_ROLE)), Cast.roleArn(CREATED_ROLE)),
                        null, Cast.ATTACKER_ACCOUNT);
                case "RunInstances" -> ApiCalls.runInstances(dice, t, who, ip, agent, cast.miner,
                        cast.securityGroup);
                case "CreateUser" -> ApiCalls.createUser(dice, t, who, ip, agent, CREATED_USER,
                        Cast.awsId("AIDA", Dice.forName("user/" + CREATED_USER)));
                case "DeleteAccessKey" -> ApiCalls.deleteAccessKey(dice, t, who, ip, agent, analyst.name(),
                        analyst.accessKeyId());
                case "GenerateCredentialReport" -> ApiCalls.generateCredentialReport(dice, t, who, ip, agent);
                case "StopLogging" -> ApiCalls.stopLogging(dice, t, who, ip, agent,
                        ApiCalls.trailArn(Cast.REGION, Cast.STOPPED_TRAIL));
                default -> throw new IllegalStateException("no such attack call: " + name);
            };
            log.add(event);
        }
    }

    private Identity identity() {
        User admin = cast.admin.user();
        return new Identity.UserKey(admin, admin.accessKeyId());
    }
}
