package io.github.detective4j.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.SecurityEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Inputs are read through buffers lent from a pool ({@link InputBuffers}, and the CloudTrail format's own): what an
 * input reads never depends on what was read through the same buffers before, on this thread or another.
 */
class LentBuffersTest {
    private static String record(String name, String address, int n) {
        return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDA" + n
                + "\",\"arn\":\"arn:aws:iam::111122223333:user/u" + n + "\",\"accountId\":\"111122223333\"},"
                + "\"eventTime\":\"2026-11-20T03:00:00Z\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\""
                + name + "\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"" + address + "\",\"userAgent\":\"ua-"
                + n + "\",\"requestParameters\":{\"padding\":\"" + "x".repeat(n % 7 * 50) + "\"},\"eventID\":\"e-" + n
                + "\",\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"111122223333\"}\n";
    }

    /** A large gzip file of one kind of record, then a small plain file of another. */
    private static byte[] large() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int n = 0; n < 2_000; n++) {
            text.append(record("ListUsers", "10.0." + (n / 250) + "." + (n % 250), n));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static final byte[] SMALL = (record("CreateUser", "2001:db8::1", 9_001) + record("StopLogging",
            "192.0.2.7", 9_002)).getBytes(StandardCharsets.UTF_8);

    private static List<String> read(LogReader reader, byte[] bytes, String name) {
        List<String> seen = new ArrayList<>();
        try {
            IngestReport report = reader.read(new ByteArrayInputStream(bytes), name, event -> seen.add(describe(event)));
            assertEquals(0, report.errors(), report.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seen;
    }

    private static String describe(SecurityEvent event) {
        ApiCall call = (ApiCall) event;
        return call.eventName() + " " + call.sourceIpAddress() + " " + call.userAgent() + " "
                + call.principal().principalId();
    }

    @Test
    void whatWasReadBeforeNeverShowsThrough() throws Exception {
        LogReader reader = AwsLogs.reader().build();
        byte[] large = large();
        List<String> expected = List.of("CreateUser 2001:db8::1 ua-9001 AIDA9001",
                "StopLogging 192.0.2.7 ua-9002 AIDA9002");
        assertEquals(2_000, read(reader, large, "large.json.gz").size());
        assertEquals(expected, read(reader, SMALL, "small.json"), "after a large gzip input");

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> reads = new ArrayList<>();
            for (int k = 0; k < 64; k++) {
                boolean big = k % 3 == 0;
                reads.add(pool.submit(() -> read(reader, big ? large : SMALL, big ? "large.json.gz" : "small.json")));
            }
            for (int k = 0; k < reads.size(); k++) {
                List<String> events = reads.get(k).get();
                if (k % 3 == 0) {
                    assertEquals(2_000, events.size());
                    assertEquals("ListUsers 10.0.7.249 ua-1999 AIDA1999", events.get(1_999));
                } else {
                    assertEquals(expected, events, "read " + k);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
