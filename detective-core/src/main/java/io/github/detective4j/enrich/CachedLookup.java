package io.github.detective4j.enrich;

import com.google.common.base.Throwables;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.util.concurrent.ExecutionError;
import com.google.common.util.concurrent.UncheckedExecutionException;
import io.github.detective4j.model.IpAddresses;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * The cache behind {@link GeoLocator#cached} and {@link AsnResolver#cached}: answers keyed by canonical address,
 * empty answers included; special addresses and non-literals are answered empty without asking the delegate.
 * Thread-safe; concurrent lookups of one uncached address ask the delegate once, the others wait for its answer.
 */
final class CachedLookup<V> {
    private final Function<String, Optional<V>> delegate;
    private final Cache<String, Optional<V>> answers;

    CachedLookup(Function<String, Optional<V>> delegate, long maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("a cache needs room for at least one entry; was " + maxEntries);
        }
        this.delegate = delegate;
        this.answers = CacheBuilder.newBuilder().maximumSize(maxEntries).build();
    }

    Optional<V> get(String ipAddress) {
        // Keys are canonical global addresses, so a hit needs neither check: the graph asks with canonical ids.
        Optional<V> known = ipAddress == null ? null : answers.getIfPresent(ipAddress);
        if (known != null) {
            return known;
        }
        if (!IpAddresses.isGlobal(ipAddress)) {
            return Optional.empty();
        }
        String canonical = IpAddresses.normalize(ipAddress);
        try {
            return answers.get(canonical, () -> Objects.requireNonNull(delegate.apply(canonical),
                    () -> "the delegate answered null, not an Optional, for " + canonical));
        } catch (ExecutionException | UncheckedExecutionException | ExecutionError e) {
            // Guava wraps what the delegate threw; hand it on as the delegate threw it.
            Throwables.throwIfUnchecked(e.getCause());
            throw new IllegalStateException(e.getCause());
        }
    }
}
