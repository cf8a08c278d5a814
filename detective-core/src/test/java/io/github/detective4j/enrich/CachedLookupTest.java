package io.github.detective4j.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** GeoLocator.cached, AsnResolver.cached and none(). */
class CachedLookupTest {
    private static final Geolocation PLACE = new Geolocation("Ashburn", "Virginia", "US", null, 39.0437, -77.4875);

    /** A locator that knows 3.x.x.x and counts the questions it is asked, per address. */
    private static final class Counting implements GeoLocator {
        final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();

        @Override
        public Optional<Geolocation> locate(String ipAddress) {
            asked.computeIfAbsent(ipAddress, a -> new AtomicInteger()).incrementAndGet();
            return ipAddress.startsWith("3.") ? Optional.of(PLACE) : Optional.empty();
        }

        int times(String ipAddress) {
            AtomicInteger count = asked.get(ipAddress);
            return count == null ? 0 : count.get();
        }
    }

    @Test
    void asksOncePerAddressEmptyAnswersToo() {
        Counting delegate = new Counting();
        GeoLocator cached = GeoLocator.cached(delegate, 100);
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.of(PLACE), cached.locate("3.85.201.17"));
            assertEquals(Optional.empty(), cached.locate("8.8.8.8"));
        }
        assertEquals(1, delegate.times("3.85.201.17"));
        assertEquals(1, delegate.times("8.8.8.8"));
    }

    @Test
    void asksWithCanonicalTextSoOneAddressIsOneEntry() {
        Counting delegate = new Counting();
        GeoLocator cached = GeoLocator.cached(delegate, 100);
        cached.locate("2406:DA14:0:0:0:0:0:1");
        cached.locate("2406:da14::1");
        cached.locate("::ffff:3.85.201.17");
        assertEquals(Optional.of(PLACE), cached.locate("3.85.201.17"));
        assertEquals(Map.of("2406:da14::1", 1, "3.85.201.17", 1), Map.of(
                "2406:da14::1", delegate.times("2406:da14::1"), "3.85.201.17", delegate.times("3.85.201.17")));
        assertEquals(2, delegate.asked.size());
    }

    @Test
    void neverAsksAboutSpecialAddressesOrText() {
        GeoLocator cached = GeoLocator.cached(ip -> fail("asked about " + ip), 100);
        for (String text : new String[] {"10.0.0.1", "169.254.169.254", "fd00:ec2::254", "::1", "ec2.amazonaws.com",
            "", null}) {
            assertEquals(Optional.empty(), cached.locate(text));
        }
        AsnResolver asns = AsnResolver.cached(ip -> fail("asked about " + ip), 100);
        assertEquals(Optional.empty(), asns.resolve("192.168.1.1"));
    }

    @Test
    void holdsAtMostMaxEntries() {
        Counting delegate = new Counting();
        GeoLocator cached = GeoLocator.cached(delegate, 10);
        for (int i = 0; i < 100; i++) {
            cached.locate("3.0.0." + i);
        }
        cached.locate("3.0.0.0"); // the first asked, never asked again since: long gone
        assertEquals(2, delegate.times("3.0.0.0"));
        int again = 0;
        for (int i = 0; i < 100; i++) {
            int before = delegate.times("3.0.0." + i);
            cached.locate("3.0.0." + i);
            again += delegate.times("3.0.0." + i) - before;
        }
        assertTrue(again >= 90, "only " + again + " of 100 addresses were asked again; the cache holds 10");
    }

    @Test
    void throwsOnWhatTheDelegateThrowsAndDoesNotRememberIt() {
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException failure = new IllegalStateException("service down");
        GeoLocator cached = GeoLocator.cached(ip -> {
            if (calls.incrementAndGet() == 1) {
                throw failure;
            }
            return Optional.of(PLACE);
        }, 10);
        assertSame(failure, assertThrows(IllegalStateException.class, () -> cached.locate("3.85.201.17")));
        assertEquals(Optional.of(PLACE), cached.locate("3.85.201.17"));
        assertEquals(2, calls.get());
        GeoLocator broken = GeoLocator.cached(ip -> null, 10);
        assertEquals("the delegate answered null, not an Optional, for 3.85.201.17",
                assertThrows(NullPointerException.class, () -> broken.locate("3.85.201.17")).getMessage());
    }

    @Test
    void checksItsArguments() {
        assertThrows(IllegalArgumentException.class, () -> GeoLocator.cached(GeoLocator.none(), 0));
        assertThrows(IllegalArgumentException.class, () -> AsnResolver.cached(AsnResolver.none(), -1));
        assertThrows(NullPointerException.class, () -> GeoLocator.cached(null, 10));
        assertThrows(NullPointerException.class, () -> AsnResolver.cached(null, 10));
    }

    @Test
    void asnResolversAreCachedTheSameWay() {
        AtomicInteger calls = new AtomicInteger();
        AsnResolver cached = AsnResolver.cached(ip -> {
            calls.incrementAndGet();
            return Optional.of(new Asn(14618, "Amazon.com, Inc."));
        }, 10);
        assertEquals("AS14618 Amazon.com, Inc.", cached.resolve("3.85.201.17").orElseThrow().toString());
        cached.resolve("::ffff:3.85.201.17");
        assertEquals(1, calls.get());
    }

    @Test
    void noneKnowsNothing() {
        for (String text : new String[] {"8.8.8.8", "2001:4860:4860::8888", "10.0.0.1", "x", null}) {
            assertEquals(Optional.empty(), GeoLocator.none().locate(text));
            assertEquals(Optional.empty(), AsnResolver.none().resolve(text));
        }
    }

    @Test
    void threadsAskingAtOnceGetOneQuestionPerAddress() throws Exception {
        Counting delegate = new Counting();
        GeoLocator cached = GeoLocator.cached(delegate, 1_000);
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> found = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                found.add(pool.submit(() -> {
                    start.await();
                    int places = 0;
                    for (int round = 0; round < 20; round++) {
                        for (int i = 0; i < 50; i++) {
                            places += cached.locate((i % 2 == 0 ? "3.0.0." : "8.0.0.") + i).isPresent() ? 1 : 0;
                        }
                    }
                    return places;
                }));
            }
            start.countDown();
            for (Future<Integer> places : found) {
                assertEquals(20 * 25, places.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(50, delegate.asked.size());
        delegate.asked.forEach((address, times) -> assertEquals(1, times.get(), address));
    }
}
