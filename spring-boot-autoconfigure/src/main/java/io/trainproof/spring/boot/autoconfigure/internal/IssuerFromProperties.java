package io.trainproof.spring.boot.autoconfigure.internal;

import io.trainproof.core.TrainproofException;
import io.trainproof.signing.OrganizationIssuer;
import io.trainproof.signing.SigningCredentialIssuer;
import io.trainproof.signing.key.InMemoryKeyProvider;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyRecord;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.spring.boot.autoconfigure.TrainproofProperties;
import io.trainproof.spring.boot.autoconfigure.TrainproofPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;

/**
 * Builds the credential issuer from {@code trainproof.issuer.*}: the private key file, and either a
 * key history file or a DID (a history of that one key). Every failure names the property and its
 * value (the key file's location, never its content). Stateless.
 */
public final class IssuerFromProperties {
  private static final String KEY = "trainproof.issuer.key-location";
  private static final String HISTORY = "trainproof.issuer.key-history-location";
  private static final String DID = "trainproof.issuer.did";
  private static final String STATUS = "trainproof.issuer.status-list-base-url";

  private IssuerFromProperties() {}

  /**
   * @param issuer the properties
   * @param clock Trainproof's clock
   * @return the issuer
   * @throws TrainproofPropertyException when a property is missing or wrong
   */
  public static SigningCredentialIssuer create(TrainproofProperties.Issuer issuer, Clock clock) {
    Resource keyLocation = issuer.getKeyLocation();
    if (keyLocation == null) {
      throw new TrainproofPropertyException(KEY, null, "is required for a credential issuer");
    }
    IssuerKeyHistory history = history(issuer, keyLocation);
    KeyRecord active =
        history
            .active()
            .orElseThrow(
                () ->
                    new TrainproofPropertyException(
                        HISTORY, issuer.getKeyHistoryLocation(), "has no active key"));
    SigningKey key;
    try {
      key = SigningKey.fromPkcs8Pem(active.id(), read(KEY, keyLocation));
    } catch (TrainproofException | IllegalArgumentException e) {
      throw new TrainproofPropertyException(
          KEY, keyLocation, "is not a PKCS#8 PEM private key: " + e.getMessage(), e);
    }
    if (!key.publicKey().equals(active.key())) {
      throw new TrainproofPropertyException(
          KEY, keyLocation, "is not the private key of the active key " + active.id());
    }
    String statusBase = issuer.getStatusListBaseUrl();
    if (statusBase == null) {
      String web = webOrigin(history.did());
      if (web == null) {
        throw new TrainproofPropertyException(
            STATUS, null, "is required when the DID " + history.did() + " names no web origin");
      }
      statusBase = web + "/status";
    }
    OrganizationIssuer signer;
    SigningCredentialIssuer.Builder builder;
    try {
      signer =
          OrganizationIssuer.of(
              history, new InMemoryKeyProvider().add(key), webOrigin(history.did()));
      builder = SigningCredentialIssuer.builder().statusListBaseUrl(statusBase);
    } catch (TrainproofException e) {
      throw new TrainproofPropertyException(STATUS, statusBase, String.valueOf(e.getMessage()), e);
    }
    return builder.issuers(organization -> signer).clock(clock).build();
  }

  /**
   * The issuer key history {@code trainproof.issuer.*} names: the history file, or a history of the
   * one key at {@code key-location} under {@code did}.
   *
   * @param issuer the properties
   * @return the history
   * @throws TrainproofPropertyException when a property is missing or wrong
   */
  public static IssuerKeyHistory keyHistory(TrainproofProperties.Issuer issuer) {
    Resource keyLocation = issuer.getKeyLocation();
    if (keyLocation == null) {
      throw new TrainproofPropertyException(KEY, null, "is required for a credential issuer");
    }
    return history(issuer, keyLocation);
  }

  private static IssuerKeyHistory history(TrainproofProperties.Issuer issuer, Resource key) {
    Resource historyLocation = issuer.getKeyHistoryLocation();
    String did = issuer.getDid();
    if (historyLocation != null) {
      IssuerKeyHistory history;
      try {
        history = IssuerKeyHistory.fromJson(read(HISTORY, historyLocation));
      } catch (TrainproofException | IllegalArgumentException e) {
        throw new TrainproofPropertyException(
            HISTORY, historyLocation, "is not an issuer key history: " + e.getMessage(), e);
      }
      if (did != null && !did.equals(history.did())) {
        throw new TrainproofPropertyException(
            DID, did, "differs from the DID of the key history " + history.did());
      }
      return history;
    }
    if (did == null || did.isBlank()) {
      throw new TrainproofPropertyException(
          DID, did, "is required with " + KEY + " (or give " + HISTORY + ")");
    }
    String keyId = issuer.getKeyId() == null ? did + "#key-1" : issuer.getKeyId();
    SigningKey signing;
    try {
      signing = SigningKey.fromPkcs8Pem(keyId, read(KEY, key));
    } catch (TrainproofException | IllegalArgumentException e) {
      throw new TrainproofPropertyException(
          KEY, key, "is not a PKCS#8 PEM private key: " + e.getMessage(), e);
    }
    try {
      // why: a history of one key has signed since ever; a host that rotates keys gives the
      // history file, whose dates verifiers check
      return IssuerKeyHistory.start(did, keyId, signing.publicKey(), Instant.EPOCH);
    } catch (TrainproofException | IllegalArgumentException e) {
      throw new TrainproofPropertyException(
          DID, did, "cannot start an issuer key history: " + e.getMessage(), e);
    }
  }

  private static String read(String property, Resource resource) {
    if (!resource.exists()) {
      throw new TrainproofPropertyException(property, resource, "does not exist");
    }
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new TrainproofPropertyException(property, resource, "cannot be read: " + e, e);
    }
  }

  /**
   * @return the https origin (and path) a {@code did:web} DID or an https URL names, or null
   */
  static @Nullable String webOrigin(String did) {
    if (did.startsWith("did:web:")) {
      String[] parts = did.substring("did:web:".length()).split(":", -1);
      StringBuilder url = new StringBuilder("https://").append(parts[0].replace("%3A", ":"));
      for (int i = 1; i < parts.length; i++) {
        url.append('/').append(parts[i]);
      }
      return url.toString();
    }
    if (did.startsWith("https://")) {
      URI uri = URI.create(did);
      return "https://"
          + uri.getRawAuthority()
          + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
    return null;
  }
}
