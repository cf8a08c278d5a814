package io.github.detective4j.aws;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/**
 * The partition of a client's region ({@code aws}, {@code aws-cn}, {@code aws-us-gov}, ...), for the ARNs that a
 * refusal names: a policy written from {@code arn:aws:s3:::} grants nothing in China or GovCloud. Stateless.
 */
final class Partitions {
    private Partitions() {}

    /**
     * Returns the partition of a region, from the SDK's region metadata.
     *
     * @param region the region, or null
     * @return the partition id; {@code aws} for null and for a region the SDK does not know
     */
    static String of(Region region) {
        RegionMetadata metadata = region == null ? null : region.metadata();
        return metadata == null || metadata.partition() == null ? "aws" : metadata.partition().id();
    }

    /**
     * Returns the partition of a region by its id.
     *
     * @param regionId such as {@code cn-north-1}, or null
     * @return the partition id; {@code aws} when the id is null or unknown
     */
    static String of(String regionId) {
        return regionId == null || regionId.isBlank() || regionId.equals("*") ? "aws" : of(Region.of(regionId));
    }
}
