package io.github.detective4j.graph;

import static io.github.detective4j.graph.Events.ACCOUNT;
import static io.github.detective4j.graph.Events.ALICE_ID;
import static io.github.detective4j.graph.Events.ROLE_ID;
import static io.github.detective4j.graph.Events.alice;
import static io.github.detective4j.graph.Events.call;
import static io.github.detective4j.graph.Events.hours;
import static io.github.detective4j.graph.Events.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.detective4j.enrich.Asn;
import io.github.detective4j.enrich.Geolocation;
import io.github.detective4j.enrich.MaxMindGeo;
import io.github.detective4j.intel.ThreatIntelList;
import io.github.detective4j.investigation.FlaggedIpAddress;
import io.github.detective4j.investigation.ImpossibleTravel;
import io.github.detective4j.investigation.ImpossibleTravelRule;
import io.github.detective4j.investigation.Indicator;
import io.github.detective4j.investigation.IndicatorType;
import io.github.detective4j.investigation.Investigation;
import io.github.detective4j.investigation.InvestigationSeverity;
import io.github.detective4j.investigation.InvestigationState;
import io.github.detective4j.investigation.RelatedFinding;
import io.github.detective4j.investigation.TtpObserved;
import io.github.detective4j.json.DetectiveJson;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.Principal;
import io.github.detective4j.model.PrincipalType;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.model.Severity;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Investigations of users and roles, each indicator type from events written to provoke it, or not. */
class InvestigationTest {
    static final String TOKYO = "153.156.88.21";
    static final String OSAKA = "111.87.53.14";
    static final String ASHBURN = "44.212.19.33";
    static final String VPN = "185.220.101.7";
    /** Known to the region only, as GeoLite2 gives many mobile networks: anywhere within 500 km. */
    static final String SEOUL = "211.234.10.20";
    static final Map<String, Geolocation> PLACES = Map.of(
            SEOUL, new Geolocation(null, "Seoul", "KR", "South Korea", 37.5665, 126.9780, 500),
            TOKYO, new Geolocation("Tokyo", "Tokyo", "JP", "Japan", 35.6895, 139.6917),
            OSAKA, new Geolocation("Osaka", "Osaka", "JP", "Japan", 34.6937, 135.5023),
            ASHBURN, new Geolocation("Ashburn", "Virginia", "US", "United States", 39.0438, -77.4874),
            VPN, new Geolocation("Frankfurt", "Hesse", "DE", "Germany", 50.1109, 8.6821));
    static final Map<String, Asn> NETWORKS = Map.of(TOKYO, new Asn(4713, "NTT"), OSAKA, new Asn(4713, "NTT"),
            ASHBURN, new Asn(14618, "AMAZON-AES"), VPN, new Asn(208294, "VPN-EGRESS"));
    static final ScopeTime SCOPE = ScopeTime.of(hours(30 * 24), hours(31 * 24));

    static BehaviorGraph graph(ImpossibleTravelRule travel) throws IOException {
        return graph(travel, 0);
    }

    /** Alice calls from Tokyo every day from {@code firstDay} through the scope's day, 30. */
    static BehaviorGraph graph(ImpossibleTravelRule travel, int firstDay) throws IOException {
        BehaviorGraph graph = BehaviorGraph.builder()
                .geoLocator(ip -> Optional.ofNullable(PLACES.get(ip)))
                .asnResolver(ip -> Optional.ofNullable(NETWORKS.get(ip)))
                .threatIntel(ThreatIntelList.parse(new StringReader("# test list\n44.212.19.0/24 known attacker\n"),
                        "test-list"))
                .impossibleTravel(travel)
                .clock(Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC))
                .build();
        for (int day = firstDay; day < 31; day++) {
            graph.accept(call(alice(), hours(day * 24L + 2), "ListUsers", TOKYO));
        }
        return graph;
    }

    static Principal bob() {
        return Principal.builder(PrincipalType.IAM_USER).principalId("AIDABOBBOBBOBBOBBOB01").accountId(ACCOUNT)
                .userName("bob").build();
    }

    @Test
    void tokyoThenAshburnAnHourLaterIsImpossibleTravel() throws IOException {
        BehaviorGraph graph = graph(ImpossibleTravelRule.DEFAULT);
        graph.accept(call(alice(), hours(30 * 24 + 3), "GetUser", ASHBURN));
        Investigation inv = graph.investigate(EntityRef.user(ALICE_ID), SCOPE);
        List<Indicator> travel = inv.indicators(IndicatorType.IMPOSSIBLE_TRAVEL);
        assertEquals(1, travel.size(), inv.toString());
        ImpossibleTravel t = (ImpossibleTravel) travel.get(0).detail();
        assertEquals(TOKYO, t.startingIpAddress());
        assertEquals(ASHBURN, t.endingIpAddress());
        assertEquals(1, t.hourlyTimeDelta());
        assertEquals(10_900, t.distanceKilometers(), 150, "Tokyo to Ashburn");
        assertEquals(t.distanceKilometers() / 2, t.speedKilometersPerHour(), 1e-9, "over the longest two hours allow");
    }

    /**
     * A password spray: console sign-ins under Alice's name from Ashburn (a listed address) and Frankfurt an hour
     * after her Tokyo call, all refused. Someone tried; her credentials worked nowhere new: no travel, no flagged
     * address, no new place. The same from Ashburn with one call that worked is all of them.
     */
    @Test
    void refusedSignInsFromAnywhereAreAttemptsNotTravel() throws IOException {
        BehaviorGraph spray = graph(ImpossibleTravelRule.DEFAULT);
        for (String from : List.of(ASHBURN, VPN)) {
            spray.accept(call(alice(), hours(30 * 24 + 3), "signin.amazonaws.com", "ConsoleLogin", from,
                    "Mozilla/5.0", false));
        }
        Investigation tried = spray.investigate(EntityRef.user(ALICE_ID), SCOPE);
        assertEquals(List.of(), tried.indicators(IndicatorType.IMPOSSIBLE_TRAVEL), tried.toString());
        assertEquals(List.of(), tried.indicators(IndicatorType.FLAGGED_IP_ADDRESS));
        assertEquals(List.of(), tried.indicators(IndicatorType.NEW_GEOLOCATION));
        assertEquals(InvestigationSeverity.INFORMATIONAL, tried.severity(), tried.toString());

        spray.accept(call(alice(), hours(30 * 24 + 3), "GetCallerIdentity", ASHBURN));
        Investigation used = spray.investigate(EntityRef.user(ALICE_ID), SCOPE);
        assertEquals(1, used.indicators(IndicatorType.IMPOSSIBLE_TRAVEL).size(), used.toString());
        assertEquals(1, used.indicators(IndicatorType.FLAGGED_IP_ADDRESS).size());
        assertEquals(1, used.indicators(IndicatorType.NEW_GEOLOCATION).size());
    }

    @Test
    void twoPlacesInOneHourStartAtTheLowerAddressByNumber() throws IOException {
        BehaviorGraph graph = graph(ImpossibleTravelRule.DEFAULT);
        graph.accept(call(alice(), hours(30 * 24 + 2).plusSeconds(1800), "GetUser", ASHBURN));
        List<Indicator> travel = graph.investigate(EntityRef.user(ALICE_ID), SCOPE)
                .indicators(IndicatorType.IMPOSSIBLE_TRAVEL);
        assertEquals(1, travel.size(), travel.toString());
        ImpossibleTravel t = (ImpossibleTravel) travel.get(0).detail();
        assertEquals(ASHBURN, t.startingIpAddress(), "44.212.19.33 is below 153.156.88.21, though not as text");
        assertEquals(TOKYO, t.endingIpAddress());
        assertEquals(0, t.hourlyTimeDelta());
    }

    @Test
    void theDistanceJudgedIsLessBothAccuracyRadii() throws IOException {
        Geolocation tokyo = PLACES.get(TOKYO);
        Geolocation seoul = PLACES.get(SEOUL);
        double km = ImpossibleTravelRule.distanceKm(tokyo.latitude(), tokyo.longitude(), seoul.latitude(),
                seoul.longitude());
        assertTrue(km > 1000, km + " km in the hour: over 900 km/h between the points");
        BehaviorGraph graph = graph(ImpossibleTravelRule.DEFAULT);
        graph.accept(call(alice(), hours(30 * 24 + 2).plusSeconds(1800), "GetUser", SEOUL));
        Investigation inv = graph.investigate(EntityRef.user(ALICE_ID), SCOPE);
        assertTrue(inv.indicators(IndicatorType.IMPOSSIBLE_TRAVEL).isEmpty(),
                "Seoul is known within 500 km: the nearest the two can be is 650 km, an hour's flight; " + inv);
    }

    @Test
    void aPlaceKnownOnlyToItsCountryIsNoPointToTravelFrom() throws IOException {
        Path city = Path.of(System.getProperty("detective4j.sharedData", "../../shared/data"))
                .resolve("maxmind-test-db/test-data/GeoIP2-City-Test.mmdb").normalize();
        assumeTrue(Files.isRegularFile(city), () -> "skipped: " + city + " is absent");
        try (MaxMindGeo geo = MaxMindGeo.open(city)) {
            BehaviorGraph graph = BehaviorGraph.builder().geoLocator(geo).build();
            String milton = "216.160.83.56";
            String unitedStates = "149.101.100.1";
            for (int day = 0; day < 31; day++) {
                graph.accept(call(alice(), hours(day * 24L + 10), "ListUsers", milton));
            }
            graph.accept(call(alice(), hours(30 * 24 + 10).plusSeconds(1500), "GetUser", unitedStates));
            Investigation inv = graph.investigate(EntityRef.user(ALICE_ID), SCOPE);
            assertEquals("United States (US)", geo.locate(unitedStates).orElseThrow().label());
            assertTrue(inv.indicators(IndicatorType.IMPOSSIBLE_TRAVEL).isEmpty(),
                    "the country's centroid, 2,255 km from Milton, is not where the address is: " + inv);
            assertEquals(1, inv.indicators(IndicatorType.NEW_GEOLOCATION).size(), "still a new geolocation");
        }
    }

    @Test
    void tokyoThenOsakaIsNot() throws IOException {
        BehaviorGraph graph = graph(ImpossibleTravelRule.DEFAULT);
        graph.accept(call(alice(), hours(30 * 24 + 2), "GetUser", OSAKA));
        Investigation inv = graph.investigate(EntityRef.user(ALICE_ID), SCOPE);
        assertTrue(inv.indicators(IndicatorType.IMPOSSIBLE_TRAVEL).isEmpty(), "400 km in an hour: a train");
    }

    @Test
    void anExcludedAsnIsNot() throws IOException {
        BehaviorGraph graph = graph(ImpossibleTravelRule.DEFAULT.excluding(208294L));
        graph.accept(call(alice(), hours(30 * 24 + 3), "GetUser", VPN));
        assertTrue(graph.investigate(EntityRef.user(ALICE_ID), SCOPE).indicators(IndicatorType.IMPOSSIBLE_TRAVEL)
                .isEmpty());
        BehaviorGraph strict = graph(ImpossibleTravelRule.DEFAULT);
        strict.accept(call(alice(), hours(30 * 24 + 3), "GetUser", VPN));
        assertEquals(1, strict.investigate(EntityRef.user(ALICE_ID), SCOPE)
                .indicators(IndicatorType.IMPOSSIBLE_TRAVEL).size(), "without the exclusion it would be");
    }

    @Test
    void theAttackersCallsAreTtpsFromAFlaggedAddressWithItsFinding() throws IOException {
        BehaviorGraph graph = graph(ImpossibleTravelRule.DEFAULT);
        graph.accept(call(alice(), hours(30 * 24 + 10), "cloudtrail.amazonaws.com", "StopLogging", ASHBURN,
                "aws-cli/1.16.300", true));
        graph.accept(call(alice(), hours(30 * 24 + 10), "iam.amazonaws.com", "CreateUser", ASHBURN,
                "aws-cli/1.16.300", false));
        graph.accept(Finding.builder().id("3ebf0e8a5d4b2c1f0e9d8c7b6a5f4e3d").sourceProduct("GuardDuty")
                .type("Stealth:IAMUser/CloudTrailLoggingDisabled").severity(Severity.ofGuardDuty(2))
                .observed(hours(30 * 24 + 10), hours(30 * 24 + 10)).accountId(ACCOUNT)
                .entities(List.of(EntityRef.user(ALICE_ID), EntityRef.ipAddress("198.51.100.7"),
                        EntityRef.ipAddress(ASHBURN))).build());
        Investigation inv = graph.investigate(EntityRef.user(ALICE_ID), SCOPE);

        List<TtpObserved> ttps = inv.indicators(IndicatorType.TTP_OBSERVED).stream()
                .map(i -> (TtpObserved) i.detail()).toList();
        TtpObserved stop = ttps.stream().filter(t -> "StopLogging".equals(t.apiName())).findFirst().orElseThrow();
        assertEquals("Defense Evasion", stop.tactic());
        assertTrue(stop.technique().startsWith("T1562.008"), stop.technique());
        assertEquals(ASHBURN, stop.ipAddress());
        assertEquals(1, stop.apiSuccessCount());
        TtpObserved create = ttps.stream().filter(t -> "CreateUser".equals(t.apiName())).findFirst().orElseThrow();
        assertTrue(create.technique().startsWith("T1136.003"), create.technique());
        assertEquals(1, create.apiFailureCount());
        assertTrue(ttps.stream().anyMatch(t -> t.procedure().equals("Stealth:IAMUser/CloudTrailLoggingDisabled")),
                "the finding's type is a TTP too");

        FlaggedIpAddress flagged = (FlaggedIpAddress) inv.indicators(IndicatorType.FLAGGED_IP_ADDRESS).get(0).detail();
        assertEquals(ASHBURN, flagged.ipAddress());
        assertEquals("known attacker", flagged.reason());
        RelatedFinding related = (RelatedFinding) inv.indicators(IndicatorType.RELATED_FINDING).get(0).detail();
        assertEquals("Stealth:IAMUser/CloudTrailLoggingDisabled", related.findingType());
        assertEquals(ASHBURN, related.ipAddress(), "the first global address: 198.51.100.7 is documentation");
        assertTrue(related.arn() == null || related.arn().startsWith("arn:"),
                "Detective's Arn holds ARNs only; the id names the finding: " + related);
        assertEquals(1, inv.indicators(IndicatorType.NEW_GEOLOCATION).size());
        assertEquals(1, inv.indicators(IndicatorType.NEW_USER_AGENT).size());
        assertEquals(InvestigationSeverity.CRITICAL, inv.severity(),
                "HIGH TTPs, a flagged address and impossible travel, with new behavior: corroborated");
    }

    /** Three days of Tokyo, then StopLogging from Frankfurt an hour later with a new user agent. */
    static Investigation stopLoggingFromFrankfurt(int firstDay) throws IOException {
        BehaviorGraph graph = graph(ImpossibleTravelRule.DEFAULT, firstDay);
        graph.accept(call(alice(), hours(30 * 24 + 3), "cloudtrail.amazonaws.com", "StopLogging", VPN,
                "python-requests/2.31", true));
        return graph.investigate(EntityRef.user(ALICE_ID), SCOPE);
    }

    /** A technique is routine when the baseline did it: a refused attempt there did not, and lowers nothing. */
    @Test
    void aRefusedAttemptInTheBaselineDoesNotMakeATechniqueRoutine() throws Exception {
        for (boolean succeededBefore : new boolean[] {false, true}) {
            BehaviorGraph graph = graph(ImpossibleTravelRule.DEFAULT);
            graph.accept(call(alice(), hours(10 * 24 + 5), "cloudtrail.amazonaws.com", "StopLogging", TOKYO,
                    "aws-cli/2.13.5", succeededBefore));
            graph.accept(call(alice(), hours(30 * 24 + 3), "cloudtrail.amazonaws.com", "StopLogging", TOKYO,
                    "aws-cli/2.13.5", true));
            List<Indicator> ttps = graph.investigate(EntityRef.user(ALICE_ID), SCOPE)
                    .indicators(IndicatorType.TTP_OBSERVED);
            assertEquals(1, ttps.size(), ttps::toString);
            assertEquals(succeededBefore ? InvestigationSeverity.MEDIUM : InvestigationSeverity.HIGH,
                    ttps.get(0).severity(), () -> "succeeded in the baseline: " + succeededBefore);
        }
    }

    /** The same events in either order give the same indicators in the same order: ties are broken by detail. */
    @Test
    void indicatorsDoNotDependOnTheOrderEventsArrivedIn() throws Exception {
        List<io.github.detective4j.model.ApiCall> calls = List.of(
                call(alice(), hours(30 * 24 + 3), "iam.amazonaws.com", "CreateUser", VPN, "python-requests/2.31",
                        true),
                call(alice(), hours(30 * 24 + 3), "cloudtrail.amazonaws.com", "StopLogging", ASHBURN,
                        "python-requests/2.31", true));
        BehaviorGraph forward = graph(ImpossibleTravelRule.DEFAULT);
        calls.forEach(forward::accept);
        BehaviorGraph backward = graph(ImpossibleTravelRule.DEFAULT);
        backward.accept(calls.get(1));
        backward.accept(calls.get(0));
        List<Indicator> one = forward.investigate(EntityRef.user(ALICE_ID), SCOPE).indicators();
        List<Indicator> other = backward.investigate(EntityRef.user(ALICE_ID), SCOPE).indicators();
        assertTrue(one.stream().filter(i -> i.type() == IndicatorType.TTP_OBSERVED).count() >= 2, one::toString);
        assertEquals(one, other);
    }

    @Test
    void aBaselineInTrainingIsSaidAndItsNewBehaviorDoesNotRaiseTheSeverity() throws Exception {
        Investigation trained = stopLoggingFromFrankfurt(0);
        assertEquals(false, trained.inTraining());
        assertEquals(InvestigationSeverity.CRITICAL, trained.severity(), "a HIGH TTP and travel, with new behavior");

        Investigation training = stopLoggingFromFrankfurt(27);
        assertTrue(training.inTraining(), "three days of data before the scope, fourteen needed");
        assertEquals(InvestigationSeverity.HIGH, training.severity(),
                "everything looks new in training: the new geolocation, ASO and user agent do not corroborate");
        assertEquals(1, training.indicators(IndicatorType.NEW_GEOLOCATION).size(), "still listed");
        assertEquals(1, training.indicators(IndicatorType.NEW_ASO).size());
        assertEquals(1, training.indicators(IndicatorType.NEW_USER_AGENT).size());
        assertTrue(training.toString().contains("baseline in training"), training.toString());
        JsonNode json = new ObjectMapper().readTree(DetectiveJson.write(training));
        assertTrue(json.get("InTraining").asBoolean(), json.toString());
        assertEquals(false, new ObjectMapper().readTree(DetectiveJson.write(trained)).get("InTraining").asBoolean());
    }

    /** What an enumeration tool calls within minutes: 36 distinct List and Describe methods on six services. */
    static void discoveryBurst(BehaviorGraph graph, Instant when, boolean success) {
        discoveryBurst(graph, when, success, i -> alice());
    }

    /** The same 36 calls, the {@code i}th made by {@code caller.apply(i)}. */
    static void discoveryBurst(BehaviorGraph graph, Instant when, boolean success,
            java.util.function.IntFunction<Principal> caller) {
        List<String> services = List.of("ec2", "iam", "s3", "rds", "lambda", "sns");
        for (int i = 0; i < 36; i++) {
            String service = services.get(i % services.size());
            String name = (service.equals("iam") ? "ListThing" : "DescribeThing") + (char) ('A' + i);
            graph.accept(call(caller.apply(i), when.plusSeconds(i), service + ".amazonaws.com", name, TOKYO,
                    "aws-cli/2.13.5", success));
        }
    }

    /**
     * A burst is one principal's: nine sessions of a role, each describing four things of its own in one hour, are
     * nine workloads at work, not an enumeration; one session calling all 36 is.
     */
    @Test
    void aRolesSessionsDoNotMakeABurstTogether() throws IOException {
        BehaviorGraph apart = graph(ImpossibleTravelRule.DEFAULT);
        discoveryBurst(apart, hours(30 * 24 + 10), true, i -> session("worker-" + (i / 4)));
        assertEquals(List.of(), bursts(apart.investigate(EntityRef.role(ROLE_ID), SCOPE)));
        BehaviorGraph together = graph(ImpossibleTravelRule.DEFAULT);
        discoveryBurst(together, hours(30 * 24 + 10), true, i -> session("enumerator"));
        assertEquals(3, bursts(together.investigate(EntityRef.role(ROLE_ID), SCOPE)).size());
    }

    static List<Indicator> bursts(Investigation inv) {
        return inv.indicators(IndicatorType.TTP_OBSERVED).stream()
                .filter(i -> ((TtpObserved) i.detail()).apiName() == null).toList();
    }

    @Test
    void aDiscoveryBurstIsLowSuccessfulAndNewAndLowerFailed() throws IOException {
        BehaviorGraph fresh = graph(ImpossibleTravelRule.DEFAULT);
        discoveryBurst(fresh, hours(30 * 24 + 10), true);
        List<Indicator> news = bursts(fresh.investigate(EntityRef.user(ALICE_ID), SCOPE));
        assertEquals(3, news.size(), "account, infrastructure and service discovery: " + news);
        news.forEach(i -> assertEquals(InvestigationSeverity.LOW, i.severity(), i.toString()));

        BehaviorGraph denied = graph(ImpossibleTravelRule.DEFAULT);
        discoveryBurst(denied, hours(30 * 24 + 10), false);
        List<Indicator> failed = bursts(denied.investigate(EntityRef.user(ALICE_ID), SCOPE));
        assertEquals(3, failed.size(), failed.toString());
        failed.forEach(i -> assertEquals(InvestigationSeverity.INFORMATIONAL, i.severity(), "every call failed"));
    }

    /** The same enumeration run from 10:54 to 11:06: each hour holds half of it, the two hours together all. */
    @Test
    void aDiscoveryBurstAcrossTheTopOfAnHourIsOneAndEachKindCountsItsOwnCalls() throws IOException {
        BehaviorGraph straddling = graph(ImpossibleTravelRule.DEFAULT);
        discoveryBurst(straddling, hours(30 * 24 + 11).minusSeconds(18), true); // 36 calls a second apart
        List<Indicator> found = bursts(straddling.investigate(EntityRef.user(ALICE_ID), SCOPE));
        assertEquals(3, found.size(), found.toString());
        Map<String, Long> calls = new TreeMap<>();
        found.forEach(i -> calls.put(((TtpObserved) i.detail()).technique().split(" ")[0],
                ((TtpObserved) i.detail()).apiSuccessCount()));
        // six services, six methods each: iam is account discovery, sns service discovery, the rest infrastructure
        assertEquals(Map.of("T1087.004", 6L, "T1526", 6L, "T1580", 24L), calls);
    }

    @Test
    void aDiscoveryBurstTheEntityAlsoMadeInItsBaselineIsLower() throws IOException {
        BehaviorGraph routine = graph(ImpossibleTravelRule.DEFAULT);
        discoveryBurst(routine, hours(18 * 24 + 10), true);
        discoveryBurst(routine, hours(30 * 24 + 10), true);
        List<Indicator> usual = bursts(routine.investigate(EntityRef.user(ALICE_ID), SCOPE));
        assertEquals(3, usual.size(), usual.toString());
        usual.forEach(i -> assertEquals(InvestigationSeverity.INFORMATIONAL, i.severity(),
                "the same burst twelve days before, in the baseline"));
    }

    /** Console sign-ins to alice from Frankfurt, as CloudTrail writes a wrong password: no error code, a message. */
    static void signIns(BehaviorGraph graph, Instant from, int refused, int succeeded) {
        for (int i = 0; i < refused + succeeded; i++) {
            graph.accept(io.github.detective4j.model.ApiCall.builder().eventTime(from.plusSeconds(60L * i))
                    .accountId(ACCOUNT).region("us-east-1").principal(alice()).eventSource("signin.amazonaws.com")
                    .eventName("ConsoleLogin").sourceIpAddress(VPN)
                    .userAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0")
                    .errorMessage(i < refused ? "Failed authentication" : null).build());
        }
    }

    static List<Indicator> guessing(Investigation inv) {
        return inv.indicators(IndicatorType.TTP_OBSERVED).stream()
                .filter(i -> ((TtpObserved) i.detail()).technique().startsWith("T1110.001 ")).toList();
    }

    @Test
    void tenRefusedSignInsInAnHourArePasswordGuessingAndASuccessAfterThemIsHigh() throws IOException {
        BehaviorGraph typos = graph(ImpossibleTravelRule.DEFAULT);
        signIns(typos, hours(30 * 24 + 9), 9, 1);
        assertEquals(List.of(), guessing(typos.investigate(EntityRef.user(ALICE_ID), SCOPE)), "nine typos");

        BehaviorGraph refused = graph(ImpossibleTravelRule.DEFAULT);
        signIns(refused, hours(30 * 24 + 9), 12, 0);
        List<Indicator> tried = guessing(refused.investigate(EntityRef.user(ALICE_ID), SCOPE));
        assertEquals(1, tried.size(), tried.toString());
        TtpObserved detail = (TtpObserved) tried.get(0).detail();
        assertEquals("Credential Access", detail.tactic());
        assertEquals("T1110.001 Brute Force: Password Guessing", detail.technique());
        assertEquals("ConsoleLogin", detail.apiName());
        assertEquals(0, detail.apiSuccessCount());
        assertEquals(12, detail.apiFailureCount());
        assertTrue(detail.procedure().startsWith("12 refused console sign-ins in one window"), detail.procedure());
        assertEquals(InvestigationSeverity.MEDIUM, tried.get(0).severity(), "every guess refused: an attempt");

        BehaviorGraph guessed = graph(ImpossibleTravelRule.DEFAULT);
        signIns(guessed, hours(30 * 24 + 9), 15, 1);
        List<Indicator> worked = guessing(guessed.investigate(EntityRef.user(ALICE_ID), SCOPE));
        assertEquals(1, ((TtpObserved) worked.get(0).detail()).apiSuccessCount());
        assertEquals(InvestigationSeverity.HIGH, worked.get(0).severity(), "a guess that worked");
    }

    /** Six refusals at 09:54-09:59 and six at 10:00-10:05: each hour alone is no guessing, the two together are. */
    @Test
    void guessingAcrossTheTopOfAnHourIsOneWindow() throws IOException {
        BehaviorGraph straddling = graph(ImpossibleTravelRule.DEFAULT);
        signIns(straddling, hours(30 * 24 + 10).minusSeconds(360), 12, 0);
        List<Indicator> found = guessing(straddling.investigate(EntityRef.user(ALICE_ID), SCOPE));
        assertEquals(1, found.size(), found.toString());
        assertEquals(12, ((TtpObserved) found.get(0).detail()).apiFailureCount());
        BehaviorGraph apart = graph(ImpossibleTravelRule.DEFAULT);
        signIns(apart, hours(30 * 24 + 2), 6, 0);
        signIns(apart, hours(30 * 24 + 14), 6, 0);
        assertEquals(List.of(), guessing(apart.investigate(EntityRef.user(ALICE_ID), SCOPE)), "hours apart");
    }

    @Test
    void guessingTheEntityAlsoMetInItsBaselineIsLowerAndTheThresholdIsTheTables() throws IOException {
        BehaviorGraph routine = graph(ImpossibleTravelRule.DEFAULT);
        signIns(routine, hours(18 * 24 + 10), 20, 0);
        signIns(routine, hours(30 * 24 + 10), 20, 0);
        List<Indicator> usual = guessing(routine.investigate(EntityRef.user(ALICE_ID), SCOPE));
        assertEquals(InvestigationSeverity.LOW, usual.get(0).severity(), "refused, and as often in the baseline");

        BehaviorGraph strict = BehaviorGraph.builder().apiTechniques(io.github.detective4j.attack.ApiTechniques
                .builder().from(io.github.detective4j.attack.ApiTechniques.builtIn()).failedSignIns(3).build())
                .build();
        signIns(strict, hours(30 * 24 + 10), 3, 0);
        assertEquals(1, guessing(strict.investigate(EntityRef.user(ALICE_ID), SCOPE)).size());
    }

    @Test
    void aQuietUserIsInformational() throws IOException {
        Investigation inv = graph(ImpossibleTravelRule.DEFAULT).investigate(EntityRef.user(ALICE_ID), SCOPE);
        assertTrue(inv.indicators().isEmpty(), inv.toString());
        assertEquals(InvestigationSeverity.INFORMATIONAL, inv.severity());
    }

    @Test
    void theSeverityRuleAsDocumented() {
        Indicator flagged = new Indicator(new FlaggedIpAddress("1.2.3.4", "x", "l"), InvestigationSeverity.HIGH);
        Indicator finding = new Indicator(new RelatedFinding("a", "t", null, "a"), InvestigationSeverity.HIGH);
        Indicator findingTtp = new Indicator(new TtpObserved("Impact", "T1496", "t", null, null, 1, 0),
                InvestigationSeverity.HIGH);
        Indicator newUa = new Indicator(new io.github.detective4j.investigation.NewUserAgentDetail("ua", false),
                InvestigationSeverity.LOW);
        assertEquals(InvestigationSeverity.INFORMATIONAL, severity(Map.of()));
        assertEquals(InvestigationSeverity.LOW, severity(Map.of(Investigations.Evidence.BEHAVIOR, List.of(newUa))));
        assertEquals(InvestigationSeverity.HIGH, severity(Map.of(Investigations.Evidence.INTEL, List.of(flagged),
                Investigations.Evidence.FINDINGS, List.of(finding))), "two sources but nothing new");
        assertEquals(InvestigationSeverity.HIGH, severity(Map.of(
                Investigations.Evidence.FINDINGS, List.of(finding, findingTtp),
                Investigations.Evidence.BEHAVIOR, List.of(newUa))), "one finding told twice is one source");
        assertEquals(InvestigationSeverity.CRITICAL, severity(Map.of(Investigations.Evidence.INTEL, List.of(flagged),
                Investigations.Evidence.FINDINGS, List.of(finding),
                Investigations.Evidence.BEHAVIOR, List.of(newUa))));
        assertEquals(InvestigationSeverity.HIGH, Investigations.severity(Map.of(
                Investigations.Evidence.INTEL, List.of(flagged), Investigations.Evidence.FINDINGS, List.of(finding),
                Investigations.Evidence.BEHAVIOR, List.of(newUa)), true), "in training new behavior corroborates not");
        assertEquals(InvestigationSeverity.INFORMATIONAL, Investigations.severity(Map.of(
                Investigations.Evidence.BEHAVIOR, List.of(newUa)), true), "nor counts");
    }

    private static InvestigationSeverity severity(Map<Investigations.Evidence, List<Indicator>> evidence) {
        return Investigations.severity(evidence, false);
    }

    @Test
    void anInvestigationKeepsItsIdAndStateAndSerialisesLikeDetectives() throws Exception {
        BehaviorGraph graph = graph(ImpossibleTravelRule.DEFAULT);
        graph.accept(call(alice(), hours(30 * 24 + 3), "GetUser", ASHBURN));
        Investigation first = graph.investigate(EntityRef.user(ALICE_ID), SCOPE);
        assertTrue(first.investigationId().matches("[0-9]{21}"), first.investigationId());
        graph.updateInvestigationState(first.investigationId(), InvestigationState.ARCHIVED);
        Investigation again = graph.investigate(EntityRef.user(ALICE_ID), SCOPE);
        assertEquals(first.investigationId(), again.investigationId());
        assertEquals(InvestigationState.ARCHIVED, again.state());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), again.createdTime());
        assertEquals(List.of(again), graph.investigations());

        JsonNode json = new ObjectMapper().readTree(DetectiveJson.write(again));
        assertEquals(first.investigationId(), json.get("InvestigationId").asText());
        assertEquals("IAM_USER", json.get("EntityType").asText());
        assertEquals("arn:aws:iam::111122223333:user/alice", json.get("EntityArn").asText());
        assertEquals(SCOPE.start().toString(), json.get("ScopeStartTime").asText());
        assertEquals("SUCCESSFUL", json.get("Status").asText());
        assertEquals("ARCHIVED", json.get("State").asText());
        JsonNode travel = json.get("Indicators").get(0);
        assertEquals("IMPOSSIBLE_TRAVEL", travel.get("IndicatorType").asText(), json.toString());
        assertEquals(TOKYO, travel.get("IndicatorDetail").get("ImpossibleTravelDetail").get("StartingIpAddress")
                .asText());
        assertEquals(1, travel.get("IndicatorDetail").get("ImpossibleTravelDetail").get("HourlyTimeDelta").asInt());
    }

    @Test
    void rolesAreInvestigatedThroughTheirSessionsAndSessionsAreNot() throws IOException {
        BehaviorGraph graph = graph(ImpossibleTravelRule.DEFAULT);
        graph.accept(call(session("ci"), hours(30 * 24 + 4), "cloudtrail.amazonaws.com", "DeleteTrail", ASHBURN,
                "aws-cli/1.16.300", true));
        Investigation role = graph.investigate(EntityRef.role(ROLE_ID), SCOPE);
        assertEquals("IAM_ROLE", role.entityType());
        assertTrue(role.indicators(IndicatorType.TTP_OBSERVED).stream()
                .anyMatch(i -> "DeleteTrail".equals(((TtpObserved) i.detail()).apiName())), role.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> graph.investigate(EntityRef.roleSession(ROLE_ID, "ci"), SCOPE));
        assertTrue(e.getMessage().contains("AwsRole/" + ROLE_ID), e.getMessage());
    }
}
