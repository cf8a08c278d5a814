package io.github.detective4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityEventTest {

    @Test
    void theEventKindsAreClosed() {
        assertArrayEquals(new Class<?>[] {ApiCall.class, NetworkFlow.class, Finding.class},
                SecurityEvent.class.getPermittedSubclasses());
    }

    @Test
    void aSinkTakesEveryKindOfEventInOrder() {
        Instant callTime = Instant.parse("2026-11-20T03:12:45Z");
        Instant flowStart = Instant.parse("2026-11-20T03:12:00Z");
        Instant findingUpdate = Instant.parse("2026-11-28T09:30:00Z");
        ApiCall call = ApiCall.builder().eventTime(callTime)
                .principal(Principal.builder(PrincipalType.ROOT).accountId("111122223333").build())
                .eventSource("iam.amazonaws.com").eventName("CreateUser").accountId("111122223333").build();
        NetworkFlow flow = NetworkFlow.builder().accountId("444455556666").window(flowStart, flowStart.plusSeconds(60))
                .logStatus(FlowLogStatus.NODATA).build();
        Finding finding = Finding.builder().id("f1").type("Recon:EC2/PortProbeUnprotectedPort")
                .severity(Severity.ofGuardDuty(2)).observed(flowStart, flowStart).updatedAt(findingUpdate).build();

        List<SecurityEvent> events = new ArrayList<>();
        EventSink sink = events::add;
        sink.accept(call);
        sink.accept(flow);
        sink.accept(finding);

        assertEquals(List.of(call, flow, finding), events);
        assertEquals(List.of(callTime, flowStart, findingUpdate), events.stream().map(SecurityEvent::time).toList());
        List<String> accounts = new ArrayList<>();
        events.forEach(e -> accounts.add(e.accountId()));
        assertEquals(java.util.Arrays.asList("111122223333", "444455556666", null), accounts);
    }
}
