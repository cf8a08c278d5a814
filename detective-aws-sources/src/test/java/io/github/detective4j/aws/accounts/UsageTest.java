package io.github.detective4j.aws.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Detective's projection: the average over the active days of the last 30, times 30, times the price of a GB. */
class UsageTest {
    private static final String MEMBER = "444455556666";
    private static final String OTHER = "777788889999";
    private static final LocalDate LAST = LocalDate.parse("2026-11-27");

    @Test
    void theProjectionAveragesOverActiveDaysOfTheLastThirtyOnly() {
        Usage usage = new Usage(List.of(
                row(MEMBER, DatasourcePackage.DETECTIVE_CORE, LAST.minusDays(40), 100 * Usage.GB), // outside
                row(MEMBER, DatasourcePackage.DETECTIVE_CORE, LAST.minusDays(29), 1 * Usage.GB),   // first day in
                row(MEMBER, DatasourcePackage.ASFF_SECURITYHUB_FINDING, LAST.minusDays(29), 1 * Usage.GB),
                row(MEMBER, DatasourcePackage.DETECTIVE_CORE, LAST.minusDays(3), 4 * Usage.GB),
                row(OTHER, DatasourcePackage.DETECTIVE_CORE, LAST, Usage.GB / 2)), Map.of(), Map.of());

        // member: 6 GB over 2 active days = 3 GB a day; 3 * 30 * $2.00
        assertEquals(180.0, usage.projectedMonthlyCost(MEMBER, 2.00), 1e-9);
        // other: one active day of half a GB: 0.5 * 30 * $2.00
        assertEquals(30.0, usage.projectedMonthlyCost(OTHER, 2.00), 1e-9);
        assertEquals(210.0, usage.projectedMonthlyCost(2.00), 1e-9);
        assertEquals(0.0, usage.projectedMonthlyCost("123456789012", 2.00));
        assertEquals(106 * Usage.GB, usage.bytes(MEMBER));
    }

    @Test
    void theCorePackageCannotBeTurnedOffNorTheAdministratorMadeAMember() {
        MemberAccounts accounts = MemberAccounts.builder("111122223333").build();
        assertThrows(IllegalArgumentException.class,
                () -> accounts.setPackage(DatasourcePackage.DETECTIVE_CORE, false));
        assertThrows(IllegalArgumentException.class,
                () -> accounts.setStatus("111122223333", MemberStatus.ENABLED));
        assertThrows(IllegalArgumentException.class, () -> accounts.setStatus("4444", MemberStatus.ENABLED));
    }

    private static UsageRow row(String account, DatasourcePackage datasourcePackage, LocalDate day, long bytes) {
        return new UsageRow(account, datasourcePackage, day, 1, bytes);
    }
}
