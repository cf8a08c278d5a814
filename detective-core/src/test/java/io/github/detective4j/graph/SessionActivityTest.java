package io.github.detective4j.graph;

import static io.github.detective4j.graph.Events.ACCOUNT;
import static io.github.detective4j.graph.Events.ALICE_ID;
import static io.github.detective4j.graph.Events.ROLE_ID;
import static io.github.detective4j.graph.Events.alice;
import static io.github.detective4j.graph.Events.call;
import static io.github.detective4j.graph.Events.hours;
import static io.github.detective4j.graph.Events.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.detective4j.json.DetectiveJson;
import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Principal;
import io.github.detective4j.model.PrincipalType;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.profile.SessionActivity;
import io.github.detective4j.profile.SessionStart;
import io.github.detective4j.report.Report;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sessions panel: who assumed a role, which sessions a principal started, who started a session. */
class SessionActivityTest {
    static final String BOB_ID = "AIDAEXAMPLEBOB000001";
    static final ScopeTime SCOPE = ScopeTime.of(hours(24), hours(48));
    BehaviorGraph graph;

    static Principal bob() {
        return Principal.builder(PrincipalType.IAM_USER).principalId(BOB_ID)
                .arn("arn:aws:iam::" + ACCOUNT + ":user/bob").accountId(ACCOUNT).userName("bob").build();
    }

    /** An AssumeRole of the deploy role, as the CloudTrail reader gives it: the role touched, the session started. */
    static ApiCall assume(Principal who, Instant when, String sessionName) {
        return ApiCall.builder().eventTime(when).accountId(ACCOUNT).region("us-east-1").principal(who)
                .eventSource("sts.amazonaws.com").eventName("AssumeRole").sourceIpAddress("203.0.113.10")
                .userAgent("aws-cli/2.13.5")
                .resources(List.of(new AwsResource(AwsResource.IAM_ROLE, "deploy",
                                "arn:aws:iam::" + ACCOUNT + ":role/deploy", AwsResource.Action.TOUCHED),
                        new AwsResource("AWS::STS::AssumedRoleSession", ROLE_ID + ":" + sessionName,
                                "arn:aws:sts::" + ACCOUNT + ":assumed-role/deploy/" + sessionName,
                                AwsResource.Action.CREATED)))
                .build();
    }

    @BeforeEach
    void ingest() {
        graph = BehaviorGraph.create();
        graph.accept(assume(alice(), hours(2), "old")); // before the scope
        graph.accept(call(session("old"), hours(3), "ListUsers", "203.0.113.10"));
        graph.accept(assume(alice(), hours(25), "release"));
        graph.accept(assume(bob(), hours(26), "release")); // the same session name, assumed again by bob
        for (int i = 0; i < 3; i++) {
            graph.accept(call(session("release"), hours(26).plusSeconds(60 + i), "ListRoles", "203.0.113.10"));
        }
        graph.accept(call(session("nightly"), hours(30), "GetUser", "198.51.100.7")); // started before the logs
    }

    @Test
    void aRolesPanelListsItsActiveSessionsAndWhoLastStartedThem() {
        SessionActivity panel = graph.profile(EntityRef.role(ROLE_ID), SCOPE).sessions().orElseThrow();
        assertEquals(List.of(EntityRef.roleSession(ROLE_ID, "release"), EntityRef.roleSession(ROLE_ID, "nightly")),
                panel.started().stream().map(SessionStart::session).toList(), "the old session was before the scope");
        SessionStart release = panel.started().get(0);
        assertEquals(EntityRef.user(BOB_ID), release.startedBy(), "bob started it last");
        assertEquals(EntityRef.role(ROLE_ID), release.role());
        assertEquals(5, release.success(), "its three calls and the two AssumeRole calls that started it");
        assertNull(panel.started().get(1).startedBy(), "no AssumeRole of it in the data");
        assertEquals(List.of(), panel.startedHere());
        assertTrue(panel.toString().contains("(not in the data)"), panel::toString);
        assertTrue(panel.toString().contains("AwsUser/" + BOB_ID), panel::toString);
    }

    /** A session name anyone may use again: a start after the scope is another session's, not this one's. */
    @Test
    void theStarterIsTheLastBeforeTheScopesEnd() {
        BehaviorGraph reused = BehaviorGraph.create();
        reused.accept(assume(alice(), hours(2), "x"));
        reused.accept(call(session("x"), hours(3), "ListUsers", "203.0.113.10"));
        reused.accept(assume(bob(), hours(40), "x"));
        SessionActivity panel = reused.profile(EntityRef.role(ROLE_ID), ScopeTime.of(hours(0), hours(24)))
                .sessions().orElseThrow();
        assertEquals(EntityRef.user(ALICE_ID), panel.started().get(0).startedBy(), panel::toString);
        SessionActivity later = reused.profile(EntityRef.role(ROLE_ID), ScopeTime.of(hours(24), hours(48)))
                .sessions().orElseThrow();
        assertEquals(EntityRef.user(BOB_ID), later.started().get(0).startedBy(), later::toString);
    }

    @Test
    void aUsersPanelListsTheSessionsItStartedInTheScope() {
        SessionActivity panel = graph.profile(EntityRef.user(ALICE_ID), SCOPE).sessions().orElseThrow();
        assertEquals(1, panel.startedHere().size(), panel.toString());
        SessionStart release = panel.startedHere().get(0);
        assertEquals(EntityRef.roleSession(ROLE_ID, "release"), release.session());
        assertEquals(EntityRef.user(ALICE_ID), release.startedBy());
        assertEquals(EntityRef.role(ROLE_ID), release.role());
        assertEquals(1, release.success(), "one AssumeRole in the scope");
        SessionActivity before = graph.profile(EntityRef.user(ALICE_ID), ScopeTime.of(hours(0), hours(24)))
                .sessions().orElseThrow();
        assertEquals(List.of(EntityRef.roleSession(ROLE_ID, "old")),
                before.startedHere().stream().map(SessionStart::session).toList());
    }

    @Test
    void aSessionsPanelListsWhoStartedIt() {
        SessionActivity panel = graph.profile(EntityRef.roleSession(ROLE_ID, "release"), SCOPE).sessions()
                .orElseThrow();
        assertEquals(List.of(EntityRef.user(BOB_ID), EntityRef.user(ALICE_ID)),
                panel.startedBy().stream().map(SessionStart::startedBy).toList(), "a tie, ordered by id");
        panel.startedBy().forEach(s -> assertEquals(1, s.total(), s.toString()));
        assertEquals(List.of(), panel.started());
    }

    @Test
    void thePanelIsInTheJsonAndTheReport() throws IOException {
        JsonNode json = new ObjectMapper().readTree(DetectiveJson.write(graph.profile(EntityRef.role(ROLE_ID),
                SCOPE)));
        JsonNode started = json.path("panels").path("sessions").path("started");
        assertEquals(2, started.size(), json.toString());
        assertEquals("AwsUser/" + BOB_ID, started.get(0).path("startedBy").asText(), started.toString());
        String html = Report.builder().build().render(graph.profile(EntityRef.role(ROLE_ID), SCOPE));
        assertTrue(html.contains("sessions of this role"), "the report shows it");
        assertTrue(graph.profile(EntityRef.account(ACCOUNT), SCOPE).sessions().isEmpty(), "an account has none");
    }
}
