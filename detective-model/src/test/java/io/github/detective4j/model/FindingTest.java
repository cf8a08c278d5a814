package io.github.detective4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FindingTest {
    private static final String ID = "c2b98b95c5440025c05b405065ed3bb9";
    private static final Instant FIRST = Instant.parse("2026-11-20T04:00:00Z");
    private static final Instant LAST = Instant.parse("2026-11-27T22:10:00Z");
    private static final EntityRef INSTANCE = EntityRef.ec2Instance("i-08a8e40be65425909");
    private static final EntityRef IP = EntityRef.ipAddress("104.16.1.42");
    private static final AwsResource INSTANCE_RESOURCE = new AwsResource(AwsResource.EC2_INSTANCE,
            "i-08a8e40be65425909", null, AwsResource.Action.TOUCHED);

    private static Finding.Builder minimal() {
        return Finding.builder().id(ID).type("CryptoCurrency:EC2/BitcoinTool.B").severity(Severity.ofGuardDuty(8))
                .observed(FIRST, LAST);
    }

    @Test
    void builderSetsEveryField() {
        Finding finding = Finding.builder()
                .id(ID)
                .arn("arn:aws:guardduty:us-east-1:111122223333:detector/12abc34d/finding/" + ID)
                .sourceProduct("GuardDuty")
                .type("CryptoCurrency:EC2/BitcoinTool.B")
                .title("EC2 instance i-08a8e40be65425909 is querying a domain associated with Bitcoin.")
                .description("The instance is communicating with a Bitcoin-related domain.")
                .severity(Severity.ofGuardDuty(8))
                .observed(FIRST, LAST)
                .createdAt(Instant.parse("2026-11-20T04:05:00Z"))
                .updatedAt(Instant.parse("2026-11-28T09:30:00Z"))
                .count(17)
                .accountId("111122223333")
                .region("us-east-1")
                .resources(List.of(INSTANCE_RESOURCE))
                .entities(List.of(INSTANCE, IP))
                .archived(true)
                .build();
        assertEquals(ID, finding.id());
        assertEquals("arn:aws:guardduty:us-east-1:111122223333:detector/12abc34d/finding/" + ID, finding.arn());
        assertEquals("GuardDuty", finding.sourceProduct());
        assertEquals("CryptoCurrency:EC2/BitcoinTool.B", finding.type());
        assertEquals("EC2 instance i-08a8e40be65425909 is querying a domain associated with Bitcoin.",
                finding.title());
        assertEquals("The instance is communicating with a Bitcoin-related domain.", finding.description());
        assertEquals(Severity.ofGuardDuty(8), finding.severity());
        assertEquals(FIRST, finding.firstObserved());
        assertEquals(LAST, finding.lastObserved());
        assertEquals(Instant.parse("2026-11-20T04:05:00Z"), finding.createdAt());
        assertEquals(Instant.parse("2026-11-28T09:30:00Z"), finding.updatedAt());
        assertEquals(17, finding.count());
        assertEquals("111122223333", finding.accountId());
        assertEquals("us-east-1", finding.region());
        assertEquals(List.of(INSTANCE_RESOURCE), finding.resources());
        assertEquals(List.of(INSTANCE, IP), finding.entities());
        assertTrue(finding.archived());
    }

    @Test
    void builderDefaultsToCountOneNotArchivedAndNoLists() {
        Finding finding = minimal().build();
        assertEquals(1, finding.count());
        assertFalse(finding.archived());
        assertEquals(List.of(), finding.resources());
        assertEquals(List.of(), finding.entities());
        assertNull(finding.arn());
        assertNull(finding.sourceProduct());
        assertNull(finding.title());
        assertNull(finding.description());
        assertNull(finding.createdAt());
        assertNull(finding.updatedAt());
        assertNull(finding.accountId());
        assertNull(finding.region());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n"})
    void blankOptionalStringsBecomeNull(String blank) {
        Finding finding = minimal().arn(blank).sourceProduct(blank).title(blank).description(blank).accountId(blank)
                .region(blank).build();
        assertNull(finding.arn());
        assertNull(finding.sourceProduct());
        assertNull(finding.title());
        assertNull(finding.description());
        assertNull(finding.accountId());
        assertNull(finding.region());
        assertEquals(minimal().build(), finding);
    }

    @Test
    void nullListsAreEmpty() {
        Finding finding = minimal().resources(null).entities(null).build();
        assertEquals(List.of(), finding.resources());
        assertEquals(List.of(), finding.entities());
    }

    // ---- required fields ------------------------------------------------------------------------------------

    @Test
    void idIsRequired() {
        Expect.nullPointer(() -> minimal().id(null).build(), "finding id must not be null");
        Expect.illegalArgument(() -> minimal().id("").build(), "finding id must not be blank");
        Expect.illegalArgument(() -> minimal().id("   ").build(), "finding id must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {" c2b98b95", "c2b98b95 ", "c2b9\u00008b95"})
    void idThatCannotBeAFindingEntityIsRejected(String id) {
        Expect.illegalArgument(() -> minimal().id(id).build(), "findings id");
    }

    @Test
    void typeIsRequired() {
        Expect.nullPointer(() -> minimal().type(null).build(), "finding type must not be null");
        Expect.illegalArgument(() -> minimal().type(" ").build(), "finding type must not be blank");
    }

    @Test
    void severityIsRequired() {
        Expect.nullPointer(() -> minimal().severity(null).build(), "severity must not be null");
    }

    @Test
    void observationsAreRequired() {
        Expect.nullPointer(() -> minimal().observed(null, LAST).build(), "firstObserved must not be null");
        Expect.nullPointer(() -> minimal().observed(FIRST, null).build(), "lastObserved must not be null");
    }

    @Test
    void invertedObservationsAreRejected() {
        Expect.illegalArgument(() -> minimal().observed(LAST, FIRST).build(),
                "finding " + ID + " was last observed at " + FIRST + ", before it was first observed at " + LAST);
    }

    @Test
    void singleObservationIsAccepted() {
        Finding finding = minimal().observed(FIRST, FIRST).build();
        assertEquals(FIRST, finding.firstObserved());
        assertEquals(FIRST, finding.lastObserved());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void countBelowOneIsRejected(long count) {
        Expect.illegalArgument(() -> minimal().count(count).build(),
                "finding " + ID + " count must be at least 1, was " + count);
    }

    @Test
    void largeCountIsAccepted() {
        assertEquals(Long.MAX_VALUE, minimal().count(Long.MAX_VALUE).build().count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234", "11112222333a"})
    void invalidAccountIdIsRejected(String accountId) {
        Expect.illegalArgument(() -> minimal().accountId(accountId).build(),
                "finding account id must be a 12-digit AWS account id, was '" + accountId + "'");
    }

    // ---- lists ----------------------------------------------------------------------------------------------

    @Test
    void listsAreCopiedSoLaterChangesToTheInputDoNotShow() {
        List<EntityRef> entities = new ArrayList<>(List.of(INSTANCE));
        List<AwsResource> resources = new ArrayList<>(List.of(INSTANCE_RESOURCE));
        Finding finding = minimal().entities(entities).resources(resources).build();
        entities.add(IP);
        resources.clear();
        assertEquals(List.of(INSTANCE), finding.entities());
        assertEquals(List.of(INSTANCE_RESOURCE), finding.resources());
    }

    @Test
    void listsCannotBeChangedThroughTheRecord() {
        Finding finding = minimal().entities(new ArrayList<>(List.of(INSTANCE)))
                .resources(new ArrayList<>(List.of(INSTANCE_RESOURCE))).build();
        assertThrows(UnsupportedOperationException.class, () -> finding.entities().add(IP));
        assertThrows(UnsupportedOperationException.class, () -> finding.entities().remove(0));
        assertThrows(UnsupportedOperationException.class, () -> finding.resources().clear());
        assertEquals(List.of(INSTANCE), finding.entities());
        assertEquals(List.of(INSTANCE_RESOURCE), finding.resources());
    }

    @Test
    void nullElementsAreRejected() {
        Expect.nullPointer(() -> minimal().entities(Arrays.asList(INSTANCE, null)).build(),
                "entities element must not be null");
        Expect.nullPointer(() -> minimal().resources(Arrays.asList((AwsResource) null)).build(),
                "resources element must not be null");
    }

    // ---- derived values -------------------------------------------------------------------------------------

    @Test
    void refIsTheFindingEntity() {
        Finding finding = minimal().build();
        assertEquals(EntityRef.finding(ID), finding.ref());
        assertEquals("findings/" + ID, finding.ref().toString());
        assertEquals(finding.ref(), EntityRef.parse(finding.ref().toString()));
    }

    @Test
    void refOfAnAsffIdKeepsItsSlashes() {
        String asffId = "arn:aws:securityhub:us-east-1:111122223333:subscription/aws-foundational/v/1.0.0/IAM.1"
                + "/finding/a1b2c3d4";
        Finding finding = minimal().id(asffId).build();
        assertEquals("findings/" + asffId, finding.ref().toString());
        assertEquals(finding.ref(), EntityRef.parse(finding.ref().toString()));
    }

    @Test
    void timePrefersUpdatedAt() {
        Instant updated = Instant.parse("2026-11-28T09:30:00Z");
        assertEquals(updated, minimal().updatedAt(updated).build().time());
        assertEquals(updated, minimal().updatedAt(updated).createdAt(FIRST).build().time());
    }

    @Test
    void timeWithoutUpdatedAtIsLastObserved() {
        assertEquals(LAST, minimal().build().time());
        assertEquals(LAST, minimal().createdAt(Instant.parse("2026-11-28T00:00:00Z")).build().time());
    }

    @Test
    void isASecurityEventOfItsAccount() {
        SecurityEvent event = minimal().accountId("111122223333").build();
        assertEquals("111122223333", event.accountId());
        assertEquals(LAST, event.time());
    }
}
