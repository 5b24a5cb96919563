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

/** Row of {@code tp_attestation}. Not thread-safe (a JPA entity). Not API. */
@Entity(name = "TpAttestation")
@Table(name = "tp_attestation")
@IdClass(OrgScopedId.class)
public class AttestationEntity {
  @Id
  @Column(name = "id", nullable = false)
  UUID id = new UUID(0, 0);

  @Id
  @Column(name = "org_id", nullable = false)
  UUID orgId = new UUID(0, 0);

  @Column(name = "member_id", nullable = false)
  UUID memberId = new UUID(0, 0);

  @Column(name = "policy_id", nullable = false)
  UUID policyId = new UUID(0, 0);

  @Column(name = "policy_version_id", nullable = false)
  UUID policyVersionId = new UUID(0, 0);

  @Column(name = "requested_on", nullable = false)
  LocalDate requestedOn = LocalDate.EPOCH;

  @Column(name = "due_on", nullable = false)
  LocalDate dueOn = LocalDate.EPOCH;

  @Column(name = "requested_by", nullable = false, length = 200)
  String requestedBy = "";

  @Column(name = "automatic", nullable = false)
  boolean automatic;

  @Column(name = "statement_text", length = 1000000)
  @Nullable String statementText;

  @Column(name = "statement_sha256", length = 64)
  @Nullable String statementSha256;

  @Column(name = "policy_text_sha256", length = 64)
  @Nullable String policyTextSha256;

  @Column(name = "attested_at")
  @Nullable Instant attestedAt;

  @Column(name = "attested_on")
  @Nullable LocalDate attestedOn;

  @Column(name = "method", length = 30)
  @Nullable String method;

  @Column(name = "actor_id", length = 200)
  @Nullable String actorId;

  @Column(name = "typed_name", length = 500)
  @Nullable String typedName;

  @Column(name = "justification", length = 2000)
  @Nullable String justification;

  @Column(name = "record_hash", length = 128)
  @Nullable String recordHash;

  @Column(name = "credential_id", length = 500)
  @Nullable String credentialId;

  @Column(name = "credential_json", length = 1000000)
  @Nullable String credentialJson;

  @jakarta.persistence.Version
  @Column(name = "version", nullable = false)
  long version;

  /** For JPA. */
  protected AttestationEntity() {}

  AttestationEntity(UUID id) {
    this.id = id;
  }
}
