package io.trainproof.examples.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.InMemoryKeyProvider;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.Signer;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.web.vcapi.Caller;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Throwaway {@code did:key} issuers of a TEST host, one per key type (Ed25519, P-256, P-384), for
 * the W3C Data Integrity test suites, whose verification-method tests resolve only {@code did:key}
 * and whose ECDSA suites need P-256 and P-384 keys. They exist only in memory for the life of the
 * host, sign only for an authenticated caller holding {@link Caller#ISSUE}, and are listed at
 * {@code GET /credentials/issuers}. Their signatures are logged by the host, not recorded in an
 * organization's trail: they are not an organization's key. Immutable.
 */
public final class TestIssuers {
  private static final TestIssuers NONE = new TestIssuers(Map.of());

  private final Map<String, Signer> byDid;

  private TestIssuers(Map<String, Signer> byDid) {
    this.byDid = byDid;
  }

  /**
   * @return no test issuers (a host with a real key)
   */
  public static TestIssuers none() {
    return NONE;
  }

  /**
   * Generates one fresh key per type.
   *
   * @param random the randomness source
   * @return the issuers
   */
  public static TestIssuers generate(SecureRandom random) {
    Map<String, Signer> byDid = new LinkedHashMap<>();
    for (KeyAlgorithm algorithm :
        List.of(KeyAlgorithm.ED25519, KeyAlgorithm.P256, KeyAlgorithm.P384)) {
      SigningKey draft = SigningKey.generate(algorithm, "did:key:pending#pending", random);
      SigningKey key =
          SigningKey.fromPrivateMultikey(
              draft.publicKey().didKeyVerificationMethod(), draft.toPrivateMultikey());
      byDid.put(
          key.publicKey().didKey(),
          new InMemoryKeyProvider().add(key).signer(key.keyId()).orElseThrow());
    }
    return new TestIssuers(Map.copyOf(byDid));
  }

  /**
   * @param did an issuer id
   * @return the signer of that test issuer, or empty when it is not one
   */
  Optional<Signer> signer(String did) {
    return Optional.ofNullable(byDid.get(did));
  }

  /**
   * @return {@code [{id, keyType}]}, what {@code GET /credentials/issuers} answers
   */
  ArrayNode list() {
    ArrayNode list = StrictJson.mapper().createArrayNode();
    byDid.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                list.addObject()
                    .put("id", e.getKey())
                    .put("keyType", e.getValue().publicKey().algorithm().label()));
    return list;
  }
}
