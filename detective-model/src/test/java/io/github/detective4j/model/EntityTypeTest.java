package io.github.detective4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntityTypeTest {

    @ParameterizedTest
    @CsvSource({
        "AWS_ACCOUNT, AwsAccount",
        "AWS_USER, AwsUser",
        "AWS_ROLE, AwsRole",
        "AWS_ROLE_SESSION, AwsRoleSession",
        "FEDERATED_USER, FederatedUser",
        "EC2_INSTANCE, Ec2Instance",
        "IP_ADDRESS, IpAddress",
        "USER_AGENT, UserAgent",
        "S3_BUCKET, S3Bucket",
        "FINDING, findings",
        "FINDING_GROUP, FindingGroup",
    })
    void namespaceIsDetectivesProfileNamespace(EntityType type, String namespace) {
        assertEquals(namespace, type.namespace());
        assertSame(type, EntityType.fromNamespace(namespace));
    }

    @Test
    void investigationsAreOfIamUsersAndRolesOnly() {
        assertEquals(Set.of(EntityType.AWS_USER, EntityType.AWS_ROLE), Arrays.stream(EntityType.values())
                .filter(EntityType::isInvestigable).collect(Collectors.toSet()));
    }

    @Test
    void everyTypeHasItsOwnNamespace() {
        Set<String> namespaces = Arrays.stream(EntityType.values()).map(EntityType::namespace)
                .collect(Collectors.toSet());
        assertEquals(EntityType.values().length, namespaces.size());
        assertEquals(11, EntityType.values().length, "a new type needs its rows in these tests");
    }

    @ParameterizedTest
    @EnumSource(EntityType.class)
    void fromNamespaceReadsBackEveryNamespace(EntityType type) {
        assertSame(type, EntityType.fromNamespace(type.namespace()));
    }

    @Test
    void principalTypesAreTheOnesThatMakeApiCalls() {
        Set<EntityType> principals = EnumSet.noneOf(EntityType.class);
        for (EntityType type : EntityType.values()) {
            if (type.isPrincipal()) {
                principals.add(type);
            }
        }
        assertEquals(EnumSet.of(EntityType.AWS_ACCOUNT, EntityType.AWS_USER, EntityType.AWS_ROLE,
                EntityType.AWS_ROLE_SESSION, EntityType.FEDERATED_USER), principals);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ipaddress", "IPADDRESS", "Ipaddress", "Findings", "IP_ADDRESS", "Host", "", " IpAddress",
        "IpAddress "})
    void unknownOrWronglyCasedNamespaceIsRejectedListingTheValidOnes(String namespace) {
        Expect.illegalArgument(() -> EntityType.fromNamespace(namespace),
                "unknown entity namespace '" + namespace + "'", "IpAddress", "AwsRoleSession", "findings");
    }

    @Test
    void nullNamespaceIsRejected() {
        Expect.nullPointer(() -> EntityType.fromNamespace(null), "namespace must not be null");
    }
}
