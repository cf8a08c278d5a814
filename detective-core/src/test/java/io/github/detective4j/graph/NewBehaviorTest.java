package io.github.detective4j.graph;

import static io.github.detective4j.graph.Events.ACCOUNT;
import static io.github.detective4j.graph.Events.ALICE_ID;
import static io.github.detective4j.graph.Events.ROLE_ID;
import static io.github.detective4j.graph.Events.alice;
import static io.github.detective4j.graph.Events.call;
import static io.github.detective4j.graph.Events.hours;
import static io.github.detective4j.graph.Events.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.behavior.KnownGeolocation;
import io.github.detective4j.behavior.NewApiCall;
import io.github.detective4j.behavior.NewBehavior;
import io.github.detective4j.behavior.NewBehaviorRanking;
import io.github.detective4j.behavior.NewGeolocation;
import io.github.detective4j.behavior.NewUserAgent;
import io.github.detective4j.behavior.VolumeIncrease;
import io.github.detective4j.enrich.Asn;
import io.github.detective4j.enrich.Geolocation;
import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Principal;
import io.github.detective4j.model.PrincipalType;
import io.github.detective4j.model.ScopeTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fifty days of routine, then a day with a new place, new methods and a new tool, all counted by hand. */
class NewBehaviorTest {
    static final String TOKYO_OFFICE = "13.112.1.10";
    static final String TOKYO_HOME = "13.112.9.20";
    static final String ASHBURN = "44.212.19.33";
    static final String OSAKA = "15.152.3.4";
    static final String CLI = "aws-cli/2.13.5 Python/3.11.4";
    static final String ATTACKER = "aws-cli/1.16.300 Python/2.7.16 Linux/4.14.133 botocore/1.13.36";
    static final Map<String, Geolocation> PLACES = Map.of(
            TOKYO_OFFICE, new Geolocation("Tokyo", "Tokyo", "JP", "Japan", 35.6895, 139.6917),
            TOKYO_HOME, new Geolocation("Tokyo", "Tokyo", "JP", "Japan", 35.6870, 139.7000),
            OSAKA, new Geolocation("Osaka", "Osaka", "JP", "Japan", 34.6937, 135.5023),
            ASHBURN, new Geolocation("Ashburn", "Virginia", "US", "United States", 39.0438, -77.4874));
    static final Map<String, Asn> NETWORKS = Map.of(
            TOKYO_OFFICE, new Asn(16509, "Amazon.com, Inc."), TOKYO_HOME, new Asn(2516, "KDDI CORPORATION"),
            OSAKA, new Asn(2516, "KDDI CORPORATION"), ASHBURN, new Asn(14618, "Amazon.com, Inc. (AES)"));
    /** Day 50. */
    static final ScopeTime SCOPE = ScopeTime.of(hours(50 * 24), hours(51 * 24));

    BehaviorGraph graph;

    static Principal bob() {
        return Principal.builder(PrincipalType.IAM_USER).principalId("AIDABOBBOBBOBBOBBOB01").accountId(ACCOUNT)
                .userName("bob").build();
    }

    @BeforeEach
    void ingest() {
        graph = BehaviorGraph.builder()
                .geoLocator(ip -> Optional.ofNullable(PLACES.get(ip)))
                .asnResolver(ip -> Optional.ofNullable(NETWORKS.get(ip)))
                .build();
        // 51 days: alice lists users from the office each working hour, and from home in the evening; bob in Osaka
        // describes instances, and keeps doing so in the scope.
        for (int day = 0; day < 51; day++) {
            for (int h = 0; h < 9; h++) {
                graph.accept(call(alice(), hours(day * 24L + h).plusSeconds(60), "iam.amazonaws.com", "ListUsers",
                        TOKYO_OFFICE, CLI, true));
            }
            graph.accept(call(alice(), hours(day * 24L + 12), "iam.amazonaws.com", "GetUser", TOKYO_HOME, CLI,
                    true));
            graph.accept(call(bob(), hours(day * 24L + 3), "ec2.amazonaws.com", "DescribeInstances", OSAKA, CLI,
                    true));
        }
        // Day 50, 20:00 to 21:00: from Ashburn with another tool, four new methods, one denied.
        for (String method : List.of("StopLogging", "CreateUser", "DeleteAccessKey", "GenerateCredentialReport")) {
            String source = method.equals("StopLogging") ? "cloudtrail.amazonaws.com" : "iam.amazonaws.com";
            graph.accept(call(alice(), hours(50 * 24 + 20), source, method, ASHBURN, ATTACKER,
                    !method.equals("CreateUser")));
        }
        graph.accept(call(alice(), hours(50 * 24 + 20).plusSeconds(30), "iam.amazonaws.com", "ListUsers", ASHBURN,
                ATTACKER, true));
    }

    @Test
    void theNewPlaceMethodsAndToolAreNewAndTheRoutineIsNot() {
        NewBehavior nb = graph.newBehavior(EntityRef.user(ALICE_ID), SCOPE);
        assertFalse(nb.baseline().inTraining());
        assertEquals(45 * 24, nb.baseline().hoursOfData());

        assertEquals(1, nb.geolocations().size(), nb.toString());
        NewGeolocation ashburn = nb.geolocations().get(0);
        assertEquals("Ashburn", ashburn.location().city());
        assertEquals(List.of(EntityRef.ipAddress(ASHBURN)), ashburn.ipAddresses());
        assertEquals(4, ashburn.success());
        assertEquals(1, ashburn.failure());
        assertEquals(hours(50 * 24 + 20), ashburn.firstObserved());
        assertTrue(ashburn.newForAccount());

        assertEquals(List.of("CreateUser", "DeleteAccessKey", "GenerateCredentialReport", "StopLogging"),
                nb.apiCalls().stream().map(NewApiCall::eventName).sorted().toList());
        NewApiCall createUser = nb.apiCalls().stream().filter(c -> c.eventName().equals("CreateUser"))
                .findFirst().orElseThrow();
        assertEquals(0.0, createUser.successRate());
        assertEquals("iam", createUser.service());
        assertTrue(nb.apiCalls().stream().allMatch(NewApiCall::newForAccount));

        assertEquals(List.of(new NewUserAgent(EntityRef.userAgent(ATTACKER), 4, 1, 0, 5, hours(50 * 24 + 20), true)),
                nb.userAgents());
        assertEquals(List.of(new Asn(14618, "Amazon.com, Inc. (AES)")), nb.asos().stream().map(a -> a.asn()).toList());
        assertTrue(nb.increasedVolume().isEmpty(), "one extra ListUsers is no jump");
    }

    @Test
    void theKnownPlaceIsWhatTheBaselineCalledFrom() {
        NewBehavior nb = graph.newBehavior(EntityRef.user(ALICE_ID), SCOPE);
        // Office and home are one 0.1-degree cell; the baseline is days 5 to 49: 9 office calls and 1 home call a day.
        assertEquals(1, nb.knownGeolocations().size(), nb.knownGeolocations().toString());
        KnownGeolocation tokyo = nb.knownGeolocations().get(0);
        assertEquals(PLACES.get(TOKYO_OFFICE).cell(), tokyo.cell());
        assertEquals(PLACES.get(TOKYO_OFFICE), tokyo.location(), "the first address's place, by address order");
        assertEquals(List.of(EntityRef.ipAddress(TOKYO_OFFICE), EntityRef.ipAddress(TOKYO_HOME)),
                tokyo.ipAddresses());
        assertEquals(45 * (9 + 1), tokyo.success());
        assertEquals(0, tokyo.failure());
        assertEquals(1 + 4 + 1 + 1, nb.count(), "a place, four methods, an ASO and a tool are new; Tokyo is not");
    }

    @Test
    void newBehaviorSerialisesUnderItsFieldNames() throws Exception {
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                io.github.detective4j.json.DetectiveJson.write(graph.newBehavior(EntityRef.user(ALICE_ID), SCOPE)));
        assertEquals("AwsUser/" + ALICE_ID, json.get("entity").asText());
        assertEquals(45 * 24, json.get("baseline").get("hoursOfData").asInt());
        com.fasterxml.jackson.databind.JsonNode ashburn = json.get("geolocations").get(0);
        assertEquals("Ashburn", ashburn.get("location").get("city").asText());
        assertEquals(390, ashburn.get("cell").get("latitudeTenths").asInt());
        assertEquals("IpAddress/" + ASHBURN, ashburn.get("ipAddresses").get(0).asText());
        assertEquals(14618, json.get("asos").get(0).get("asn").get("number").asLong());
        assertEquals(4, json.get("apiCalls").size());
        assertTrue(json.get("userAgents").get(0).get("newForAccount").asBoolean());
        assertTrue(io.github.detective4j.json.DetectiveJson.write(graph.newBehavior(SCOPE)).contains("\"score\""),
                "the ranking's rows carry their score");
    }

    @Test
    void aPrincipalWhoseBehaviorDidNotChangeShowsNothingNew() {
        NewBehavior nb = graph.newBehavior(EntityRef.user("AIDABOBBOBBOBBOBBOB01"), SCOPE);
        assertTrue(nb.isEmpty(), nb.toString());
        assertTrue(nb.toString().contains("nothing new"));
    }

    @Test
    void newForTheAccountOnlyWhenNobodyInItDidItBefore() {
        // Alice's colleague carol called CreateUser from Osaka (bob's city) on day 10, inside the baseline.
        Principal carol = Principal.builder(PrincipalType.IAM_USER).principalId("AIDACAROLCAROLCAROL01")
                .accountId(ACCOUNT).userName("carol").build();
        graph.accept(call(carol, hours(10 * 24), "iam.amazonaws.com", "CreateUser", OSAKA, CLI, true));
        graph.accept(call(carol, hours(50 * 24 + 5), "iam.amazonaws.com", "GetUser", ASHBURN, CLI, true));
        NewBehavior nb = graph.newBehavior(EntityRef.user("AIDACAROLCAROLCAROL01"), SCOPE);
        NewGeolocation ashburn = nb.geolocations().get(0);
        assertTrue(ashburn.newForAccount(), "nobody called from Ashburn before day 50");
        NewApiCall getUser = nb.apiCalls().get(0);
        assertEquals("GetUser", getUser.eventName(), "new for her");
        assertFalse(getUser.newForAccount(), "alice called it every day");
        assertTrue(nb.userAgents().isEmpty(), "she used her CLI on day 10");
        NewBehavior alice = graph.newBehavior(EntityRef.user(ALICE_ID), SCOPE);
        assertFalse(alice.apiCalls().stream().filter(c -> c.eventName().equals("CreateUser")).findFirst()
                .orElseThrow().newForAccount(), "carol created a user on day 10");
    }

    @Test
    void aRoleSessionIsComparedWithItsRole() {
        for (int day = 0; day < 50; day++) {
            graph.accept(call(session("build-" + day), hours(day * 24L + 1), "s3.amazonaws.com", "GetObject",
                    TOKYO_OFFICE, CLI, true));
        }
        graph.accept(call(session("build-50"), hours(50 * 24 + 1), "s3.amazonaws.com", "GetObject", TOKYO_OFFICE,
                CLI, true));
        graph.accept(call(session("build-50"), hours(50 * 24 + 1), "iam.amazonaws.com", "CreateAccessKey",
                TOKYO_OFFICE, CLI, true));
        NewBehavior nb = graph.newBehavior(EntityRef.roleSession(ROLE_ID, "build-50"), SCOPE);
        assertEquals(List.of("CreateAccessKey"), nb.apiCalls().stream().map(NewApiCall::eventName).toList(),
                "the role called GetObject every day; a fresh session is not all new");
        assertTrue(nb.userAgents().isEmpty());
        assertTrue(nb.geolocations().isEmpty());
        assertEquals(List.of("CreateAccessKey"),
                graph.newBehavior(EntityRef.role(ROLE_ID), SCOPE).apiCalls().stream().map(NewApiCall::eventName)
                        .toList());
    }

    @Test
    void aBucketsNewCallersAndMethods() {
        AwsResource bucket = new AwsResource(AwsResource.S3_BUCKET, "finance-reports", "arn:aws:s3:::finance-reports",
                AwsResource.Action.TOUCHED);
        for (int day = 0; day < 50; day++) {
            graph.accept(io.github.detective4j.model.ApiCall.builder().eventTime(hours(day * 24L + 2))
                    .accountId(ACCOUNT).principal(bob()).eventSource("s3.amazonaws.com").eventName("GetObject")
                    .sourceIpAddress(OSAKA).userAgent(CLI).resources(List.of(bucket)).build());
        }
        graph.accept(io.github.detective4j.model.ApiCall.builder().eventTime(hours(50 * 24 + 22)).accountId(ACCOUNT)
                .principal(alice()).eventSource("s3.amazonaws.com").eventName("PutBucketPolicy")
                .sourceIpAddress(ASHBURN).userAgent(ATTACKER).resources(List.of(bucket)).build());
        NewBehavior nb = graph.newBehavior(EntityRef.s3Bucket("finance-reports"), SCOPE);
        assertEquals(List.of("PutBucketPolicy"), nb.apiCalls().stream().map(NewApiCall::eventName).toList());
        assertEquals("Ashburn", nb.geolocations().get(0).location().city());
        assertEquals(EntityRef.userAgent(ATTACKER), nb.userAgents().get(0).userAgent());
    }

    @Test
    void theRankingPutsThePrincipalWithTheMostNewBehaviorFirst() {
        NewBehaviorRanking ranking = graph.newBehavior(SCOPE);
        assertEquals(1, ranking.principals().size(), ranking.toString());
        assertEquals(EntityRef.user(ALICE_ID), ranking.principals().get(0).principal());
        assertEquals(1 + 4 + 1 + 1, ranking.principals().get(0).score());
        assertEquals("alice", ranking.principals().get(0).name());
    }

    @Test
    void withoutEnoughHistoryTheBaselineIsInTraining() {
        ScopeTime early = ScopeTime.of(hours(5 * 24), hours(6 * 24));
        NewBehavior nb = graph.newBehavior(EntityRef.user(ALICE_ID), early);
        assertTrue(nb.baseline().inTraining());
        assertEquals(5 * 24, nb.baseline().hoursOfData());
        assertTrue(nb.toString().contains("in training"));
    }

    /**
     * "New for the entire account" is about the account's principals: a sign-in refused under a hidden user name
     * (anyone can send one, from any address with any agent) and a call an AWS service made do not make the address,
     * agent or method an attacker later uses with stolen keys look familiar.
     */
    @Test
    void callsNoPrincipalMadeDoNotMakeBehaviorFamiliarToTheAccount() {
        graph.accept(io.github.detective4j.model.ApiCall.builder().eventTime(hours(10 * 24)).accountId(ACCOUNT)
                .region("us-east-1").principal(Principal.builder(PrincipalType.IAM_USER).accountId(ACCOUNT)
                        .userName("HIDDEN_DUE_TO_SECURITY_REASONS").build())
                .eventSource("signin.amazonaws.com").eventName("ConsoleLogin").sourceIpAddress(ASHBURN)
                .userAgent(ATTACKER).errorMessage("No username found in supplied account").build());
        graph.accept(io.github.detective4j.model.ApiCall.builder().eventTime(hours(10 * 24)).accountId(ACCOUNT)
                .region("us-east-1").principal(Principal.builder(PrincipalType.AWS_SERVICE)
                        .invokedBy("cloudformation.amazonaws.com").build())
                .eventSource("iam.amazonaws.com").eventName("CreateUser")
                .sourceService("cloudformation.amazonaws.com").userAgent("cloudformation.amazonaws.com").build());
        NewBehavior nb = graph.newBehavior(EntityRef.user(ALICE_ID), SCOPE);
        NewGeolocation ashburn = nb.geolocations().stream()
                .filter(g -> g.location().city().equals("Ashburn")).findFirst().orElseThrow();
        assertTrue(ashburn.newForAccount(), nb::toString);
        assertTrue(nb.userAgents().stream().filter(u -> u.userAgent().id().equals(ATTACKER)).findFirst()
                .orElseThrow().newForAccount(), nb::toString);
        assertTrue(nb.apiCalls().stream().filter(c -> c.eventName().equals("CreateUser")).findFirst()
                .orElseThrow().newForAccount(), nb::toString);
    }

    /**
     * The most significant increase comes first even where both p-values underflow to 0: 3,000 calls against a
     * call a day ranks above 400, whatever the methods' names.
     */
    @Test
    void increasesBeyondWhatADoubleHoldsAreStillOrderedBySignificance() {
        BehaviorGraph graph = BehaviorGraph.create();
        for (int day = 0; day < 40; day++) {
            graph.accept(call(alice(), hours(day * 24L + 9), "s3.amazonaws.com", "AAAListBuckets", TOKYO_OFFICE,
                    CLI, true));
            graph.accept(call(alice(), hours(day * 24L + 9), "s3.amazonaws.com", "ZZZGetObject", TOKYO_OFFICE,
                    CLI, true));
        }
        for (int i = 0; i < 3_000; i++) {
            graph.accept(call(alice(), hours(40 * 24 + 3), "s3.amazonaws.com", "ZZZGetObject", TOKYO_OFFICE, CLI,
                    true));
            if (i < 400) {
                graph.accept(call(alice(), hours(40 * 24 + 3), "s3.amazonaws.com", "AAAListBuckets", TOKYO_OFFICE,
                        CLI, true));
            }
        }
        List<VolumeIncrease> up = graph.newBehavior(EntityRef.user(ALICE_ID),
                ScopeTime.of(hours(40 * 24), hours(41 * 24))).increasedVolume();
        assertEquals(List.of("ZZZGetObject", "AAAListBuckets"), up.stream().map(VolumeIncrease::eventName).toList());
        assertEquals(0.0, up.get(1).pValue(), "both are past what a double holds");
    }

    @Test
    void anOldFindingDoesNotLengthenTheBaseline() {
        BehaviorGraph fresh = BehaviorGraph.create();
        fresh.accept(io.github.detective4j.model.Finding.builder().id("old0finding").sourceProduct("GuardDuty")
                .type("Recon:EC2/Portscan").severity(io.github.detective4j.model.Severity.ofGuardDuty(2))
                .observed(hours(0), hours(0)).build());
        for (int h = 40 * 24; h < 43 * 24; h++) {
            fresh.accept(call(alice(), hours(h), "s3.amazonaws.com", "GetObject", TOKYO_OFFICE, CLI, true));
        }
        NewBehavior nb = fresh.newBehavior(EntityRef.user(ALICE_ID), ScopeTime.of(hours(42 * 24), hours(43 * 24)));
        assertEquals(48, nb.baseline().hoursOfData(), "two days of calls, whatever the finding says");
        assertTrue(nb.baseline().inTraining());
        assertTrue(nb.increasedVolume().isEmpty(), "a steady rate is no jump: " + nb);
    }

    @Test
    void entitiesWithoutBehaviorHaveNothingNew() {
        assertTrue(graph.newBehavior(EntityRef.ipAddress(ASHBURN), SCOPE).isEmpty());
        assertTrue(graph.newBehavior(EntityRef.user("AIDANOBODYNOBODYNOBO1"), SCOPE).isEmpty());
    }
}
