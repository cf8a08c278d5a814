package io.github.detective4j.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Two or more builds of detective4j measured in one JVM, their rounds alternating, over one {@link ScaleCorpus}: a
 * machine whose speed moves by half within an hour then moves every build's figures alike, where separate JVMs, even
 * interleaved, compare one moment's speed with another's. Each build gets a class loader of its own (its jar, or any
 * class path), and runs the same round in each ({@link AlternateRound}); the order of the builds reverses every
 * round. Prints, for each build, the median and range of the rounds after the first {@code --skip}: wall time, the
 * calling thread's CPU time and the process's.
 *
 * <pre>
 * java -Xms12g -Xmx12g -jar benchmarks/target/benchmarks.jar alternate --mode load --rounds 13 before.jar after.jar
 * </pre>
 *
 * <p>Options: {@code --mode load|parse|ingest} (default {@code load}: the reader into a new graph; {@code parse}:
 * into a sink that counts; {@code ingest}: events parsed once beforehand by each build, into a new graph, which
 * keeps every build's events in memory, 334 MiB a build at 1M events), {@code --rounds R} (default 11),
 * {@code --skip K} (rounds left out of the figures while the JIT compiles; default 3), {@code --threads T} (the
 * reader's; default 2), {@code --glob G} (the corpus's files to read; default all), {@code --events N} (default
 * 1,000,000) and {@code --seed S} (default 42) for the corpus, {@code --dir PATH} (where it is written; default a
 * temporary folder, deleted afterwards). Builds are the other arguments: {@code benchmarks.jar} files, or class
 * paths ({@code :}-separated on Linux). Not for the build's tests to time: like JMH, a tool for a person at a quiet
 * machine.
 */
final class Alternate {
    private static final List<String> MODES = List.of("load", "parse", "ingest");

    private Alternate() {}

    /** A build: where its classes are, and its round. */
    private record Build(String name, Method round) {}

    /**
     * Runs the rounds and prints the figures.
     *
     * @param args the options above, then the builds
     * @throws Exception when the corpus cannot be written or a round fails
     */
    static void main(String[] args) throws Exception {
        Options options = Options.parse(args, List.of("--mode", "--rounds", "--skip", "--threads", "--glob",
                "--events", "--seed", "--dir"), true);
        String mode = options.text("--mode", "load");
        int rounds = options.integer("--rounds", 11);
        int skip = options.integer("--skip", 3);
        int threads = options.integer("--threads", 2);
        String glob = options.text("--glob", "{cloudtrail,vpcflow,guardduty}/*");
        long events = options.count("--events", 1_000_000);
        long seed = options.count("--seed", 42);
        Path dir = options.path("--dir");
        List<String> builds = options.rest();
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("unknown mode " + mode + "; known: " + String.join(" ", MODES));
        }
        if (builds.isEmpty() || threads < 1 || skip < 0 || rounds <= skip) {
            throw new IllegalArgumentException("give at least one build, at least one thread, and more rounds than"
                    + " --skip (at least 0)");
        }
        boolean temporary = dir == null;
        Path root = temporary ? Files.createTempDirectory("detective4j-alternate") : dir;
        try {
            ScaleCorpus.Written corpus = ScaleCorpus.write(root.resolve("corpus"), events, 60, seed, false);
            System.out.printf(Locale.ROOT, "%s of %s in a corpus of %,d events, %d rounds (the first %d left out),"
                    + " %d thread(s)%n", mode, glob, corpus.events(), rounds, skip, threads);
            run(mode, corpus.root().toString(), glob, threads, rounds, skip, builds);
        } finally {
            if (temporary) {
                Compare.delete(root);
            }
        }
    }

    /**
     * Runs the rounds over a corpus already written and prints each build's figures.
     *
     * @return each build's events read per round, in the order given, for the build's own test
     */
    static long[] run(String mode, String root, String glob, int threads, int rounds, int skip, List<String> paths)
            throws Exception {
        List<RoundLoader> loaders = new ArrayList<>();
        try {
            List<Build> builds = new ArrayList<>();
            for (String path : paths) {
                RoundLoader loader = new RoundLoader(path);
                loaders.add(loader);
                builds.add(new Build(path, loader.loadClass(AlternateRound.class.getName())
                        .getMethod("run", String.class, String.class, String.class, int.class)));
            }
            return run(builds, mode, root, glob, threads, rounds, skip);
        } finally {
            for (RoundLoader loader : loaders) {
                loader.close(); // its jars: the test's JVM lives on after the rounds
            }
        }
    }

    private static long[] run(List<Build> builds, String mode, String root, String glob, int threads, int rounds,
            int skip) throws Exception {
        int n = builds.size();
        double[][][] figures = new double[n][3][rounds];
        long[] events = new long[n];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < n; k++) {
                int b = r % 2 == 0 ? k : n - 1 - k;
                long[] round = round(builds.get(b), mode, root, glob, threads);
                events[b] = round[0];
                for (int f = 0; f < 3; f++) {
                    figures[b][f][r] = round[f + 1] / 1e9;
                }
                System.gc(); // the last round's graph is garbage: not the next round's to collect
            }
        }
        for (int b = 0; b < n; b++) {
            System.out.printf(Locale.ROOT, "%s: %,d events; wall %s, calling thread %s, process %s (s)%n",
                    builds.get(b).name(), events[b], median(figures[b][0], skip), median(figures[b][1], skip),
                    median(figures[b][2], skip));
        }
        return events;
    }

    private static long[] round(Build build, String mode, String root, String glob, int threads) throws Exception {
        try {
            return (long[]) build.round().invoke(null, mode, root, glob, threads);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** "median (least to most)" of the rounds after the first {@code skip}. */
    static String median(double[] rounds, int skip) {
        double[] kept = Arrays.copyOfRange(rounds, skip, rounds.length);
        Arrays.sort(kept);
        int half = kept.length / 2;
        double median = kept.length % 2 == 1 ? kept[half] : (kept[half - 1] + kept[half]) / 2;
        return String.format(Locale.ROOT, "%.3f (%.3f to %.3f)", median, kept[0], kept[kept.length - 1]);
    }

    /**
     * A build's classes, and {@link AlternateRound} as this jar has it: defined here rather than taken from the build,
     * so that every build runs the same round, builds from before the round existed included.
     */
    static final class RoundLoader extends URLClassLoader {
        RoundLoader(String classPath) {
            super(urls(classPath), ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.equals(AlternateRound.class.getName())) {
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    return loaded != null ? loaded : define(name);
                }
            }
            return super.loadClass(name, resolve);
        }

        private Class<?> define(String name) throws ClassNotFoundException {
            try (InputStream in = AlternateRound.class.getResourceAsStream(AlternateRound.class.getSimpleName()
                    + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }

        private static URL[] urls(String classPath) {
            String[] parts = classPath.split(File.pathSeparator);
            URL[] urls = new URL[parts.length];
            for (int i = 0; i < parts.length; i++) {
                Path part = Path.of(parts[i]);
                if (!Files.exists(part)) {
                    throw new IllegalArgumentException("no such build: " + part);
                }
                try {
                    urls[i] = part.toUri().toURL();
                } catch (MalformedURLException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return urls;
        }
    }
}
