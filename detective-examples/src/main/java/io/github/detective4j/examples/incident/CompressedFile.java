package io.github.detective4j.examples.incident;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a gzip file whose bytes depend on its content only: {@link GZIPOutputStream} puts no file name and a zero
 * modification time in the header, so the same content always gives the same file. Compression is the fastest
 * level: the files are written for tests, where time matters more than size.
 */
final class CompressedFile {
    /** What writes a file's content; it may close the stream it is given. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private CompressedFile() {}

    /**
     * Writes a file, creating its folders.
     *
     * @return the size of the file written
     */
    static long write(Path file, Content content) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = new FastGzip(new BufferedOutputStream(Files.newOutputStream(file)))) {
            content.writeTo(out);
        }
        return Files.size(file);
    }

    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
