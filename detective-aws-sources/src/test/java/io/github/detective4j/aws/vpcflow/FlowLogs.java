package io.github.detective4j.aws.vpcflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.aws.LogFormat;
import io.github.detective4j.aws.LogReader;
import io.github.detective4j.aws.ParseError;
import io.github.detective4j.model.FlowAction;
import io.github.detective4j.model.FlowDirection;
import io.github.detective4j.model.NetworkFlow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Reads test inputs through the real reader, with only the flow log format registered. */
final class FlowLogs {
    private FlowLogs() {}

    /** What one read produced. */
    record Result(IngestReport report, List<NetworkFlow> flows, List<ParseError> errors) {
        NetworkFlow flow(int index) {
            return flows.get(index);
        }

        /** Every record went exactly one way: an event, a skip or an error. */
        Result assertConsistent() {
            assertEquals(report.recordsRead(), report.eventsProduced() + report.skippedTotal() + report.errors(),
                    () -> "records = events + skipped + errors: " + report);
            assertEquals(report.eventsProduced(), flows.size());
            assertEquals(report.errors(), errors.size());
            return this;
        }

        Result assertCounts(long records, long events, long errorCount) {
            assertEquals(records, report.recordsRead(), () -> "records: " + report + " " + errors);
            assertEquals(events, report.eventsProduced(), () -> "events: " + report + " " + errors);
            assertEquals(errorCount, report.errors(), () -> "errors: " + report + " " + errors);
            return assertConsistent();
        }
    }

    static LogReader reader(LogFormat format, List<ParseError> errors) {
        return AwsLogs.emptyReader().register(format).errorHandler(errors::add).build();
    }

    static Result resource(LogFormat format, String name) throws IOException {
        InputStream in = FlowLogs.class.getResourceAsStream("/vpcflow/" + name);
        assertNotNull(in, () -> "test resource vpcflow/" + name);
        return read(format, in, name);
    }

    static Result text(LogFormat format, String text) throws IOException {
        return read(format, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test-input");
    }

    static Result read(LogFormat format, InputStream in, String name) throws IOException {
        List<ParseError> errors = new CopyOnWriteArrayList<>();
        List<NetworkFlow> flows = new ArrayList<>();
        IngestReport report = reader(format, errors).read(in, name, event -> flows.add(
                assertInstanceOf(NetworkFlow.class, event)));
        return new Result(report, flows, errors);
    }

    static Result path(LogFormat format, Path path) throws IOException {
        List<ParseError> errors = new CopyOnWriteArrayList<>();
        List<NetworkFlow> flows = new ArrayList<>();
        IngestReport report = reader(format, errors).read(path, event -> flows.add(
                assertInstanceOf(NetworkFlow.class, event)));
        return new Result(report, flows, errors);
    }

    /** Asserts the sides, ports and direction of a flow. */
    static void assertSides(NetworkFlow flow, FlowDirection direction, String local, int localPort, String remote,
            int remotePort) {
        assertEquals(direction, flow.direction(), () -> "direction of " + flow);
        assertEquals(local, flow.localAddress(), () -> "local address of " + flow);
        assertEquals(localPort, flow.localPort(), () -> "local port of " + flow);
        assertEquals(remote, flow.remoteAddress(), () -> "remote address of " + flow);
        assertEquals(remotePort, flow.remotePort(), () -> "remote port of " + flow);
    }

    /** Asserts the traffic of a flow. */
    static void assertTraffic(NetworkFlow flow, int protocol, long packets, long bytes, long start, long end,
            FlowAction action) {
        assertEquals(protocol, flow.protocol(), () -> "protocol of " + flow);
        assertEquals(packets, flow.packets(), () -> "packets of " + flow);
        assertEquals(bytes, flow.bytes(), () -> "bytes of " + flow);
        assertEquals(Instant.ofEpochSecond(start), flow.start(), () -> "start of " + flow);
        assertEquals(Instant.ofEpochSecond(end), flow.end(), () -> "end of " + flow);
        assertEquals(action, flow.action(), () -> "action of " + flow);
    }
}
