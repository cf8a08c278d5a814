package io.github.detective4j.graph;

import static io.github.detective4j.graph.Events.ALICE_ID;
import static io.github.detective4j.graph.Events.alice;
import static io.github.detective4j.graph.Events.call;
import static io.github.detective4j.graph.Events.finding;
import static io.github.detective4j.graph.Events.flow;
import static io.github.detective4j.graph.Events.hours;
import static io.github.detective4j.graph.Events.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.hunt.ApiCallActivity;
import io.github.detective4j.hunt.InstanceContact;
import io.github.detective4j.hunt.IpHunt;
import io.github.detective4j.hunt.UserAgentHunt;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.FlowDirection;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.profile.EntityActivity;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hunting from indicators across all the data, not a scope. */
class HuntTest {
    static final String TOOL = "python-requests/2.31 stratus-red-team_8f2c1a";
    BehaviorGraph graph;

    @BeforeEach
    void ingest() {
        graph = BehaviorGraph.create();
        graph.accept(call(alice(), hours(1), "iam.amazonaws.com", "ListUsers", "44.212.19.33", TOOL, true));
        graph.accept(call(alice(), hours(900), "iam.amazonaws.com", "CreateUser", "44.212.19.33", TOOL, false));
        graph.accept(call(session("ci"), hours(2), "s3.amazonaws.com", "ListBuckets", "44.212.20.1", "aws-cli/2.13",
                true));
        for (int h = 0; h < 1000; h += 100) {
            graph.accept(flow("i-08a8e40be65425909", hours(h), "10.0.1.5", 40000, "104.16.1.42", 8333,
                    FlowDirection.OUTBOUND, 5000));
        }
        graph.accept(flow("i-0123456789abcdef0", hours(999), "10.0.2.9", 50000, "104.16.1.42", 8333,
                FlowDirection.INBOUND, 700));
    }

    @Test
    void everythingThatTouchedANetwork() {
        IpHunt hunt = graph.hunt().ip("44.212.0.0/16");
        assertEquals(List.of(EntityRef.ipAddress("44.212.19.33"), EntityRef.ipAddress("44.212.20.1")),
                hunt.addresses());
        assertFalse(hunt.truncated(), "no cap was reached");
        assertEquals(EntityRef.user(ALICE_ID), hunt.principals().get(0).entity());
        assertEquals(1, hunt.principals().get(0).success());
        assertEquals(1, hunt.principals().get(0).failure());
        assertEquals(3, hunt.apiCalls().size());
        assertEquals(List.of(EntityRef.userAgent(TOOL), EntityRef.userAgent("aws-cli/2.13")),
                hunt.userAgents().stream().map(a -> a.entity()).toList());
        assertTrue(hunt.instances().isEmpty());
        assertTrue(hunt.toString().contains("44.212.19.33"));
    }

    @Test
    void everyInstanceThatTalkedToAnAddress() {
        List<InstanceContact> all = graph.hunt().ip("104.16.1.42").instances();
        assertEquals(EntityRef.ec2Instance("i-08a8e40be65425909"), all.get(0).instance());
        assertEquals(10 * 5000, all.get(0).bytesFromInstance());
        List<InstanceContact> lastDay = graph.hunt().instancesTalkingTo("104.16.1.42", Duration.ofHours(24));
        assertEquals(List.of(EntityRef.ec2Instance("i-0123456789abcdef0")),
                lastDay.stream().map(InstanceContact::instance).toList(), "the miner's last beacon was at hour 900");
        assertEquals(700, lastDay.get(0).bytesToInstance());
        assertEquals(2, graph.hunt().instancesTalkingTo("104.16.1.42", Duration.ofDays(5)).size());
        List<InstanceContact> lastHour = graph.hunt().instancesTalkingTo("104.16.1.42", Duration.ofHours(1));
        assertEquals(1, lastHour.size(), lastHour::toString);
        assertEquals(lastHour, graph.hunt().instancesTalkingTo("104.16.1.42", Duration.ofMillis(500)),
                "a period's fraction of a second reaches into its hour");
        assertEquals(all, graph.hunt().instancesTalkingTo("104.16.1.42", ChronoUnit.FOREVER.getDuration()),
                "forever is all the data, not an overflow to nothing");
        assertEquals(all, graph.hunt().instancesTalkingTo("104.16.1.42", Duration.ofSeconds(Long.MAX_VALUE)));
        assertEquals(all, graph.hunt().instancesTalkingTo("104.16.1.42", Duration.ofDays(3650)));
    }

    /**
     * "Lately" is counted back from the latest traffic: a finding still updated days after the flow logs stopped (an
     * attacker deleted them), or a call with a skewed clock, does not move the window past every flow.
     */
    @Test
    void theLatestFlowNotTheLatestEventEndsThePeriod() {
        BehaviorGraph later = BehaviorGraph.create();
        later.accept(flow("i-0123456789abcdef0", hours(10), "10.0.0.5", 40_000, "203.0.113.9", 443,
                FlowDirection.OUTBOUND, 500));
        later.accept(finding("f-late", hours(10), hours(82), EntityRef.ec2Instance("i-0123456789abcdef0")));
        later.accept(call(alice(), hours(24 * 365 * 70), "ListUsers", "192.0.2.1"));
        assertEquals(1, later.hunt().instancesTalkingTo("203.0.113.9", Duration.ofHours(24)).size());
    }

    /**
     * Failed sign-ins with a hidden user name have no principal: the account stands in as their caller, in the
     * address's hunt as in its profile, so a brute-force source is not a hunt that finds no calls.
     */
    @Test
    void signInsNoPrincipalMadeAreTheAccounts() {
        BehaviorGraph brute = BehaviorGraph.create();
        io.github.detective4j.model.Principal hidden = io.github.detective4j.model.Principal.builder(
                io.github.detective4j.model.PrincipalType.IAM_USER).accountId(Events.ACCOUNT)
                .userName("HIDDEN_DUE_TO_SECURITY_REASONS").build();
        for (int i = 0; i < 5; i++) {
            brute.accept(io.github.detective4j.model.ApiCall.builder().eventTime(hours(2).plusSeconds(i * 60))
                    .accountId(Events.ACCOUNT).region("us-east-1").principal(hidden)
                    .eventSource("signin.amazonaws.com").eventName("ConsoleLogin").sourceIpAddress("203.0.113.99")
                    .userAgent("Mozilla/5.0").errorMessage("Failed authentication").build());
        }
        IpHunt hunt = brute.hunt().ip("203.0.113.99");
        assertEquals(List.of(EntityRef.account(Events.ACCOUNT)),
                hunt.principals().stream().map(a -> a.entity()).toList());
        assertEquals(5, hunt.principals().get(0).failure());
        assertEquals(1, hunt.apiCalls().size());
        assertEquals("ConsoleLogin", hunt.apiCalls().get(0).eventName());
        assertEquals(5, hunt.apiCalls().get(0).failure());

        // an account that is a caller itself (an AWSAccount principal) from the same address: counted once
        io.github.detective4j.model.Principal other = io.github.detective4j.model.Principal.builder(
                io.github.detective4j.model.PrincipalType.AWS_ACCOUNT).principalId(Events.ACCOUNT)
                .accountId(Events.ACCOUNT).build();
        for (int i = 0; i < 3; i++) {
            brute.accept(io.github.detective4j.model.ApiCall.builder().eventTime(hours(3).plusSeconds(i))
                    .accountId(Events.ACCOUNT).region("us-east-1").principal(other).eventSource("s3.amazonaws.com")
                    .eventName("GetObject").sourceIpAddress("203.0.113.99").build());
        }
        IpHunt both = brute.hunt().ip("203.0.113.99");
        assertEquals(1, both.principals().size(), both.toString());
        assertEquals(3, both.principals().get(0).success(), "its own calls, once");
        assertEquals(8, both.apiCalls().stream().mapToLong(c -> c.success() + c.failure()).sum(), both.toString());
    }

    /** The text of a hunt: the instance table stops at 20 rows and says how many more; a pattern lists its agents. */
    @Test
    void huntTextCapsTheInstancesAndNamesTheAgentsAPatternFound() {
        BehaviorGraph many = BehaviorGraph.create();
        for (int k = 0; k < 25; k++) {
            many.accept(flow(String.format("i-%017x", k + 1), hours(1), "10.0.0." + (k + 5), 40_000, "203.0.113.9",
                    443, FlowDirection.OUTBOUND, 500));
        }
        many.accept(call(alice(), hours(2), "iam.amazonaws.com", "ListUsers", "192.0.2.1", "tool/1.0", true));
        many.accept(call(alice(), hours(2), "iam.amazonaws.com", "ListRoles", "192.0.2.1", "tool/2.0", true));
        assertTrue(many.hunt().ip("203.0.113.9").toString().contains("... 5 more"),
                many.hunt().ip("203.0.113.9")::toString);
        String agents = many.hunt().userAgents(java.util.regex.Pattern.compile("^tool/")).toString();
        assertTrue(agents.contains("tool/1.0") && agents.contains("tool/2.0"), agents);
    }

    @Test
    void aHostRouteIsTheAddressItself() {
        IpHunt cidr = graph.hunt().ip("104.16.1.42/32");
        assertEquals(graph.hunt().ip("104.16.1.42").instances(), cidr.instances());
        assertEquals(graph.hunt().ipTruncated("104.16.1.42"), graph.hunt().ipTruncated("104.16.1.42/32"));
    }

    /**
     * Traffic is kept by the hour a capture window starts; the graph's latest event is a window's end. A window of
     * 10:59:30 to 11:00:30 is within the last hour, though its cells are those of hour 10.
     */
    @Test
    void theLastHourHoldsAWindowThatStartedInTheHourBefore() {
        BehaviorGraph late = BehaviorGraph.create();
        late.accept(flow("i-0123456789abcdef0", hours(10).plusSeconds(3_570), "10.0.0.5", 40_000, "203.0.113.9",
                443, FlowDirection.OUTBOUND, 500));
        List<InstanceContact> lastHour = late.hunt().instancesTalkingTo("203.0.113.9", Duration.ofHours(1));
        assertEquals(List.of(EntityRef.ec2Instance("i-0123456789abcdef0")),
                lastHour.stream().map(InstanceContact::instance).toList());
        assertEquals(500, lastHour.get(0).bytesFromInstance());
    }

    /** A hunt's text shows the first rows of each list and says how many more the answer holds. */
    @Test
    void theTextSaysHowManyRowsItLeftOut() {
        for (int i = 0; i < 25; i++) {
            graph.accept(call(session("s" + i), hours(5), "sts.amazonaws.com", "GetCallerIdentity", "192.0.2.77",
                    "boto3/1.28.0", true));
        }
        UserAgentHunt hunt = graph.hunt().userAgent("boto3/1.28.0");
        assertEquals(25, hunt.principals().size());
        assertTrue(hunt.toString().contains("\n... 5 more"), hunt::toString);
    }

    /**
     * An attacker who pads a user agent past the longest id still gets an entity of it, under its shortened id: the
     * hunts for the agent as logged find it, and it is a new user agent of the principal.
     */
    @Test
    void aPaddedUserAgentIsHuntedAsLogged() {
        String padded = "aws-cli/2.13.5 " + "A".repeat(10_000);
        String other = "aws-cli/2.13.5 " + "A".repeat(9_999) + "B";
        graph.accept(call(alice(), hours(999), "iam.amazonaws.com", "CreateAccessKey", "203.0.113.66", padded, true));
        graph.accept(call(session("ci"), hours(999), "sts.amazonaws.com", "GetCallerIdentity", "203.0.113.67", other,
                true));
        UserAgentHunt hunt = graph.hunt().userAgent(padded);
        assertEquals(List.of(EntityRef.userAgent(padded)), hunt.userAgents());
        assertEquals(EntityRef.MAX_USER_AGENT_LENGTH, hunt.userAgents().get(0).id().length());
        assertEquals(List.of(EntityRef.user(ALICE_ID)), hunt.principals().stream().map(EntityActivity::entity)
                .toList(), "the other padded agent, the same for 10,000 chars, is an entity of its own");
        assertEquals("CreateAccessKey", hunt.apiCalls().get(0).eventName());
        assertFalse(hunt.truncated());
        assertEquals(1, graph.hunt().principalsUsing(padded).size());
        assertFalse(graph.hunt().userAgentTruncated(padded));
        assertEquals(2, graph.hunt().userAgents(Pattern.compile("^aws-cli/2\\.13\\.5 AAAA")).userAgents().size());
        assertTrue(graph.newBehavior(EntityRef.user(ALICE_ID), ScopeTime.of(hours(999), hours(1000))).userAgents()
                .stream().anyMatch(u -> u.userAgent().equals(EntityRef.userAgent(padded))), "a new user agent");
    }

    @Test
    void everyCallMadeWithAUserAgent() {
        UserAgentHunt exact = graph.hunt().userAgent(TOOL);
        assertFalse(exact.truncated(), "no cap was reached");
        assertEquals(List.of("CreateUser", "ListUsers"),
                exact.apiCalls().stream().map(ApiCallActivity::eventName).sorted().toList());
        assertEquals(EntityRef.user(ALICE_ID), exact.principals().get(0).entity());
        assertEquals(List.of(EntityRef.ipAddress("44.212.19.33")),
                exact.ipAddresses().stream().map(a -> a.entity()).toList());
        UserAgentHunt pattern = graph.hunt().userAgents(Pattern.compile("stratus-red-team_"));
        assertEquals(exact.apiCalls(), pattern.apiCalls());
        assertTrue(graph.hunt().userAgent("nobody/1.0").apiCalls().isEmpty());
    }

    @Test
    void thePrincipalsOfAUserAgentAloneAreTheFullHuntsPrincipals() {
        graph.accept(call(session("ci"), hours(3), "iam.amazonaws.com", "GetUser", "44.212.20.1", TOOL, true));
        graph.accept(call(session("ci"), hours(4), "iam.amazonaws.com", "GetUser", "44.212.20.1", TOOL, true));
        graph.accept(call(session("ci"), hours(5), "iam.amazonaws.com", "ListRoles", "44.212.20.1", TOOL, true));
        List<EntityActivity> principals = graph.hunt().principalsUsing(TOOL);
        assertEquals(graph.hunt().userAgent(TOOL).principals(), principals);
        assertEquals(List.of(EntityRef.roleSession(Events.ROLE_ID, "ci"), EntityRef.user(ALICE_ID)),
                principals.stream().map(EntityActivity::entity).toList(), "most calls first");
        assertEquals(3, principals.get(0).success());
        assertEquals(List.of(), graph.hunt().principalsUsing("nobody/1.0"));
    }

    @Test
    void wholeHistoryCountsAreEveryCallCounted() {
        // many principals, hours out of order and repeated: the running totals must equal the events, as the cells do
        java.util.Random random = new java.util.Random(11);
        java.util.Map<EntityRef, long[]> expected = new java.util.HashMap<>();
        graph = BehaviorGraph.create();
        for (int i = 0; i < 3000; i++) {
            String who = "p" + random.nextInt(40);
            boolean success = random.nextInt(5) > 0;
            graph.accept(call(session(who), hours(random.nextInt(300)), "iam.amazonaws.com", "GetUser",
                    "44.212.20.1", TOOL, success));
            expected.computeIfAbsent(EntityRef.roleSession(Events.ROLE_ID, who), k -> new long[2])[success ? 0 : 1]++;
        }
        for (List<EntityActivity> answer : List.of(graph.hunt().principalsUsing(TOOL),
                graph.hunt().userAgent(TOOL).principals(), graph.hunt().ip("44.212.20.1").principals())) {
            assertEquals(expected.size(), answer.size());
            for (EntityActivity a : answer) {
                assertEquals(expected.get(a.entity())[0], a.success(), a.entity().toString());
                assertEquals(expected.get(a.entity())[1], a.failure(), a.entity().toString());
            }
        }
        // the agent-to-address relationship counts every call too
        assertEquals(3000, graph.hunt().userAgent(TOOL).ipAddresses().get(0).total());
        assertEquals(3000, graph.hunt().ip("44.212.20.1").userAgents().get(0).total());
    }

    @Test
    void anAgentsAddressesCountEveryCallAsCallersMixAgentsAndAddresses() {
        // callers switch agent and address in runs, so the graph's remembered agent-to-address relationship is
        // reused, replaced and reused again; every pair's counts and times must come out as a tally of the events
        java.util.Random random = new java.util.Random(11);
        String[] agents = {"aws-cli/2.13", "Boto3/1.34", "console.amazonaws.com", TOOL};
        String[] addresses = {"44.212.20.1", "44.212.20.2", "198.51.100.7", "203.0.113.9", "2001:db8::1"};
        java.util.Map<String, java.util.Map<String, long[]>> expected = new java.util.HashMap<>();
        graph = BehaviorGraph.create();
        for (int run = 0; run < 600; run++) {
            String who = "p" + random.nextInt(30);
            String agent = agents[random.nextInt(agents.length)];
            String address = addresses[random.nextInt(addresses.length)];
            for (int i = random.nextInt(4); i >= 0; i--) {
                int hour = random.nextInt(500);
                boolean success = random.nextInt(4) > 0;
                graph.accept(call(session(who), hours(hour), "iam.amazonaws.com", "GetUser", address, agent,
                        success));
                long[] tally = expected.computeIfAbsent(agent, k -> new java.util.HashMap<>())
                        .computeIfAbsent(EntityRef.ipAddress(address).id(),
                                k -> new long[] {0, 0, Long.MAX_VALUE, Long.MIN_VALUE});
                tally[success ? 0 : 1]++;
                tally[2] = Math.min(tally[2], hour);
                tally[3] = Math.max(tally[3], hour);
            }
        }
        for (String agent : agents) {
            List<EntityActivity> used = graph.hunt().userAgent(agent).ipAddresses();
            assertEquals(expected.get(agent).size(), used.size(), agent);
            for (EntityActivity a : used) {
                long[] tally = expected.get(agent).get(a.entity().id());
                String pair = agent + " from " + a.entity().id();
                assertEquals(tally[0], a.success(), pair);
                assertEquals(tally[1], a.failure(), pair);
                assertEquals(hours(tally[2]), a.firstObserved(), pair);
                assertEquals(hours(tally[3]), a.lastObserved(), pair);
            }
        }
    }

    @Test
    void callRowsAreOrderedByCallsThenPrincipalAgentAndMethod() {
        // ties everywhere: equal totals across principals, agents and methods, arriving in no particular order
        java.util.Random random = new java.util.Random(7);
        String[] agents = {"tool-b stratus-red-team_1", "tool-a stratus-red-team_2", "tool-c stratus-red-team_3"};
        String[] names = {"ListUsers", "GetUser", "ListRoles", "ListBuckets"};
        for (int i = 0; i < 400; i++) {
            String who = "p" + random.nextInt(6);
            String name = names[random.nextInt(names.length)];
            String source = name.equals("ListBuckets") ? "s3.amazonaws.com" : "iam.amazonaws.com";
            graph.accept(call(session(who), hours(random.nextInt(50)), source, name, "44.212.20." + random.nextInt(3),
                    agents[random.nextInt(agents.length)], random.nextBoolean()));
        }
        java.util.Comparator<ApiCallActivity> documented = java.util.Comparator
                .comparingLong(ApiCallActivity::total).reversed().thenComparing(ApiCallActivity::principal)
                .thenComparing(ApiCallActivity::through).thenComparing(ApiCallActivity::eventSource)
                .thenComparing(ApiCallActivity::eventName);
        List<ApiCallActivity> byAgent = graph.hunt().userAgents(Pattern.compile("stratus-red-team_")).apiCalls();
        assertTrue(byAgent.size() > 50, "rows: " + byAgent.size());
        assertEquals(byAgent.stream().sorted(documented).toList(), byAgent);
        List<ApiCallActivity> byAddress = graph.hunt().ip("44.212.20.0/24").apiCalls();
        assertTrue(byAddress.size() > 50, "rows: " + byAddress.size());
        assertEquals(byAddress.stream().sorted(documented).toList(), byAddress);
    }

    @Test
    void hostileUserAgentsPrintEscapedWherever() {
        String hostile = "curl/8.0\u001b]0;pwned\u0007\r\nFAKE LOG LINE";
        graph.accept(call(alice(), hours(5), "iam.amazonaws.com", "GetUser", "44.212.19.33", hostile, true));
        for (Object answer : List.of(graph.relationships(EntityRef.user(ALICE_ID)), graph.hunt().userAgent(hostile),
                graph.hunt().userAgent(hostile).principals(), graph.asGraph().edgeSet())) {
            String text = answer.toString();
            assertTrue(!text.contains("\u001b") && !text.contains("\r") && !text.contains("\nFAKE"),
                    answer.getClass().getSimpleName() + ": " + text);
        }
    }

    @Test
    void badIndicatorsSayWhy() {
        assertThrows(IllegalArgumentException.class, () -> graph.hunt().ip("not-an-ip"));
        assertThrows(IllegalArgumentException.class, () -> graph.hunt().instancesTalkingTo("1.2.3.4", Duration.ZERO));
    }
}
