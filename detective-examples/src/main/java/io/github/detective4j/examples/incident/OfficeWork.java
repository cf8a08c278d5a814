package io.github.detective4j.examples.incident;

import io.github.detective4j.examples.incident.Cast.Host;
import io.github.detective4j.examples.incident.Cast.Human;
import io.github.detective4j.examples.incident.Cast.Job;
import io.github.detective4j.examples.incident.Cast.Persona;
import io.github.detective4j.examples.incident.Cast.Role;
import io.github.detective4j.examples.incident.Facts.Instance;
import io.github.detective4j.examples.incident.Facts.Place;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The people's API calls: office hours in Japan (09:00 to 18:00 JST, 00:00 to 09:00 UTC) on weekdays, a little on
 * weekends and evenings, on the CLI and in the console; and their rare changes: the admin user's test instances and
 * roles, the analyst's weekly credential report and the rotation of the CI user's key.
 */
final class OfficeWork implements Activity {
    /** Relative session rates of the office hours 00:00 to 09:00 UTC; lunch is 03:00 UTC. */
    private static final double[] OFFICE_RATE = {2.8, 3.8, 4.0, 1.5, 3.5, 4.0, 3.8, 3.1, 2.2, 1.0};
    /** Days, counted from the first, on which the admin user launches a test instance, and creates a role. */
    private static final Set<Integer> TEST_INSTANCE_DAYS = Set.of(2, 20, 34, 41, 48);
    private static final Set<Integer> NEW_ROLE_DAYS = Set.of(4, 27, 38);
    private static final List<String> ROLE_WORDS = List.of("lambda-orders", "lambda-thumbnailer", "glue-etl");

    private final Cast cast;
    private final Dice dice;
    private final double scale;
    private final Instant start;
    private final Instant attackStart;
    private final Instant keyRotation;
    private final List<ReadCall> adminCalls;
    private final List<ReadCall> developerCalls = ReadCall.developer();
    private final List<ReadCall> securityCalls;
    private int roleCount;

    /** A person's console session of the day, once they have signed in. */
    private record ConsoleSession(String keyId, Instant start) {}

    OfficeWork(Cast cast, Dice dice, double scale, Instant start, Instant attackStart, Instant keyRotation) {
        this.cast = cast;
        this.dice = dice;
        this.scale = scale;
        this.start = start;
        this.attackStart = attackStart;
        this.keyRotation = keyRotation;
        List<String> userNames = new ArrayList<>();
        cast.people.forEach(person -> userNames.add(person.user().name()));
        userNames.add(cast.ciDeployer.name());
        this.adminCalls = ReadCall.admin(userNames, List.of(cast.deployRole.name(), cast.appServerRole.name(),
                cast.batchWorkerRole.name()));
        this.securityCalls = ReadCall.security(cast.detectorId);
    }

    @Override
    public void day(Instant day, CloudTrailLog log) {
        boolean weekday = day.atOffset(ZoneOffset.UTC).getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
        int index = (int) Duration.between(start, day).toDays();
        int attackDay = (int) Duration.between(start, attackStart).toDays();
        for (Human person : cast.people) {
            officeDay(person, day, weekday, log);
            if (person.persona() == Persona.ADMIN && index < attackDay) {
                adminChanges(person, day, index, log);
            }
            if (person.persona() == Persona.SECURITY) {
                securityRoutine(person, day, index, log);
            }
        }
    }

    private void officeDay(Human person, Instant day, boolean weekday, CloudTrailLog log) {
        if (!dice.chance(weekday ? 0.93 : 0.10)) {
            return;
        }
        ConsoleSession[] console = new ConsoleSession[1];
        for (int hour = 0; hour < OFFICE_RATE.length; hour++) {
            int sessions = dice.poisson(OFFICE_RATE[hour] * scale * (weekday ? 1.0 : 0.3));
            for (int i = 0; i < sessions; i++) {
                Instant at = day.plusSeconds(hour * 3600L + dice.between(0, 3599));
                session(person, weekday ? person.office() : home(person), at, console, log);
            }
        }
        if (person.home() != null && dice.chance(weekday ? 0.3 : 0.5)) { // an evening at home, 21:00 to 23:00 JST
            Instant at = day.plusSeconds(12 * 3600L + dice.between(0, 2 * 3600 - 1));
            session(person, person.home(), at, console, log);
        }
    }

    private void session(Human person, Place place, Instant at, ConsoleSession[] console, CloudTrailLog log) {
        boolean analystWithoutKey = person == cast.analyst() && !at.isBefore(attackStart); // its key was deleted
        boolean viaConsole = analystWithoutKey || dice.chance(person.persona() == Persona.SECURITY ? 0.5 : 0.3);
        Identity who;
        String agent;
        if (viaConsole) {
            if (console[0] == null) {
                boolean typo = person.persona() == Persona.DEVELOPER && dice.chance(0.05);
                if (typo) {
                    log.add(ApiCalls.consoleLogin(dice, at.minusSeconds(95), person.user(), place.ip(),
                            person.browserAgent(), false));
                }
                log.add(ApiCalls.consoleLogin(dice, at.minusSeconds(40), person.user(), place.ip(),
                        person.browserAgent(), true));
                console[0] = new ConsoleSession(Cast.awsId("ASIA", dice), at.minusSeconds(40));
            }
            who = new Identity.UserConsole(person.user(), console[0].keyId(), console[0].start());
            agent = Cast.CONSOLE;
        } else {
            who = new Identity.UserKey(person.user(), person.user().accessKeyId());
            agent = person.cliAgent();
        }
        List<ReadCall> catalog = switch (person.persona()) {
            case ADMIN -> adminCalls;
            case DEVELOPER -> developerCalls;
            case SECURITY -> securityCalls;
        };
        String region = person.persona() == Persona.SECURITY
                ? (dice.chance(0.8) ? Cast.REGION : Cast.OTHER_REGION)
                : (dice.chance(0.5) ? Cast.REGION : Cast.OTHER_REGION);
        int calls = dice.between(4, person.persona() == Persona.SECURITY ? 30 : 24);
        Instant t = at;
        for (int i = 0; i < calls; i++) {
            ReadCall call = ReadCall.draw(catalog, dice);
            ApiEvent event = read(call, t, region, who, place.ip(), agent);
            if (viaConsole) {
                event.console();
            }
            if (call.denied()) {
                ApiCalls.denied(event, person.user().arn());
            }
            log.add(event);
            t = t.plusSeconds(dice.between(2, 40));
        }
    }

    private ApiEvent read(ReadCall call, Instant t, String region, Identity who, String ip, String agent) {
        String subresource = call.bucketSubresource();
        if (call.source().equals("s3.amazonaws.com") && subresource != null) {
            return ApiCalls.bucketCall(dice, t, who, ip, agent, call.name(), dice.pick(Cast.BUCKETS), subresource);
        }
        return ApiCalls.call(dice, t, region, who, ip, agent, call.source(), call.name(), call.request().apply(dice));
    }

    /** The admin user's changes before the attack, so that RunInstances and CreateRole are nothing new for them. */
    private void adminChanges(Human admin, Instant day, int index, CloudTrailLog log) {
        Identity who = new Identity.UserKey(admin.user(), admin.user().accessKeyId());
        String ip = admin.office().ip();
        if (TEST_INSTANCE_DAYS.contains(index)) {
            Instant at = day.plusSeconds(5400 + dice.between(0, 1800));
            Dice names = Dice.forName("test-instance/" + index);
            Instance instance = new Instance(names.resourceId("i"), "test-" + index, "t3.micro",
                    "10.0.1." + names.between(100, 199), null, names.resourceId("eni"), cast.publicSubnet,
                    cast.vpcId, at, admin.user().name());
            // a web server on trial, terminated within hours and never serving: no traffic of its own
            Host host = new Host(instance, Job.WEB, null, "us-east-1a", "0e:11:22:33:44:" + names.hex(2));
            log.add(ApiCalls.runInstances(dice, at, who, ip, admin.cliAgent(), host, cast.securityGroup));
            log.add(ApiCalls.terminateInstances(dice, at.plusSeconds(dice.between(7200, 18000)), who, ip,
                    admin.cliAgent(), instance.id()));
        }
        if (NEW_ROLE_DAYS.contains(index)) {
            Instant at = day.plusSeconds(3600 + dice.between(0, 3600));
            String name = ROLE_WORDS.get(roleCount++ % ROLE_WORDS.size()) + "-role";
            Role role = new Role(name, Cast.awsId("AROA", Dice.forName("role/" + name)), Cast.roleArn(name));
            log.add(ApiCalls.createRole(dice, at, who, ip, admin.cliAgent(), role, "lambda.amazonaws.com", null));
        }
    }

    /** The weekly credential report, and the one rotation of the CI user's access key. */
    private void securityRoutine(Human analyst, Instant day, int index, CloudTrailLog log) {
        Identity who = new Identity.UserKey(analyst.user(), analyst.user().accessKeyId());
        String ip = analyst.office().ip();
        String agent = analyst.cliAgent();
        if (index % 7 == 3 && day.isBefore(attackStart)) {
            Instant at = day.plusSeconds(3600 + dice.between(0, 1800));
            log.add(ApiCalls.generateCredentialReport(dice, at, who, ip, agent));
            log.add(ApiCalls.call(dice, at.plusSeconds(dice.between(20, 60)), Cast.REGION, who, ip, agent,
                    "iam.amazonaws.com", "GetCredentialReport", null));
        }
        if (day.equals(keyRotation.truncatedTo(ChronoUnit.DAYS))) {
            log.add(ApiCalls.createAccessKey(dice, keyRotation, who, ip, agent, cast.ciDeployer.name(),
                    cast.ciDeployerNewKey));
            log.add(ApiCalls.deleteAccessKey(dice, keyRotation.plus(Duration.ofDays(1)), who, ip, agent,
                    cast.ciDeployer.name(), cast.ciDeployer.accessKeyId()));
        }
    }

    private static Place home(Human person) {
        return person.home() != null ? person.home() : person.office();
    }
}
