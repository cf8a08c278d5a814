package io.github.detective4j.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.detective4j.model.IpAddresses;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The seams answer exactly the global addresses ({@link IpAddresses#isGlobal}, whose tests hold the ranges): a
 * table that knows every address answers those and no others, and a cache asks its delegate about no others.
 */
class SpecialAddressesAnswerEmptyTest {
    private static final Geolocation EVERYWHERE = new Geolocation("Somewhere", null, "US", null, 38.0, -97.0);
    private static final Asn ANYONE = new Asn(64496, "Everyone");
    private static final GeoTable CATCH_ALL = GeoTable.builder()
            .place("0.0.0.0/0", EVERYWHERE).place("::/0", EVERYWHERE)
            .asn("0.0.0.0/0", ANYONE).asn("::/0", ANYONE)
            .build();

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> v4 = Arbitraries.bytes().array(byte[].class).ofSize(4).map(IpAddresses::format);
        Arbitrary<String> v6 = Arbitraries.bytes().array(byte[].class).ofSize(16).map(IpAddresses::format);
        Arbitrary<String> special = Arbitraries.of("10.", "172.16.", "192.168.", "169.254.", "100.64.", "127.",
                "198.18.", "203.0.113.", "192.0.2.").flatMap(prefix -> Arbitraries.integers().between(0, 255)
                .list().ofSize(4 - prefix.split("\\.").length).map(rest -> prefix + String.join(".",
                        rest.stream().map(String::valueOf).toList())));
        Arbitrary<String> carriers = Arbitraries.of("2002:a00:1::", "2002:c0a8:101::1", "64:ff9b::a00:1",
                "64:ff9b::808:808", "::ffff:10.1.2.3", "::ffff:8.8.8.8", "2001:0:4136:e378:8000:63bf:3fff:fdd2",
                "fd00:ec2::254", "2001:db8::1");
        Arbitrary<String> text = Arbitraries.strings().withChars("0123456789abcdef:./%").ofMaxLength(20);
        return Arbitraries.oneOf(v4, v6, special, carriers, text);
    }

    @Property(tries = 2000)
    void aTableThatKnowsEveryAddressAnswersTheGlobalOnes(@ForAll("texts") String text) {
        boolean global = IpAddresses.isGlobal(text);
        assertEquals(global ? Optional.of(EVERYWHERE) : Optional.empty(), CATCH_ALL.locate(text), text);
        assertEquals(global ? Optional.of(ANYONE) : Optional.empty(), CATCH_ALL.resolve(text), text);
    }

    @Property(tries = 1000)
    void aCacheAsksAboutTheGlobalOnesOnly(@ForAll("texts") String text) {
        Set<String> asked = new HashSet<>();
        GeoLocator cached = GeoLocator.cached(ip -> {
            asked.add(ip);
            return Optional.of(EVERYWHERE);
        }, 10);
        boolean global = IpAddresses.isGlobal(text);
        assertEquals(global ? Optional.of(EVERYWHERE) : Optional.empty(), cached.locate(text), text);
        assertEquals(global ? Set.of(IpAddresses.normalize(text)) : Set.of(), asked, text);
    }

    @Example
    void nullAndTextThatIsNotAnAddressAreAnsweredEmpty() {
        for (String text : new String[] {null, "", "ec2.amazonaws.com", "010.0.0.1", "104.16.1.42/32", "[::1]"}) {
            assertEquals(Optional.empty(), CATCH_ALL.locate(text));
            assertEquals(Optional.empty(), CATCH_ALL.resolve(text));
        }
    }
}
