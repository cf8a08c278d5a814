package io.github.detective4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;

/**
 * {@code EntityRef.parse(ref.toString()).equals(ref)} for every entity type, over ids of each type's documented
 * shape.
 */
class EntityRefPropertyTest {

    /** Printable characters, none of them a control character; white space and '/' included. */
    private static Arbitrary<String> printable(int minLength, int maxLength) {
        return Arbitraries.strings()
                .withCharRange(' ', '~')
                .withCharRange('\u00a0', '\u024f')
                .withCharRange('\u2000', '\u206f')
                .withCharRange('\u3000', '\u30ff')
                .withCharRange('\u4e00', '\u4eff')
                .withCharRange('\ue000', '\ufffd')
                .ofMinLength(minLength)
                .ofMaxLength(maxLength);
    }

    /** Ids without a fixed shape: 1 to 1,024 printable characters, no white space at either end. */
    static Arbitrary<String> genericIds() {
        return Arbitraries.oneOf(printable(1, 80), printable(1000, 1024))
                .filter(s -> !Character.isWhitespace(s.charAt(0))
                        && !Character.isWhitespace(s.charAt(s.length() - 1)));
    }

    static Arbitrary<String> accountIds() {
        return Arbitraries.strings().numeric().ofLength(12);
    }

    static Arbitrary<String> instanceIds() {
        return Arbitraries.of(8, 17).flatMap(length -> Arbitraries.strings().withChars("0123456789abcdef")
                .ofLength(length)).map(hex -> "i-" + hex);
    }

    static Arbitrary<String> userAgents() {
        Arbitrary<String> cliLike = Combinators.combine(
                        Arbitraries.of("aws-cli", "Boto3", "aws-sdk-java", "console.amazonaws.com", "S3Console"),
                        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 400),
                        printable(0, 60))
                .as((name, major, minor, rest) -> name + "/" + major + "." + minor + " " + rest);
        return Arbitraries.oneOf(cliLike, printable(1, 200), printable(4000, 4096));
    }

    static Arbitrary<String> bucketNames() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withChars(".-_").ofMinLength(1).ofMaxLength(255);
    }

    static Arbitrary<String> roleSessions() {
        Arbitrary<String> roleIds = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9')
                .ofLength(17).map(s -> "AROA" + s);
        Arbitrary<String> sessionNames = Arbitraries.strings().alpha().numeric().withChars("_+=,.@-")
                .ofMinLength(2).ofMaxLength(64);
        Arbitrary<String> awsShaped = Combinators.combine(roleIds, sessionNames).as((id, name) -> id + ":" + name);
        Arbitrary<String> anyShaped = Combinators.combine(printable(1, 40), printable(1, 40))
                .as((id, name) -> id + ":" + name)
                .filter(s -> !Character.isWhitespace(s.charAt(0))
                        && !Character.isWhitespace(s.charAt(s.length() - 1)) && s.indexOf(':') > 0);
        return Arbitraries.oneOf(awsShaped, anyShaped);
    }

    /** Ids of the given type's shape, in the spelling a log would use. */
    static Arbitrary<String> idsOf(EntityType type) {
        return switch (type) {
            case AWS_ACCOUNT -> accountIds();
            case AWS_USER, AWS_ROLE, FEDERATED_USER, FINDING, FINDING_GROUP -> genericIds();
            case AWS_ROLE_SESSION -> roleSessions();
            case EC2_INSTANCE -> instanceIds();
            case IP_ADDRESS -> IpFormats.any().map(IpFormats.Spelling::text);
            case USER_AGENT -> userAgents();
            case S3_BUCKET -> bucketNames();
        };
    }

    @Provide
    Arbitrary<EntityRef> refs() {
        return Arbitraries.of(EntityType.class).flatMap(type -> idsOf(type).map(id -> EntityRef.of(type, id)));
    }

    @Property(tries = 3000)
    void parseReadsBackToStringForEveryType(@ForAll("refs") EntityRef ref) {
        Statistics.label("type").collect(ref.type());
        String text = ref.toString();
        assertEquals(ref.type().namespace() + "/" + ref.id(), text);
        EntityRef parsed = EntityRef.parse(text);
        assertEquals(ref, parsed);
        assertEquals(ref.hashCode(), parsed.hashCode());
        assertEquals(0, ref.compareTo(parsed));
        assertEquals(text, parsed.toString());

        Statistics.label("type").coverage(coverage -> {
            for (EntityType type : EntityType.values()) {
                coverage.check(type).count(count -> count >= 100);
            }
        });
    }

    @Property(tries = 1000)
    void idsAreAlreadyNormalized(@ForAll("refs") EntityRef ref) {
        assertEquals(ref, EntityRef.of(ref.type(), ref.id()));
        assertEquals(ref.id(), EntityRef.of(ref.type(), ref.id()).id());
    }

    @Property(tries = 1000)
    void idsOtherThanIpAddressesAreKeptAsGiven(@ForAll("nonIpIds") Tuple2<EntityType, String> typeAndId) {
        EntityRef ref = EntityRef.of(typeAndId.get1(), typeAndId.get2());
        assertEquals(typeAndId.get2(), ref.id());
        assertEquals(typeAndId.get1().namespace() + "/" + typeAndId.get2(), ref.toString());
    }

    @Provide
    Arbitrary<Tuple2<EntityType, String>> nonIpIds() {
        return Arbitraries.of(EntityType.class).filter(type -> type != EntityType.IP_ADDRESS)
                .flatMap(type -> idsOf(type).map(id -> Tuple.of(type, id)));
    }

    @Property(tries = 2000)
    void ipAddressRefsOfEverySpellingAreTheCanonicalAddress(@ForAll("spellings") IpFormats.Spelling spelling) {
        EntityRef ref = EntityRef.ipAddress(spelling.text());
        assertEquals(spelling.canonical(), ref.id());
        assertEquals(ref, EntityRef.parse("IpAddress/" + spelling.text()));
        assertEquals(ref, EntityRef.parse(ref.toString()));
        assertEquals(ref, EntityRef.ipAddress(spelling.canonical()));
    }

    @Provide
    Arbitrary<IpFormats.Spelling> spellings() {
        return IpFormats.any();
    }

    @Property(tries = 2000)
    void anyTextEitherParsesAndReadsBackOrIsRejectedWithIllegalArgument(@ForAll("texts") String text) {
        EntityRef ref;
        try {
            ref = EntityRef.parse(text);
        } catch (IllegalArgumentException rejected) {
            assertEquals(IllegalArgumentException.class, rejected.getClass());
            assertTrue(rejected.getMessage() != null && !rejected.getMessage().isEmpty());
            return;
        }
        assertEquals(ref, EntityRef.parse(ref.toString()));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> namespaces = Arbitraries.oneOf(
                Arbitraries.of(EntityType.class).map(EntityType::namespace),
                Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> ids = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(50),
                Arbitraries.strings().withChars("0123456789abcdefABCDEF:.%[]i- /").ofMaxLength(46));
        return Arbitraries.oneOf(
                Combinators.combine(namespaces, ids).as((namespace, id) -> namespace + "/" + id),
                Arbitraries.strings().all().ofMaxLength(60));
    }
}
