package io.github.detective4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flow logs in the default format name interfaces, not instances: {@code --interfaces} with the output of
 * {@code aws ec2 describe-network-interfaces} gives the hunt its instances, and without it the hunt says what is
 * missing.
 */
class InterfacesOptionTest {
    /** An S3 delivery of the default format: the interface beacons to 203.0.113.77, hour after hour. */
    static final String FLOWS = """
            version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action \
            log-status
            2 123412341234 eni-0f4e4d2d71627dd38 10.1.0.14 203.0.113.77 49152 443 6 4 1200 1764990000 1764990060 \
            ACCEPT OK
            2 123412341234 eni-0f4e4d2d71627dd38 203.0.113.77 10.1.0.14 443 49152 6 3 800 1764990000 1764990060 \
            ACCEPT OK
            2 123412341234 eni-0f4e4d2d71627dd38 10.1.0.14 203.0.113.77 49153 443 6 4 1200 1764993600 1764993660 \
            ACCEPT OK
            """;

    static final String INTERFACES = """
            {
                "NetworkInterfaces": [
                    {
                        "Attachment": {"AttachmentId": "eni-attach-0b2f21743e26b7c8a", "DeviceIndex": 0,
                            "InstanceId": "i-0690cd354a0c3850c", "InstanceOwnerId": "123412341234",
                            "Status": "attached"},
                        "InterfaceType": "interface",
                        "NetworkInterfaceId": "eni-0f4e4d2d71627dd38",
                        "PrivateIpAddress": "10.1.0.14",
                        "Status": "in-use",
                        "VpcId": "vpc-04fe895571b367c47"
                    }
                ]
            }
            """;

    @Test
    void theHuntFindsTheInstanceOfAnInterfaceOnlyWhenTold(@TempDir Path dir) throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(logs.resolve("123412341234_vpcflowlogs_us-west-2_fl-0a1b2c3d_20251206T0300Z_abcd.log"),
                FLOWS);
        Path enis = Files.writeString(dir.resolve("enis.json"), INTERFACES);

        Run blind = Run.detective("hunt", "--ip", "203.0.113.77", logs.toString());
        assertEquals(0, blind.exit(), blind.toString());
        assertFalse(blind.out().contains("i-0690cd354a0c3850c"), blind.out());
        assertTrue(blind.out().contains("3200 bytes of flow records with no known instance"), blind.out());

        Run told = Run.detective("hunt", "--ip", "203.0.113.77", "--interfaces", enis.toString(), logs.toString());
        assertEquals(0, told.exit(), told.toString());
        assertTrue(told.out().contains("i-0690cd354a0c3850c"), told.out());
        assertFalse(told.out().contains("no known instance"), told.out());

        Run json = Run.detective("hunt", "--json", "--ip", "203.0.113.77", logs.toString());
        assertTrue(json.out().contains("\"bytesWithoutInstance\":3200"), json.out());
        // --days counts the bytes of its own days (here both hours of the file)
        Run lately = Run.detective("hunt", "--json", "--ip", "203.0.113.77", "--days", "1", logs.toString());
        assertTrue(lately.out().contains("\"bytesWithoutInstance\":3200"), lately.out());
    }

    @Test
    void aBrokenInterfacesFileFailsNamingItsLine(@TempDir Path dir) throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(logs.resolve("flows.log"), FLOWS);
        Path enis = Files.writeString(dir.resolve("enis.json"), "{\"NetworkInterfaces\": [\n"
                + "  {\"Attachment\": {\"InstanceId\": \"i-0690cd354a0c3850c\"}}\n]}");
        Run run = Run.detective("hunt", "--ip", "203.0.113.77", "--interfaces", enis.toString(), logs.toString());
        CommandErrorsTest.assertOneLine(run, 1, enis + ":2: record 1: a network interface without a"
                + " NetworkInterfaceId");
        Run lenient = Run.detective("hunt", "--lenient", "--ip", "203.0.113.77", "--interfaces", enis.toString(),
                logs.toString());
        assertEquals(0, lenient.exit(), lenient.toString());
    }
}
