package io.github.detective4j.examples.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.aws.accounts.DatasourcePackage;
import io.github.detective4j.aws.accounts.MemberAccounts;
import io.github.detective4j.aws.accounts.MemberStatus;
import io.github.detective4j.aws.accounts.Usage;
import io.github.detective4j.aws.accounts.UsageRow;
import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.SecurityEvent;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reference incident's account as a member of another administrator's graph: its events reach the graph only
 * while it is an enabled member, and the rest is counted and dropped; usage follows what was ingested.
 */
class MemberAccountsTest {
    private static final String ADMINISTRATOR = "210987654321";
    private static List<SecurityEvent> events;
    private static String member;

    @BeforeAll
    static void read() throws IOException {
        List<SecurityEvent> all = new ArrayList<>();
        AwsLogs.read(SmallIncident.dir()).into(all::add);
        events = List.copyOf(all);
        member = SmallIncident.facts().accountId();
    }

    @ParameterizedTest
    @EnumSource(MemberStatus.class)
    void aMembersEventsAreIngestedOnlyWhenItIsEnabled(MemberStatus status) {
        MemberAccounts accounts = MemberAccounts.builder(ADMINISTRATOR).build();
        accounts.setStatus(member, status);
        BehaviorGraph graph = BehaviorGraph.create();
        events.forEach(accounts.filter(graph)::accept);

        Usage usage = accounts.usage();
        if (status == MemberStatus.ENABLED) {
            assertEquals(SmallIncident.written().apiCalls(), graph.stats().apiCalls());
            assertEquals(SmallIncident.fingerprint(SmallIncident.localGraph()), SmallIncident.fingerprint(graph));
            assertEquals(Map.of(), usage.droppedEvents());
        } else {
            assertEquals(0, graph.stats().entityCount(), status + ": nothing of the account is in the graph");
            assertEquals(Map.of(member, (long) events.size()), usage.droppedEvents());
            assertEquals(List.of(), usage.rows());
        }
    }

    @Test
    void anAccountThatIsNoMemberOrWasRemovedIsDroppedAndTheAdministratorsDataAlwaysCounts() {
        MemberAccounts notInvited = MemberAccounts.builder(ADMINISTRATOR).build();
        BehaviorGraph graph = BehaviorGraph.create();
        events.forEach(notInvited.filter(graph)::accept);
        assertEquals(0, graph.stats().entityCount());

        MemberAccounts ownGraph = MemberAccounts.builder(member).build(); // the account administers its own graph
        BehaviorGraph own = BehaviorGraph.create();
        events.forEach(ownGraph.filter(own)::accept);
        assertEquals(SmallIncident.written().apiCalls(), own.stats().apiCalls());
    }

    @Test
    void whileEnabledThenDisabledThenEnabledThenRemovedOnlyTheEnabledStretchesAreIngested() {
        MemberAccounts accounts = MemberAccounts.builder(ADMINISTRATOR).build();
        List<SecurityEvent> taken = new ArrayList<>();
        var filter = accounts.filter(taken::add);
        int quarter = events.size() / 4;
        List<List<SecurityEvent>> stretches = List.of(events.subList(0, quarter),
                events.subList(quarter, 2 * quarter), events.subList(2 * quarter, 3 * quarter),
                events.subList(3 * quarter, events.size()));

        accounts.setStatus(member, MemberStatus.INVITED);
        accounts.setStatus(member, MemberStatus.ENABLED);
        stretches.get(0).forEach(filter::accept);
        accounts.setStatus(member, MemberStatus.ACCEPTED_BUT_DISABLED);
        stretches.get(1).forEach(filter::accept);
        accounts.setStatus(member, MemberStatus.ENABLED);
        stretches.get(2).forEach(filter::accept);
        assertTrue(accounts.remove(member));
        filter.acceptAll(stretches.get(3));

        List<SecurityEvent> expected = new ArrayList<>(stretches.get(0));
        expected.addAll(stretches.get(2));
        assertEquals(expected, taken);
        assertEquals(Map.of(member, (long) (stretches.get(1).size() + stretches.get(3).size())),
                accounts.usage().droppedEvents());
    }

    @Test
    void usageIsPerAccountPackageAndDayAndProjectsThirtyDays() {
        MemberAccounts accounts = MemberAccounts.builder(ADMINISTRATOR).volume(event -> 1024 * 1024).build();
        accounts.setStatus(member, MemberStatus.ENABLED);
        events.forEach(accounts.filter(event -> {})::accept);
        Usage usage = accounts.usage();

        Map<LocalDate, Long> perDay = events.stream().collect(Collectors.groupingBy(
                e -> LocalDate.ofInstant(e.time(), ZoneOffset.UTC), TreeMap::new, Collectors.counting()));
        Map<LocalDate, Long> rowsPerDay = usage.rows().stream().collect(Collectors.groupingBy(UsageRow::day,
                TreeMap::new, Collectors.summingLong(UsageRow::events)));
        assertEquals(perDay, rowsPerDay);
        assertTrue(usage.rows().stream().allMatch(r -> r.datasourcePackage() == DatasourcePackage.DETECTIVE_CORE
                && r.bytes() == r.events() * 1024 * 1024));
        long calls = events.stream().filter(ApiCall.class::isInstance).count();
        assertTrue(calls > 0);
        // every event one MiB: the average day's MiB, times 30, at $2 per GB of 1024 MiB
        double averageMib = (double) events.size() / perDay.size();
        assertEquals(averageMib * 30 / 1024 * 2.0, usage.projectedMonthlyCost(2.0), 1e-9);
    }
}
