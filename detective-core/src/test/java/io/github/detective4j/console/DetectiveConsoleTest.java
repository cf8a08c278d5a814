package io.github.detective4j.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.model.Severity;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DetectiveConsoleTest {
    private static final DetectiveConsole CONSOLE = new DetectiveConsole("us-east-1");
    private static final ScopeTime SCOPE = ScopeTime.of(Instant.parse("2019-03-18T00:00:00Z"),
            Instant.parse("2019-03-18T12:00:00Z"));

    @Test
    void detectivesOwnExample() {
        assertEquals("https://console.aws.amazon.com/detective/home?region=us-east-1#entities/IpAddress/192.168.1.1"
                + "?scopeStart=1552867200&scopeEnd=1552910400",
                CONSOLE.entity(EntityRef.ipAddress("192.168.1.1"), SCOPE));
    }

    @Test
    void aUserAgentCannotChangeWhereTheLinkLeads() {
        String agent = "aws-cli/1.16.300 Python/2.7.16 #x?y&scopeStart=0";
        String link = CONSOLE.entity(EntityRef.userAgent(agent), SCOPE);
        assertTrue(link.contains("#entities/UserAgent/aws-cli%2F1.16.300%20Python%2F2.7.16%20%23x%3Fy%26scopeStart%3D0"
                + "?scopeStart=1552867200&scopeEnd=1552910400"), link);
        assertEquals(1, link.split("scopeStart=", -1).length - 1, "one scopeStart= in the whole link: ours");
        assertTrue(CONSOLE.entity(EntityRef.userAgent(".."), SCOPE).contains("#entities/UserAgent/%2E%2E?"),
                "a dot segment a router would resolve");
        URI uri = URI.create(link);   // a valid URI, whose fragment decodes back to the agent
        assertEquals("entities/UserAgent/" + agent + "?scopeStart=1552867200&scopeEnd=1552910400",
                uri.getFragment().replace("%2F", "/"));
    }

    @Test
    void anUnpairedSurrogateBecomesTheReplacementCharacterInsteadOfFailingTheLink() {
        // CloudTrail JSON may escape half a surrogate pair, "aws-cli\ud800x": the reader keeps the agent as logged.
        String link = CONSOLE.entity(EntityRef.userAgent("aws-cli/2.13.5 \ud800x\udc00"), SCOPE);
        assertTrue(link.contains("#entities/UserAgent/aws-cli%2F2.13.5%20%EF%BF%BDx%EF%BF%BD?scopeStart="), link);
        assertTrue(CONSOLE.entity(EntityRef.userAgent("emoji \ud83d\ude00 kept"), SCOPE)
                .contains("/emoji%20%F0%9F%98%80%20kept?"), "a pair is one code point, escaped as such");
        assertTrue(new DetectiveConsole("us-east-1\udbff").entity(EntityRef.ipAddress("192.168.1.1"), SCOPE)
                .startsWith("https://console.aws.amazon.com/detective/home?region=us-east-1%EF%BF%BD#"));
    }

    @Test
    void roleSessionsKeepTheirColon() {
        assertTrue(CONSOLE.entity(EntityRef.roleSession("AROAJ45Q7YFFAREXAMPLE", "alice"), SCOPE)
                .contains("#entities/AwsRoleSession/AROAJ45Q7YFFAREXAMPLE:alice?"));
    }

    @Test
    void guardDutyFindingsOverTheirOwnScopeAndNoOtherProvider() {
        Finding.Builder finding = Finding.builder().id("c2b98b95c5440025c05b405065ed3bb9")
                .type("CryptoCurrency:EC2/BitcoinTool.B").severity(Severity.ofGuardDuty(8))
                .observed(Instant.parse("2026-11-19T04:10:00Z"), Instant.parse("2026-11-27T23:50:00Z"))
                .entities(List.of(EntityRef.ec2Instance("i-08a8e40be65425909")));
        assertEquals(Optional.of("https://console.aws.amazon.com/detective/home?region=us-east-1"
                + "#findings/GuardDuty/c2b98b95c5440025c05b405065ed3bb9?scopeStart="
                + Instant.parse("2026-11-19T04:00:00Z").getEpochSecond() + "&scopeEnd="
                + Instant.parse("2026-11-28T00:00:00Z").getEpochSecond()),
                CONSOLE.finding(finding.sourceProduct("GuardDuty").build()));
        assertEquals(Optional.empty(), CONSOLE.finding(finding.sourceProduct("Inspector").build()));
        assertThrows(IllegalArgumentException.class,
                () -> CONSOLE.entity(EntityRef.finding("c2b98b95c5440025c05b405065ed3bb9"), SCOPE));
    }
}
