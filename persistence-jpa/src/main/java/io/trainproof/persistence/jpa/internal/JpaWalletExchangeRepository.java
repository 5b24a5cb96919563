package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WalletExchange;
import io.trainproof.core.spi.WalletExchangeRepository;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Wallet exchanges and the nonces of their key proofs in the JPA store. Every statement names the
 * organization. An update is one version-checked statement ({@code UPDATE … WHERE org_id = ? AND id
 * = ? AND version = ?}): of concurrent updates from one read, the database lets exactly one change
 * the row and the others find no row to change, which is a {@link ConflictException}. Reads return
 * detached values, so no managed entity goes stale behind such an update. A nonce is consumed by
 * one {@code DELETE} of the row if unexpired: exactly one of many concurrent consumers deletes it;
 * the organization's expired nonces go a bounded batch per consume, never waiting for rows other
 * transactions hold. Not thread-safe: bound to one transaction.
 */
final class JpaWalletExchangeRepository implements WalletExchangeRepository {
  private static final String ENTITY = "WalletExchange";
  private static final String NONCE = "WalletNonce";

  /** The most expired nonces one consume removes: bounded work per call. */
  private static final int EXPIRED_NONCES_PER_CONSUME = 100;

  /** why: ties on the creation instant break by id in Id.compareTo order, as in every store. */
  private static final Comparator<WalletExchange> ORDER =
      Comparator.comparing(WalletExchange::createdAt).thenComparing(WalletExchange::id);

  private static final String UPDATE =
      "update TpWalletExchange x set x.certificateId = :certificate, x.memberId = :member,"
          + " x.secretSha256 = :secret, x.challenge = :challenge, x.createdAt = :createdAt,"
          + " x.expiresAt = :expiresAt, x.createdBy = :createdBy, x.state = :state,"
          + " x.failures = :failures, x.accessTokenSha256 = :token,"
          + " x.accessTokenExpiresAt = :tokenExpiresAt, x.holder = :holder,"
          + " x.protocol = :protocol, x.issuedCertificateId = :issued,"
          + " x.completedAt = :completedAt, x.version = x.version + 1"
          + " where x.orgId = :org and x.id = :id and x.version = :version";

  private final JpaSession session;

  JpaWalletExchangeRepository(JpaSession session) {
    this.session = session;
  }

  @Override
  public void insert(WalletExchange exchange) {
    if (JpaSession.any(
        session
            .em()
            .createQuery(
                "select x.id from TpWalletExchange x where x.orgId = :org"
                    + " and (x.id = :id or x.secretSha256 = :secret)",
                UUID.class)
            .setParameter("org", exchange.organization().value())
            .setParameter("id", exchange.id().value())
            .setParameter("secret", exchange.secretSha256()))) {
      throw new ConflictException(ENTITY, exchange.id(), "id or secret already taken");
    }
    WalletExchangeEntity e = RecordMapper.toEntity(exchange);
    session.persistAndFlush(e, ENTITY, exchange.id());
    session.em().detach(e);
  }

  @Override
  public WalletExchange update(WalletExchange exchange) {
    Id<Organization> org = exchange.organization();
    int changed =
        JpaSession.guard(
            ENTITY,
            exchange.id(),
            () ->
                session
                    .em()
                    .createQuery(UPDATE)
                    .setParameter("certificate", exchange.certificate().value())
                    .setParameter("member", exchange.member().value())
                    .setParameter("secret", exchange.secretSha256())
                    .setParameter("challenge", exchange.challenge())
                    .setParameter("createdAt", exchange.createdAt())
                    .setParameter("expiresAt", exchange.expiresAt())
                    .setParameter("createdBy", exchange.createdBy())
                    .setParameter("state", exchange.state().name())
                    .setParameter("failures", exchange.failures())
                    .setParameter("token", exchange.accessTokenSha256())
                    .setParameter("tokenExpiresAt", exchange.accessTokenExpiresAt())
                    .setParameter("holder", exchange.holder())
                    .setParameter("protocol", exchange.protocol())
                    .setParameter("issued", Mapper.uuid(exchange.issuedCertificate()))
                    .setParameter("completedAt", exchange.completedAt())
                    .setParameter("org", org.value())
                    .setParameter("id", exchange.id().value())
                    .setParameter("version", exchange.version())
                    .executeUpdate());
    if (changed != 1) {
      throw find(org, exchange.id())
          .map(
              stored ->
                  new ConflictException(
                      ENTITY,
                      exchange.id(),
                      "was changed concurrently (stored version "
                          + stored.version()
                          + ", given "
                          + exchange.version()
                          + ")"))
          .orElseGet(() -> new ConflictException(ENTITY, exchange.id(), "does not exist"));
    }
    return find(org, exchange.id())
        .orElseThrow(() -> new ConflictException(ENTITY, exchange.id(), "does not exist"));
  }

  @Override
  public Optional<WalletExchange> find(Id<Organization> organization, Id<WalletExchange> id) {
    return first(
        session
            .em()
            .createQuery(
                "select x from TpWalletExchange x where x.orgId = :org and x.id = :id",
                WalletExchangeEntity.class)
            .setParameter("org", organization.value())
            .setParameter("id", id.value())
            .getResultList());
  }

  @Override
  public Optional<WalletExchange> findBySecret(Id<Organization> organization, String secretSha256) {
    return first(
        session
            .em()
            .createQuery(
                "select x from TpWalletExchange x where x.orgId = :org"
                    + " and x.secretSha256 = :secret",
                WalletExchangeEntity.class)
            .setParameter("org", organization.value())
            .setParameter("secret", secretSha256)
            .getResultList());
  }

  @Override
  public Optional<WalletExchange> findByAccessToken(
      Id<Organization> organization, String accessTokenSha256) {
    return first(
        session
            .em()
            .createQuery(
                "select x from TpWalletExchange x where x.orgId = :org"
                    + " and x.accessTokenSha256 = :token",
                WalletExchangeEntity.class)
            .setParameter("org", organization.value())
            .setParameter("token", accessTokenSha256)
            .getResultList());
  }

  private Optional<WalletExchange> first(List<WalletExchangeEntity> rows) {
    return rows.stream().findFirst().map(session.detached(RecordMapper::walletExchange));
  }

  @Override
  public List<WalletExchange> forCertificate(
      Id<Organization> organization, Id<Certificate> certificate) {
    return session
        .em()
        .createQuery(
            "select x from TpWalletExchange x where x.orgId = :org"
                + " and x.certificateId = :certificate order by x.createdAt",
            WalletExchangeEntity.class)
        .setParameter("org", organization.value())
        .setParameter("certificate", certificate.value())
        .getResultList()
        .stream()
        .map(session.detached(RecordMapper::walletExchange))
        .sorted(ORDER)
        .toList();
  }

  @Override
  public void insertNonce(Id<Organization> organization, String nonceSha256, Instant expiresAt) {
    JpaSession.guard(
        NONCE,
        nonceSha256,
        () ->
            session
                .em()
                .createNativeQuery(
                    "INSERT INTO tp_wallet_nonce (org_id, nonce_sha256, expires_at)"
                        + " VALUES (?1, ?2, ?3)")
                .setParameter(1, session.bind(organization.value()))
                .setParameter(2, nonceSha256)
                .setParameter(3, expiresAt)
                .executeUpdate());
  }

  @Override
  public boolean consumeNonce(Id<Organization> organization, String nonceSha256, Instant now) {
    Object org = session.bind(organization.value());
    return JpaSession.guard(
        NONCE,
        nonceSha256,
        () -> {
          // why one statement: the row lock and the expiry test are taken together, so of
          // concurrent consumers exactly one deletes the row; the others wait for it and then
          // find nothing (PostgreSQL re-reads the row, MariaDB's READ COMMITTED reads it again).
          // A consume waits only for another transaction holding the same nonce.
          int consumed =
              session
                  .em()
                  .createNativeQuery(
                      "DELETE FROM tp_wallet_nonce"
                          + " WHERE org_id = ?1 AND nonce_sha256 = ?2 AND expires_at > ?3")
                  .setParameter(1, org)
                  .setParameter(2, nonceSha256)
                  .setParameter(3, now)
                  .executeUpdate();
          removeExpired(org, now);
          return consumed == 1;
        });
  }

  /**
   * Removes up to {@link #EXPIRED_NONCES_PER_CONSUME} of the organization's expired nonces: a plain
   * read finds them (usually none: most nonces are consumed), a lock by primary key with SKIP
   * LOCKED takes those no other transaction holds, and those are deleted by primary key. why not
   * one {@code DELETE … WHERE expires_at <= ?}: it waits for the rows concurrent consumers hold,
   * and on MariaDB its scan locks the organization's rows, so consumers of different nonces
   * deadlocked one another (3 in 4 of 16 concurrent consumes, with expired nonces present); a
   * locking scan of the expiry index with SKIP LOCKED still deadlocked a few times in a thousand
   * (locks on the index's entries). Rows left now go with a later consume.
   */
  private void removeExpired(Object org, Instant now) {
    List<String> expired =
        strings(
            session
                .em()
                .createNativeQuery(
                    "SELECT nonce_sha256 FROM tp_wallet_nonce WHERE org_id = ?1 AND expires_at <= ?2"
                        + " LIMIT ?3")
                .setParameter(1, org)
                .setParameter(2, now)
                .setParameter(3, EXPIRED_NONCES_PER_CONSUME)
                .getResultList());
    if (expired.isEmpty()) {
      return;
    }
    List<String> locked =
        strings(
            session
                .em()
                .createNativeQuery(
                    "SELECT nonce_sha256 FROM tp_wallet_nonce"
                        + session.sql().byPrimaryKey()
                        + " WHERE org_id = ?1 AND nonce_sha256 IN (?2) AND expires_at <= ?3 "
                        + session.sql().rowLock()
                        + " SKIP LOCKED")
                .setParameter(1, org)
                .setParameter(2, expired)
                .setParameter(3, now)
                .getResultList());
    if (locked.isEmpty()) {
      return;
    }
    // why one statement per row, by the whole key: MariaDB ran a DELETE with an IN list as a scan
    // of the organization's rows, waiting for rows other transactions hold (and deadlocking).
    session.onConnection(
        "remove expired nonces",
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM tp_wallet_nonce WHERE org_id = ? AND nonce_sha256 = ?")) {
            for (String nonce : locked) {
              delete.setObject(1, org);
              delete.setString(2, nonce);
              delete.addBatch();
            }
            return delete.executeBatch();
          }
        });
  }

  private static List<String> strings(List<?> rows) {
    return rows.stream().map(Object::toString).toList();
  }
}
