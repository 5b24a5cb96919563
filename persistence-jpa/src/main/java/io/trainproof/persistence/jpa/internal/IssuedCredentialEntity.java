package io.trainproof.persistence.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Row of {@code tp_issued_credential}. Not thread-safe (a JPA entity). Not API. */
@Entity(name = "TpIssuedCredential")
@Table(name = "tp_issued_credential")
@IdClass(OrgScopedId.class)
public class IssuedCredentialEntity {
  @Id
  @Column(name = "id", nullable = false)
  UUID id = new UUID(0, 0);

  @Id
  @Column(name = "org_id", nullable = false)
  UUID orgId = new UUID(0, 0);

  @Column(name = "kind", nullable = false, length = 20)
  String kind = "";

  @Column(name = "credential_id", nullable = false, length = 500)
  String credentialId = "";

  @Column(name = "credential_sha256", nullable = false, length = 64)
  String credentialSha256 = "";

  @Column(name = "status_index", nullable = false)
  int statusIndex;

  @Column(name = "issued_at", nullable = false)
  Instant issuedAt = Instant.EPOCH;

  @Column(name = "status", nullable = false, length = 20)
  String status = "";

  @Column(name = "status_reason", length = 1000)
  @Nullable String statusReason;

  @Column(name = "status_changed_at")
  @Nullable Instant statusChangedAt;

  @Version
  @Column(name = "version", nullable = false)
  long version;

  /** For JPA. */
  protected IssuedCredentialEntity() {}

  IssuedCredentialEntity(UUID id) {
    this.id = id;
  }
}
