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

/**
 * Row of {@code tp_wallet_exchange}: one delivery of a certificate to a wallet. Written by an
 * insert and by version-checked bulk updates, never by dirty checking. Not thread-safe (a JPA
 * entity). Not API.
 */
@Entity(name = "TpWalletExchange")
@Table(name = "tp_wallet_exchange")
@IdClass(OrgScopedId.class)
public class WalletExchangeEntity {
  @Id
  @Column(name = "id", nullable = false)
  UUID id = new UUID(0, 0);

  @Id
  @Column(name = "org_id", nullable = false)
  UUID orgId = new UUID(0, 0);

  @Column(name = "certificate_id", nullable = false)
  UUID certificateId = new UUID(0, 0);

  @Column(name = "member_id", nullable = false)
  UUID memberId = new UUID(0, 0);

  @Column(name = "secret_sha256", nullable = false, length = 64)
  String secretSha256 = "";

  @Column(name = "challenge", nullable = false, length = 200)
  String challenge = "";

  @Column(name = "created_at", nullable = false)
  Instant createdAt = Instant.EPOCH;

  @Column(name = "expires_at", nullable = false)
  Instant expiresAt = Instant.EPOCH;

  @Column(name = "created_by", nullable = false, length = 200)
  String createdBy = "";

  @Column(name = "state", nullable = false, length = 20)
  String state = "";

  @Column(name = "failures", nullable = false)
  int failures;

  @Column(name = "access_token_sha256", length = 64)
  @Nullable String accessTokenSha256;

  @Column(name = "access_token_expires_at")
  @Nullable Instant accessTokenExpiresAt;

  @Column(name = "holder", length = 500)
  @Nullable String holder;

  @Column(name = "protocol", length = 40)
  @Nullable String protocol;

  @Column(name = "issued_certificate_id")
  @Nullable UUID issuedCertificateId;

  @Column(name = "completed_at")
  @Nullable Instant completedAt;

  @Version
  @Column(name = "version", nullable = false)
  long version;

  /** For JPA. */
  protected WalletExchangeEntity() {}

  WalletExchangeEntity(UUID id) {
    this.id = id;
  }
}
