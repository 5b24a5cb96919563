package io.trainproof.core.attestation;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.Attestation;
import io.trainproof.core.domain.AttestationMethod;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.WorkforceMember;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Policy attestations: requests (automatic on publication, per the policy's setting, or by hand),
 * the evidence of each acknowledgement, and status as of any date. Thread-safe.
 */
public interface AttestationService {

  /**
   * An acknowledgement to record.
   *
   * @param attestation the request being answered
   * @param statementText the exact statement text shown
   * @param method how the member acknowledged
   * @param typedName the name typed, for {@link AttestationMethod#TYPED_NAME}
   * @param justification why, for {@link AttestationMethod#ON_BEHALF}
   */
  record Submission(
      Id<Attestation> attestation,
      String statementText,
      AttestationMethod method,
      @Nullable String typedName,
      @Nullable String justification) {}

  /**
   * Requests an attestation by hand (idempotent per member and version).
   *
   * @param actor the caller
   * @param member who
   * @param version which policy version
   * @param dueOn when it is due
   * @return the request (the existing one when already requested)
   */
  Attestation request(
      Actor actor, Id<WorkforceMember> member, Id<PolicyVersion> version, LocalDate dueOn);

  /**
   * Records an acknowledgement, sealed by the credential issuer when one is configured and always
   * hash-chained in the audit trail.
   *
   * @param actor the member, or an officer acting on their behalf
   * @param submission what was acknowledged and how
   * @return the attestation with its evidence
   */
  Attestation record(Actor actor, Submission submission);

  /**
   * A member's attestations and their state on a date.
   *
   * @param actor the caller
   * @param member the member
   * @param asOf the date
   * @return one status per request existing that day
   */
  List<AttestationStatus> forMember(Actor actor, Id<WorkforceMember> member, LocalDate asOf);

  /**
   * Every member's attestation of one version, on a date.
   *
   * @param actor the caller
   * @param version the version
   * @param asOf the date
   * @return one status per request existing that day, for members the actor may see
   */
  List<AttestationStatus> forVersion(Actor actor, Id<PolicyVersion> version, LocalDate asOf);
}
