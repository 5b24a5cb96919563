package io.trainproof.signing.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ValidationException;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an offline verifier trusts: issuers' key histories and the signed status list credentials to
 * check revocation against. Loaded from a file; nothing is fetched.
 *
 * <p>JSON format ({@link #toJson()}, {@link #fromJson(String)}):
 *
 * <pre>{@code
 * {
 *   "type": "TrainproofTrustBundle",
 *   "version": 1,
 *   "issuers": [
 *     { "type": "TrainproofIssuerKeyHistory", "did": "did:web:…", "keys": [ … ] }
 *   ],
 *   "statusLists": [
 *     { "@context": [ … ], "id": "https://…/status/…/revocation",
 *       "type": ["VerifiableCredential", "BitstringStatusListCredential"],
 *       "issuer": "did:web:…", "credentialSubject": { …, "encodedList": "uH4sI…" },
 *       "proof": { … } }
 *   ]
 * }
 * }</pre>
 *
 * <p>{@code issuers} holds {@link IssuerKeyHistory} JSON objects (see there: each key with {@code
 * activeFrom} and, once retired, {@code retiredAt}). {@code statusLists} holds signed {@code
 * BitstringStatusListCredential}s exactly as published, keyed by their {@code id}; the verifier
 * checks their proofs against the issuers' keys before using them. A bundle is refreshed by loading
 * a newer file (e.g. with newer status lists).
 *
 * <p>Immutable and thread-safe.
 */
public final class TrustBundle {
  private static final String TYPE = "TrainproofTrustBundle";

  private final Map<String, IssuerKeyHistory> issuers;
  private final Map<String, ObjectNode> statusLists;

  private TrustBundle(Map<String, IssuerKeyHistory> issuers, Map<String, ObjectNode> statusLists) {
    this.issuers = Map.copyOf(issuers);
    this.statusLists = Map.copyOf(statusLists);
  }

  /**
   * Builds a bundle.
   *
   * @param issuers the trusted issuers' key histories
   * @param statusListCredentials signed status list credentials, JSON text
   * @return the bundle
   */
  public static TrustBundle of(List<IssuerKeyHistory> issuers, List<String> statusListCredentials) {
    Map<String, IssuerKeyHistory> byDid = new LinkedHashMap<>();
    for (IssuerKeyHistory history : issuers) {
      if (byDid.put(history.did(), history) != null) {
        throw new ValidationException("issuers", history.did(), "appears twice");
      }
    }
    Map<String, ObjectNode> lists = new LinkedHashMap<>();
    for (String json : statusListCredentials) {
      addStatusList(lists, StrictJson.parse(json));
    }
    return new TrustBundle(byDid, lists);
  }

  /**
   * Reads the JSON format described in the class comment.
   *
   * @param json the bundle text
   * @return the bundle
   * @throws UnusableInputException when it is not a well-formed bundle
   */
  public static TrustBundle fromJson(String json) {
    JsonNode root = StrictJson.parse(json);
    if (!TYPE.equals(root.path("type").asText()) || root.path("version").asInt() != 1) {
      throw new UnusableInputException("trustBundle", "type must be " + TYPE + ", version 1");
    }
    Map<String, IssuerKeyHistory> byDid = new LinkedHashMap<>();
    for (JsonNode issuer : root.path("issuers")) {
      IssuerKeyHistory history = IssuerKeyHistory.fromJsonNode(issuer);
      if (byDid.put(history.did(), history) != null) {
        throw new UnusableInputException("trustBundle", "issuer appears twice: " + history.did());
      }
    }
    Map<String, ObjectNode> lists = new LinkedHashMap<>();
    for (JsonNode list : root.path("statusLists")) {
      addStatusList(lists, list);
    }
    return new TrustBundle(byDid, lists);
  }

  /**
   * @return the bundle in its JSON format, indented
   */
  public String toJson() {
    ObjectNode root = StrictJson.mapper().createObjectNode();
    root.put("type", TYPE);
    root.put("version", 1);
    ArrayNode issuerArray = root.putArray("issuers");
    issuers.values().forEach(h -> issuerArray.add(h.toJsonNode()));
    ArrayNode listArray = root.putArray("statusLists");
    statusLists.values().forEach(listArray::add);
    return StrictJson.writePretty(root);
  }

  /**
   * Finds a trusted issuer.
   *
   * @param did the issuer's DID
   * @return its key history, or empty
   */
  public Optional<IssuerKeyHistory> issuer(String did) {
    return Optional.ofNullable(issuers.get(did));
  }

  /**
   * Finds a key by verification method id in the trusted issuers' histories.
   *
   * @param verificationMethod the id, {@code did:web:…#…}
   * @return the issuer's DID and the key record, or empty
   */
  public Optional<TrustedKey> key(String verificationMethod) {
    int hash = verificationMethod.indexOf('#');
    if (hash < 0) {
      return Optional.empty();
    }
    IssuerKeyHistory history = issuers.get(verificationMethod.substring(0, hash));
    if (history == null) {
      return Optional.empty();
    }
    return history.find(verificationMethod).map(record -> new TrustedKey(history.did(), record));
  }

  /**
   * Finds a status list credential.
   *
   * @param url its id
   * @return a copy of the signed status list credential, or empty
   */
  public Optional<ObjectNode> statusList(String url) {
    ObjectNode list = statusLists.get(url);
    return list == null ? Optional.empty() : Optional.of(list.deepCopy());
  }

  /**
   * @return the DIDs of the trusted issuers
   */
  public List<String> issuerDids() {
    return new ArrayList<>(issuers.keySet());
  }

  /**
   * A key found in the bundle.
   *
   * @param issuerDid the DID of the issuer whose history holds it
   * @param record the key and its validity interval
   */
  public record TrustedKey(String issuerDid, KeyRecord record) {}

  private static void addStatusList(Map<String, ObjectNode> lists, JsonNode list) {
    if (!list.isObject() || !list.path("id").isTextual()) {
      throw new UnusableInputException("trustBundle", "a status list credential needs an id");
    }
    if (lists.put(list.get("id").textValue(), (ObjectNode) list.deepCopy()) != null) {
      throw new UnusableInputException(
          "trustBundle", "status list appears twice: " + list.get("id").textValue());
    }
  }
}
