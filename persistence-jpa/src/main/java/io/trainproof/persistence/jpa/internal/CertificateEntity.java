package io.trainproof.persistence.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Row of {@code tp_certificate}. Not thread-safe (a JPA entity). Not API. */
@Entity(name = "TpCertificate")
@Table(name = "tp_certificate")
@IdClass(OrgScopedId.class)
public class CertificateEntity {
  @Id
  @Column(name = "id", nullable = false)
  UUID id = new UUID(0, 0);

  @Id
  @Column(name = "org_id", nullable = false)
  UUID orgId = new UUID(0, 0);

  @Column(name = "member_id", nullable = false)
  UUID memberId = new UUID(0, 0);

  @Column(name = "completion_id", nullable = false)
  UUID completionId = new UUID(0, 0);

  @Column(name = "course_id", nullable = false)
  UUID courseId = new UUID(0, 0);

  @Column(name = "course_version_id", nullable = false)
  UUID courseVersionId = new UUID(0, 0);

  @Column(name = "credential_id", nullable = false, length = 500)
  String credentialId = "";

  @Column(name = "verification_code", nullable = false, length = 100)
  String verificationCode = "";

  @Column(name = "credential_json", nullable = false, length = 1000000)
  String credentialJson = "";

  @Column(name = "status_index", nullable = false)
  int statusIndex;

  @Column(name = "issued_at", nullable = false)
  Instant issuedAt = Instant.EPOCH;

  @Column(name = "valid_from", nullable = false)
  LocalDate validFrom = LocalDate.EPOCH;

  @Column(name = "valid_until")
  @Nullable LocalDate validUntil;

  @Column(name = "status", nullable = false, length = 20)
  String status = "";

  @Column(name = "status_reason", length = 1000)
  @Nullable String statusReason;

  @Column(name = "status_changed_at")
  @Nullable Instant statusChangedAt;

  @jakarta.persistence.Version
  @Column(name = "version", nullable = false)
  long version;

  /** For JPA. */
  protected CertificateEntity() {}

  CertificateEntity(UUID id) {
    this.id = id;
  }
}
