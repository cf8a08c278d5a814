package io.github.detective4j.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KnownStringsTest {
    @Test
    void aStringIsKnownAsItselfNotByItsText() {
        KnownStrings known = new KnownStrings(64);
        String account = new String("111122223333".toCharArray());
        assertFalse(known.contains(account));
        known.add(account);
        assertTrue(known.contains(account));
        assertFalse(known.contains(new String("111122223333".toCharArray())), "an equal string is not the same one");
    }

    @Test
    void theLatestStringOfASlotHoldsIt() {
        KnownStrings known = new KnownStrings(1);
        known.add("a");
        known.add("b");
        assertTrue(known.contains("b"));
        assertFalse(known.contains("a"));
    }

    @Test
    void theSizeIsAPowerOfTwo() {
        Expect.illegalArgument(() -> new KnownStrings(48), "size must be a power of two, not 48");
    }

    @Test
    void anAccountIdIsCheckedUntilItPassed() {
        String shared = new String("111122223333".toCharArray());
        assertSame(shared, Require.accountId(shared, "accountId"));
        assertSame(shared, Require.accountId(shared, "accountId"));
        Expect.illegalArgument(() -> Require.accountId("11112222333x", "accountId"),
                "accountId must be a 12-digit AWS account id, was '11112222333x'");
    }
}
