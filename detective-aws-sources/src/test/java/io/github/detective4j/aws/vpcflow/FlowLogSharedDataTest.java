package io.github.detective4j.aws.vpcflow;

import static io.github.detective4j.aws.vpcflow.FlowLogs.assertSides;
import static io.github.detective4j.aws.vpcflow.FlowLogs.assertTraffic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.aws.SharedData;
import io.github.detective4j.model.FlowAction;
import io.github.detective4j.model.FlowDirection;
import io.github.detective4j.model.NetworkFlow;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The real samples in ../shared/data: the VPC User Guide's examples, and what must not be taken for flow logs. */
class FlowLogSharedDataTest {
    private final FlowLogFormat format = new FlowLogFormat();

    private FlowLogs.Result extracted(String name) throws IOException {
        Path file = SharedData.require("vpcflow-aws-docs-examples").resolve("extracted").resolve(name);
        FlowLogs.Result result = FlowLogs.path(format, file).assertConsistent();
        assertEquals(0, result.report().errors(), () -> name + ": " + result.errors());
        return result;
    }

    @Test
    void defaultFormatExamples() throws IOException {
        FlowLogs.Result result = extracted("01_default_format_v2.log").assertCounts(7, 5, 0);
        assertEquals(1, result.report().skipped("vpcflow.nodata"));
        assertEquals(1, result.report().skipped("vpcflow.skipdata"));
        // the SSH and RDP records first (they show that the shared interface id has several addresses, so they go
        // out at once, undecided), then the ping from 203.0.113.12 to the instance at 172.31.16.139, and the reply
        // the network ACL rejected
        NetworkFlow ping = result.flow(2);
        assertEquals("123456789010", ping.accountId());
        assertEquals("eni-1235b8ca123456789", ping.interfaceId());
        assertSides(ping, FlowDirection.INBOUND, "172.31.16.139", 0, "203.0.113.12", 0);
        assertTraffic(ping, NetworkFlow.ICMP, 4, 336, 1432917027, 1432917142, FlowAction.ACCEPT);
        assertSides(result.flow(3), FlowDirection.OUTBOUND, "172.31.16.139", 0, "203.0.113.12", 0);
        assertEquals(FlowAction.REJECT, result.flow(3).action());
        NetworkFlow ssh = result.flow(0);
        assertEquals(FlowDirection.UNKNOWN, ssh.direction());
        assertTraffic(ssh, NetworkFlow.TCP, 20, 4249, 1418530010, 1418530070, FlowAction.ACCEPT);
        assertEquals(22, ssh.remotePort());
    }

    @Test
    void tcpFlagsExamplesWithTheirDoubleSpace() throws IOException {
        FlowLogs.Result result = extracted("02_tcp_flags_custom_v3_with_header.log").assertCounts(8, 8, 0);
        NetworkFlow syn = result.flow(0);
        assertEquals(3, syn.version());
        assertEquals("i-01234567890123456", syn.instanceId());
        assertSides(syn, FlowDirection.INBOUND, "10.0.0.62", 5001, "52.213.180.42", 43416);
        assertTraffic(syn, NetworkFlow.TCP, 8, 568, 1566848875, 1566848933, FlowAction.ACCEPT);
        NetworkFlow last = result.flow(7); // the record with two spaces between srcport and pkt-srcaddr
        assertSides(last, FlowDirection.OUTBOUND, "10.0.0.62", 5001, "52.213.180.42", 43638);
        assertTraffic(last, NetworkFlow.TCP, 14, 967, 1566933133, 1566933193, FlowAction.ACCEPT);
        assertEquals(23294588, result.flow(5).bytes());
    }

    @Test
    void natAndTransitGatewayExamplesLackTheFieldsOfAFlow() throws IOException {
        // Their formats have neither start nor end (and the NAT one no action): read, checked, and counted.
        FlowLogs.Result nat = extracted("03_nat_gateway_custom_no_version_with_header.log").assertCounts(6, 0, 0);
        assertEquals(6, nat.report().skipped("vpcflow.incomplete-format"));
        FlowLogs.Result tgw = extracted("04_transit_gateway_custom_v3_with_header.log").assertCounts(4, 0, 0);
        assertEquals(4, tgw.report().skipped("vpcflow.incomplete-format"));
    }

    @Test
    void trafficPathExamples() throws IOException {
        FlowLogs.Result result = extracted("05_traffic_path_custom_v5_with_header.log").assertCounts(2, 2, 0);
        NetworkFlow ingress = result.flow(0);
        assertEquals(5, ingress.version());
        assertEquals("ap-southeast-2", ingress.region());
        assertEquals("vpc-abcdefab012345678", ingress.vpcId());
        assertEquals("i-0c50d5961bcb2d47b", ingress.instanceId());
        assertSides(ingress, FlowDirection.INBOUND, "10.0.0.71", 34210, "52.95.128.179", 80);
        assertTraffic(ingress, NetworkFlow.TCP, 14, 15044, 1616729292, 1616729349, FlowAction.ACCEPT);
        assertSides(result.flow(1), FlowDirection.OUTBOUND, "10.0.0.71", 34210, "52.95.128.179", 80);
    }

    @Test
    void theWholeFolderReadsWithoutErrorsAndItsProseIsNotClaimed() throws IOException {
        Path folder = SharedData.require("vpcflow-aws-docs-examples");
        FlowLogs.Result result = FlowLogs.path(format, folder);
        IngestReport report = result.report();
        assertEquals(0, report.errors(), () -> result.errors().toString());
        assertEquals(12, report.inputs()); // 5 logs, 3 markdown pages, README, 3 licence files
        assertEquals(7, report.skipped("input.unrecognized"));
        assertEquals(27, report.recordsRead());
        assertEquals(15, report.eventsProduced());
        assertEquals(report.recordsRead(), report.eventsProduced() + report.skippedTotal()
                - report.skipped("input.unrecognized") + report.errors());
    }

    /** Panther's VPC samples are its own parsed JSON (srcAddr, dstPort...), not AWS records: never claimed. */
    @Test
    void pantherVpcSamplesAreNotAwsRecords() throws IOException {
        Path folder = SharedData.require("panther-analysis-test-events");
        Path vpc = folder.resolve("panther_tests_vpcflow.jsonl");
        assertEquals(0, format.detect(new LogReaderSample(vpc).sample()));
        FlowLogs.Result result = FlowLogs.path(format, folder);
        assertEquals(0, result.report().recordsRead());
        assertEquals(0, result.report().errors());
        assertTrue(result.report().skipped("input.unrecognized") >= 5);
    }

    /** Nothing in the other folders (CloudTrail, GuardDuty, Security Hub, fixtures, databases) is claimed. */
    @Test
    void noOtherSharedSampleIsClaimed() throws IOException {
        Path root = SharedData.require("vpcflow-aws-docs-examples").getParent();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> !file.toString().contains("vpcflow-aws-docs-examples/extracted"))
                    .sorted().toList();
        }
        assertTrue(files.size() > 100, "the shared samples: " + files.size());
        List<String> claimed = new ArrayList<>();
        for (Path file : files) {
            int score = format.detect(new LogReaderSample(file).sample());
            if (score > 0) {
                claimed.add(file + " (" + score + ")");
            }
        }
        assertEquals(List.of(), claimed);
    }

    /** A file's head as the reader samples it: up to 64 KiB, decompressed, decoded leniently. */
    private record LogReaderSample(Path file) {
        io.github.detective4j.aws.LogFormat.Sample sample() throws IOException {
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
                raw.mark(2);
                boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
                raw.reset();
                InputStream in = gzip ? new GZIPInputStream(raw) : raw;
                byte[] head = in.readNBytes(64 * 1024);
                String text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)
                        .decode(java.nio.ByteBuffer.wrap(head)).toString();
                return new io.github.detective4j.aws.LogFormat.Sample(file.toString(), text);
            }
        }
    }
}
