package io.github.detective4j.aws;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The worker threads of the readers that read several inputs at once, and how their failures come back. */
final class ReaderThreads {
    private ReaderThreads() {}

    /** A fixed pool of daemon threads: a caller that gives up on a read must not be kept alive by it. */
    static ExecutorService pool(String name, int threads) {
        AtomicInteger workers = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, name + "-" + workers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Waits for a shut-down pool's tasks to end, so that nothing reaches a sink after the read returns. */
    static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Throws what a worker failed with, as it was thrown, if anything. */
    static void rethrow(Throwable failure) throws IOException {
        if (failure == null) {
            return;
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(failure);
    }
}
