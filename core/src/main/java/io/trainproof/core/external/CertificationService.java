package io.trainproof.core.external;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.Certification;
import io.trainproof.core.domain.CertificationKind;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.WorkforceMember;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Certifications from outside providers. A valid certification of a kind stands in for the courses
 * the kind satisfies: it closes open assignments for them, the engine assigns nothing while it is
 * valid, and the renewal assignment opens before it expires, as for training. Thread-safe.
 */
public interface CertificationService {

  /**
   * A certification to record.
   *
   * @param member who holds it
   * @param kindCode the kind's code
   * @param issuer the issuing provider
   * @param credentialId the provider's credential id
   * @param issuedOn when issued
   * @param expiresOn the last valid date, or null
   * @param evidenceSha256 SHA-256 of the evidence file, or null
   * @param verification the outcome of verifying it as a credential, or null when it is not one
   */
  record NewCertification(
      Id<WorkforceMember> member,
      String kindCode,
      String issuer,
      String credentialId,
      LocalDate issuedOn,
      @Nullable LocalDate expiresOn,
      @Nullable String evidenceSha256,
      Certification.@Nullable Verification verification) {}

  /**
   * Defines a kind of certification the organization accepts.
   *
   * @param actor the caller
   * @param code a short code, unique in the organization
   * @param name its name
   * @param satisfies the courses it stands in for (each with a released version)
   * @return the kind
   */
  CertificationKind defineKind(Actor actor, String code, String name, Set<Id<Course>> satisfies);

  /**
   * Lists the kinds.
   *
   * @param actor the caller
   * @return the kinds, by code
   */
  List<CertificationKind> kinds(Actor actor);

  /**
   * Records a certification a member holds. A certification that failed verification is kept as
   * evidence but satisfies nothing.
   *
   * @param actor the caller
   * @param certification the certification
   * @return the record
   */
  Certification record(Actor actor, NewCertification certification);

  /**
   * A member's certifications, by issue date.
   *
   * @param actor the caller
   * @param member the member
   * @return them
   */
  List<Certification> forMember(Actor actor, Id<WorkforceMember> member);
}
