package io.github.detective4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntityRefTest {

    /** One well-formed id per type, with the text form it must print. */
    static Stream<Arguments> oneRefPerType() {
        return Stream.of(
                Arguments.of(EntityType.AWS_ACCOUNT, "111122223333", "AwsAccount/111122223333"),
                Arguments.of(EntityType.AWS_USER, "AIDACKCEVSQ6C2EXAMPLE", "AwsUser/AIDACKCEVSQ6C2EXAMPLE"),
                Arguments.of(EntityType.AWS_ROLE, "AROAJ45Q7YFFAREXAMPLE", "AwsRole/AROAJ45Q7YFFAREXAMPLE"),
                Arguments.of(EntityType.AWS_ROLE_SESSION, "AROAJ45Q7YFFAREXAMPLE:alice",
                        "AwsRoleSession/AROAJ45Q7YFFAREXAMPLE:alice"),
                Arguments.of(EntityType.FEDERATED_USER, "111122223333:bob", "FederatedUser/111122223333:bob"),
                Arguments.of(EntityType.EC2_INSTANCE, "i-08a8e40be65425909", "Ec2Instance/i-08a8e40be65425909"),
                Arguments.of(EntityType.IP_ADDRESS, "104.16.1.42", "IpAddress/104.16.1.42"),
                Arguments.of(EntityType.USER_AGENT, "aws-cli/1.16.300 Python/3.8",
                        "UserAgent/aws-cli/1.16.300 Python/3.8"),
                Arguments.of(EntityType.S3_BUCKET, "my-bucket", "S3Bucket/my-bucket"),
                Arguments.of(EntityType.FINDING, "c2b98b95c5440025c05b405065ed3bb9",
                        "findings/c2b98b95c5440025c05b405065ed3bb9"),
                Arguments.of(EntityType.FINDING_GROUP, "7b1f3c2e-5d4a-4f1b-9c8e-0a1b2c3d4e5f",
                        "FindingGroup/7b1f3c2e-5d4a-4f1b-9c8e-0a1b2c3d4e5f"));
    }

    @Test
    void aRoleSessionKnowsItsRoleFromItsId() {
        assertEquals(java.util.Optional.of(EntityRef.role("AROAJ45Q7YFFAREXAMPLE")),
                EntityRef.roleSession("AROAJ45Q7YFFAREXAMPLE", "i-08a8e40be65425909").issuingRole());
        assertEquals(java.util.Optional.of(EntityRef.role("AROAJ45Q7YFFAREXAMPLE")),
                EntityRef.parse("AwsRoleSession/AROAJ45Q7YFFAREXAMPLE:alice@example.com:x").issuingRole(),
                "the first colon ends the role's id");
        assertEquals(java.util.Optional.empty(), EntityRef.role("AROAJ45Q7YFFAREXAMPLE").issuingRole());
    }

    @Test
    void samplesCoverEveryType() {
        Set<EntityType> covered = EnumSet.noneOf(EntityType.class);
        oneRefPerType().forEach(arguments -> covered.add((EntityType) arguments.get()[0]));
        assertEquals(EnumSet.allOf(EntityType.class), covered);
    }

    @ParameterizedTest
    @MethodSource("oneRefPerType")
    void toStringAndParseRoundTripForEveryType(EntityType type, String id, String text) {
        EntityRef ref = EntityRef.of(type, id);
        assertEquals(type, ref.type());
        assertEquals(id, ref.id());
        assertEquals(text, ref.toString());
        EntityRef parsed = EntityRef.parse(text);
        assertEquals(ref, parsed);
        assertEquals(ref.hashCode(), parsed.hashCode());
        assertEquals(text, parsed.toString());
        assertEquals(ref, new EntityRef(type, id));
    }

    @ParameterizedTest
    @MethodSource("oneRefPerType")
    void typedFactoryBuildsTheSameRefAsOf(EntityType type, String id, String text) {
        EntityRef typed = switch (type) {
            case AWS_ACCOUNT -> EntityRef.account(id);
            case AWS_USER -> EntityRef.user(id);
            case AWS_ROLE -> EntityRef.role(id);
            case AWS_ROLE_SESSION -> EntityRef.roleSession(id.substring(0, id.indexOf(':')),
                    id.substring(id.indexOf(':') + 1));
            case FEDERATED_USER -> EntityRef.federatedUser(id);
            case EC2_INSTANCE -> EntityRef.ec2Instance(id);
            case IP_ADDRESS -> EntityRef.ipAddress(id);
            case USER_AGENT -> EntityRef.userAgent(id);
            case S3_BUCKET -> EntityRef.s3Bucket(id);
            case FINDING -> EntityRef.finding(id);
            case FINDING_GROUP -> EntityRef.findingGroup(id);
        };
        assertEquals(EntityRef.of(type, id), typed);
        assertEquals(text, typed.toString());
    }

    @Test
    void roleSessionJoinsRoleIdAndSessionNameWithAColon() {
        EntityRef session = EntityRef.roleSession("AROAJ45Q7YFFAREXAMPLE", "alice");
        assertEquals(EntityType.AWS_ROLE_SESSION, session.type());
        assertEquals("AROAJ45Q7YFFAREXAMPLE:alice", session.id());
        assertEquals("AwsRoleSession/AROAJ45Q7YFFAREXAMPLE:alice", session.toString());
    }

    @Test
    void userAgentIdKeepsItsSlashesAndSpaces() {
        EntityRef ref = EntityRef.parse("UserAgent/aws-cli/1.16.300 Python/3.8");
        assertEquals(EntityType.USER_AGENT, ref.type());
        assertEquals("aws-cli/1.16.300 Python/3.8", ref.id());
        assertEquals("UserAgent/aws-cli/1.16.300 Python/3.8", ref.toString());
    }

    @Test
    void namespaceEndsAtTheFirstSlash() {
        EntityRef ref = EntityRef.parse(
                "findings/arn:aws:securityhub:us-east-1:111122223333:subscription/aws-foundational/v/1.0.0/IAM.1");
        assertEquals(EntityType.FINDING, ref.type());
        assertEquals("arn:aws:securityhub:us-east-1:111122223333:subscription/aws-foundational/v/1.0.0/IAM.1",
                ref.id());
        assertEquals(EntityRef.userAgent("/"), EntityRef.parse("UserAgent//"));
        assertEquals("/", EntityRef.parse("UserAgent//").id());
    }

    @Test
    void parseAcceptsAnyCharSequence() {
        assertEquals(EntityRef.ipAddress("104.16.1.42"), EntityRef.parse(new StringBuilder("IpAddress/104.16.1.42")));
    }

    // ---- malformed text -------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"IpAddress104.16.1.42", "", "AwsUser", "AIDACKCEVSQ6C2EXAMPLE"})
    void refWithoutSlashIsRejected(String text) {
        Expect.illegalArgument(() -> EntityRef.parse(text), "'" + text + "'", "<namespace>/<id>");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ipaddress/1.2.3.4 | ipaddress",
        "IPADDRESS/1.2.3.4 | IPADDRESS",
        "Host/example.com | Host",
        "Finding/abc | Finding",
        "awsuser/AIDACKCEVSQ6C2EXAMPLE | awsuser",
    })
    void unknownOrWronglyCasedNamespaceIsRejected(String text, String namespace) {
        Expect.illegalArgument(() -> EntityRef.parse(text), "unknown entity namespace '" + namespace + "'",
                "IpAddress");
    }

    @Test
    void emptyNamespaceIsRejected() {
        Expect.illegalArgument(() -> EntityRef.parse("/1.2.3.4"), "unknown entity namespace ''");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "AwsUser/ | AwsUser id must have 1 to 1024 characters, had 0",
        "AwsRole/ | AwsRole id must have 1 to 1024 characters, had 0",
        "AwsRoleSession/ | AwsRoleSession id must have 1 to 1024 characters, had 0",
        "FederatedUser/ | FederatedUser id must have 1 to 1024 characters, had 0",
        "findings/ | findings id must have 1 to 1024 characters, had 0",
        "FindingGroup/ | FindingGroup id must have 1 to 1024 characters, had 0",
        "UserAgent/ | UserAgent id must not be empty",
        "AwsAccount/ | AwsAccount id must be a 12-digit AWS account id, was ''",
        "IpAddress/ | IpAddress id '' is not an IPv4 or IPv6 address literal",
        "Ec2Instance/ | Ec2Instance id ''",
        "S3Bucket/ | S3Bucket id ''",
    })
    void emptyIdIsRejectedForEveryType(String text, String message) {
        Expect.illegalArgument(() -> EntityRef.parse(text), message);
    }

    @Test
    void nullsAreRejectedNamingWhatIsMissing() {
        Expect.nullPointer(() -> EntityRef.parse(null), "entity reference must not be null");
        Expect.nullPointer(() -> new EntityRef(null, "x"), "entity type must not be null");
        Expect.nullPointer(() -> EntityRef.of(EntityType.AWS_USER, null), "AwsUser id must not be null");
        Expect.nullPointer(() -> EntityRef.ipAddress(null), "IpAddress id must not be null");
        Expect.nullPointer(() -> EntityRef.roleSession(null, "alice"), "role principal id must not be null");
        Expect.nullPointer(() -> EntityRef.roleSession("AROAX", null), "role session name must not be null");
    }

    // ---- accounts -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"11112222333", "1111222233334", "11112222333a", "1111-2222-3333", " 111122223333",
        "111122223333 ", "\uff11\uff11\uff11\uff11\uff12\uff12\uff12\uff12\uff13\uff13\uff13\uff13"})
    void accountIdMustBeTwelveAsciiDigits(String id) {
        Expect.illegalArgument(() -> EntityRef.account(id), "AwsAccount id", "12-digit", "'" + id + "'");
        Expect.illegalArgument(() -> EntityRef.parse("AwsAccount/" + id), "12-digit");
    }

    @Test
    void accountIdOfZerosIsWellFormed() {
        assertEquals("000000000000", EntityRef.account("000000000000").id());
    }

    // ---- instances ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"i-XYZ", "i-08A8E40BE65425909", "I-08a8e40be65425909", "08a8e40be65425909",
        "i-1234567", "i-123456789", "i-0123456789abcdef", "i-0123456789abcdef01", "i-1234567g", "i_12345678",
        "i-12345678 ", "i-"})
    void malformedInstanceIdIsRejected(String id) {
        Expect.illegalArgument(() -> EntityRef.ec2Instance(id), "Ec2Instance id '" + id + "'",
                "'i-' followed by 8 or 17 lower-case hexadecimal digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"i-1234abcd", "i-08a8e40be65425909", "i-00000000", "i-ffffffffffffffff0"})
    void instanceIdOfEightOrSeventeenHexDigitsIsAccepted(String id) {
        assertEquals(id, EntityRef.ec2Instance(id).id());
    }

    // ---- role sessions --------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"AROAJ45Q7YFFAREXAMPLE", ":alice", "AROAJ45Q7YFFAREXAMPLE:", ":"})
    void roleSessionNeedsBothPartsAroundTheColon(String id) {
        Expect.illegalArgument(() -> EntityRef.of(EntityType.AWS_ROLE_SESSION, id),
                "AwsRoleSession id '" + id + "'", "<rolePrincipalId>:<sessionName>");
    }

    @Test
    void roleSessionFactoryRejectsBlankParts() {
        Expect.illegalArgument(() -> EntityRef.roleSession(" ", "alice"), "role principal id must not be blank");
        Expect.illegalArgument(() -> EntityRef.roleSession("AROAJ45Q7YFFAREXAMPLE", ""),
                "role session name must not be blank");
    }

    @Test
    void roleSessionNameMayItselfHoldColonsAndDots() {
        EntityRef ref = EntityRef.parse("AwsRoleSession/AROAJ45Q7YFFAREXAMPLE:botocore-session-1.2:x");
        assertEquals("AROAJ45Q7YFFAREXAMPLE:botocore-session-1.2:x", ref.id());
    }

    // ---- generic ids ----------------------------------------------------------------------------------------

    static Stream<Arguments> idsWithControlCharacters() {
        return Stream.of(
                Arguments.of("AIDA\u0000X", 4),
                Arguments.of("AIDA\nX", 4),
                Arguments.of("\u0000AIDA", 0),
                Arguments.of("AIDA\u007f", 4),
                Arguments.of("AI\u0085DA", 2),
                Arguments.of("A\u001bB", 1));
    }

    @ParameterizedTest
    @MethodSource("idsWithControlCharacters")
    void controlCharactersAreRejectedWithTheirIndex(String id, int index) {
        Expect.illegalArgument(() -> EntityRef.user(id),
                "AwsUser id must not hold control characters (one at index " + index + ")");
    }

    @Test
    void controlCharactersAreRejectedInEveryGenericType() {
        for (EntityType type : List.of(EntityType.AWS_USER, EntityType.AWS_ROLE, EntityType.AWS_ROLE_SESSION,
                EntityType.FEDERATED_USER, EntityType.FINDING, EntityType.FINDING_GROUP)) {
            Expect.illegalArgument(() -> EntityRef.of(type, "a:b\tc"),
                    type.namespace() + " id must not hold control characters (one at index 3)");
        }
    }

    @Test
    void unpairedSurrogatesAreRejectedInEveryGenericTypeWithTheirIndex() {
        for (EntityType type : List.of(EntityType.AWS_USER, EntityType.AWS_ROLE, EntityType.AWS_ROLE_SESSION,
                EntityType.FEDERATED_USER, EntityType.FINDING, EntityType.FINDING_GROUP)) {
            // as JSON escapes them: "a:b\ud800c", a low half first, and a high half at the very end
            for (String id : List.of("a:b\ud800c", "a:b\udc00\ud800c", "a:b\ud800")) {
                Expect.illegalArgument(() -> EntityRef.of(type, id),
                        type.namespace() + " id must be well-formed UTF-16 (an unpaired surrogate at index 3)");
            }
            assertEquals("a:b\ud83d\ude00c", EntityRef.of(type, "a:b\ud83d\ude00c").id(), "a pair is a character");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {" AIDA", "AIDA ", "\tAIDA", "AIDA\t", "AIDA\n", "\u3000AIDA", "AIDA\u2003", " "})
    void leadingOrTrailingWhiteSpaceIsRejected(String id) {
        Expect.illegalArgument(() -> EntityRef.user(id), "AwsUser id", "must not start or end with white space");
        Expect.illegalArgument(() -> EntityRef.parse("findings/" + id), "findings id",
                "must not start or end with white space");
    }

    @Test
    void innerWhiteSpaceIsAllowedInGenericIds() {
        assertEquals("a b", EntityRef.findingGroup("a b").id());
    }

    @Test
    void genericIdsHoldAtMost1024Characters() {
        String longest = "a".repeat(1024);
        assertEquals(longest, EntityRef.user(longest).id());
        assertEquals(EntityRef.user(longest), EntityRef.parse("AwsUser/" + longest));
        Expect.illegalArgument(() -> EntityRef.user(longest + "a"), "AwsUser id must have 1 to 1024 characters",
                "had 1025");
        Expect.illegalArgument(() -> EntityRef.roleSession("AROA", "s".repeat(1020)),
                "AwsRoleSession id must have 1 to 1024 characters", "had 1025");
    }

    @Test
    void userAgentsHoldAtMost4096Characters() {
        String longest = "Mozilla/5.0 " + "x".repeat(4096 - 12);
        assertEquals(4096, longest.length());
        assertEquals(longest, EntityRef.userAgent(longest).id());
        String padded = EntityRef.userAgent(longest + "y").id();
        assertEquals(4096, padded.length());
        assertTrue(padded.startsWith(longest.substring(0, 4079) + "\u2026"), padded);
        assertEquals(padded, EntityRef.parse("UserAgent/" + padded).id(), "a shortened id is an id");
        assertEquals(padded, EntityRef.userAgent(longest + "y").id(), "the same every time");
        assertNotEquals(padded, EntityRef.userAgent(longest + "z").id(), "the tail counts, through the hash");
        assertEquals(padded, EntityRef.userAgentId(longest + "y"), "the id alone, as the reference has it");
        assertSame(longest, EntityRef.userAgentId(longest));
        assertEquals(null, EntityRef.userAgentId(null));
        // sha256sum of 10,000 x's: e4ee97ec252749d2...
        assertEquals("x".repeat(4079) + "\u2026e4ee97ec252749d2", EntityRef.userAgent("x".repeat(10_000)).id());
        String emoji = "a".repeat(4078) + "\uD83D\uDE00".repeat(100);
        String cut = EntityRef.userAgent(emoji).id();
        assertEquals(4095, cut.length(), "never half an emoji");
        assertEquals("a".repeat(4078) + "\u2026", cut.substring(0, 4079));
    }

    @Test
    void longIdsAreAbbreviatedInMessages() {
        String bad = "i-" + "z".repeat(200);
        IllegalArgumentException e = Expect.illegalArgument(() -> EntityRef.ec2Instance(bad),
                "'" + bad.substring(0, 61) + "...'");
        assertTrue(e.getMessage().length() < 200, e.getMessage());
    }

    // ---- buckets --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"my bucket", "my/bucket", "b\u00fccket", "bucket!", "bucket*", "bucket:1", " bucket",
        "bucket\u0000"})
    void bucketNameWithOtherCharactersIsRejected(String id) {
        Expect.illegalArgument(() -> EntityRef.s3Bucket(id), "S3Bucket id '" + id + "'",
                "letters, digits, dots, hyphens or underscores");
    }

    @ParameterizedTest
    @ValueSource(strings = {"my-bucket", "My_Legacy.Bucket", "a", "logs.example.com", "0-9"})
    void bucketNamesOfLettersDigitsDotsHyphensAndUnderscoresAreAccepted(String id) {
        assertEquals(id, EntityRef.s3Bucket(id).id());
    }

    @Test
    void bucketNamesHoldAtMost255Characters() {
        String longest = "b".repeat(255);
        assertEquals(longest, EntityRef.s3Bucket(longest).id());
        Expect.illegalArgument(() -> EntityRef.s3Bucket(longest + "b"), "S3Bucket id", "1 to 255");
    }

    // ---- IP addresses ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "104.16.1.42 | 104.16.1.42",
        "2001:DB8:0:0:0:0:0:1 | 2001:db8::1",
        "2001:0db8:0000:0000:0000:0000:0000:0001 | 2001:db8::1",
        "::ffff:104.16.1.42 | 104.16.1.42",
        "::FFFF:6810:12A | 104.16.1.42",
        "0:0:0:0:0:0:0:1 | ::1",
        "2001:db8:0:0:1:0:0:1 | 2001:db8::1:0:0:1",
        "2001:db8:0:1:1:1:1:1 | 2001:db8:0:1:1:1:1:1",
        "2001:db8::1:1:1:1:1 | 2001:db8:0:1:1:1:1:1",
    })
    void ipAddressIdIsCanonical(String literal, String canonical) {
        EntityRef ref = EntityRef.ipAddress(literal);
        assertEquals(canonical, ref.id());
        assertEquals("IpAddress/" + canonical, ref.toString());
        assertEquals(ref, EntityRef.parse("IpAddress/" + literal));
        assertEquals(ref, EntityRef.ipAddress(canonical));
    }

    @Test
    void refsBuiltFromDifferentSpellingsAreEqual() {
        EntityRef a = EntityRef.ipAddress("2001:DB8::1");
        EntityRef b = EntityRef.parse("IpAddress/2001:0db8:0:0:0:0:0:0001");
        EntityRef c = EntityRef.of(EntityType.IP_ADDRESS, "2001:db8:0::1");
        assertEquals(a, b);
        assertEquals(b, c);
        assertEquals(a.hashCode(), c.hashCode());
        assertEquals(0, a.compareTo(b));
        assertEquals(EntityRef.ipAddress("104.16.1.42"), EntityRef.ipAddress("::ffff:104.16.1.42"));
        assertEquals(1, new HashSet<>(List.of(a, b, c)).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ec2.amazonaws.com", "AWS Internal", "010.0.0.1", "256.1.1.1", "fe80::1%eth0",
        "[::1]", "1.2.3"})
    void nonLiteralIpAddressIsRejected(String literal) {
        Expect.illegalArgument(() -> EntityRef.ipAddress(literal),
                "IpAddress id '" + literal + "' is not an IPv4 or IPv6 address literal");
    }

    // ---- equality and order ---------------------------------------------------------------------------------

    @Test
    void idsOtherThanIpAddressesAreCaseSensitive() {
        assertNotEquals(EntityRef.user("AIDAEXAMPLE"), EntityRef.user("aidaexample"));
        assertNotEquals(EntityRef.userAgent("Boto3"), EntityRef.userAgent("boto3"));
    }

    @Test
    void sameIdOfDifferentTypesIsADifferentEntity() {
        assertNotEquals(EntityRef.user("111122223333"), EntityRef.account("111122223333"));
        assertNotEquals(EntityRef.finding("abc"), EntityRef.findingGroup("abc"));
    }

    @Test
    void compareToOrdersByTypeThenById() {
        EntityRef account = EntityRef.account("111122223333");
        EntityRef user = EntityRef.user("AIDACKCEVSQ6C2EXAMPLE");
        EntityRef instance = EntityRef.ec2Instance("i-08a8e40be65425909");
        EntityRef ip10 = EntityRef.ipAddress("10.0.0.10");
        EntityRef ip2 = EntityRef.ipAddress("10.0.0.2");
        EntityRef ip6 = EntityRef.ipAddress("2001:db8::1");
        EntityRef finding = EntityRef.finding("0001");
        EntityRef group = EntityRef.findingGroup("0000");

        List<EntityRef> refs = new ArrayList<>(List.of(group, ip2, finding, ip6, instance, user, ip10, account));
        refs.sort(null);
        assertEquals(List.of(account, user, instance, ip10, ip2, ip6, finding, group), refs);

        assertTrue(account.compareTo(user) < 0);
        assertTrue(user.compareTo(account) > 0);
        assertTrue(ip10.compareTo(ip2) < 0, "ids compare as text");
        assertEquals(0, ip2.compareTo(EntityRef.ipAddress("::ffff:10.0.0.2")));
    }

    @Test
    void ofIsTheCanonicalConstructor() {
        EntityRef ref = EntityRef.of(EntityType.S3_BUCKET, "my-bucket");
        assertEquals(new EntityRef(EntityType.S3_BUCKET, "my-bucket"), ref);
        assertSame(EntityType.S3_BUCKET, ref.type());
    }
}
