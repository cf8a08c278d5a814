package io.github.detective4j.profile;

/**
 * One panel of a {@link Profile}: a typed, immutable answer to one question about an entity over a scope time, as
 * Amazon Detective's profile panels answer them. Which panels a profile has depends on the entity type
 * ({@link Profile}).
 *
 * <p>Every panel prints as a small table ({@code toString()}) and serialises to JSON under stable field names, in a
 * profile's {@code panels} object under its {@link #key()}.
 */
public sealed interface Panel permits Details, FindingsPanel, ApiCallVolume, FlowVolume, DistinctCounts,
        CommunicatingInstances, ResourceInteraction, SessionActivity, FindingOverview, RemoteIpTraffic {
    /**
     * Returns the panel's stable name, its key in a profile's JSON.
     *
     * @return for example {@code apiCallVolume}
     */
    String key();
}
