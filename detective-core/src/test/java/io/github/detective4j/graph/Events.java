package io.github.detective4j.graph;

import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.FlowAction;
import io.github.detective4j.model.FlowDirection;
import io.github.detective4j.model.NetworkFlow;
import io.github.detective4j.model.Principal;
import io.github.detective4j.model.PrincipalType;
import io.github.detective4j.model.Severity;
import java.time.Instant;
import java.util.List;

/** Concise model events for tests: the fields an assertion needs, realistic values for the rest. */
final class Events {
    static final String ACCOUNT = "111122223333";
    static final String ALICE_ID = "AIDAJQABLZS4A3QDU576Q";
    static final String ROLE_ID = "AROAJ45Q7YFFAREXAMPLE";
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private Events() {}

    static Principal alice() {
        return Principal.builder(PrincipalType.IAM_USER).principalId(ALICE_ID)
                .arn("arn:aws:iam::" + ACCOUNT + ":user/alice").accountId(ACCOUNT).userName("alice")
                .accessKeyId("AKIAIOSFODNN7EXAMPLE").build();
    }

    static Principal session(String name) {
        return Principal.builder(PrincipalType.ASSUMED_ROLE).principalId(ROLE_ID + ":" + name)
                .arn("arn:aws:sts::" + ACCOUNT + ":assumed-role/deploy/" + name).accountId(ACCOUNT)
                .accessKeyId("ASIAIOSFODNN7EXAMPLE")
                .sessionIssuer(new Principal.SessionIssuer("Role", ROLE_ID,
                        "arn:aws:iam::" + ACCOUNT + ":role/deploy", ACCOUNT, "deploy"))
                .build();
    }

    static ApiCall call(Principal who, Instant when, String source, String name, String ip, String userAgent,
            boolean success) {
        return ApiCall.builder().eventTime(when).accountId(ACCOUNT).region("us-east-1").principal(who)
                .eventSource(source).eventName(name).sourceIpAddress(ip).userAgent(userAgent)
                .errorCode(success ? null : "AccessDenied").build();
    }

    static ApiCall call(Principal who, Instant when, String name, String ip) {
        return call(who, when, "iam.amazonaws.com", name, ip, "aws-cli/2.13.5", true);
    }

    static ApiCall runInstances(Principal who, Instant when, String ip, String instanceId) {
        return ApiCall.builder().eventTime(when).accountId(ACCOUNT).region("us-east-1").principal(who)
                .eventSource("ec2.amazonaws.com").eventName("RunInstances").sourceIpAddress(ip)
                .userAgent("aws-cli/1.16.300")
                .resources(List.of(new AwsResource(AwsResource.EC2_INSTANCE, instanceId, null,
                        AwsResource.Action.CREATED)))
                .build();
    }

    static NetworkFlow flow(String instanceId, Instant start, String local, int localPort, String remote,
            int remotePort, FlowDirection direction, long bytes) {
        return NetworkFlow.builder().version(5).accountId(ACCOUNT).interfaceId("eni-0a1b2c3d4e5f60708")
                .instanceId(instanceId).vpcId("vpc-0abc").subnetId("subnet-0abc").region("us-east-1")
                .local(local, localPort).remote(remote, remotePort)
                .protocol(NetworkFlow.TCP).bytes(bytes).packets(Math.max(1, bytes / 500))
                .window(start, start.plusSeconds(60)).action(FlowAction.ACCEPT).direction(direction).build();
    }

    static Finding finding(String id, Instant first, Instant last, EntityRef... entities) {
        return Finding.builder().id(id).sourceProduct("GuardDuty").type("CryptoCurrency:EC2/BitcoinTool.B")
                .title("EC2 instance is querying a Bitcoin-related IP").severity(Severity.ofGuardDuty(8))
                .observed(first, last).updatedAt(last).accountId(ACCOUNT).region("us-east-1")
                .entities(List.of(entities)).build();
    }

    static Instant hours(long n) {
        return T0.plusSeconds(n * 3600);
    }
}
