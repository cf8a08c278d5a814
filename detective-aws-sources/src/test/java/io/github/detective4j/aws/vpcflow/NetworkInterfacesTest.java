package io.github.detective4j.aws.vpcflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.aws.ErrorHandler;
import io.github.detective4j.aws.InvalidRecordException;
import io.github.detective4j.aws.ParseError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkInterfacesTest {
    private static Path resource(String name) throws URISyntaxException {
        return Path.of(NetworkInterfacesTest.class.getResource("/vpcflow/" + name).toURI());
    }

    private static Map<String, String> read(String json, ErrorHandler errors) throws IOException {
        return NetworkInterfaces.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "enis.json",
                errors);
    }

    @Test
    void readsDescribeNetworkInterfacesOutputLeavingOutInterfacesOfNoInstance() throws Exception {
        List<ParseError> errors = new ArrayList<>();
        Map<String, String> table = NetworkInterfaces.read(resource("describe-network-interfaces.json"),
                errors::add);
        // the NAT gateway's interface is attached to no instance, the spare one to nothing
        assertEquals(Map.of("eni-0f4e4d2d71627dd38", "i-0690cd354a0c3850c"), table);
        assertEquals(List.of(), errors);
    }

    @Test
    void readsDescribeInstancesOutputAndSeveralDocumentsOneAfterAnother() throws IOException {
        String instances = "{\"Reservations\":[{\"ReservationId\":\"r-0a1b2c3d4e5f67890\",\"Instances\":["
                + "{\"InstanceId\":\"i-0123456789abcdef0\",\"NetworkInterfaces\":[{\"NetworkInterfaceId\":"
                + "\"eni-00000000000000001\"},{\"NetworkInterfaceId\":\"eni-00000000000000002\"}]},"
                + "{\"InstanceId\":\"i-08a8e40be65425909\",\"NetworkInterfaces\":[]}]}]}";
        String interfaces = "{\"NetworkInterfaces\":[{\"NetworkInterfaceId\":\"eni-00000000000000002\","
                + "\"Attachment\":{\"InstanceId\":\"i-08a8e40be65425909\",\"Status\":\"attached\"}}]}";
        Map<String, String> table = read(instances + "\n" + interfaces, ErrorHandler.strict());
        assertEquals(Map.of("eni-00000000000000001", "i-0123456789abcdef0",
                "eni-00000000000000002", "i-08a8e40be65425909"), table, "the later document wins");
        assertEquals(List.of("eni-00000000000000001", "eni-00000000000000002"), List.copyOf(table.keySet()));
    }

    @Test
    void aBadEntryIsReportedWithItsLineAndItsNeighboursKept() throws IOException {
        String json = "{\"NetworkInterfaces\": [\n"
                + "  {\"NetworkInterfaceId\": \"eni-00000000000000001\", \"Attachment\": {\"InstanceId\":"
                + " \"i-0123456789abcdef0\"}},\n"
                + "  {\"Attachment\": {\"InstanceId\": \"i-08a8e40be65425909\"}},\n"
                + "  {\"NetworkInterfaceId\": \"eni-00000000000000003\", \"Attachment\": {\"InstanceId\":"
                + " \"web-1\"}},\n"
                + "  \"eni-00000000000000004\",\n"
                + "  {\"NetworkInterfaceId\": \"eni-00000000000000005\", \"Attachment\": {\"InstanceId\":"
                + " \"i-08a8e40be65425909\"}}\n"
                + "]}";
        List<ParseError> errors = new ArrayList<>();
        Map<String, String> table = read(json, errors::add);
        assertEquals(Map.of("eni-00000000000000001", "i-0123456789abcdef0",
                "eni-00000000000000005", "i-08a8e40be65425909"), table);
        assertEquals(List.of("enis.json:3: record 2: a network interface without a NetworkInterfaceId",
                "enis.json:4: record 3: network interface eni-00000000000000003: Ec2Instance id 'web-1' must be 'i-'"
                        + " followed by 8 or 17 lower-case hexadecimal digits",
                "enis.json:5: record 4: a network interface must be an object"),
                errors.stream().map(ParseError::toString).toList());
        InvalidRecordException strict = assertThrows(InvalidRecordException.class,
                () -> read(json, ErrorHandler.strict()));
        assertEquals(3, strict.error().line());
    }

    @Test
    void aBadInstanceInAReservationKeepsTheOthers() throws IOException {
        String json = "{\"Reservations\":[{\"Instances\":[{\"NetworkInterfaces\":[{\"NetworkInterfaceId\":"
                + "\"eni-00000000000000009\"}]},{\"InstanceId\":\"i-0123456789abcdef0\",\"NetworkInterfaces\":"
                + "[{\"NetworkInterfaceId\":\"eni-00000000000000001\"}]}]}]}";
        List<ParseError> errors = new ArrayList<>();
        assertEquals(Map.of("eni-00000000000000001", "i-0123456789abcdef0"), read(json, errors::add));
        assertEquals(List.of("an instance without an InstanceId"),
                errors.stream().map(ParseError::reason).toList());
    }

    @Test
    void otherInputIsRefusedWithItsName() {
        IOException notJson = assertThrows(IOException.class,
                () -> read("{\"NetworkInterfaces\": [", ErrorHandler.strict()));
        assertTrue(notJson.getMessage().startsWith("enis.json:1: not JSON: "), notJson::getMessage);
        IOException other = assertThrows(IOException.class,
                () -> read("{\"Vpcs\": [{\"VpcId\": \"vpc-04fe895571b367c47\"}]}", ErrorHandler.strict()));
        assertEquals("enis.json:1: neither describe-network-interfaces output (no NetworkInterfaces array) nor"
                + " describe-instances output (no Reservations array)", other.getMessage());
        IOException empty = assertThrows(IOException.class, () -> read("  \n", ErrorHandler.strict()));
        assertTrue(empty.getMessage().startsWith("enis.json: empty"), empty::getMessage);
        IOException array = assertThrows(IOException.class, () -> read("[]", ErrorHandler.strict()));
        assertTrue(array.getMessage().contains("an object"), array::getMessage);
    }
}
