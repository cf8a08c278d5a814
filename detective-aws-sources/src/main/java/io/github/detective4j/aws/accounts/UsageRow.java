package io.github.detective4j.aws.accounts;

import java.time.LocalDate;

/**
 * The data one member account contributed in one data source package on one UTC day. Immutable.
 *
 * @param accountId the 12-digit account
 * @param datasourcePackage the package
 * @param day the UTC day of the events' own times
 * @param events events ingested
 * @param bytes their volume, in bytes, as the {@link MemberAccounts} measures it
 */
public record UsageRow(String accountId, DatasourcePackage datasourcePackage, LocalDate day, long events,
        long bytes) {}
