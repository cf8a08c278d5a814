package io.github.detective4j.graph;

import static io.github.detective4j.graph.Events.ALICE_ID;
import static io.github.detective4j.graph.Events.alice;
import static io.github.detective4j.graph.Events.call;
import static io.github.detective4j.graph.Events.flow;
import static io.github.detective4j.graph.Events.hours;
import static io.github.detective4j.graph.Events.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.hunt.IpHunt;
import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EntityType;
import io.github.detective4j.model.FlowAction;
import io.github.detective4j.model.FlowDirection;
import io.github.detective4j.model.NetworkFlow;
import io.github.detective4j.model.Principal;
import io.github.detective4j.model.PrincipalType;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.profile.ApiCallVolume;
import io.github.detective4j.profile.CallRow;
import io.github.detective4j.profile.CommunicatingInstances;
import io.github.detective4j.profile.FlowRow;
import io.github.detective4j.profile.FlowVolume;
import io.github.detective4j.profile.Profile;
import io.github.detective4j.profile.ResourceInteraction;
import io.github.detective4j.report.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

/** High-degree entities stay bounded, and their totals stay exact. */
class CapsTest {
    static final ScopeTime SCOPE = ScopeTime.of(hours(0), hours(24));

    @Test
    void drillDownsPastTheCapGoToOneOtherRow() {
        BehaviorGraph graph = BehaviorGraph.builder().maxDrillDownKeysPerEntity(10).build();
        // A port scan: one instance, 100 ports of one peer.
        for (int port = 1; port <= 100; port++) {
            graph.accept(flow("i-08a8e40be65425909", hours(1), "10.0.1.5", 40000, "203.0.113.9", port,
                    FlowDirection.OUTBOUND, 60));
        }
        FlowVolume flows = graph.profile(EntityRef.ec2Instance("i-08a8e40be65425909"), SCOPE).flowVolume()
                .orElseThrow();
        assertEquals(100 * 60, flows.bytesOut(), "totals are exact");
        assertEquals(11, flows.rows().size(), "10 rows and the (other) row");
        FlowRow other = flows.rows().get(0);
        assertNull(other.peer());
        assertEquals(90 * 60, other.bytesOut());
        assertTrue(flows.truncated());
        assertEquals(90, graph.stats().overflowedDrillDowns());
        assertTrue(graph.profile(EntityRef.ec2Instance("i-08a8e40be65425909"), SCOPE).distinctCounts()
                .orElseThrow().approximate());
    }

    /**
     * A scan's ports, and resources named at random, are values an attacker varies: past an entity's budget their
     * keys fold, and the graph-wide dictionary must not keep each value anyway.
     */
    @Test
    void valuesOfFoldedKeysAreNotKept() {
        GraphData data = new GraphData(BehaviorGraph.builder().maxDrillDownKeysPerEntity(10).build().settings());
        for (int i = 0; i < 5_000; i++) {
            data.ingest(flow("i-08a8e40be65425909", hours(1), "10.0.1.5", 1 + i % 1_000, "203.0.113.9",
                    32_768 + i, FlowDirection.INBOUND, 60));
            data.ingest(ApiCall.builder().eventTime(hours(2)).accountId(Events.ACCOUNT).region("us-east-1")
                    .principal(alice()).eventSource("ssm.amazonaws.com").eventName("GetParameter")
                    .sourceIpAddress("198.51.100.7").userAgent("aws-cli/2.13.5")
                    .resources(List.of(new AwsResource("AWS::SSM::Parameter", "/guess/" + i, null,
                            AwsResource.Action.TOUCHED)))
                    .build());
        }
        // 10 flow tuples, 10 resources, alice's access key and nothing else (her source is an address)
        assertEquals(21, data.values.size());
        assertEquals(2 * (5_000 - 10), data.overflowedDrillDowns);
    }

    @Test
    void callDrillDownsPastTheCapToo() {
        BehaviorGraph graph = BehaviorGraph.builder().maxDrillDownKeysPerEntity(3).build();
        for (int i = 0; i < 50; i++) {
            graph.accept(call(alice(), hours(2), "Method" + i, "198.51.100." + i));
        }
        ApiCallVolume calls = graph.profile(EntityRef.user(ALICE_ID), SCOPE).apiCallVolume().orElseThrow();
        assertEquals(50, calls.success());
        assertTrue(calls.truncated());
        CallRow other = calls.byIpAddress().get(0);
        assertEquals("(other)", other.key());
        // Three keys: source-and-method pairs fill two (the access key took the first), the rest overflow.
        assertEquals(50, calls.byIpAddress().stream().mapToLong(CallRow::total).sum());
    }

    /** An address's row for a principal whose cap folded its methods from there says the methods are cut. */
    @Test
    void anAddressSaysWhenAPrincipalsCapCutItsMethods() {
        BehaviorGraph graph = BehaviorGraph.builder().maxDrillDownKeysPerEntity(3).build();
        graph.accept(call(alice(), hours(1), "ListBuckets", "192.0.2.1"));
        for (int i = 0; i < 20; i++) {
            graph.accept(call(alice(), hours(2), "Method" + i, "203.0.113.9"));
        }
        ApiCallVolume kept = graph.profile(EntityRef.ipAddress("192.0.2.1"), SCOPE).apiCallVolume().orElseThrow();
        assertEquals(1, kept.byPrincipal().get(0).children().size());
        assertFalse(kept.truncated(), "every call of Alice's from this address has its method row");
        ApiCallVolume cut = graph.profile(EntityRef.ipAddress("203.0.113.9"), SCOPE).apiCallVolume().orElseThrow();
        CallRow alice = cut.byPrincipal().get(0);
        assertEquals(20, alice.total());
        assertTrue(alice.children().stream().mapToLong(CallRow::total).sum() < 20, alice::toString);
        assertTrue(cut.truncated(), "Alice's cap folded most of her methods from here into her (other) row");
        assertTrue(graph.hunt().ip("203.0.113.9").truncated(), "so the hunt's API-call rows lack them too");
    }

    /**
     * An address many principals call from, or many instances talk to, keeps the first relationships the cap allows;
     * its lists say they may lack the rest, and an address no cap touched says its lists are whole.
     */
    /** A cap that folded calls of the baseline only leaves a later scope's rows whole, and they say so. */
    @Test
    void rowsFoldedBeforeTheScopeDoNotMarkTheScopeTruncated() {
        BehaviorGraph graph = BehaviorGraph.builder().maxDrillDownKeysPerEntity(3).build();
        for (int i = 0; i < 10; i++) {
            graph.accept(call(alice(), hours(1), "Method" + i, "203.0.113.9"));
        }
        graph.accept(call(alice(), hours(50), "Method0", "203.0.113.9"));
        ScopeTime later = ScopeTime.of(hours(48), hours(72));
        assertFalse(graph.profile(EntityRef.user(Events.ALICE_ID), later).apiCallVolume().orElseThrow().truncated(),
                "the scope's one call has its row");
        assertTrue(graph.profile(EntityRef.user(Events.ALICE_ID), SCOPE).apiCallVolume().orElseThrow().truncated());
    }

    private static boolean quietCalls(BehaviorGraph graph) {
        return graph.profile(EntityRef.ipAddress("192.0.2.1"), SCOPE).apiCallVolume().orElseThrow().truncated();
    }

    @Test
    void listsCutByARelationshipCapSaySo() {
        BehaviorGraph graph = BehaviorGraph.builder().maxRelationshipsPerEntity(3).build();
        for (int i = 0; i < 6; i++) {
            graph.accept(call(session("s" + i), hours(1), "GetCallerIdentity", "203.0.113.9"));
            graph.accept(flow("i-0" + i + "a8e40be65425909", hours(1), "10.0.1." + (5 + i), 40_000, "198.51.100.7",
                    443, FlowDirection.OUTBOUND, 60));
        }
        graph.accept(call(alice(), hours(1), "GetUser", "192.0.2.1"));
        graph.accept(flow("i-08a8e40be65425909", hours(1), "10.0.1.5", 40_000, "192.0.2.1", 443,
                FlowDirection.OUTBOUND, 60));

        Profile crowded = graph.profile(EntityRef.ipAddress("203.0.113.9"), SCOPE);
        ResourceInteraction users = crowded.interaction().orElseThrow();
        assertTrue(users.principals().size() < 6 && !users.principals().isEmpty(), users::toString);
        assertTrue(users.truncated());
        assertTrue(users.toString().contains("relationships capped"), users::toString);
        assertEquals(6, crowded.apiCallVolume().orElseThrow().success(), "every call still counts");
        assertTrue(crowded.apiCallVolume().orElseThrow().truncated(), "its rows by principal lack some of them");
        assertTrue(graph.profile(EntityRef.ipAddress("198.51.100.7"), SCOPE).flowVolume().orElseThrow().truncated(),
                "its rows by instance lack some flows");
        assertFalse(quietCalls(graph), "one principal's calls, all in its rows");
        CommunicatingInstances talkers = graph.profile(EntityRef.ipAddress("198.51.100.7"), SCOPE).instances()
                .orElseThrow();
        assertTrue(talkers.instances().size() < 6 && !talkers.instances().isEmpty(), talkers::toString);
        assertTrue(talkers.truncated());

        Profile quiet = graph.profile(EntityRef.ipAddress("192.0.2.1"), SCOPE);
        assertFalse(quiet.interaction().orElseThrow().truncated(), "one principal, well under the cap");
        assertFalse(quiet.instances().orElseThrow().truncated(), "one instance, well under the cap");
        assertEquals(1, quiet.instances().orElseThrow().instances().size());
        Report report = Report.builder().build();
        assertTrue(report.render(crowded).contains("Relationships capped"), "the HTML report says so too");
        assertFalse(report.render(quiet).contains("Relationships capped"));
    }

    @Test
    void aFloodOfUserAgentsCannotHideANewMethod() {
        BehaviorGraph graph = BehaviorGraph.builder().maxDrillDownKeysPerEntity(10).build();
        for (int day = 0; day < 20; day++) {
            graph.accept(call(alice(), hours(day * 24L), "iam.amazonaws.com", "ListUsers", "153.156.88.21",
                    "aws-cli/2.13", true));
        }
        ScopeTime scope = ScopeTime.of(hours(20 * 24), hours(21 * 24));
        // The attacker burns the drill-down budget with junk user agents and rotating addresses first.
        for (int i = 0; i < 200; i++) {
            graph.accept(call(alice(), hours(20 * 24 + 1), "iam.amazonaws.com", "ListUsers",
                    "44.212." + (i / 250) + "." + (i % 250 + 1), "junk/" + i, true));
        }
        graph.accept(call(alice(), hours(20 * 24 + 2), "cloudtrail.amazonaws.com", "StopLogging", "44.213.0.1",
                "junk/final", true));
        var nb = graph.newBehavior(EntityRef.user(ALICE_ID), scope);
        assertTrue(nb.truncated());
        assertTrue(nb.apiCalls().stream().anyMatch(c -> c.eventName().equals("StopLogging")), nb.toString());
        var ttps = graph.investigate(EntityRef.user(ALICE_ID), scope)
                .indicators(io.github.detective4j.investigation.IndicatorType.TTP_OBSERVED);
        assertTrue(ttps.stream().anyMatch(i -> "StopLogging".equals(
                ((io.github.detective4j.investigation.TtpObserved) i.detail()).apiName())), ttps.toString());
    }

    /**
     * An entity that only a relationship past the cap would name is not created either: values an attacker varies at
     * will (a user agent per call, rotating IPv6 addresses, bucket names, the spoofed sources of a flood) cost no
     * entity past the caller's or the instance's cap, and every call and byte still counts, under {@code (other)}.
     */
    @Test
    void entitiesOnlyADroppedRelationshipWouldNameAreNotCreated() {
        BehaviorGraph graph = BehaviorGraph.builder().maxRelationshipsPerEntity(10).build();
        graph.accept(sharedAgentCall());
        for (int i = 0; i < 1_000; i++) {
            graph.accept(junkCall(i));
            graph.accept(ApiCall.builder().eventTime(hours(2)).accountId(Events.ACCOUNT).region("us-east-1")
                    .principal(alice()).eventSource("s3.amazonaws.com").eventName("GetBucketAcl")
                    .sourceIpAddress("198.51.100.7").userAgent("aws-cli/2.13.5").errorCode("NoSuchBucket")
                    .resources(List.of(new AwsResource(AwsResource.S3_BUCKET, "guess-" + i, null,
                            AwsResource.Action.TOUCHED)))
                    .build());
            graph.accept(flow("i-08a8e40be65425909", hours(2), "10.0.1.5", 443,
                    "100." + (64 + i / 250) + "." + (i % 250) + ".1", 40_000 + i, FlowDirection.INBOUND, 60));
        }
        // an agent the graph holds already still counts the capped caller's call on its own series
        graph.accept(call(alice(), hours(3), "iam.amazonaws.com", "GetUser", "2001:db8::ffff", "shared/1.0", true));

        GraphStats stats = graph.stats();
        assertTrue(stats.entities().get(EntityType.USER_AGENT) <= 12, stats.toString());
        assertTrue(stats.entities().get(EntityType.IP_ADDRESS) <= 22, stats.toString());
        assertTrue(stats.entities().get(EntityType.S3_BUCKET) <= 10, stats.toString());
        assertTrue(stats.droppedRelationships() >= 3 * (1_000 - 10), stats.toString());
        assertTrue(stats.droppedEntities() >= 4 * (1_000 - 10), stats.toString());

        ApiCallVolume calls = graph.profile(EntityRef.user(ALICE_ID), SCOPE).apiCallVolume().orElseThrow();
        assertEquals(1_001, calls.success(), "the calls are all counted");
        assertEquals(1_000, calls.failure());
        assertTrue(calls.truncated());
        assertEquals(2_001, calls.byIpAddress().stream().mapToLong(CallRow::total).sum());
        assertTrue(calls.byIpAddress().stream().anyMatch(row -> row.key().equals("(other)")), calls.toString());
        assertEquals(2, graph.profile(EntityRef.userAgent("shared/1.0"), SCOPE).apiCallVolume().orElseThrow()
                .success());
        assertEquals(List.of(), graph.hunt().principalsUsing("junk/999"), "an agent not kept is not found");
        assertEquals(1, graph.hunt().principalsUsing("junk/0").size());
        IpHunt notKept = graph.hunt().ip("2001:db8::3e8");
        assertEquals(List.of(), notKept.addresses());
        assertTrue(notKept.truncated(), "a hunt that finds nothing says the caps may have kept it out");
        assertTrue(graph.hunt().userAgent("junk/999").truncated());

        FlowVolume flows = graph.profile(EntityRef.ec2Instance("i-08a8e40be65425909"), SCOPE).flowVolume()
                .orElseThrow();
        assertEquals(1_000 * 60, flows.bytesIn(), "the bytes are all counted");
        assertEquals(1_000 * 60, flows.rows().stream().mapToLong(FlowRow::bytesIn).sum());
        assertTrue(flows.truncated());
    }

    /**
     * A hunt says the caps cut its answer for the value hunted for, not for the whole graph: after a flood of user
     * agents and addresses kept out, a hunt for an address or agent the flood never touched is whole, and says so.
     */
    @Test
    void huntsSayTruncatedForTheValueKeptOutNotForTheGraph() {
        BehaviorGraph graph = BehaviorGraph.builder().maxRelationshipsPerEntity(10).build();
        graph.accept(sharedAgentCall());
        for (int i = 0; i < 1_000; i++) {
            graph.accept(junkCall(i));
        }
        Hunt hunt = graph.hunt();
        assertTrue(graph.stats().droppedEntities() > 1_900, graph.stats().toString());
        assertFalse(hunt.ip("203.0.113.50").truncated(), "the flood kept nothing of this address out");
        assertFalse(hunt.ipTruncated("203.0.113.50"));
        assertFalse(hunt.userAgent("shared/1.0").truncated());
        assertFalse(hunt.userAgentTruncated("shared/1.0"));
        assertFalse(hunt.ip("192.0.2.77").truncated(), "an address never met was not kept out");
        assertFalse(hunt.ip("2001:db8::1").truncated(), "Alice's first address was kept whole");

        assertTrue(hunt.ip("2001:db8::3e8").truncated(), "an address met past the cap was kept out");
        assertTrue(hunt.ipTruncated("2001:DB8:0::3E8"), "asked in any spelling of the address");
        assertTrue(hunt.userAgent("junk/999").truncated());
        assertTrue(hunt.userAgentTruncated("junk/999"));
        assertTrue(hunt.ip("203.0.113.0/24").truncated(), "for a network, any address kept out counts");
        assertTrue(hunt.userAgents(java.util.regex.Pattern.compile("^shared/")).truncated(),
                "for a pattern, any agent kept out counts");

        // Alice, at her cap, calls from her first address with an agent new to the graph: the agent is kept out,
        // and with it the agent's USED_FROM relationship to the address, so the address's hunt is cut now.
        graph.accept(call(alice(), hours(3), "iam.amazonaws.com", "ListUsers", "2001:db8::1", "late/1.0", true));
        assertTrue(graph.hunt().ip("2001:db8::1").truncated());
        assertFalse(graph.hunt().ip("203.0.113.50").truncated());
    }

    /**
     * Events no entity owns are bounded too: failed console sign-ins with a hidden user name (anyone on the internet
     * can send them, from any address with any user agent) count against their account, and flow records of an
     * interface without an instance (a load balancer's) against the interface.
     */
    @Test
    void ownerlessEventsCountAgainstTheirAccountOrInterface() {
        BehaviorGraph graph = BehaviorGraph.builder().maxRelationshipsPerEntity(10).build();
        Principal hidden = Principal.builder(PrincipalType.IAM_USER).accountId(Events.ACCOUNT)
                .userName("HIDDEN_DUE_TO_SECURITY_REASONS").build();
        for (int i = 0; i < 1_000; i++) {
            graph.accept(ApiCall.builder().eventTime(hours(2)).accountId(Events.ACCOUNT).region("us-east-1")
                    .principal(hidden).eventSource("signin.amazonaws.com").eventName("ConsoleLogin")
                    .sourceIpAddress("2001:db8::" + Integer.toHexString(i + 1)).userAgent("bot/" + i)
                    .errorMessage("No username found in supplied account").build());
            graph.accept(NetworkFlow.builder().version(2).accountId(Events.ACCOUNT)
                    .interfaceId("eni-0f0e0d0c0b0a09080").local("10.0.2.9", 443)
                    .remote("100." + (64 + i / 250) + "." + (i % 250) + ".1", 40_000 + i).protocol(NetworkFlow.TCP)
                    .bytes(40).packets(1).window(hours(2), hours(2).plusSeconds(60)).action(FlowAction.REJECT)
                    .direction(FlowDirection.INBOUND).build());
        }
        GraphStats stats = graph.stats();
        // the account's budget of 10 went to the first 5 sign-ins' address and agent, the interface's to 10 peers
        assertEquals(5, stats.entities().get(EntityType.USER_AGENT), stats.toString());
        assertEquals(5 + 10, stats.entities().get(EntityType.IP_ADDRESS), stats.toString());
        assertEquals(2 * 995 + 990, stats.droppedEntities(), stats.toString());
        ApiCallVolume account = graph.profile(EntityRef.account(Events.ACCOUNT), SCOPE).apiCallVolume().orElseThrow();
        assertEquals(1_000, account.failure(), "the sign-ins are all counted");
        // ... and so do the account's rows by address and by method, the flood's past the cap as (other)
        assertEquals(1_000, account.byIpAddress().stream().mapToLong(CallRow::failure).sum(), account::toString);
        assertEquals(1_000, account.byApiMethod().stream().mapToLong(CallRow::failure).sum(), account::toString);
        assertTrue(account.truncated(), account::toString);
        assertTrue(graph.newBehavior(EntityRef.account(Events.ACCOUNT), SCOPE).truncated());
        assertEquals(1L, failures(graph, EntityRef.ipAddress("2001:db8::1")), "an address of the budget is kept");
        assertEquals(0L, failures(graph, EntityRef.ipAddress("2001:db8::3e8")), "one past it is not");
        assertEquals(List.of(), graph.hunt().principalsUsing("bot/999"));

        // buckets named by calls without a principal entity count against the account too
        BehaviorGraph buckets = BehaviorGraph.builder().maxRelationshipsPerEntity(10).build();
        for (int i = 0; i < 1_000; i++) {
            buckets.accept(ApiCall.builder().eventTime(hours(2)).accountId(Events.ACCOUNT).region("us-east-1")
                    .principal(hidden).eventSource("s3.amazonaws.com").eventName("GetBucketAcl")
                    .sourceIpAddress("198.51.100.7").userAgent("aws-cli/2.13.5").errorCode("AccessDenied")
                    .resources(List.of(new AwsResource(AwsResource.S3_BUCKET, "guess-" + i, null,
                            AwsResource.Action.TOUCHED)))
                    .build());
        }
        assertEquals(10 - 2, buckets.stats().entities().get(EntityType.S3_BUCKET), buckets.stats().toString());

        // a custom flow log format may leave the interface out: the account stands in then
        BehaviorGraph bare = BehaviorGraph.builder().maxRelationshipsPerEntity(10).build();
        for (int i = 0; i < 1_000; i++) {
            bare.accept(NetworkFlow.builder().version(3).accountId(Events.ACCOUNT).local("10.0.2.9", 443)
                    .remote("100." + (64 + i / 250) + "." + (i % 250) + ".1", 40_000 + i).protocol(NetworkFlow.TCP)
                    .bytes(40).packets(1).window(hours(2), hours(2).plusSeconds(60)).action(FlowAction.REJECT)
                    .direction(FlowDirection.INBOUND).build());
        }
        assertEquals(10, bare.stats().entities().get(EntityType.IP_ADDRESS), bare.stats().toString());
    }

    /** Another principal's call from 203.0.113.50 with the agent {@code shared/1.0}, which no flood touches. */
    private static ApiCall sharedAgentCall() {
        return call(Events.session("ci"), hours(1), "iam.amazonaws.com", "GetUser", "203.0.113.50", "shared/1.0", true);
    }

    /** Alice's call number {@code i} of a flood, each from a new IPv6 address with a new user agent. */
    private static ApiCall junkCall(int i) {
        return call(alice(), hours(2), "sts.amazonaws.com", "GetCallerIdentity",
                "2001:db8::" + Integer.toHexString(i + 1), "junk/" + i, true);
    }

    private static long failures(BehaviorGraph graph, EntityRef entity) {
        return graph.profile(entity, SCOPE).apiCallVolume().map(ApiCallVolume::failure).orElse(0L);
    }

    @Test
    void relationshipsPastTheCapAreDroppedButCounted() {
        BehaviorGraph graph = BehaviorGraph.builder().maxRelationshipsPerEntity(5).build();
        for (int i = 0; i < 20; i++) {
            graph.accept(call(alice(), hours(3), "GetUser", "198.51.100." + i));
        }
        assertEquals(5, graph.relationships(EntityRef.user(ALICE_ID)).size());
        assertTrue(graph.stats().droppedRelationships() > 0);
        assertEquals(20, graph.profile(EntityRef.user(ALICE_ID), SCOPE).apiCallVolume().orElseThrow().success());
    }
    /**
     * A principal of no account of its own (a SAML user) calls into two accounts: each account's rows would mix in
     * its calls into the other, so they leave it out and say they may lack calls; the totals are each account's own.
     */
    @Test
    void anAccountsRowsHoldNoCallsIntoAnotherAccount() {
        BehaviorGraph graph = BehaviorGraph.create();
        io.github.detective4j.model.Principal saml = io.github.detective4j.model.Principal.builder(
                io.github.detective4j.model.PrincipalType.SAML_USER).principalId("idp:alice").userName("alice").build();
        graph.accept(io.github.detective4j.model.ApiCall.builder().eventTime(hours(1)).accountId("111122223333")
                .region("us-east-1").principal(saml).eventSource("iam.amazonaws.com").eventName("ListUsers")
                .sourceIpAddress("198.51.100.1").build());
        graph.accept(io.github.detective4j.model.ApiCall.builder().eventTime(hours(1)).accountId("444455556666")
                .region("us-east-1").principal(saml).eventSource("s3.amazonaws.com").eventName("ListBuckets")
                .sourceIpAddress("198.51.100.2").build());
        ApiCallVolume first = graph.profile(EntityRef.account("111122223333"), SCOPE).apiCallVolume().orElseThrow();
        assertEquals(1, first.total());
        assertTrue(first.byIpAddress().stream().noneMatch(r -> r.key().contains("198.51.100.2")), first::toString);
        assertTrue(first.truncated());
    }
}
