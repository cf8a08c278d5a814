package io.github.detective4j.aws.accounts;

/**
 * Where a member account is in Amazon Detective's membership lifecycle, with Detective's names
 * ({@code MemberDetail.Status}). Only an {@link #ENABLED} member contributes data to the behavior graph; a removed
 * member is no member at all ({@link MemberAccounts#remove}), as in Detective, where removing deletes the membership.
 *
 * <pre>{@code
 * members.setStatus("444455556666", MemberStatus.INVITED);               // invited: counted and dropped
 * members.setStatus("444455556666", MemberStatus.ENABLED);               // its events reach the graph
 * members.setStatus("444455556666", MemberStatus.ACCEPTED_BUT_DISABLED); // counted and dropped again
 * }</pre>
 */
public enum MemberStatus {
    /** Invited accounts only: Detective is checking that the account id and email address match. */
    VERIFICATION_IN_PROGRESS,
    /** Invited accounts only: the account id and email address did not match; no invitation was sent. */
    VERIFICATION_FAILED,
    /** Invited, not yet answered. */
    INVITED,
    /** Accepted the invitation (or was enabled in the organization's graph) and contributes data. */
    ENABLED,
    /** Accepted or enabled, but kept from contributing data (Detective: the volume is too high or unknown). */
    ACCEPTED_BUT_DISABLED
}
