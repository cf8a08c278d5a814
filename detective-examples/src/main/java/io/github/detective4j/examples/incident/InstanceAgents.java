package io.github.detective4j.examples.incident;

import io.github.detective4j.examples.incident.Cast.Host;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What runs on the background instances: EC2 fetches their instance profile's credentials every six hours
 * ({@code AssumeRole} by {@code ec2.amazonaws.com}, a role session named for the instance), and the SSM agent
 * reports in with them every quarter of an hour (the real agent: every five minutes).
 */
final class InstanceAgents implements Activity {
    private static final int REFRESH_HOURS = 6;

    private final Cast cast;
    private final Dice dice;
    /** The instance's current credentials, by instance id. */
    private final Map<String, Identity.RoleSession> sessions = new HashMap<>();

    InstanceAgents(Cast cast, Dice dice, Instant start) {
        this.cast = cast;
        this.dice = dice;
        for (Host host : cast.hosts) {
            Dice before = Dice.forName("credentials/" + host.id());
            sessions.put(host.id(), new Identity.RoleSession(host.role(), host.id(), Cast.awsId("ASIA", before),
                    start.minusSeconds(before.between(60, 5 * 3600)), true));
        }
    }

    @Override
    public void day(Instant day, CloudTrailLog log) {
        for (int hour = 0; hour < 24; hour++) {
            Instant h = day.plusSeconds(hour * 3600L);
            for (Host host : cast.hosts) {
                int offset = Math.floorMod(host.id().hashCode(), REFRESH_HOURS);
                if ((hour + offset) % REFRESH_HOURS == 0) {
                    Instant at = h.plusSeconds(dice.between(0, 300));
                    String key = Cast.awsId("ASIA", dice);
                    log.add(ApiCalls.assumeRole(dice, at, new Identity.Service("ec2.amazonaws.com"),
                            "ec2.amazonaws.com", "ec2.amazonaws.com", host.role(), host.id(), key, 6 * 3600));
                    sessions.put(host.id(), new Identity.RoleSession(host.role(), host.id(), key, at, true));
                }
                for (int quarter = 0; quarter < 4; quarter++) { // after the refresh, which is in the first 300 s
                    Instant at = h.plusSeconds(quarter * 900L + dice.between(301, 899));
                    log.add(ApiCalls.updateInstanceInformation(dice, at, sessions.get(host.id()), host));
                }
            }
        }
    }
}
