package io.trainproof.core.memory;

import static io.trainproof.core.memory.MemoryTables.key;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WalletExchange;
import io.trainproof.core.spi.WalletExchangeRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Wallet exchanges in memory. Not API. */
final class MemoryWalletExchangeRepository implements WalletExchangeRepository {
  private static final Versioned<WalletExchange> VERSIONED =
      new Versioned<>(
          "WalletExchange",
          WalletExchange::id,
          WalletExchange::organization,
          WalletExchange::version,
          (e, version) ->
              new WalletExchange(
                  e.id(),
                  e.organization(),
                  e.certificate(),
                  e.member(),
                  e.secretSha256(),
                  e.challenge(),
                  e.createdAt(),
                  e.expiresAt(),
                  e.createdBy(),
                  e.state(),
                  e.failures(),
                  e.accessTokenSha256(),
                  e.accessTokenExpiresAt(),
                  e.holder(),
                  e.protocol(),
                  e.issuedCertificate(),
                  e.completedAt(),
                  version));

  private final MemoryTables t;

  MemoryWalletExchangeRepository(MemoryTables tables) {
    this.t = tables;
  }

  @Override
  public void insert(WalletExchange e) {
    String secret = key(e.organization(), e.secretSha256());
    if (t.walletExchanges.containsKey(e.id()) || t.walletExchangeBySecret.containsKey(secret)) {
      throw new ConflictException("WalletExchange", e.id(), "id or secret already taken");
    }
    t.put(t.walletExchanges, e.id(), VERSIONED.initial(e));
    t.put(t.walletExchangeBySecret, secret, e.id());
    if (e.accessTokenSha256() != null) {
      t.put(t.walletExchangeByToken, key(e.organization(), e.accessTokenSha256()), e.id());
    }
  }

  @Override
  public WalletExchange update(WalletExchange e) {
    String token = e.accessTokenSha256();
    if (token != null) {
      Id<WalletExchange> holder = t.walletExchangeByToken.get(key(e.organization(), token));
      if (holder != null && !holder.equals(e.id())) {
        throw new ConflictException("WalletExchange", e.id(), "access token already taken");
      }
    }
    WalletExchange stored = VERSIONED.update(t, t.walletExchanges, e);
    if (token != null) {
      t.put(t.walletExchangeByToken, key(e.organization(), token), e.id());
    }
    return stored;
  }

  @Override
  public Optional<WalletExchange> find(Id<Organization> organization, Id<WalletExchange> id) {
    return MemoryTables.findInOrg(
        t.walletExchanges, id, organization, WalletExchange::organization);
  }

  @Override
  public Optional<WalletExchange> findBySecret(Id<Organization> organization, String secretSha256) {
    return byIndex(t.walletExchangeBySecret, organization, secretSha256);
  }

  @Override
  public Optional<WalletExchange> findByAccessToken(
      Id<Organization> organization, String accessTokenSha256) {
    return byIndex(t.walletExchangeByToken, organization, accessTokenSha256);
  }

  private Optional<WalletExchange> byIndex(
      Map<String, Id<WalletExchange>> index, Id<Organization> organization, String hash) {
    Id<WalletExchange> id = index.get(key(organization, hash));
    return id == null ? Optional.empty() : find(organization, id);
  }

  @Override
  public List<WalletExchange> forCertificate(
      Id<Organization> organization, Id<Certificate> certificate) {
    return t.walletExchanges.values().stream()
        .filter(e -> e.organization().equals(organization) && e.certificate().equals(certificate))
        .sorted(Comparator.comparing(WalletExchange::createdAt).thenComparing(WalletExchange::id))
        .toList();
  }

  @Override
  public void insertNonce(Id<Organization> organization, String nonceSha256, Instant expiresAt) {
    String k = key(organization, nonceSha256);
    if (t.walletNonces.containsKey(k)) {
      throw new ConflictException("WalletNonce", nonceSha256, "already issued");
    }
    t.put(t.walletNonces, k, expiresAt);
  }

  @Override
  public boolean consumeNonce(Id<Organization> organization, String nonceSha256, Instant now) {
    String k = key(organization, nonceSha256);
    Instant expiresAt = t.walletNonces.get(k);
    if (expiresAt != null) {
      t.remove(t.walletNonces, k);
    }
    String prefix = key(organization);
    List<String> expired = new ArrayList<>();
    for (Map.Entry<String, Instant> n : t.walletNonces.entrySet()) {
      if (n.getKey().startsWith(prefix) && !now.isBefore(n.getValue())) {
        expired.add(n.getKey());
      }
    }
    expired.forEach(e -> t.remove(t.walletNonces, e));
    return expiresAt != null && now.isBefore(expiresAt);
  }
}
