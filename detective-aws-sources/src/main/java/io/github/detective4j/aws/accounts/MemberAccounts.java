package io.github.detective4j.aws.accounts;

import io.github.detective4j.model.EventSink;
import io.github.detective4j.model.SecurityEvent;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;

/**
 * The accounts of a behavior graph, as Amazon Detective has them: one administrator account and member accounts,
 * each with its {@link MemberStatus}, and the optional {@link DatasourcePackage}s the graph takes in. Put
 * {@link #filter(EventSink)} in front of the graph and only the events of the administrator and of
 * {@link MemberStatus#ENABLED} members, in an enabled package, reach it; the others are counted and dropped, never
 * mixed in. The status counts when an event is delivered: a member's events are ingested while it is enabled.
 *
 * <pre>{@code
 * MemberAccounts accounts = MemberAccounts.builder("111122223333").build();   // the administrator
 * accounts.setStatus("444455556666", MemberStatus.ENABLED);                   // as Detective's ListMembers says
 * accounts.setStatus("999988887777", MemberStatus.INVITED);
 * S3LogSource.builder(s3, bucket)...build().read(accounts.filter(graph));
 * accounts.usage().projectedMonthlyCost(2.00);
 * }</pre>
 *
 * <p>Usage is counted per account, package and the UTC day of each event's time (so re-reading history gives the
 * usage of reading it live), in bytes as measured by {@link Builder#volume} (by default the length of the event's
 * text form, a stand-in for the raw record's size, which the sink does not see). Thread-safe: any number of threads
 * may deliver through filters while others change statuses or take usage.
 */
public final class MemberAccounts {
    private final String administrator;
    private final ToLongFunction<SecurityEvent> volume;
    private final Map<String, MemberStatus> members = new ConcurrentHashMap<>();
    private final Set<DatasourcePackage> packages = ConcurrentHashMap.newKeySet();
    private final Map<UsageKey, Counts> ingested = new ConcurrentHashMap<>();
    private final Map<String, Counts> dropped = new ConcurrentHashMap<>();

    private record UsageKey(String accountId, DatasourcePackage datasourcePackage, LocalDate day) {}

    private static final class Counts {
        final LongAdder events = new LongAdder();
        final LongAdder bytes = new LongAdder();
    }

    private MemberAccounts(Builder b) {
        this.administrator = b.administrator;
        this.volume = b.volume;
        this.packages.addAll(b.packages);
    }

    /**
     * Returns a builder of the accounts of a graph with this administrator account, whose data always counts.
     *
     * @param administratorAccountId the 12-digit account
     * @return a new builder
     */
    public static Builder builder(String administratorAccountId) {
        return new Builder(administratorAccountId);
    }

    /**
     * Returns the administrator account.
     *
     * @return the 12-digit account id
     */
    public String administrator() {
        return administrator;
    }

    /**
     * Sets a member's status, adding the member if it is new: as an invitation, an acceptance, a disabling or a
     * re-enabling changes it in Detective (mirror {@code ListMembers} here).
     *
     * @param accountId the member's 12-digit account id, not the administrator's
     * @param status its status
     * @throws IllegalArgumentException if {@code accountId} is not 12 digits or is the administrator's
     */
    public void setStatus(String accountId, MemberStatus status) {
        Objects.requireNonNull(status, "status");
        if (accountId.equals(administrator)) {
            throw new IllegalArgumentException("the administrator account " + accountId + " is not a member");
        }
        members.put(requireAccount(accountId), status);
    }

    /**
     * Removes a member: from now on its data is dropped, as that of any other account outside the graph.
     *
     * @param accountId the member's account id
     * @return whether it was a member
     */
    public boolean remove(String accountId) {
        return members.remove(accountId) != null;
    }

    /**
     * Returns a member's status.
     *
     * @param accountId an account id
     * @return its status, or empty if it is not a member (never invited, or removed)
     */
    public Optional<MemberStatus> status(String accountId) {
        return Optional.ofNullable(members.get(accountId));
    }

    /**
     * Returns the members and their statuses.
     *
     * @return a snapshot, sorted by account id
     */
    public Map<String, MemberStatus> members() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(members));
    }

    /**
     * Turns an optional data source package on or off; {@link DatasourcePackage#DETECTIVE_CORE} is always on.
     *
     * @param datasourcePackage the package
     * @param enabled whether the graph takes it in
     * @throws IllegalArgumentException if asked to turn {@link DatasourcePackage#DETECTIVE_CORE} off
     */
    public void setPackage(DatasourcePackage datasourcePackage, boolean enabled) {
        if (datasourcePackage == DatasourcePackage.DETECTIVE_CORE && !enabled) {
            throw new IllegalArgumentException("DETECTIVE_CORE is part of every behavior graph");
        }
        if (enabled) {
            packages.add(datasourcePackage);
        } else {
            packages.remove(datasourcePackage);
        }
    }

    /**
     * Returns whether an account's data of a package is taken in now.
     *
     * @param accountId the account, or null for an event that named none
     * @param datasourcePackage the package
     * @return true for the administrator and enabled members, in an enabled package
     */
    public boolean accepts(String accountId, DatasourcePackage datasourcePackage) {
        boolean member = accountId != null
                && (accountId.equals(administrator) || members.get(accountId) == MemberStatus.ENABLED);
        return member && packages.contains(datasourcePackage);
    }

    /**
     * Returns a sink that passes to another only the events {@link #accepts} takes, counting usage and drops here.
     * Thread-safe if the downstream sink is.
     *
     * @param downstream the graph, or any sink
     * @return the filter
     */
    public EventSink filter(EventSink downstream) {
        Objects.requireNonNull(downstream, "downstream");
        return new EventSink() {
            @Override
            public void accept(SecurityEvent event) {
                if (take(event)) {
                    downstream.accept(event);
                }
            }

            @Override
            public void acceptAll(List<? extends SecurityEvent> events) {
                List<SecurityEvent> taken = new ArrayList<>(events.size());
                for (SecurityEvent event : events) {
                    if (take(event)) {
                        taken.add(event);
                    }
                }
                downstream.acceptAll(taken); // one batch still: a graph locks once
            }
        };
    }

    private boolean take(SecurityEvent event) {
        DatasourcePackage datasourcePackage = DatasourcePackage.of(event);
        long bytes = volume.applyAsLong(event);
        if (bytes < 0) {
            throw new IllegalStateException("the volume function gave " + bytes + " bytes for an event");
        }
        String account = event.accountId();
        if (!accepts(account, datasourcePackage)) {
            Counts counts = dropped.computeIfAbsent(account == null ? "(none)" : account, k -> new Counts());
            counts.events.increment();
            counts.bytes.add(bytes);
            return false;
        }
        LocalDate day = LocalDate.ofInstant(event.time(), ZoneOffset.UTC);
        Counts counts = ingested.computeIfAbsent(new UsageKey(account, datasourcePackage, day), k -> new Counts());
        counts.events.increment();
        counts.bytes.add(bytes);
        return true;
    }

    /**
     * Returns what was ingested and dropped through this object's filters so far.
     *
     * @return a snapshot
     */
    public Usage usage() {
        List<UsageRow> rows = new ArrayList<>();
        ingested.forEach((key, counts) -> rows.add(new UsageRow(key.accountId(), key.datasourcePackage(), key.day(),
                counts.events.sum(), counts.bytes.sum())));
        Map<String, Long> droppedEvents = new TreeMap<>();
        Map<String, Long> droppedBytes = new TreeMap<>();
        dropped.forEach((account, counts) -> {
            droppedEvents.put(account, counts.events.sum());
            droppedBytes.put(account, counts.bytes.sum());
        });
        return new Usage(rows, droppedEvents, droppedBytes);
    }

    private static String requireAccount(String accountId) {
        if (accountId == null || !accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("not a 12-digit account id: " + accountId);
        }
        return accountId;
    }

    /** Configures {@link MemberAccounts}. Not thread-safe. */
    public static final class Builder {
        private final String administrator;
        private ToLongFunction<SecurityEvent> volume = event -> event.toString().length();
        private final Set<DatasourcePackage> packages = EnumSet.of(DatasourcePackage.DETECTIVE_CORE,
                DatasourcePackage.EKS_AUDIT, DatasourcePackage.ASFF_SECURITYHUB_FINDING);

        private Builder(String administrator) {
            this.administrator = requireAccount(administrator);
        }

        /**
         * Measures each event's volume, in bytes, for usage; by default the number of UTF-16 characters of its text
         * form, a stand-in for its size in bytes.
         *
         * @param volume bytes of an event, never negative: a negative volume is an {@link IllegalStateException}
         *     when the event is taken
         * @return this builder
         */
        public Builder volume(ToLongFunction<SecurityEvent> volume) {
            this.volume = Objects.requireNonNull(volume, "volume");
            return this;
        }

        /**
         * Sets the optional packages the graph starts with; by default all (Detective enables them in new graphs).
         *
         * @param optional the packages besides {@link DatasourcePackage#DETECTIVE_CORE}
         * @return this builder
         */
        public Builder optionalPackages(DatasourcePackage... optional) {
            packages.clear();
            packages.add(DatasourcePackage.DETECTIVE_CORE);
            packages.addAll(List.of(optional));
            return this;
        }

        /**
         * Builds the accounts, with no member yet.
         *
         * @return the accounts
         */
        public MemberAccounts build() {
            return new MemberAccounts(this);
        }
    }
}
