package io.trainproof.signing.key;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ConflictException;
import io.trainproof.core.ValidationException;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.jcs.StrictJson;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An issuer's id and every key it ever signed with, each with its validity interval: the current
 * active key and the retired ones. Retired keys stay resolvable, so a six-year-old credential still
 * verifies and a verifier can tell whether it was signed while its key was valid.
 *
 * <p>Immutable and thread-safe; {@link #rotate} returns a new history.
 *
 * <p>JSON form ({@link #toJson()}, {@link #fromJson(String)}), loaded offline by verifiers:
 *
 * <pre>{@code
 * {
 *   "type": "TrainproofIssuerKeyHistory",
 *   "did": "did:web:trainproof.example.org",
 *   "keys": [
 *     { "id": "did:web:trainproof.example.org#key-1", "type": "Multikey",
 *       "publicKeyMultibase": "z6Mk...", "activeFrom": "2026-01-01T00:00:00Z",
 *       "retiredAt": "2027-01-01T00:00:00Z" },
 *     { "id": "did:web:trainproof.example.org#key-2", "type": "Multikey",
 *       "publicKeyMultibase": "z6Mk...", "activeFrom": "2027-01-01T00:00:00Z" }
 *   ],
 *   "didDocument": { ... the did.json to publish at the did:web location ... }
 * }
 * }</pre>
 *
 * <p>{@code didDocument} is informational: it is regenerated from {@code keys} when loaded.
 */
public final class IssuerKeyHistory {
  private static final Pattern DID_WEB =
      Pattern.compile("did:web:[A-Za-z0-9.\\-]+(%3A[0-9]+)?(:[A-Za-z0-9._~\\-%]+)*");
  private static final String TYPE = "TrainproofIssuerKeyHistory";
  private static final int MAX_ISSUER_URL = 2048;

  private final String did;
  private final List<KeyRecord> keys;

  private IssuerKeyHistory(String did, List<KeyRecord> keys) {
    this.did = did;
    this.keys = List.copyOf(keys);
    validate();
  }

  /**
   * Starts a history with its first key.
   *
   * @param did the issuer's id: a {@code did:web} DID (Trainproof's own issuers), a {@code did:key}
   *     DID (whose one key is the DID itself), or an {@code https} URL without query or fragment
   *     (Open Badges 3.0 issuers); key ids are {@code <did>#<fragment>}
   * @param keyId the key's verification method id, {@code <did>#<fragment>}
   * @param key the public key
   * @param activeFrom when it starts signing
   * @return the history
   */
  public static IssuerKeyHistory start(
      String did, String keyId, VerificationKey key, Instant activeFrom) {
    return new IssuerKeyHistory(did, List.of(new KeyRecord(keyId, key, activeFrom, null)));
  }

  /**
   * Rotates: the active key is retired at {@code at} and the new key signs from then on.
   *
   * @param newKeyId the new key's verification method id; never one used before
   * @param newKey the new public key; never one used before
   * @param at the rotation instant, not before the active key's start
   * @return the new history
   * @throws ConflictException when the id or the key bytes were used before
   */
  public IssuerKeyHistory rotate(String newKeyId, VerificationKey newKey, Instant at) {
    for (KeyRecord record : keys) {
      if (record.id().equals(newKeyId)) {
        throw new ConflictException("SigningKey", newKeyId, "key id already used by this issuer");
      }
      if (record.key().equals(newKey)) {
        throw new ConflictException(
            "SigningKey", newKeyId, "key bytes already used as " + record.id());
      }
    }
    List<KeyRecord> next = new ArrayList<>();
    for (KeyRecord record : keys) {
      if (record.active()) {
        if (at.isBefore(record.activeFrom())) {
          throw new ValidationException(
              "at", at, "is before the active key's start " + record.activeFrom());
        }
        next.add(record.retire(at));
      } else {
        next.add(record);
      }
    }
    next.add(new KeyRecord(newKeyId, newKey, at, null));
    return new IssuerKeyHistory(did, next);
  }

  /**
   * @return the issuer's DID
   */
  public String did() {
    return did;
  }

  /**
   * @return every key, oldest first
   */
  public List<KeyRecord> keys() {
    return keys;
  }

  /**
   * @return the active key, or empty when every key is retired
   */
  public Optional<KeyRecord> active() {
    return keys.stream().filter(KeyRecord::active).findFirst();
  }

  /**
   * Finds a key by verification method id.
   *
   * @param verificationMethod the id
   * @return the record, or empty
   */
  public Optional<KeyRecord> find(String verificationMethod) {
    for (KeyRecord key : keys) {
      if (key.id().equals(verificationMethod)) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }

  /** An issuer named by an https URL (Open Badges 3.0 issuers are): host, path, nothing else. */
  private static boolean isHttpsIssuer(String id) {
    if (id.length() > MAX_ISSUER_URL || !id.startsWith("https://")) {
      return false;
    }
    try {
      URI uri = new URI(id);
      return uri.getHost() != null
          && uri.getRawUserInfo() == null
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** A did:key names exactly one key: its fragment repeats its value, and that is the key. */
  private static boolean resolvesTo(KeyRecord record) {
    try {
      return DidKey.resolve(record.id()).equals(record.key());
    } catch (UnusableInputException e) {
      return false;
    }
  }

  /**
   * The DID document to publish as {@code did.json}: every key, active and retired, as a Multikey
   * verification method and an assertion method.
   *
   * @return the DID document
   */
  public ObjectNode didDocument() {
    ObjectNode doc = StrictJson.mapper().createObjectNode();
    doc.putArray("@context")
        .add("https://www.w3.org/ns/did/v1")
        .add("https://w3id.org/security/multikey/v1");
    doc.put("id", did);
    ArrayNode methods = doc.putArray("verificationMethod");
    ArrayNode assertion = doc.putArray("assertionMethod");
    for (KeyRecord record : keys) {
      methods
          .addObject()
          .put("id", record.id())
          .put("type", "Multikey")
          .put("controller", did)
          .put("publicKeyMultibase", record.key().multibase());
      assertion.add(record.id());
    }
    return doc;
  }

  /**
   * @return the JSON form described in the class comment
   */
  public ObjectNode toJsonNode() {
    ObjectNode root = StrictJson.mapper().createObjectNode();
    root.put("type", TYPE);
    root.put("did", did);
    ArrayNode array = root.putArray("keys");
    for (KeyRecord record : keys) {
      ObjectNode key =
          array
              .addObject()
              .put("id", record.id())
              .put("type", "Multikey")
              .put("publicKeyMultibase", record.key().multibase())
              .put("activeFrom", record.activeFrom().toString());
      if (record.retiredAt() != null) {
        key.put("retiredAt", String.valueOf(record.retiredAt()));
      }
    }
    root.set("didDocument", didDocument());
    return root;
  }

  /**
   * @return the JSON form as indented text
   */
  public String toJson() {
    return StrictJson.writePretty(toJsonNode());
  }

  /**
   * Reads the JSON form.
   *
   * @param json the text
   * @return the history
   * @throws UnusableInputException when it is not a well-formed key history
   */
  public static IssuerKeyHistory fromJson(String json) {
    return fromJsonNode(StrictJson.parse(json));
  }

  /**
   * Reads the JSON form from a tree.
   *
   * @param root the tree
   * @return the history
   */
  public static IssuerKeyHistory fromJsonNode(JsonNode root) {
    if (!TYPE.equals(root.path("type").asText())) {
      throw new UnusableInputException("keyHistory", "type must be " + TYPE);
    }
    String did = text(root, "did");
    JsonNode array = root.path("keys");
    if (!array.isArray() || array.isEmpty()) {
      throw new UnusableInputException("keyHistory", "keys must be a non-empty array");
    }
    List<KeyRecord> keys = new ArrayList<>();
    for (JsonNode key : array) {
      Instant retiredAt = key.hasNonNull("retiredAt") ? instant(key, "retiredAt") : null;
      try {
        keys.add(
            new KeyRecord(
                text(key, "id"),
                VerificationKey.fromMultibase(text(key, "publicKeyMultibase")),
                instant(key, "activeFrom"),
                retiredAt));
      } catch (ValidationException e) {
        throw new UnusableInputException("keyHistory", e.getMessage(), e);
      }
    }
    try {
      return new IssuerKeyHistory(did, keys);
    } catch (ValidationException | ConflictException e) {
      throw new UnusableInputException("keyHistory", e.getMessage(), e);
    }
  }

  private void validate() {
    boolean didKey = DidKey.isDidKey(did);
    if (didKey) {
      try {
        DidKey.resolve(did);
      } catch (UnusableInputException e) {
        throw new ValidationException(
            "did", did, "is not a did:key of a supported key: " + e.getMessage());
      }
    } else if (!DID_WEB.matcher(did).matches() && !isHttpsIssuer(did)) {
      throw new ValidationException(
          "did", did, "is not a did:web or did:key DID or an https URL without fragment");
    }
    List<String> ids = new ArrayList<>();
    List<VerificationKey> seen = new ArrayList<>();
    int active = 0;
    for (KeyRecord record : keys) {
      if (!record.id().startsWith(did + "#") || record.id().length() == did.length() + 1) {
        throw new ValidationException("keyId", record.id(), "must be " + did + "#<fragment>");
      }
      if (didKey && !resolvesTo(record)) {
        throw new ValidationException(
            "keyId", record.id(), "must be " + did + "#<its own multibase>, naming this key");
      }
      if (ids.contains(record.id())) {
        throw new ConflictException("SigningKey", record.id(), "key id appears twice");
      }
      if (seen.contains(record.key())) {
        throw new ConflictException("SigningKey", record.id(), "key bytes appear twice");
      }
      ids.add(record.id());
      seen.add(record.key());
      if (record.active()) {
        active++;
      }
    }
    if (active > 1) {
      throw new ValidationException("keys", active, "at most one key may be active");
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new UnusableInputException("keyHistory", "missing text member '" + field + "'");
    }
    return value.textValue();
  }

  private static Instant instant(JsonNode node, String field) {
    try {
      return Instant.parse(text(node, field));
    } catch (DateTimeParseException e) {
      throw new UnusableInputException("keyHistory", "'" + field + "' is not an instant", e);
    }
  }

  @Override
  public String toString() {
    return "IssuerKeyHistory[" + did + ", " + Collections.unmodifiableList(keys).size() + " keys]";
  }
}
