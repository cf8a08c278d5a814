package io.github.detective4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link IpNetwork} round-trips through its text and holds exactly the addresses that share its prefix, checked
 * against arithmetic on {@link BigInteger}s rather than against its own bit twiddling.
 */
class IpNetworkPropertyTest {

    /** A network from random bytes and a prefix, with the host bits as given (not yet cleared). */
    record Raw(byte[] bytes, int prefix) {
        @Override
        public String toString() {
            return IpAddresses.format(bytes) + "/" + prefix + (bytes.length == 16 ? " (16 bytes)" : "");
        }
    }

    @Provide
    Arbitrary<Raw> networks() {
        Arbitrary<Raw> v4 = Combinators.combine(Arbitraries.bytes().array(byte[].class).ofSize(4),
                Arbitraries.integers().between(0, 32)).as(Raw::new);
        Arbitrary<Raw> v6 = Combinators.combine(Arbitraries.bytes().array(byte[].class).ofSize(16),
                Arbitraries.integers().between(0, 128)).as(Raw::new);
        return Arbitraries.oneOf(v4, v6).filter(raw -> raw.bytes().length == 4 || !IpFormats.isV4Mapped(raw.bytes()));
    }

    @Property(tries = 3000)
    void parsingTheTextGivesAnEqualNetwork(@ForAll("networks") Raw raw) {
        IpNetwork network = new IpNetwork(raw.bytes(), raw.prefix());
        IpNetwork again = IpNetwork.parse(network.toString());
        assertEquals(network, again);
        assertEquals(network.hashCode(), again.hashCode());
        assertEquals(network.toString(), again.toString());
        assertEquals(network, IpNetwork.parse(IpAddresses.format(raw.bytes()) + "/" + raw.prefix()),
                "host bits in the text are cleared as the constructor clears them");
    }

    @Property(tries = 3000)
    void holdsExactlyTheAddressesThatShareItsPrefix(@ForAll("networks") Raw raw,
            @ForAll("networks") Raw other) {
        IpNetwork network = new IpNetwork(raw.bytes(), raw.prefix());
        String address = IpAddresses.format(other.bytes());
        boolean expected = raw.bytes().length == other.bytes().length
                && top(raw.bytes(), raw.prefix()).equals(top(other.bytes(), raw.prefix()));
        assertEquals(expected, network.contains(address), () -> network + " and " + address);
        assertTrue(network.contains(IpAddresses.format(raw.bytes())), "its own address, host bits and all");
    }

    @Property(tries = 2000)
    void flippingABitOfThePrefixLeavesTheNetwork(@ForAll("networks") Raw raw, @ForAll @IntRange(max = 127) int bit) {
        IpNetwork network = new IpNetwork(raw.bytes(), raw.prefix());
        byte[] address = network.address();
        int index = bit % (address.length * 8);
        address[index / 8] ^= (byte) (0x80 >>> (index % 8));
        assertEquals(index >= raw.prefix(), network.contains(IpAddresses.format(address)));
    }

    @Property(tries = 1000)
    void anIpv4MappedNetworkIsTheIpv4Network(@ForAll("networks") Raw raw) {
        if (raw.bytes().length != 4) {
            return;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(raw.bytes(), 0, mapped, 12, 4);
        IpNetwork v4 = new IpNetwork(raw.bytes(), raw.prefix());
        assertEquals(v4, new IpNetwork(mapped, raw.prefix() + 96));
        assertEquals(v4, IpNetwork.parse("::ffff:" + IpAddresses.format(raw.bytes()) + "/" + (raw.prefix() + 96)));
        assertFalse(v4.isIpv6());
        assertArrayEquals(v4.address(), IpAddresses.toBytes(v4.toString().substring(0, v4.toString().indexOf('/'))));
    }

    /** The first {@code prefix} bits of an address, as a number. */
    private static BigInteger top(byte[] address, int prefix) {
        return new BigInteger(1, address).shiftRight(address.length * 8 - prefix);
    }
}
