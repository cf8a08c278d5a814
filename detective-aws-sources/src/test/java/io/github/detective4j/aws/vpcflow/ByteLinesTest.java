package io.github.detective4j.aws.vpcflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link ByteLines} against a plain split of the same text, whatever sizes the input's reads come in. */
class ByteLinesTest {
    /** Hands out at most a random few bytes a read, as a network stream may. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private final SplittableRandom random;
        private final int most;
        private int at;

        Trickle(byte[] bytes, long seed, int most) {
            this.bytes = bytes;
            this.random = new SplittableRandom(seed);
            this.most = most;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, bytes.length - at), 1 + random.nextInt(most));
            System.arraycopy(bytes, at, b, off, n);
            at += n;
            return n;
        }
    }

    private record Line(String text, boolean tooLong, long number) {
    }

    private static List<Line> lines(InputStream in, int max) throws IOException {
        ByteLines lines = new ByteLines(in, max);
        List<Line> out = new ArrayList<>();
        while (lines.next()) {
            out.add(new Line(new String(lines.bytes(), lines.from(), lines.to() - lines.from(), StandardCharsets.UTF_8),
                    lines.lastLineTooLong(), lines.linesEnded()));
        }
        assertFalse(lines.next(), "the end stays the end");
        return out;
    }

    /** What the lines should be: split on '\n', a '\r' before it dropped, a line over the limit cut (its '\r' kept). */
    private static List<Line> expected(String text, int max) {
        List<Line> out = new ArrayList<>();
        String[] parts = text.split("\n", -1);
        int count = text.endsWith("\n") ? parts.length - 1 : parts.length;
        for (int i = 0; i < count; i++) {
            byte[] line = parts[i].getBytes(StandardCharsets.UTF_8);
            if (line.length > max) {
                out.add(new Line(new String(line, 0, max, StandardCharsets.UTF_8), true, i + 1));
            } else {
                int length = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
                out.add(new Line(new String(line, 0, length, StandardCharsets.UTF_8), false, i + 1));
            }
        }
        return out;
    }

    private static String randomText(SplittableRandom random, int lines, int longest) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            int length = random.nextInt(10) == 0 ? random.nextInt(longest) : random.nextInt(300);
            for (int k = 0; k < length; k++) {
                int pick = random.nextInt(40);
                text.append(pick == 0 ? '\r' : pick == 1 ? 'é' : pick < 8 ? ' ' : (char) ('a' + random.nextInt(26)));
            }
            if (random.nextInt(4) == 0) {
                text.append('\r');
            }
            text.append('\n');
        }
        if (random.nextBoolean()) {
            text.append("a last line without its terminator\r");
        }
        return text.toString();
    }

    @Test
    void linesAreThoseOfAPlainSplitWhateverTheReadsAndBufferEnds() throws IOException {
        SplittableRandom random = new SplittableRandom(17);
        for (int round = 0; round < 40; round++) {
            int max = round % 2 == 0 ? 256 * 1024 : 100 + random.nextInt(20_000);
            String text = randomText(random, 50 + random.nextInt(400), 150_000);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            int most = round % 3 == 0 ? 7 : round % 3 == 1 ? 5_000 : 200_000;
            assertEquals(expected(text, max), lines(new Trickle(bytes, round, most), max), "round " + round);
        }
    }

    @Test
    void aLineOfExactlyTheLimitIsWholeAndOneByteMoreIsCut() throws IOException {
        String exact = "x".repeat(100);
        String text = exact + "\n" + exact + "\r\n" + exact + "y\n" + "z".repeat(250) + "\nnext\n" + "w".repeat(300);
        List<Line> lines = lines(new Trickle(text.getBytes(StandardCharsets.US_ASCII), 3, 64), 100);
        assertEquals(List.of(new Line(exact, false, 1), new Line(exact, true, 2), new Line(exact, true, 3),
                new Line("z".repeat(100), true, 4), new Line("next", false, 5), new Line("w".repeat(100), true, 6)),
                lines);
    }

    @Test
    void aLineOverTheLimitIsSkippedInWholeChunks() throws IOException {
        int max = 256 * 1024;
        byte[] text = ("x".repeat(3 * max) + "\nnext\n").getBytes(StandardCharsets.US_ASCII);
        int[] reads = {0};
        InputStream counted = new ByteArrayInputStream(text) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                reads[0]++;
                return super.read(b, off, len);
            }
        };
        assertEquals(List.of(new Line("x".repeat(max), true, 1), new Line("next", false, 2)), lines(counted, max));
        assertTrue(reads[0] < 100, "reads: " + reads[0]); // 64 KiB at a time past the kept bytes, not a byte
    }

    @Test
    void blanksAndByteOrderMarksAtTheStartAreSkippedAndCounted() throws IOException {
        String text = "\uFEFF \n\t\r\n\u3000\u2028\n{\"message\": 1}\n";
        ByteLines lines = new ByteLines(new Trickle(text.getBytes(StandardCharsets.UTF_8), 1, 2), 1_000);
        assertEquals('{', lines.skipBlank());
        assertEquals(3, lines.linesEnded());
        assertArrayEquals("{\"message\": 1}\n".getBytes(StandardCharsets.UTF_8), lines.rest().readAllBytes());
        assertEquals(-1, new ByteLines(new ByteArrayInputStream(" \n\n".getBytes(StandardCharsets.US_ASCII)), 10)
                .skipBlank());
    }

    @Test
    void blankAtAgreesWithCharacterIsWhitespaceForEveryCodePoint() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
                continue;
            }
            byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
            byte[] padded = Arrays.copyOf(utf8, utf8.length + 1);
            padded[utf8.length] = 'x';
            boolean blank = codePoint == 0xFEFF || Character.isWhitespace(codePoint);
            assertEquals(blank ? utf8.length : 0, ByteLines.blankAt(padded, 0, padded.length), "U+"
                    + Integer.toHexString(codePoint));
            assertEquals(blank ? utf8.length : 0, ByteLines.firstContent(padded, 0, padded.length));
        }
        byte[] cut = {(byte) 0xE3, (byte) 0x80}; // U+3000 without its last byte
        assertEquals(0, ByteLines.blankAt(cut, 0, cut.length));
        for (byte[] overlong : List.of(new byte[] {(byte) 0xC0, (byte) 0xA0}, new byte[] {(byte) 0xC0, (byte) 0x8A},
                new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xA0})) { // a space or newline in too many bytes
            assertEquals(0, ByteLines.blankAt(overlong, 0, overlong.length), Arrays.toString(overlong));
        }
    }

    @Test
    void indexOfAndFlagsFindEveryByteExactly() {
        SplittableRandom random = new SplittableRandom(3);
        byte[] bytes = new byte[64];
        for (int round = 0; round < 20_000; round++) {
            for (int i = 0; i < bytes.length; i++) {
                int pick = random.nextInt(6);
                // the values beside the one looked for are where a borrowing SWAR test goes wrong
                bytes[i] = (byte) (pick == 0 ? ' ' : pick == 1 ? '!' : pick == 2 ? 0x1F : pick == 3 ? 0xA0
                        : random.nextInt(256));
            }
            int from = random.nextInt(bytes.length);
            int to = from + random.nextInt(bytes.length - from + 1);
            int expected = -1;
            for (int i = from; i < to; i++) {
                if (bytes[i] == ' ') {
                    expected = i;
                    break;
                }
            }
            assertEquals(expected, ByteLines.indexOf(bytes, from, to, (byte) ' '));
            if (to - from >= 8) {
                long word = 0;
                long flags = 0;
                for (int k = 7; k >= 0; k--) {
                    word = word << 8 | (bytes[from + k] & 0xff);
                    flags = flags << 8 | (bytes[from + k] == ' ' ? 0x80 : 0);
                }
                assertEquals(flags, ByteLines.flags(word, 0x2020202020202020L));
            }
        }
    }
}
