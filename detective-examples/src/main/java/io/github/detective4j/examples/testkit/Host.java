package io.github.detective4j.examples.testkit;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.FlowAction;
import io.github.detective4j.model.FlowDirection;
import io.github.detective4j.model.NetworkFlow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An EC2 instance of a {@link Scenario} exchanging traffic, as VPC Flow Logs version 5 records it: one record each
 * way per occurrence, over a one-minute capture window starting at it.
 *
 * <pre>{@code
 * story.instance("i-08a8e40be65425909", "10.0.1.25").talksTo("104.16.1.42", 8333, 10_000, 5_000)
 *     .every(Duration.ofHours(1)).during(Duration.ofDays(3));
 * }</pre>
 *
 * Not thread-safe.
 */
public final class Host {
    private static final Duration CAPTURE_WINDOW = Duration.ofMinutes(1);
    private static final int EPHEMERAL_PORTS = 16_384;
    private final Scenario scenario;
    private final String instanceId;
    private final String privateIp;
    private final String interfaceId;

    Host(Scenario scenario, String instanceId, String privateIp) {
        this.scenario = scenario;
        this.instanceId = instanceId;
        this.privateIp = privateIp;
        this.interfaceId = "eni-" + Scenario.idChars("eni/" + instanceId, 17).toLowerCase(Locale.ROOT);
        EntityRef.ec2Instance(instanceId); // checks the id's shape now, not at the first flow
    }

    /**
     * Returns the instance's entity.
     *
     * @return {@code Ec2Instance/...}
     */
    public EntityRef ref() {
        return EntityRef.ec2Instance(instanceId);
    }

    /**
     * Exchanges TCP traffic with a remote port, from an ephemeral local port, accepted, starting at the story's clock.
     *
     * @param remoteIp the peer's address
     * @param remotePort the peer's port
     * @param bytesIn bytes the peer sends the instance per occurrence; 0 for none
     * @param bytesOut bytes the instance sends the peer per occurrence; 0 for none
     * @return the activity, to repeat or not
     */
    public Activity talksTo(String remoteIp, int remotePort, long bytesIn, long bytesOut) {
        if (bytesIn < 0 || bytesOut < 0 || bytesIn + bytesOut == 0) {
            throw new IllegalArgumentException("traffic needs bytes one way at least, and none negative: in "
                    + bytesIn + ", out " + bytesOut);
        }
        int localPort = 49_152 + Math.floorMod((remoteIp + ":" + remotePort).hashCode(), EPHEMERAL_PORTS);
        return new Activity(scenario, (at, n) -> {
            List<NetworkFlow> records = new ArrayList<>(2);
            if (bytesIn > 0) {
                records.add(flow(at, remoteIp, remotePort, localPort, bytesIn, FlowDirection.INBOUND));
            }
            if (bytesOut > 0) {
                records.add(flow(at, remoteIp, remotePort, localPort, bytesOut, FlowDirection.OUTBOUND));
            }
            return records;
        });
    }

    private NetworkFlow flow(Instant at, String remoteIp, int remotePort, int localPort, long bytes,
            FlowDirection direction) {
        return NetworkFlow.builder().version(5).accountId(scenario.account()).region(scenario.region())
                .interfaceId(interfaceId).instanceId(instanceId).local(privateIp, localPort)
                .remote(remoteIp, remotePort).protocol(NetworkFlow.TCP).bytes(bytes).packets(bytes / 1_000 + 1)
                .window(at, at.plus(CAPTURE_WINDOW)).action(FlowAction.ACCEPT).direction(direction).build();
    }
}
