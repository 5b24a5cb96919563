package io.trainproof.core.internal;

import io.trainproof.core.audit.AuditChain;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.CredentialIssuer;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What issuing a training certificate builds, the same whether a completion issues it or a wallet
 * delivery issues it again bound to a holder: the claims the issuer signs, the record kept, and the
 * facts of its {@code CERTIFICATE_ISSUED} audit entry. Not API.
 */
final class CertificateIssuing {
  private CertificateIssuing() {}

  /** The claims of a certificate with a new id and status index, issued now. */
  static CredentialIssuer.CertificateClaims claims(
      Work w,
      Id<Certificate> id,
      Id<WorkforceMember> member,
      Course course,
      CourseVersion version,
      Completion completion,
      LocalDate validFrom,
      @Nullable LocalDate validUntil,
      int statusIndex) {
    return new CredentialIssuer.CertificateClaims(
        w.org().id(),
        w.org().name(),
        w.org().zone(),
        id,
        member.toString(),
        course.code(),
        course.title(),
        version.id().toString(),
        version.label(),
        completion.id().toString(),
        completion.completedOn(),
        completion.score(),
        validFrom,
        validUntil,
        statusIndex,
        w.now());
  }

  /** The record of a certificate the issuer signed from {@link #claims}. */
  static Certificate record(
      Work w,
      CredentialIssuer.CertificateClaims claims,
      Id<WorkforceMember> member,
      Id<Course> course,
      Id<CourseVersion> version,
      Id<Completion> completion,
      CredentialIssuer.Issued issued) {
    return new Certificate(
        claims.certificateId(),
        w.org().id(),
        member,
        completion,
        course,
        version,
        issued.credentialId(),
        issued.verificationCode() == null
            ? claims.certificateId().toString()
            : issued.verificationCode(),
        issued.json(),
        claims.statusIndex(),
        w.now(),
        claims.validFrom(),
        claims.validUntil(),
        Certificate.Status.VALID,
        null,
        null,
        0);
  }

  /** The facts of a certificate's {@code CERTIFICATE_ISSUED} entry, in a map callers may extend. */
  static Map<String, String> issuedFacts(Certificate certificate, CredentialIssuer.Issued issued) {
    Map<String, String> facts = new TreeMap<>();
    facts.put("credentialId", certificate.credentialId());
    facts.put("verificationCode", certificate.verificationCode());
    facts.put("statusIndex", String.valueOf(certificate.statusIndex()));
    facts.put("credentialSha256", AuditChain.sha256(issued.json()));
    facts.put("verificationMethod", issued.verificationMethod());
    if (certificate.validUntil() != null) {
      facts.put("validUntil", String.valueOf(certificate.validUntil()));
    }
    return facts;
  }
}
