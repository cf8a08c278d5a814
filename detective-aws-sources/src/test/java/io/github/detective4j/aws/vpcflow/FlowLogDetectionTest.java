package io.github.detective4j.aws.vpcflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.aws.LogFormat.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowLogDetectionTest {
    private static final String DEFAULT_LINE = "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641"
            + " 22 6 20 4249 1418530010 1418530070 ACCEPT OK";

    private final FlowLogFormat format = new FlowLogFormat();

    private int detect(String head) {
        return format.detect(new Sample("input", head));
    }

    private int detectResource(FlowLogFormat f, String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/vpcflow/" + name)) {
            return f.detect(new Sample(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    @Test
    void recognisesEveryFormItReads() throws IOException {
        assertEquals(90, detect(DEFAULT_LINE + "\n"));
        assertEquals(90, detect("\n\n  " + DEFAULT_LINE));
        assertEquals(95, detectResource(format, "s3-default-with-header.log"));
        assertEquals(95, detectResource(format, "s3-custom-order-tcp-flags.log"));
        assertEquals(95, detectResource(format, "s3-transit-gateway.log"));
        assertEquals(90, detectResource(format, "cloudwatch-transit-gateway.log"));
        assertEquals(90, detectResource(format, "cloudwatch-export-message.jsonl"));
        assertEquals(90, detectResource(format, "subscription-data-message.json"));
        assertEquals(90, detectResource(format, "firehose-concatenated.json"), "past the control message");
        assertEquals(0, detectResource(format, "cloudwatch-custom-v3.log"), "needs its log format");
        assertEquals(90, detectResource(FlowLogFormat.withLogFormat("version vpc-id subnet-id instance-id"
                + " interface-id account-id type srcaddr dstaddr srcport dstport pkt-srcaddr pkt-dstaddr protocol"
                + " bytes packets start end action tcp-flags log-status"), "cloudwatch-custom-v3.log"));
    }

    @Test
    void aRecordThatDoesNotReadStillLooksLikeAFlowLog() {
        // claimed, so that the reader reports what is wrong with it rather than "unknown format"
        assertEquals(60, detect("2 123456789010 eni-1235b8ca123456789 172.31.16.139"));
        assertEquals(60, detect("2 - - - - - - - - - 1431280876 1431280934 - NODATA extra"));
        assertEquals(60, detect("{\"message\": \"2 unknown eni-1 1.2.3.4 5.6.7.8\"}"));
    }

    @Test
    void aBrokenFirstLineDoesNotHideTheRecordsBelowIt() {
        assertEquals(90, detect("2 1234567\n" + DEFAULT_LINE + "\n"));
        assertEquals(90, detect("hello world\n\n" + DEFAULT_LINE + "\n"));
        assertEquals(90, detect("{\"message\":\"2 12345\n{\"message\":\"" + DEFAULT_LINE + "\"}\n"));
        assertEquals(0, detect("hello\n".repeat(16) + DEFAULT_LINE), "only the first 16 lines are looked at");
    }

    /** The example of the CloudWatch Logs User Guide (a subscription's destination checked), delivered alone. */
    @Test
    void aSubscriptionPayloadOfControlMessagesOnlyIsClaimedLow() throws IOException {
        String control = "{\"messageType\":\"CONTROL_MESSAGE\",\"owner\":\"CloudwatchLogs\",\"logGroup\":\"\","
                + "\"logStream\":\"\",\"subscriptionFilters\":[],\"logEvents\":[{\"id\":\"\",\"timestamp\":"
                + "1432826855000,\"message\":\"CWL CONTROL MESSAGE: Checking health of destination Firehose.\"}]}";
        assertEquals(20, detect(control));
        io.github.detective4j.aws.IngestReport report = io.github.detective4j.aws.AwsLogs.reader().build().read(
                new java.io.ByteArrayInputStream(control.getBytes(StandardCharsets.UTF_8)), "control.json",
                event -> { });
        assertEquals(0, report.errors(), report::toString);
        assertEquals(java.util.Map.of("vpcflow.control-message", 1L), report.skipped(), report::toString);
    }

    @Test
    void neverClaimsOtherAwsJson() {
        assertEquals(0, detect("{\"Records\":[{\"eventVersion\":\"1.08\",\"eventSource\":\"s3.amazonaws.com\","
                + "\"eventName\":\"GetObject\",\"message\":\"not at the root\"}]}"));
        assertEquals(0, detect("{\"schemaVersion\":\"2.0\",\"accountId\":\"123456789012\",\"type\":"
                + "\"CryptoCurrency:EC2/BitcoinTool.B\",\"severity\":8}"));
        assertEquals(0, detect("{\"Findings\":[{\"SchemaVersion\":\"2018-10-08\",\"Id\":\"x\"}]}"));
        assertEquals(0, detect("{\"version\":\"0\",\"detail-type\":\"GuardDuty Finding\",\"detail\":{}}"));
        assertEquals(0, detect("{\"message\":\"START RequestId: 8f5a Version: $LATEST\"}"));
        assertEquals(0, detect("{\"messageType\":\"DATA_MESSAGE\",\"logEvents\":[{\"message\":"
                + "\"{\\\"eventVersion\\\":\\\"1.03\\\"}\"}]}"));
        assertEquals(0, detect("{\"message\":\"2 123456789010 eni-1"));  // cut head: undecided, not claimed
        assertEquals(0, detect("[{\"srcAddr\":\"1.1.1.1\"}]"));
    }

    @Test
    void neverClaimsProse() {
        assertEquals(0, detect("# Logging IP traffic using VPC Flow Logs\n\nVPC Flow Logs is a feature"));
        assertEquals(0, detect("version 2 of the account-id field list is here"));
        assertEquals(0, detect("Creative Commons Attribution-ShareAlike 4.0 International Public License"));
        assertEquals(0, detect(""));
        assertEquals(0, detect("   \n  "));
    }

    @Test
    void headerRecognition() {
        // lines of one token, two and more: the first token counts in each
        for (String header : List.of("version account-id interface-id srcaddr",
                "instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr\r", "srcaddr  dstaddr new-field",
                "version", "interface-id\r", "srcaddr dstaddr")) {
            assertTrue(FlowLayout.isHeader(header), header);
        }
        // records, ids shaped like names, a capital, and lines of which at most half the names are known
        for (String other : List.of("srcaddr new-field other-field", "new-field srcaddr", "new-field",
                "ingress us-east-1", "eni-1235b8ca123456789 10.0.0.1", DEFAULT_LINE, "Version account-id",
                "vpc-0123456789abcdef0 eni-1235b8ca123456789",
                "eni-1235b8ca123456789 vpc-0123456789abcdef0 10.0.0.1")) {
            assertFalse(FlowLayout.isHeader(other), other);
        }
    }
}
