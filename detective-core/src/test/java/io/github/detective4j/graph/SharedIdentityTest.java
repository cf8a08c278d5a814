package io.github.detective4j.graph;

import static io.github.detective4j.graph.Events.ACCOUNT;
import static io.github.detective4j.graph.Events.ROLE_ID;
import static io.github.detective4j.graph.Events.T0;
import static io.github.detective4j.graph.Events.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EntityType;
import io.github.detective4j.model.Principal;
import io.github.detective4j.model.PrincipalType;
import io.github.detective4j.profile.EntityActivity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The CloudTrail reader gives the calls of one identity one {@link Principal} object, and its strings are shared
 * between events. Nothing the graph answers may depend on that: a graph fed events that share identity objects must
 * answer exactly as one fed copies. It is the check any shortcut keyed on the identity object must pass
 * (benchmarks/README.md tells of one that was measured and not kept).
 */
class SharedIdentityTest {
    private static final String USER_ID = "AIDAJQABLZS4A3QDU576Q";
    private static final String SESSION_ID = ROLE_ID + ":build";

    /**
     * Versions of one user (moved, renamed into another account) and of one role session (its role moved too), as a
     * log over time may hold.
     */
    private static final List<Principal> VERSIONS = List.of(
            user("arn:aws:iam::" + ACCOUNT + ":user/alice", "alice", ACCOUNT),
            user("arn:aws:iam::" + ACCOUNT + ":user/ops/alice", "alice", ACCOUNT),
            user("arn:aws:iam::444455556666:user/alice-admin", "alice-admin", "444455556666"),
            session("arn:aws:sts::" + ACCOUNT + ":assumed-role/deploy/build", "deploy"),
            session("arn:aws:sts::" + ACCOUNT + ":assumed-role/deploy-v2/build", "deploy"),
            session("arn:aws:sts::" + ACCOUNT + ":assumed-role/ci/deploy/build", "ci/deploy"),
            session(null, "deploy"));

    @Test
    void sharedIdentityObjectsDescribeEntitiesAsCopiesDo() {
        for (long seed = 1; seed <= 50; seed++) {
            List<ApiCall> shared = calls(seed, false);
            List<ApiCall> copies = calls(seed, true);
            BehaviorGraph one = BehaviorGraph.create();
            one.ingestAll(shared);
            BehaviorGraph other = BehaviorGraph.create();
            other.ingestAll(copies);
            for (EntityRef entity : List.of(EntityRef.user(USER_ID), EntityRef.of(EntityType.AWS_ROLE_SESSION,
                    SESSION_ID), EntityRef.of(EntityType.AWS_ROLE, ROLE_ID))) {
                assertEquals(other.entity(entity), one.entity(entity), "seed " + seed + ", " + entity);
            }
            for (String name : List.of("alice", "alice-admin", "build", "deploy")) {
                assertEquals(other.search(Search.name(name)), one.search(Search.name(name)),
                        "seed " + seed + ", " + name);
            }
            assertEquals(activity(other), activity(one), "seed " + seed);
        }
    }

    @Test
    void anIdentityMetAgainTakesItsValuesBackFromALaterOne() {
        Principal first = VERSIONS.get(0);
        Principal moved = VERSIONS.get(2);
        BehaviorGraph graph = BehaviorGraph.create();
        graph.accept(call(first, T0, "ListUsers", "203.0.113.10"));
        graph.accept(call(moved, T0.plusSeconds(60), "ListUsers", "203.0.113.10"));
        graph.accept(call(first, T0.plusSeconds(120), "ListUsers", "203.0.113.10"));
        EntitySummary alice = graph.entity(EntityRef.user(USER_ID)).orElseThrow();
        assertEquals(first.arn(), alice.arn());
        assertEquals("alice", alice.name());
        assertEquals(ACCOUNT, alice.accountId());
    }

    /**
     * Calls at random times by random versions, with the AssumeRole calls that start the session now and then (they
     * describe the session too, with their own ARN). With {@code copies}, every call has an identity of its own.
     */
    private static List<ApiCall> calls(long seed, boolean copies) {
        Random random = new Random(seed);
        List<ApiCall> calls = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Principal who = VERSIONS.get(random.nextInt(VERSIONS.size()));
            if (copies) {
                who = copy(who);
            }
            // few distinct seconds, so that ties in time (the larger value wins) happen too
            Instant when = T0.plusSeconds(60L * random.nextInt(20));
            if (random.nextInt(5) == 0) {
                String arn = random.nextBoolean() ? "arn:aws:sts::" + ACCOUNT + ":assumed-role/deploy/build"
                        : "arn:aws:sts::" + ACCOUNT + ":assumed-role/other/build";
                Principal caller = copies ? copy(VERSIONS.get(0)) : VERSIONS.get(0);
                calls.add(ApiCall.builder().eventTime(when).accountId(ACCOUNT).region("us-east-1").principal(caller)
                        .eventSource("sts.amazonaws.com").eventName("AssumeRole").sourceIpAddress("203.0.113.10")
                        .userAgent("aws-cli/2.13.5")
                        .resources(List.of(new AwsResource("AWS::STS::AssumedRoleSession", SESSION_ID, arn,
                                AwsResource.Action.CREATED)))
                        .build());
            } else {
                calls.add(call(who, when, "iam.amazonaws.com", random.nextBoolean() ? "ListUsers" : "GetUser",
                        random.nextBoolean() ? "203.0.113.10" : "198.51.100.7", "aws-cli/2.13.5",
                        random.nextInt(4) > 0));
            }
        }
        return calls;
    }

    private static List<EntityActivity> activity(BehaviorGraph graph) {
        return graph.hunt().principalsUsing("aws-cli/2.13.5");
    }

    private static Principal user(String arn, String name, String account) {
        return Principal.builder(PrincipalType.IAM_USER).principalId(USER_ID).arn(arn).accountId(account)
                .userName(name).accessKeyId("AKIAIOSFODNN7EXAMPLE").build();
    }

    private static Principal session(String arn, String rolePath) {
        return Principal.builder(PrincipalType.ASSUMED_ROLE).principalId(SESSION_ID).arn(arn).accountId(ACCOUNT)
                .accessKeyId("ASIAIOSFODNN7EXAMPLE")
                .sessionIssuer(new Principal.SessionIssuer("Role", ROLE_ID,
                        "arn:aws:iam::" + ACCOUNT + ":role/" + rolePath, ACCOUNT, "deploy"))
                .build();
    }

    /** An equal identity that is not the same object. */
    private static Principal copy(Principal p) {
        return new Principal(p.type(), p.principalId(), p.arn(), p.accountId(), p.userName(), p.accessKeyId(),
                p.sessionIssuer(), p.identityProvider(), p.invokedBy(), p.mfaAuthenticated());
    }
}
