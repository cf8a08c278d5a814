package io.github.detective4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiCallTest {
    private static final Instant TIME = Instant.parse("2026-11-20T03:12:45Z");
    private static final Principal ALICE = Principal.builder(PrincipalType.IAM_USER)
            .principalId("AIDACKCEVSQ6C2EXAMPLE").accountId("111122223333").userName("Alice").build();
    private static final AwsResource TRAIL = new AwsResource(AwsResource.CLOUDTRAIL_TRAIL, "management-events",
            "arn:aws:cloudtrail:us-east-1:111122223333:trail/management-events", AwsResource.Action.DELETED);
    private static final AwsResource BUCKET = new AwsResource(AwsResource.S3_BUCKET, "trail-logs", null,
            AwsResource.Action.TOUCHED);

    private static ApiCall.Builder minimal() {
        return ApiCall.builder().eventTime(TIME).principal(ALICE).eventSource("cloudtrail.amazonaws.com")
                .eventName("StopLogging");
    }

    @Test
    void builderSetsEveryField() {
        ApiCall call = ApiCall.builder()
                .eventTime(TIME)
                .eventId("3038ebd2-c98a-4c65-9b6e-e22506292313")
                .accountId("111122223333")
                .region("us-east-1")
                .principal(ALICE)
                .sourceIpAddress("198.51.100.7")
                .sourceService("cloudformation.amazonaws.com")
                .userAgent("aws-cli/2.15.0 Python/3.11.6")
                .eventSource("cloudtrail.amazonaws.com")
                .eventName("StopLogging")
                .errorCode("AccessDenied")
                .errorMessage("User is not authorized")
                .eventType("AwsApiCall")
                .readOnly(Boolean.FALSE)
                .resources(List.of(TRAIL, BUCKET))
                .build();
        assertEquals(TIME, call.eventTime());
        assertEquals(TIME, call.time());
        assertEquals("3038ebd2-c98a-4c65-9b6e-e22506292313", call.eventId());
        assertEquals("111122223333", call.accountId());
        assertEquals("us-east-1", call.region());
        assertSame(ALICE, call.principal());
        assertEquals("198.51.100.7", call.sourceIpAddress());
        assertEquals("cloudformation.amazonaws.com", call.sourceService());
        assertEquals("aws-cli/2.15.0 Python/3.11.6", call.userAgent());
        assertEquals("cloudtrail.amazonaws.com", call.eventSource());
        assertEquals("StopLogging", call.eventName());
        assertEquals("AccessDenied", call.errorCode());
        assertEquals("User is not authorized", call.errorMessage());
        assertEquals("AwsApiCall", call.eventType());
        assertEquals(Boolean.FALSE, call.readOnly());
        assertEquals(List.of(TRAIL, BUCKET), call.resources());
        assertEquals(new ApiCall(TIME, "3038ebd2-c98a-4c65-9b6e-e22506292313", "111122223333", "us-east-1", ALICE,
                "198.51.100.7", "cloudformation.amazonaws.com", "aws-cli/2.15.0 Python/3.11.6",
                "cloudtrail.amazonaws.com", "StopLogging", "AccessDenied", "User is not authorized", "AwsApiCall",
                Boolean.FALSE, List.of(TRAIL, BUCKET)), call);
    }

    @Test
    void optionalFieldsDefaultToNullAndNoResources() {
        ApiCall call = minimal().build();
        assertOptionalStringsNull(call);
        assertNull(call.readOnly());
        assertEquals(List.of(), call.resources());
        assertEquals(Optional.empty(), call.sourceIpEntity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void blankOptionalStringsBecomeNull(String blank) {
        ApiCall call = minimal().eventId(blank).accountId(blank).region(blank).sourceIpAddress(blank)
                .sourceService(blank).userAgent(blank).errorCode(blank).errorMessage(blank).eventType(blank).build();
        assertOptionalStringsNull(call);
        assertEquals(minimal().build(), call);
    }

    @Test
    void userAgentIsKeptExactlyAsLogged() {
        assertEquals(" Boto3/1.34.0  md/Botocore#1.34.0 ", minimal().userAgent(" Boto3/1.34.0  md/Botocore#1.34.0 ")
                .build().userAgent());
    }

    // ---- required fields ------------------------------------------------------------------------------------

    @Test
    void eventTimeIsRequired() {
        Expect.nullPointer(() -> minimal().eventTime(null).build(), "eventTime must not be null");
    }

    @Test
    void principalIsRequired() {
        Expect.nullPointer(() -> minimal().principal(null).build(), "principal must not be null");
    }

    @Test
    void eventSourceIsRequired() {
        Expect.nullPointer(() -> minimal().eventSource(null).build(), "eventSource must not be null");
        Expect.illegalArgument(() -> minimal().eventSource("").build(), "eventSource must not be blank");
        Expect.illegalArgument(() -> minimal().eventSource("  ").build(), "eventSource must not be blank");
    }

    @Test
    void eventNameIsRequired() {
        Expect.nullPointer(() -> minimal().eventName(null).build(), "eventName must not be null");
        Expect.illegalArgument(() -> minimal().eventName("").build(), "eventName must not be blank");
        Expect.illegalArgument(() -> minimal().eventName(" \t").build(), "eventName must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234", "11112222333a", "1111-2222-3333"})
    void invalidRecipientAccountIdIsRejected(String accountId) {
        Expect.illegalArgument(() -> minimal().accountId(accountId).build(),
                "recipientAccountId must be a 12-digit AWS account id, was '" + accountId + "'");
    }

    // ---- source address -------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "198.51.100.7 | 198.51.100.7",
        "2001:DB8:0:0:0:0:0:7 | 2001:db8::7",
        "::ffff:198.51.100.7 | 198.51.100.7",
    })
    void sourceIpIsNormalized(String literal, String canonical) {
        ApiCall call = minimal().sourceIpAddress(literal).build();
        assertEquals(canonical, call.sourceIpAddress());
        assertEquals(Optional.of(EntityRef.ipAddress(canonical)), call.sourceIpEntity());
        assertEquals("IpAddress/" + canonical, call.sourceIpEntity().orElseThrow().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ec2.amazonaws.com", "AWS Internal", "010.0.0.1", "198.51.100.256", "fe80::1%eth0"})
    void sourceIpThatIsNoIpLiteralIsRejected(String text) {
        Expect.illegalArgument(() -> minimal().sourceIpAddress(text).build(),
                "'" + text + "' is not an IPv4 or IPv6 address literal");
    }

    @Test
    void serviceNameGoesToSourceServiceWithoutAnAddress() {
        ApiCall call = minimal().sourceService("ec2.amazonaws.com").build();
        assertEquals("ec2.amazonaws.com", call.sourceService());
        assertNull(call.sourceIpAddress());
        assertEquals(Optional.empty(), call.sourceIpEntity());
    }

    // ---- derived values -------------------------------------------------------------------------------------

    @Test
    void successMeansNoErrorCodeAndNoErrorMessage() {
        assertTrue(minimal().build().isSuccess());
        assertTrue(minimal().errorCode("").errorMessage(" ").build().isSuccess());
        assertFalse(minimal().errorCode("AccessDenied").build().isSuccess());
        assertFalse(minimal().errorMessage("Failed authentication").build().isSuccess());
        assertFalse(minimal().errorCode("AccessDenied").errorMessage("denied").build().isSuccess());
    }

    @ParameterizedTest
    @CsvSource({
        "iam.amazonaws.com, iam",
        "cloudtrail.amazonaws.com, cloudtrail",
        "signin.amazonaws.com, signin",
        "sts.amazonaws.com, sts",
        "s3.amazonaws.com, s3",
        "custom.example.com, custom.example.com",
        "amazonaws.com, amazonaws.com",
        "iam.amazonaws.com.cn, iam.amazonaws.com.cn",
    })
    void serviceIsTheEventSourceWithoutAmazonawsCom(String eventSource, String service) {
        assertEquals(service, minimal().eventSource(eventSource).build().service());
    }

    // ---- resources ------------------------------------------------------------------------------------------

    @Test
    void nullResourcesAreEmpty() {
        ApiCall call = new ApiCall(TIME, null, null, null, ALICE, null, null, null, "iam.amazonaws.com",
                "CreateUser", null, null, null, null, null);
        assertEquals(List.of(), call.resources());
        assertEquals(List.of(), minimal().resources(null).build().resources());
    }

    @Test
    void resourcesAreCopiedSoLaterChangesToTheInputDoNotShow() {
        List<AwsResource> input = new ArrayList<>(List.of(TRAIL));
        ApiCall call = minimal().resources(input).build();
        input.add(BUCKET);
        input.set(0, BUCKET);
        assertEquals(List.of(TRAIL), call.resources());
    }

    @Test
    void resourcesCannotBeChangedThroughTheRecord() {
        ApiCall call = minimal().resources(new ArrayList<>(List.of(TRAIL, BUCKET))).build();
        List<AwsResource> resources = call.resources();
        assertThrows(UnsupportedOperationException.class, () -> resources.add(TRAIL));
        assertThrows(UnsupportedOperationException.class, () -> resources.remove(0));
        assertThrows(UnsupportedOperationException.class, () -> resources.set(0, BUCKET));
        assertThrows(UnsupportedOperationException.class, resources::clear);
        assertEquals(List.of(TRAIL, BUCKET), call.resources());
    }

    @Test
    void resourcesKeepTheirOrder() {
        assertEquals(List.of(BUCKET, TRAIL), minimal().resources(List.of(BUCKET, TRAIL)).build().resources());
    }

    @Test
    void nullResourceIsRejected() {
        Expect.nullPointer(() -> minimal().resources(Arrays.asList(TRAIL, null)).build(),
                "resources element must not be null");
    }

    @Test
    void builderCanBeReusedWithoutChangingBuiltCalls() {
        ApiCall.Builder builder = minimal();
        ApiCall first = builder.build();
        ApiCall second = builder.eventName("StartLogging").build();
        assertEquals("StopLogging", first.eventName());
        assertEquals("StartLogging", second.eventName());
    }

    @Test
    void missingReadOnlyStaysNullAndGivenReadOnlyIsKept() {
        assertNull(minimal().readOnly(null).build().readOnly());
        assertEquals(Boolean.TRUE, minimal().readOnly(Boolean.TRUE).build().readOnly());
        assertEquals(Boolean.FALSE, minimal().readOnly(Boolean.FALSE).build().readOnly());
    }

    @Test
    void isASecurityEventOfItsRecipientAccount() {
        SecurityEvent event = minimal().accountId("111122223333").build();
        assertEquals(TIME, event.time());
        assertEquals("111122223333", event.accountId());
    }

    private static void assertOptionalStringsNull(ApiCall call) {
        assertNull(call.eventId());
        assertNull(call.accountId());
        assertNull(call.region());
        assertNull(call.sourceIpAddress());
        assertNull(call.sourceService());
        assertNull(call.userAgent());
        assertNull(call.errorCode());
        assertNull(call.errorMessage());
        assertNull(call.eventType());
    }
}
