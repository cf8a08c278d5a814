package io.github.detective4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeTextTest {

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x0a, 0x1b, 0x7f, 0x85, 0x9b, 0x9f, 0x2028, 0x2029, 0x202e, 0x2066, 0x061c, 0x200b,
            0x200d, 0x2060, 0xfeff, 0x00ad, 0xe0001, 0xd800, 0xdfff})
    void controlsSeparatorsFormatCharactersAndSurrogatesAreUnsafe(int codePoint) {
        assertTrue(SafeText.isUnsafe(codePoint), Integer.toHexString(codePoint));
    }

    /** What shows as nothing, so that one name can pass for another, though it is no format character. */
    @ParameterizedTest
    @ValueSource(ints = {0x3164, 0x115f, 0x1160, 0xffa0, 0x2800, 0x034f, 0xfe0f, 0xfe00, 0x17b4, 0x180b, 0xe0100,
            0x0378, 0x10ffff})
    void invisibleAndUnassignedCodePointsAreUnsafe(int codePoint) {
        assertTrue(SafeText.isUnsafe(codePoint), Integer.toHexString(codePoint));
    }

    @ParameterizedTest
    @ValueSource(ints = {' ', 'a', '\\', '"', '<', 0xa0, 0xe9, 0x436, 0x4e2d, 0x5d0, 0x1f600, 0x20000, 0xfffd,
            0x0301, 0x1100, 0x3131})
    void lettersOfEveryScriptSpacesAndEmojiAreNot(int codePoint) {
        assertFalse(SafeText.isUnsafe(codePoint), Integer.toHexString(codePoint));
    }

    @Test
    void escapesUnsafeCodePointsAndBackslashesAndKeepsTheRest() {
        assertEquals("ua\\u0085[main] ERROR\\u009b2J\\u202eevil \\\\u001b caf\u00e9 \ud83d\ude00 \\ud800x\\U000e0001",
                SafeText.escape("ua\u0085[main] ERROR\u009b2J\u202eevil \\u001b caf\u00e9 \ud83d\ude00 \ud800x"
                        + new String(Character.toChars(0xe0001))));
        assertEquals("plain", SafeText.escape("plain"));
        assertEquals("", SafeText.escape(null));
    }

    /** The events' text is what a sink logs: a hostile user agent or title must not forge a line or a title bar. */
    @Test
    void eventsPrintTheirStringsEscaped() {
        String hostile = "curl\u001b[2J\u001b[1;31mFAKE\nINFO ok \u202egnp.exe";
        Principal who = Principal.builder(PrincipalType.IAM_USER).principalId("AIDAJQABLZS4A3QDU576Q")
                .accountId("111122223333").userName("mallory\r\nroot").build();
        ApiCall call = ApiCall.builder().eventTime(java.time.Instant.parse("2026-11-20T03:00:00Z"))
                .accountId("111122223333").principal(who).eventSource("iam.amazonaws.com").eventName("ListUsers")
                .userAgent(hostile).errorCode("AccessDenied").errorMessage("x\r\ny")
                .resources(java.util.List.of(new AwsResource(AwsResource.IAM_USER, "bob\u0007", null,
                        AwsResource.Action.TOUCHED)))
                .build();
        String text = call.toString();
        assertTrue(text.startsWith("ApiCall[eventTime=2026-11-20T03:00:00Z, "), text);
        assertTrue(text.contains("userAgent=curl\\u001b[2J\\u001b[1;31mFAKE\\u000aINFO ok \\u202egnp.exe"), text);
        assertTrue(text.contains("userName=mallory\\u000d\\u000aroot"), text);
        assertTrue(text.contains("resources=[AwsResource[type=AWS::IAM::User, id=bob\\u0007, arn=null,"
                + " action=TOUCHED]]"), text);
        assertTrue(text.chars().noneMatch(SafeText::isUnsafe), text);
        Finding finding = Finding.builder().id("f1").type("Recon:EC2/PortProbeUnprotectedPort")
                .title("t\u001b]0;pwned\u0007").severity(Severity.ofGuardDuty(5))
                .observed(java.time.Instant.EPOCH, java.time.Instant.EPOCH).build();
        assertTrue(finding.toString().contains("title=t\\u001b]0;pwned\\u0007"), finding::toString);
        assertTrue(finding.toString().contains("severity=MEDIUM (5.0)"), finding::toString);
        // an entity id refuses control characters, not separators or bidi overrides
        Finding named = Finding.builder().id("f2").type("Recon:EC2/PortProbeUnprotectedPort")
                .severity(Severity.ofGuardDuty(5)).observed(java.time.Instant.EPOCH, java.time.Instant.EPOCH)
                .entities(java.util.List.of(EntityRef.federatedUser("111122223333:bob\u2028FAKE \u202eevil")))
                .build();
        assertTrue(named.toString().chars().noneMatch(SafeText::isUnsafe), named::toString);
        assertTrue(named.toString().contains("bob\\u2028FAKE \\u202eevil"), named::toString);
    }
}
