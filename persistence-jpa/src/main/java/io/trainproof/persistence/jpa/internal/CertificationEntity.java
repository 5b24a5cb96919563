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

/** Row of {@code tp_certification}: an outside certification a member holds. Not API. */
@Entity(name = "TpCertification")
@Table(name = "tp_certification")
@IdClass(OrgScopedId.class)
public class CertificationEntity {
  @Id
  @Column(name = "id", nullable = false)
  UUID id = new UUID(0, 0);

  @Id
  @Column(name = "org_id", nullable = false)
  UUID orgId = new UUID(0, 0);

  @Column(name = "member_id", nullable = false)
  UUID memberId = new UUID(0, 0);

  @Column(name = "kind_id", nullable = false)
  UUID kindId = new UUID(0, 0);

  @Column(name = "issuer", nullable = false, length = 200)
  String issuer = "";

  @Column(name = "credential_id", nullable = false, length = 300)
  String credentialId = "";

  @Column(name = "issued_on", nullable = false)
  LocalDate issuedOn = LocalDate.EPOCH;

  @Column(name = "expires_on")
  @Nullable LocalDate expiresOn;

  @Column(name = "evidence_sha256", length = 64)
  @Nullable String evidenceSha256;

  @Column(name = "verified")
  @Nullable Boolean verified;

  @Column(name = "verification_summary", length = 2000)
  @Nullable String verificationSummary;

  @Column(name = "verified_at")
  @Nullable Instant verifiedAt;

  @Column(name = "recorded_at", nullable = false)
  Instant recordedAt = Instant.EPOCH;

  @Column(name = "recorded_by", nullable = false, length = 200)
  String recordedBy = "";

  /** For JPA. */
  protected CertificationEntity() {}

  CertificationEntity(UUID id) {
    this.id = id;
  }
}
