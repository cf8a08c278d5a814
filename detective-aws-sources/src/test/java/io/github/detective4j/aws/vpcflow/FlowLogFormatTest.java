package io.github.detective4j.aws.vpcflow;

import static io.github.detective4j.aws.vpcflow.FlowLogs.assertSides;
import static io.github.detective4j.aws.vpcflow.FlowLogs.assertTraffic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.FlowAction;
import io.github.detective4j.model.FlowDirection;
import io.github.detective4j.model.FlowLogStatus;
import io.github.detective4j.model.NetworkFlow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowLogFormatTest {
    private static final String TCP_FLAGS_FORMAT = "${version} ${vpc-id} ${subnet-id} ${instance-id} ${interface-id}"
            + " ${account-id} ${type} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${pkt-srcaddr} ${pkt-dstaddr}"
            + " ${protocol} ${bytes} ${packets} ${start} ${end} ${action} ${tcp-flags} ${log-status}";

    private final FlowLogFormat format = new FlowLogFormat();

    @Test
    void defaultFormatWithoutHeader() throws IOException {
        FlowLogs.Result result = FlowLogs.resource(format, "cloudwatch-default-v2.log").assertCounts(7, 5, 0);
        assertEquals(1, result.report().skipped("vpcflow.nodata"));
        assertEquals(1, result.report().skipped("vpcflow.skipdata"));
        // AWS's examples share one interface id but not its address: line 2 has neither address of line 1, so the
        // interface has several and learns no more; both go out at once as UNKNOWN, srcaddr as the local side. The
        // ICMP records (lines 5, 6) are decided by the hint: a public peer faces the private interface address.
        // Line 7 (IPv6) never reveals its interface's address: held, then let out at the end as UNKNOWN.
        NetworkFlow ping = result.flow(2);
        assertSides(ping, FlowDirection.INBOUND, "172.31.16.139", 0, "203.0.113.12", 0);
        assertTraffic(ping, NetworkFlow.ICMP, 4, 336, 1432917027, 1432917142, FlowAction.ACCEPT);
        assertEquals(336, ping.bytesIn());
        assertEquals(0, ping.bytesOut());
        NetworkFlow reply = result.flow(3);
        assertSides(reply, FlowDirection.OUTBOUND, "172.31.16.139", 0, "203.0.113.12", 0);
        assertTraffic(reply, NetworkFlow.ICMP, 4, 336, 1432917094, 1432917142, FlowAction.REJECT);
        assertEquals(336, reply.bytesOut());

        NetworkFlow ssh = result.flow(0);
        assertEquals(2, ssh.version());
        assertEquals("123456789010", ssh.accountId());
        assertEquals("eni-1235b8ca123456789", ssh.interfaceId());
        assertNull(ssh.instanceId());
        assertNull(ssh.vpcId());
        assertNull(ssh.subnetId());
        assertNull(ssh.region());
        assertEquals(FlowLogStatus.OK, ssh.logStatus());
        assertSides(ssh, FlowDirection.UNKNOWN, "172.31.16.139", 20641, "172.31.16.21", 22);
        assertTraffic(ssh, NetworkFlow.TCP, 20, 4249, 1418530010, 1418530070, FlowAction.ACCEPT);
        NetworkFlow rdp = result.flow(1);
        assertSides(rdp, FlowDirection.UNKNOWN, "172.31.9.69", 49761, "172.31.9.12", 3389);
        assertEquals(FlowAction.REJECT, rdp.action());
        NetworkFlow ipv6 = result.flow(4);
        assertSides(ipv6, FlowDirection.UNKNOWN, "2001:db8:1234:a100:8d6e:3477:df66:f105", 34892,
                "2001:db8:1234:a102:3304:8879:34cf:4071", 22);
        assertTraffic(ipv6, NetworkFlow.TCP, 54, 8855, 1477913708, 1477913820, FlowAction.ACCEPT);
    }

    @Test
    void s3FileWithHeader() throws IOException {
        FlowLogs.Result result = FlowLogs.resource(format, "s3-default-with-header.log").assertCounts(5, 4, 0);
        assertEquals(1, result.report().skipped("vpcflow.nodata"));
        // Lines 2 and 3 are between two private addresses: held until line 4 shows 10.0.1.25 talking to a third.
        NetworkFlow request = result.flow(0);
        assertSides(request, FlowDirection.OUTBOUND, "10.0.1.25", 44312, "10.0.2.40", 5432);
        assertTraffic(request, NetworkFlow.TCP, 12, 3120, 1700000000, 1700000060, FlowAction.ACCEPT);
        NetworkFlow response = result.flow(1);
        assertSides(response, FlowDirection.INBOUND, "10.0.1.25", 44312, "10.0.2.40", 5432);
        assertEquals(9812, response.bytesIn());
        assertSides(result.flow(2), FlowDirection.OUTBOUND, "10.0.1.25", 51000, "10.0.3.7", 443);
        NetworkFlow probe = result.flow(3);
        assertSides(probe, FlowDirection.INBOUND, "10.0.1.25", 22, "198.51.100.7", 61000);
        assertTraffic(probe, NetworkFlow.TCP, 3, 180, 1700000020, 1700000030, FlowAction.REJECT);
        assertEquals(EntityRef.ipAddress("198.51.100.7"), probe.remoteIpEntity().orElseThrow());
    }

    @Test
    void customFieldOrderWithHeader() throws IOException {
        FlowLogs.Result result = FlowLogs.resource(format, "s3-custom-order-tcp-flags.log").assertCounts(4, 4, 0);
        NetworkFlow syn = result.flow(0);
        assertEquals(3, syn.version());
        assertEquals("vpc-abcdefab012345678", syn.vpcId());
        assertEquals("subnet-aaaaaaaa012345678", syn.subnetId());
        assertEquals("i-01234567890123456", syn.instanceId());
        assertEquals(EntityRef.ec2Instance("i-01234567890123456"), syn.instanceEntity().orElseThrow());
        assertEquals("eni-1235b8ca123456789", syn.interfaceId());
        assertEquals("123456789010", syn.accountId());
        assertSides(syn, FlowDirection.INBOUND, "10.0.0.62", 5001, "52.213.180.42", 43416);
        // bytes come before packets in this format: 568 bytes in 8 packets
        assertTraffic(syn, NetworkFlow.TCP, 8, 568, 1566848875, 1566848933, FlowAction.ACCEPT);
        NetworkFlow synAck = result.flow(1);
        assertSides(synAck, FlowDirection.OUTBOUND, "10.0.0.62", 5001, "52.213.180.42", 43416);
        assertTraffic(synAck, NetworkFlow.TCP, 7, 376, 1566848875, 1566848933, FlowAction.ACCEPT);
        assertEquals(100701, result.flow(2).bytes());
        assertEquals(632, result.flow(3).bytesOut());
    }

    @Test
    void headerlessCustomFormatGivenByTheUser() throws IOException {
        FlowLogFormat custom = FlowLogFormat.withLogFormat(TCP_FLAGS_FORMAT);
        FlowLogs.Result headerless = FlowLogs.resource(custom, "cloudwatch-custom-v3.log").assertCounts(4, 4, 0);
        FlowLogs.Result withHeader = FlowLogs.resource(format, "s3-custom-order-tcp-flags.log");
        assertEquals(withHeader.flows(), headerless.flows());
        assertEquals("vpcflow", custom.name());
        // The default format does not read them: 21 fields are not its 14.
        FlowLogs.Result notRecognized = FlowLogs.read(format, getClass().getResourceAsStream(
                "/vpcflow/cloudwatch-custom-v3.log"), "cloudwatch-custom-v3.log");
        assertEquals(0, notRecognized.report().eventsProduced());
        assertEquals(1, notRecognized.report().errors()); // not recognized at all
    }

    @Test
    void headerlessCustomFormatAcceptsBareFieldNamesAndStillHonoursHeaders() throws IOException {
        FlowLogFormat custom = FlowLogFormat.withLogFormat(TCP_FLAGS_FORMAT.replace("${", "").replace("}", ""));
        FlowLogs.resource(custom, "cloudwatch-custom-v3.log").assertCounts(4, 4, 0);
        // a file with its own header is read by the header, whatever the given format
        FlowLogs.Result s3 = FlowLogs.resource(custom, "s3-v5-traffic-path.log").assertCounts(2, 2, 0);
        assertEquals(5, s3.flow(0).version());
    }

    @Test
    void withLogFormatRejectsWhatIsNotAFormat() {
        assertThrows(IllegalArgumentException.class, () -> FlowLogFormat.withLogFormat("${srcaddr} ${dst addr}"));
        assertThrows(IllegalArgumentException.class, () -> FlowLogFormat.withLogFormat("${foo} ${bar}"));
        assertThrows(IllegalArgumentException.class, () -> FlowLogFormat.withLogFormat("   "));
        assertThrows(NullPointerException.class, () -> FlowLogFormat.withLogFormat(null));
    }

    @Test
    void concatenatedFilesSwitchLayoutAtEachHeader() throws IOException {
        FlowLogs.Result result = FlowLogs.resource(format, "s3-concatenated.log").assertCounts(4, 3, 0);
        assertEquals(1, result.report().skipped("vpcflow.nodata"));
        NetworkFlow ping = result.flow(0);
        assertEquals(2, ping.version());
        assertSides(ping, FlowDirection.INBOUND, "172.31.16.139", 0, "203.0.113.12", 0);
        NetworkFlow s3Download = result.flow(1);
        assertEquals(5, s3Download.version());
        assertEquals("ap-southeast-2", s3Download.region());
        assertEquals("123456789012", s3Download.accountId());
        assertSides(s3Download, FlowDirection.INBOUND, "10.0.0.71", 34210, "52.95.128.179", 80);
        assertTraffic(s3Download, NetworkFlow.TCP, 14, 15044, 1616729292, 1616729349, FlowAction.ACCEPT);
        assertSides(result.flow(2), FlowDirection.OUTBOUND, "10.0.0.71", 34210, "52.95.128.179", 80);
    }

    @Test
    void identicalFilesJoinedEndToEnd() throws IOException {
        String file;
        try (InputStream in = getClass().getResourceAsStream("/vpcflow/s3-default-with-header.log")) {
            file = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        FlowLogs.Result twice = FlowLogs.text(format, file + file).assertCounts(10, 8, 0);
        assertEquals(2, twice.report().skipped("vpcflow.nodata"));
        // the second copy is decided at once: the interface's address was learned from the first
        assertSides(twice.flow(4), FlowDirection.OUTBOUND, "10.0.1.25", 44312, "10.0.2.40", 5432);
        assertSides(twice.flow(5), FlowDirection.INBOUND, "10.0.1.25", 44312, "10.0.2.40", 5432);
    }

    @Test
    void version5FlowDirectionAndTrafficPath() throws IOException {
        FlowLogs.Result result = FlowLogs.resource(format, "s3-v5-traffic-path.log").assertCounts(2, 2, 0);
        NetworkFlow ingress = result.flow(0);
        assertEquals(5, ingress.version());
        assertEquals("vpc-abcdefab012345678", ingress.vpcId());
        assertEquals("subnet-aaaaaaaa012345678", ingress.subnetId());
        assertEquals("i-0c50d5961bcb2d47b", ingress.instanceId());
        assertEquals("ap-southeast-2", ingress.region());
        assertSides(ingress, FlowDirection.INBOUND, "10.0.0.71", 34210, "52.95.128.179", 80);
        NetworkFlow egress = result.flow(1);
        assertSides(egress, FlowDirection.OUTBOUND, "10.0.0.71", 34210, "52.95.128.179", 80);
        assertTraffic(egress, NetworkFlow.TCP, 7, 471, 1616729292, 1616729349, FlowAction.ACCEPT);
        assertEquals(471, egress.bytesOut());
    }

    @Test
    void messageWrappedLines() throws IOException {
        FlowLogs.Result result = FlowLogs.resource(format, "cloudwatch-export-message.jsonl").assertCounts(3, 2, 0);
        assertEquals(1, result.report().skipped("vpcflow.nodata"));
        // 172.31.16.139 is on both records of the interface: the first, held while undecided, is let out as
        // OUTBOUND when the second shows it
        NetworkFlow first = result.flow(0);
        assertSides(first, FlowDirection.OUTBOUND, "172.31.16.139", 20641, "172.31.16.21", 22);
        assertTraffic(first, NetworkFlow.TCP, 20, 4249, 1418530010, 1418530070, FlowAction.ACCEPT);
        assertSides(result.flow(1), FlowDirection.INBOUND, "172.31.16.139", 0, "203.0.113.12", 0);
    }

    @Test
    void cloudWatchLogsSubscriptionPayload() throws IOException {
        FlowLogs.Result result = FlowLogs.resource(format, "subscription-data-message.json").assertCounts(3, 2, 0);
        assertEquals(1, result.report().skipped("vpcflow.skipdata"));
        assertSides(result.flow(0), FlowDirection.INBOUND, "172.31.16.139", 0, "203.0.113.12", 0);
        NetworkFlow reply = result.flow(1);
        assertSides(reply, FlowDirection.OUTBOUND, "172.31.16.139", 0, "203.0.113.12", 0);
        assertTraffic(reply, NetworkFlow.ICMP, 4, 336, 1432917094, 1432917142, FlowAction.REJECT);
    }

    @Test
    void firehoseObjectsBackToBackWithAControlMessage() throws IOException {
        FlowLogs.Result result = FlowLogs.resource(format, "firehose-concatenated.json").assertCounts(4, 2, 0);
        assertEquals(1, result.report().skipped("vpcflow.control-message"));
        assertEquals(1, result.report().skipped("vpcflow.nodata"));
        NetworkFlow out = result.flow(0);
        assertEquals("eni-0a1b2c3d4e5f60718", out.interfaceId());
        assertSides(out, FlowDirection.OUTBOUND, "10.0.1.25", 44312, "198.51.100.7", 443);
        NetworkFlow in = result.flow(1);
        assertSides(in, FlowDirection.INBOUND, "10.0.1.25", 44312, "198.51.100.7", 443);
        assertTraffic(in, NetworkFlow.TCP, 10, 9812, 1700000000, 1700000060, FlowAction.ACCEPT);
    }

    @Test
    void transitGatewayRecordsAreReadAndSkipped() throws IOException {
        for (String name : List.of("s3-transit-gateway.log", "cloudwatch-transit-gateway.log")) {
            FlowLogs.Result result = FlowLogs.resource(format, name).assertCounts(3, 0, 0);
            assertEquals(2, result.report().skipped("vpcflow.transit-gateway"), name);
            assertEquals(1, result.report().skipped("vpcflow.nodata"), name);
        }
        // read means checked: a bad value in a transit gateway field is an error of its line
        String bad = "6 TransitGateway 123456789010 tgw-0123456789abcdef0 tgw-attach-0a1b2c3d4e5f60718 123456789010"
                + " 210987654321 vpc-a vpc-b subnet-a subnet-b eni-a eni-b use1-az1 use1-az2 - 10.20.33.164"
                + " 10.40.2.236 39812 80 6 10 1140 1700000000 1700000060 OK IPv4 0 lots 0 0 3 us-east-1 ingress - -";
        FlowLogs.Result result = FlowLogs.text(format, bad).assertCounts(1, 0, 1);
        assertTrue(result.errors().get(0).reason().contains("packets-lost-blackhole is not a count: 'lots'"),
                result.errors().toString());
    }

    @Test
    void ecsFieldsAndRejectReason() throws IOException {
        FlowLogs.Result result = FlowLogs.resource(format, "s3-ecs-v8.log").assertCounts(3, 3, 0);
        NetworkFlow task = result.flow(0);
        assertEquals(8, task.version());
        assertEquals("eni-0e1f2a3b4c5d6e7f8", task.interfaceId());
        assertSides(task, FlowDirection.OUTBOUND, "10.0.5.17", 40522, "52.94.133.131", 443);
        assertTraffic(task, NetworkFlow.TCP, 15, 5310, 1716200000, 1716200060, FlowAction.ACCEPT);
        NetworkFlow blocked = result.flow(1);
        assertSides(blocked, FlowDirection.INBOUND, "10.0.5.17", 8080, "203.0.113.99", 51515);
        assertEquals(FlowAction.REJECT, blocked.action());
        NetworkFlow serviceOwned = result.flow(2);
        assertNull(serviceOwned.accountId(), "account-id 'unknown' is an absent account");
        assertSides(serviceOwned, FlowDirection.OUTBOUND, "10.0.5.200", 443, "10.0.5.17", 40610);
    }

    @Test
    void versionComesFromTheVersionFieldOrElseFromTheFieldSet() throws IOException {
        String noVersion = "srcaddr dstaddr srcport dstport protocol packets bytes start end action flow-direction\n"
                + "10.0.0.5 10.0.0.6 1234 80 6 1 60 1700000000 1700000001 ACCEPT egress\n";
        assertEquals(5, FlowLogs.text(format, noVersion).assertCounts(1, 1, 0).flow(0).version());
        String v2WithV5Field = "version srcaddr dstaddr srcport dstport protocol packets bytes start end action"
                + " flow-direction\n2 10.0.0.5 10.0.0.6 1234 80 6 1 60 1700000000 1700000001 ACCEPT egress\n";
        assertEquals(2, FlowLogs.text(format, v2WithV5Field).assertCounts(1, 1, 0).flow(0).version());
        // A later version than the model knows still reads, recorded as 8.
        String v9 = "9 123456789010 eni-1 10.0.0.5 198.51.100.1 1234 80 6 1 60 1700000000 1700000001 ACCEPT OK";
        assertEquals(8, FlowLogs.text(format, v9).assertCounts(1, 1, 0).flow(0).version());
        FlowLogs.Result noVersionAtAll = FlowLogs.text(FlowLogFormat.withLogFormat(
                "${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action}"),
                "10.0.0.5 198.51.100.1 1234 80 6 1 60 1700000000 1700000001 ACCEPT\n").assertCounts(1, 1, 0);
        assertEquals(2, noVersionAtAll.flow(0).version());
        assertNull(noVersionAtAll.flow(0).interfaceId());
        assertSides(noVersionAtAll.flow(0), FlowDirection.OUTBOUND, "10.0.0.5", 1234, "198.51.100.1", 80);
    }

    @Test
    void ipv6AddressesAreCanonical() throws IOException {
        String line = "2 123456789010 eni-0a1b2c3d4e5f60718 2001:DB8:0:0:0:0:0:1 2001:0db8:0000:0000:0000:ff00:0042:8329"
                + " 443 50000 6 5 900 1700000000 1700000060 ACCEPT OK\n"
                + "2 123456789010 eni-0a1b2c3d4e5f60718 2001:db8::1 2001:db8::99 443 50001 6 5 900 1700000000"
                + " 1700000060 ACCEPT OK\n";
        FlowLogs.Result result = FlowLogs.text(format, line).assertCounts(2, 2, 0);
        // the second record shows 2001:db8::1 to be the interface's: both are decided by it
        assertSides(result.flow(0), FlowDirection.OUTBOUND, "2001:db8::1", 443, "2001:db8::ff00:42:8329", 50000);
        assertSides(result.flow(1), FlowDirection.OUTBOUND, "2001:db8::1", 443, "2001:db8::99", 50001);
    }

    @Test
    void unknownHeaderFieldsAreAcceptedAndIgnored() throws IOException {
        String text = "version future-field account-id interface-id srcaddr dstaddr srcport dstport protocol packets"
                + " bytes start end action log-status another-one\n"
                + "2 whatever 123456789010 eni-1 10.0.0.5 198.51.100.1 1234 80 6 1 60 1700000000 1700000001 ACCEPT OK"
                + " 42\n";
        NetworkFlow flow = FlowLogs.text(format, text).assertCounts(1, 1, 0).flow(0);
        assertSides(flow, FlowDirection.OUTBOUND, "10.0.0.5", 1234, "198.51.100.1", 80);
        assertEquals(60, flow.bytes());
    }

    @Test
    void formatsThatLackWhatAFlowNeedsAreSkippedNotErrors() throws IOException {
        // the docs' NAT gateway example format: no times, no action
        String text = "instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr\n"
                + "- eni-1235b8ca123456789 10.0.1.5 10.0.0.220 10.0.1.5 203.0.113.5\n"
                + "- eni-1235b8ca123456789 10.0.0.220 203.0.113.5 10.0.0.220 203.0.113.5\n"
                + "- eni-1235b8ca123456789 10.0.0.220 not-an-ip 10.0.0.220 203.0.113.5\n";
        FlowLogs.Result result = FlowLogs.text(format, text).assertCounts(3, 0, 1);
        assertEquals(2, result.report().skipped("vpcflow.incomplete-format"));
        assertEquals(4, result.errors().get(0).line()); // still checked: the bad address is an error
    }

    @Test
    void spacesAndLineEndingsAreTolerated() throws IOException {
        String text = "\uFEFF\r\n  version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes"
                + " start end action log-status\r\n"
                + "2 123456789010 eni-1  10.0.0.5 198.51.100.1 1234 80 6 1 60 1700000000 1700000001 ACCEPT OK \r\n"
                + "\r\n"
                + "2 123456789010 eni-1 10.0.0.5 198.51.100.1 1235 80 6 1 60 1700000000 1700000001 ACCEPT OK";
        FlowLogs.Result result = FlowLogs.text(format, text).assertCounts(2, 2, 0);
        assertEquals(1235, result.flow(1).localPort());
    }

    @Test
    void gzipFileThroughTheRealReader(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("AWSLogs/123456789010/vpcflowlogs/us-east-1/2023/11/14/"
                + "123456789010_vpcflowlogs_us-east-1_fl-1234abcd_20231114T2220Z_fe123456.log.gz");
        Files.createDirectories(file.getParent());
        try (InputStream in = getClass().getResourceAsStream("/vpcflow/s3-default-with-header.log");
                OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            in.transferTo(out);
        }
        FlowLogs.Result result = FlowLogs.path(format, dir).assertCounts(5, 4, 0);
        assertEquals(1, result.report().inputs());
        assertSides(result.flow(3), FlowDirection.INBOUND, "10.0.1.25", 22, "198.51.100.7", 61000);
        assertEquals(FlowLogs.resource(format, "s3-default-with-header.log").flows(), result.flows());
    }

    @Test
    void oneInstanceReadsManyInputsAtOnce() throws Exception {
        List<String> names = List.of("cloudwatch-default-v2.log", "s3-default-with-header.log",
                "s3-custom-order-tcp-flags.log", "s3-concatenated.log", "firehose-concatenated.json",
                "s3-nat-gateway.log", "s3-ecs-v8.log");
        List<List<NetworkFlow>> expected = new ArrayList<>();
        for (String name : names) {
            expected.add(FlowLogs.resource(format, name).flows());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<NetworkFlow>>> futures = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (String name : names) {
                    futures.add(pool.submit(() -> FlowLogs.resource(format, name).flows()));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(expected.get(i % names.size()), futures.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void streamsALargeInputRecordByRecord() throws IOException {
        int records = 200_000;
        // Generated on the fly: the input is never in memory, and neither are the flows (the sink only counts).
        InputStream generated = new InputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();
            private byte[] current = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n".getBytes();
            private int position;
            private int written;

            @Override
            public int read() {
                if (position == current.length) {
                    if (written == records) {
                        return -1;
                    }
                    int n = written++;
                    line.reset();
                    String text = "2 123456789010 eni-" + (n % 500) + " 10.0." + (n % 250) + ".1 198.51." + (n % 100)
                            + ".7 " + (1024 + n % 60000) + " 443 6 10 " + n + " 1700000000 1700000060 ACCEPT OK\n";
                    line.writeBytes(text.getBytes());
                    current = line.toByteArray();
                    position = 0;
                }
                return current[position++] & 0xff;
            }
        };
        long[] bytes = {0};
        long[] outbound = {0};
        IngestReport report = FlowLogs.reader(format, new ArrayList<>()).read(generated, "generated", event -> {
            NetworkFlow flow = (NetworkFlow) event;
            bytes[0] += flow.bytes();
            if (flow.direction() == FlowDirection.OUTBOUND) {
                outbound[0]++;
            }
        });
        assertEquals(records, report.recordsRead());
        assertEquals(records, report.eventsProduced());
        assertEquals(0, report.errors());
        assertEquals((long) records * (records - 1) / 2, bytes[0]);
        assertEquals(records, outbound[0]); // every record: a private interface address facing a public peer
    }

    /**
     * Addresses met again come back as the string made the first time (the decoder remembers them by a hash of their
     * text), and never as another one: 500 interface and 256 peer addresses in 1,024 slots, many alike (one digit more
     * or less), each in several records in shuffled order; and an address with a leading zero is still an error.
     */
    @Test
    void rememberedAddressesAreTheirOwnStringAndNeverAnother() throws IOException {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            addresses.add("10." + (i % 7) + "." + (i / 30) + "." + (i % 30)); // 10.1.2.3 beside 10.1.2.30, 10.1.23.0
        }
        List<String[]> pairs = new ArrayList<>();
        Random random = new Random(5);
        for (int round = 0; round < 8; round++) {
            for (int i = 0; i < addresses.size(); i++) {
                pairs.add(new String[] {addresses.get(i), "198.51.100." + random.nextInt(256),
                        String.format(Locale.ROOT, "eni-%017x", i)}); // an interface per address
            }
        }
        Collections.shuffle(pairs, random);
        StringBuilder text = new StringBuilder();
        for (String[] pair : pairs) {
            text.append("2 123456789010 ").append(pair[2]).append(' ').append(pair[1]).append(' ').append(pair[0])
                    .append(" 443 51000 6 10 840 1418530010 1418530070 ACCEPT OK\n");
        }
        text.append("2 123456789010 eni-1235b8ca123456789 198.51.100.7 010.0.0.1 443 51000 6 10 840 1418530010")
                .append(" 1418530070 ACCEPT OK\n");
        FlowLogs.Result result = FlowLogs.text(format, text.toString()).assertCounts(pairs.size() + 1, pairs.size(), 1);
        Map<String, String> first = new HashMap<>();
        int same = 0;
        for (int i = 0; i < pairs.size(); i++) {
            NetworkFlow flow = result.flow(i);
            assertEquals(pairs.get(i)[0], flow.localAddress(), "record " + (i + 1));
            assertEquals(pairs.get(i)[1], flow.remoteAddress(), "record " + (i + 1));
            if (first.computeIfAbsent(flow.localAddress(), a -> a) == flow.localAddress()) {
                same++;
            }
        }
        // an eighth of the records are first sightings (the same string trivially); collisions evict some more
        assertTrue(same > pairs.size() / 2, "records whose address is the first string made for it: " + same);
        assertTrue(result.errors().get(0).toString().contains("010.0.0.1"), result.errors().toString());
    }
}
