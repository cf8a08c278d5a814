package io.github.detective4j.model;

import java.time.Instant;
import java.util.List;

/**
 * A security finding from GuardDuty, Security Hub or another product that writes ASFF.
 *
 * <p>Field sources, GuardDuty first, ASFF second: {@code id}/{@code Id}, {@code arn}/{@code ProductArn}-scoped
 * {@code Id}, {@code type}/{@code Types[0]}, {@code title}/{@code Title},
 * {@code severity}/{@code Severity}, {@code service.eventFirstSeen}/{@code FirstObservedAt},
 * {@code service.eventLastSeen}/{@code LastObservedAt}, {@code service.count}/{@code Sample}-less count 1,
 * {@code service.archived}/{@code Workflow.Status} {@code SUPPRESSED} or {@code RecordState} {@code ARCHIVED}.
 *
 * <pre>{@code
 * Finding finding = Finding.builder()
 *     .id("c2b98b95c5440025c05b405065ed3bb9").sourceProduct("GuardDuty")
 *     .type("CryptoCurrency:EC2/BitcoinTool.B").severity(Severity.ofGuardDuty(8))
 *     .observed(Instant.parse("2026-11-20T04:00:00Z"), Instant.parse("2026-11-27T22:10:00Z"))
 *     .entities(List.of(EntityRef.ec2Instance("i-08a8e40be65425909"), EntityRef.ipAddress("104.16.1.42")))
 *     .build();
 * ScopeTime.ofFinding(finding);   // 2026-11-20T04:00:00Z/2026-11-27T23:00:00Z
 * }</pre>
 *
 * @param id the finding id, unique within its product
 * @param arn the finding's ARN, or null
 * @param sourceProduct the product that reported it, such as {@code GuardDuty} or {@code Inspector}, or null
 * @param type the finding type, such as {@code CryptoCurrency:EC2/BitcoinTool.B} or
 *     {@code TTPs/Defense Evasion/Stealth:IAMUser-CloudTrailLoggingDisabled}
 * @param title a one-line title, or null; attacker-influenced
 * @param description a longer description, or null; attacker-influenced
 * @param severity the severity
 * @param firstObserved the first time the activity was observed, UTC
 * @param lastObserved the last time the activity was observed, UTC, not before {@code firstObserved}
 * @param createdAt when the product created the finding, UTC, or null
 * @param updatedAt when the product last updated the finding, UTC, or null
 * @param count how many times the activity was observed, at least 1
 * @param accountId the account the finding is about, or null
 * @param region the region the finding is about, or null
 * @param resources the resources the finding names, as the product typed them
 * @param entities the behavior-graph entities the finding involves: instances, IP addresses, principals, buckets
 * @param archived whether the finding was archived or suppressed
 */
public record Finding(
        String id,
        String arn,
        String sourceProduct,
        String type,
        String title,
        String description,
        Severity severity,
        Instant firstObserved,
        Instant lastObserved,
        Instant createdAt,
        Instant updatedAt,
        long count,
        String accountId,
        String region,
        List<AwsResource> resources,
        List<EntityRef> entities,
        boolean archived) implements SecurityEvent {
    /**
     * Returns the fields, every string {@linkplain SafeText#describe escaped}: they come from logs.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return SafeText.describe(this);
    }


    /**
     * Creates a finding; blank strings become null.
     *
     * @param id the finding id, unique within its product
     * @param arn the finding's ARN, or null
     * @param sourceProduct the product that reported it, such as {@code GuardDuty} or {@code Inspector}, or null
     * @param type the finding type, such as {@code CryptoCurrency:EC2/BitcoinTool.B} or
     *     {@code TTPs/Defense Evasion/Stealth:IAMUser-CloudTrailLoggingDisabled}
     * @param title a one-line title, or null; attacker-influenced
     * @param description a longer description, or null; attacker-influenced
     * @param severity the severity
     * @param firstObserved the first time the activity was observed, UTC
     * @param lastObserved the last time the activity was observed, UTC, not before {@code firstObserved}
     * @param createdAt when the product created the finding, UTC, or null
     * @param updatedAt when the product last updated the finding, UTC, or null
     * @param count how many times the activity was observed, at least 1
     * @param accountId the account the finding is about, or null
     * @param region the region the finding is about, or null
     * @param resources the resources the finding names, as the product typed them
     * @param entities the behavior-graph entities the finding involves: instances, IP addresses, principals, buckets
     * @param archived whether the finding was archived or suppressed
     * @throws IllegalArgumentException if the id or type is blank, the id does not fit a {@code findings} entity id
     *     (see {@link EntityType}), the observations are inverted, the count is below 1 or the account id is not
     *     12 digits
     */
    public Finding {
        Require.nonBlank(id, "finding id");
        EntityRef.finding(id); // checks the id's shape, so that ref() cannot fail
        arn = Require.blankToNull(arn);
        sourceProduct = Require.blankToNull(sourceProduct);
        Require.nonBlank(type, "finding type");
        title = Require.blankToNull(title);
        description = Require.blankToNull(description);
        Require.nonNull(severity, "severity");
        Require.nonNull(firstObserved, "firstObserved");
        Require.nonNull(lastObserved, "lastObserved");
        if (lastObserved.isBefore(firstObserved)) {
            throw new IllegalArgumentException("finding " + id + " was last observed at " + lastObserved
                    + ", before it was first observed at " + firstObserved);
        }
        if (count < 1) {
            throw new IllegalArgumentException("finding " + id + " count must be at least 1, was " + count);
        }
        accountId = Require.accountId(Require.blankToNull(accountId), "finding account id");
        region = Require.blankToNull(region);
        resources = resources == null ? List.of() : Require.immutableList(resources, "resources");
        entities = entities == null ? List.of() : Require.immutableList(entities, "entities");
    }

    /**
     * Returns a builder.
     *
     * @return a new builder, with count 1 and not archived
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns when the finding was last updated, or else last observed: the instant that orders a finding's
     * updates.
     *
     * @return {@link #updatedAt()} when known, else {@link #lastObserved()}
     */
    @Override
    public Instant time() {
        return updatedAt != null ? updatedAt : lastObserved;
    }

    /**
     * Returns this finding as an entity.
     *
     * @return {@code findings/<id>}
     */
    public EntityRef ref() {
        return EntityRef.finding(id);
    }

    /**
     * Builds a {@link Finding}. Not thread-safe.
     */
    public static final class Builder {
        private String id;
        private String arn;
        private String sourceProduct;
        private String type;
        private String title;
        private String description;
        private Severity severity;
        private Instant firstObserved;
        private Instant lastObserved;
        private Instant createdAt;
        private Instant updatedAt;
        private long count = 1;
        private String accountId;
        private String region;
        private List<AwsResource> resources = List.of();
        private List<EntityRef> entities = List.of();
        private boolean archived;

        private Builder() {}

        /**
         * Sets the id.
         *
         * @param id the finding id
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * Sets the ARN.
         *
         * @param arn the finding's ARN
         * @return this builder
         */
        public Builder arn(String arn) {
            this.arn = arn;
            return this;
        }

        /**
         * Sets the reporting product.
         *
         * @param sourceProduct such as {@code GuardDuty}
         * @return this builder
         */
        public Builder sourceProduct(String sourceProduct) {
            this.sourceProduct = sourceProduct;
            return this;
        }

        /**
         * Sets the finding type.
         *
         * @param type the finding type
         * @return this builder
         */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /**
         * Sets the title.
         *
         * @param title the title
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * Sets the description.
         *
         * @param description the description
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets the severity.
         *
         * @param severity the severity
         * @return this builder
         */
        public Builder severity(Severity severity) {
            this.severity = severity;
            return this;
        }

        /**
         * Sets the first and last observations.
         *
         * @param first first observed, UTC
         * @param last last observed, UTC
         * @return this builder
         */
        public Builder observed(Instant first, Instant last) {
            this.firstObserved = first;
            this.lastObserved = last;
            return this;
        }

        /**
         * Sets when the product created the finding.
         *
         * @param createdAt UTC
         * @return this builder
         */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * Sets when the product last updated the finding.
         *
         * @param updatedAt UTC
         * @return this builder
         */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * Sets how many times the activity was observed.
         *
         * @param count at least 1
         * @return this builder
         */
        public Builder count(long count) {
            this.count = count;
            return this;
        }

        /**
         * Sets the account.
         *
         * @param accountId the 12-digit account id
         * @return this builder
         */
        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /**
         * Sets the region.
         *
         * @param region such as {@code us-east-1}
         * @return this builder
         */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * Sets the resources the finding names.
         *
         * @param resources the resources
         * @return this builder
         */
        public Builder resources(List<AwsResource> resources) {
            this.resources = resources;
            return this;
        }

        /**
         * Sets the entities the finding involves.
         *
         * @param entities the entities
         * @return this builder
         */
        public Builder entities(List<EntityRef> entities) {
            this.entities = entities;
            return this;
        }

        /**
         * Sets whether the finding is archived.
         *
         * @param archived true if archived or suppressed
         * @return this builder
         */
        public Builder archived(boolean archived) {
            this.archived = archived;
            return this;
        }

        /**
         * Builds the finding.
         *
         * @return the finding
         * @throws IllegalArgumentException or NullPointerException as the record's constructor does
         */
        public Finding build() {
            return new Finding(id, arn, sourceProduct, type, title, description, severity, firstObserved,
                    lastObserved, createdAt, updatedAt, count, accountId, region, resources, entities, archived);
        }
    }
}
