package io.trainproof.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A request that a member acknowledge one policy version, and once given, the evidence of the
 * acknowledgement. Immutable.
 *
 * @param id the attestation's id
 * @param organization the organization
 * @param member who must attest
 * @param policy the policy
 * @param policyVersion the version to attest
 * @param requestedOn when it was requested
 * @param dueOn when it is due
 * @param requestedBy who requested it ({@code system} when automatic)
 * @param automatic whether publication requested it
 * @param evidence the acknowledgement, once given
 * @param version optimistic-lock version, managed by the store
 */
public record Attestation(
    Id<Attestation> id,
    Id<Organization> organization,
    Id<WorkforceMember> member,
    Id<Policy> policy,
    Id<PolicyVersion> policyVersion,
    LocalDate requestedOn,
    LocalDate dueOn,
    String requestedBy,
    boolean automatic,
    @Nullable Evidence evidence,
    long version) {

  /**
   * The evidence of an acknowledgement: the exact statement shown and its hash, the hash of the
   * policy text, when and how, by whom, and the sealed credential when a signer is configured.
   * Immutable.
   *
   * @param statementText the exact statement text shown to the member
   * @param statementSha256 SHA-256 of that text (UTF-8), lowercase hex
   * @param policyTextSha256 SHA-256 of the policy version's text
   * @param attestedAt when
   * @param attestedOn the date in the organization's zone
   * @param method how
   * @param actorId who recorded it (the member, or the officer acting on their behalf)
   * @param typedName the name typed, for {@link AttestationMethod#TYPED_NAME}
   * @param justification why it was recorded on the member's behalf
   * @param recordHash SHA-256 over the canonical form of this evidence, chained in the audit trail
   * @param credentialId the sealed credential's id, when sealed
   * @param credentialJson the sealed credential, when sealed
   */
  public record Evidence(
      String statementText,
      String statementSha256,
      String policyTextSha256,
      Instant attestedAt,
      LocalDate attestedOn,
      AttestationMethod method,
      String actorId,
      @Nullable String typedName,
      @Nullable String justification,
      String recordHash,
      @Nullable String credentialId,
      @Nullable String credentialJson) {}

  /**
   * This request with its evidence.
   *
   * @param e the evidence
   * @return the new value
   */
  public Attestation attested(Evidence e) {
    return new Attestation(
        id,
        organization,
        member,
        policy,
        policyVersion,
        requestedOn,
        dueOn,
        requestedBy,
        automatic,
        e,
        version);
  }
}
