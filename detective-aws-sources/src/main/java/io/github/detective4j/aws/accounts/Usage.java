package io.github.detective4j.aws.accounts;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the member accounts of a graph contributed, per account, data source package and UTC day, and what was
 * dropped because it came from an account that is not an enabled member; with Amazon Detective's projection of the
 * cost of 30 days. Immutable; a snapshot taken by {@link MemberAccounts#usage()}.
 *
 * <pre>{@code
 * Usage usage = members.usage();
 * usage.bytes("444455556666");                 // volume ingested from that account, in bytes
 * usage.projectedMonthlyCost(2.00);            // USD at $2.00 per GB
 * usage.droppedEvents();                       // {"999988887777"=1523}: not a member, never in the graph
 * }</pre>
 *
 * @param rows the volume ingested, by account, package and day, sorted by account, package, day
 * @param droppedEvents events dropped, by the account they came from ({@code (none)} when they named none)
 * @param droppedBytes the volume of those events, in bytes, by account
 */
public record Usage(List<UsageRow> rows, Map<String, Long> droppedEvents, Map<String, Long> droppedBytes) {
    /** One GB as AWS bills it: 2^30 bytes. */
    public static final long GB = 1L << 30;
    /** How many days the projection averages over at most, and projects to. */
    public static final int PROJECTION_DAYS = 30;

    /**
     * Creates a snapshot.
     *
     * @param rows the rows
     * @param droppedEvents dropped events by account
     * @param droppedBytes dropped bytes by account
     */
    public Usage {
        rows = rows.stream().sorted(Comparator.comparing(UsageRow::accountId)
                .thenComparing(UsageRow::datasourcePackage).thenComparing(UsageRow::day)).toList();
        droppedEvents = java.util.Collections.unmodifiableMap(new TreeMap<>(droppedEvents));
        droppedBytes = java.util.Collections.unmodifiableMap(new TreeMap<>(droppedBytes));
    }

    /**
     * Returns the volume ingested from one account, over every day and package.
     *
     * @param accountId the account
     * @return bytes
     */
    public long bytes(String accountId) {
        return rows.stream().filter(r -> r.accountId().equals(accountId)).mapToLong(UsageRow::bytes).sum();
    }

    /**
     * Projects one account's cost of 30 days as Amazon Detective does: its average daily volume over the days it
     * contributed data among the last {@value #PROJECTION_DAYS} (ending on the latest day of this usage, any
     * account's), times {@value #PROJECTION_DAYS}, times the price of a GB ({@link #GB} bytes).
     *
     * @param accountId the account
     * @param pricePerGb the price of one GB, in the caller's currency
     * @return the projected cost; 0 for an account without data in the window
     */
    public double projectedMonthlyCost(String accountId, double pricePerGb) {
        if (rows.isEmpty()) {
            return 0;
        }
        LocalDate last = rows.stream().map(UsageRow::day).max(Comparator.naturalOrder()).orElseThrow();
        LocalDate first = last.minusDays(PROJECTION_DAYS - 1L);
        Set<LocalDate> activeDays = new HashSet<>();
        long bytes = 0;
        for (UsageRow row : rows) {
            if (row.accountId().equals(accountId) && !row.day().isBefore(first) && row.bytes() > 0) {
                activeDays.add(row.day());
                bytes += row.bytes();
            }
        }
        if (activeDays.isEmpty()) {
            return 0;
        }
        double averagePerDay = (double) bytes / activeDays.size();
        return averagePerDay * PROJECTION_DAYS / GB * pricePerGb;
    }

    /**
     * Projects the whole graph's cost of 30 days: the sum of every account's projection.
     *
     * @param pricePerGb the price of one GB
     * @return the projected cost
     */
    public double projectedMonthlyCost(double pricePerGb) {
        return rows.stream().map(UsageRow::accountId).distinct()
                .mapToDouble(account -> projectedMonthlyCost(account, pricePerGb)).sum();
    }
}
