package io.github.detective4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PrincipalTypeTest {

    @ParameterizedTest
    @CsvSource({
        "Root, ROOT",
        "IAMUser, IAM_USER",
        "AssumedRole, ASSUMED_ROLE",
        "Role, ROLE",
        "Directory, DIRECTORY",
        "FederatedUser, FEDERATED_USER",
        "WebIdentityUser, WEB_IDENTITY_USER",
        "SAMLUser, SAML_USER",
        "AWSService, AWS_SERVICE",
        "AWSAccount, AWS_ACCOUNT",
        "IdentityCenterUser, IDENTITY_CENTER_USER",
        "Unknown, UNKNOWN",
    })
    void fromCloudTrailReadsCloudTrailsSpelling(String cloudTrail, PrincipalType type) {
        assertSame(type, PrincipalType.fromCloudTrail(cloudTrail));
        assertEquals(cloudTrail, type.cloudTrailName());
    }

    @ParameterizedTest
    @EnumSource(PrincipalType.class)
    void cloudTrailNameReadsBack(PrincipalType type) {
        assertSame(type, PrincipalType.fromCloudTrail(type.cloudTrailName()));
    }

    @Test
    void cloudTrailNamesAreDistinct() {
        Set<String> names = Arrays.stream(PrincipalType.values()).map(PrincipalType::cloudTrailName)
                .collect(Collectors.toSet());
        assertEquals(PrincipalType.values().length, names.size());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"iamuser", "IAMUSER", "IAM_USER", "AssumedRole ", " Root", "assumedrole", "directory",
        "AWSServiceRole", "SAMLuser", "root"})
    void anythingElseIsUnknown(String cloudTrail) {
        assertSame(PrincipalType.UNKNOWN, PrincipalType.fromCloudTrail(cloudTrail));
    }
}
