package io.trainproof.signing.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ConflictException;
import io.trainproof.core.ValidationException;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.jcs.StrictJson;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One issuer's status lists: a revocation list and a superseded list of the same size, addressed by
 * the same index. Each credential gets one index, drawn at random (so an index reveals nothing
 * about issue order) and never given out again.
 *
 * <p>List credential URLs are {@code <base>/revocation} and {@code <base>/superseded}. The state
 * (allocated indexes and both bitstrings) is saved with {@link #toJson()} and restored with {@link
 * #fromJson}, so indexes stay unique across restarts; the host must persist it after each {@link
 * #allocate()}, {@link #revoke} and {@link #supersede}.
 *
 * <p>Thread-safe (methods are synchronized).
 */
public final class IssuerStatusLists {
  private static final int RANDOM_TRIES = 64;

  private final String issuerId;
  private final String baseUrl;
  private final SecureRandom random;
  private StatusBitstring allocated;
  private final Map<StatusPurpose, StatusBitstring> lists = new EnumMap<>(StatusPurpose.class);

  private IssuerStatusLists(
      String issuerId,
      String baseUrl,
      SecureRandom random,
      StatusBitstring allocated,
      StatusBitstring revoked,
      StatusBitstring superseded) {
    if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
      throw new ValidationException("baseUrl", baseUrl, "must be an http(s) URL");
    }
    if (allocated.size() != revoked.size() || allocated.size() != superseded.size()) {
      throw new ValidationException("size", allocated.size(), "lists differ in size");
    }
    this.issuerId = issuerId;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.random = random;
    this.allocated = allocated;
    lists.put(StatusPurpose.REVOCATION, revoked);
    lists.put(StatusPurpose.SUPERSEDED, superseded);
  }

  /**
   * Creates empty lists.
   *
   * @param issuerId the issuer's DID
   * @param baseUrl where the list credentials are published, e.g. {@code
   *     https://trainproof.example.org/status/org-42}
   * @param size entries per list, at least {@link StatusBitstring#MIN_SIZE}
   * @param random the source of random indexes
   * @return the lists
   */
  public static IssuerStatusLists create(
      String issuerId, String baseUrl, int size, SecureRandom random) {
    return new IssuerStatusLists(
        issuerId,
        baseUrl,
        random,
        StatusBitstring.empty(size),
        StatusBitstring.empty(size),
        StatusBitstring.empty(size));
  }

  /**
   * @return the issuer's DID
   */
  public String issuerId() {
    return issuerId;
  }

  /**
   * @return the number of entries per list
   */
  public synchronized int size() {
    return allocated.size();
  }

  /**
   * The URL of one list's credential.
   *
   * @param purpose the list
   * @return {@code <base>/<purpose>}
   */
  public String listCredentialUrl(StatusPurpose purpose) {
    return baseUrl + "/" + purpose.value();
  }

  /**
   * Draws a fresh index at random; it is never handed out again.
   *
   * @return the index
   * @throws ConflictException when every index is taken
   */
  public synchronized int allocate() {
    int size = allocated.size();
    if (allocated.cardinality() >= size) {
      throw new ConflictException(
          "StatusList", baseUrl, "every index is allocated; start a new list");
    }
    int index = -1;
    for (int i = 0; i < RANDOM_TRIES && index < 0; i++) {
      int candidate = random.nextInt(size);
      if (!allocated.get(candidate)) {
        index = candidate;
      }
    }
    if (index < 0) {
      // why: a nearly full list; scan from a random start so the search always ends
      int start = random.nextInt(size);
      for (int i = 0; i < size; i++) {
        int candidate = (start + i) % size;
        if (!allocated.get(candidate)) {
          index = candidate;
          break;
        }
      }
    }
    allocated = allocated.withBit(index);
    return index;
  }

  /**
   * The status entries a credential with this index carries.
   *
   * @param index an allocated index
   * @return the revocation entry and the superseded entry
   */
  public List<StatusEntry> entries(int index) {
    requireAllocated(index);
    return List.of(
        new StatusEntry(
            listCredentialUrl(StatusPurpose.REVOCATION), StatusPurpose.REVOCATION, index),
        new StatusEntry(
            listCredentialUrl(StatusPurpose.SUPERSEDED), StatusPurpose.SUPERSEDED, index));
  }

  /**
   * Revokes. The bit is never cleared; the reason is returned for the host to record.
   *
   * @param index the credential's index
   * @param reason why, without PHI
   * @param at when
   * @return what to record
   * @throws ConflictException when it is already revoked
   */
  public synchronized StatusChange revoke(int index, String reason, Instant at) {
    return set(StatusPurpose.REVOCATION, index, reason, at);
  }

  /**
   * Marks a credential superseded by a renewal. The bit is never cleared.
   *
   * @param index the old credential's index
   * @param replacementCredentialId the id of the credential that replaces it
   * @param at when
   * @return what to record
   * @throws ConflictException when it is already superseded
   */
  public synchronized StatusChange supersede(
      int index, String replacementCredentialId, Instant at) {
    return set(StatusPurpose.SUPERSEDED, index, replacementCredentialId, at);
  }

  /**
   * Reads a status bit.
   *
   * @param purpose the list
   * @param index the index
   * @return whether it is set
   */
  public synchronized boolean isSet(StatusPurpose purpose, int index) {
    return list(purpose).get(index);
  }

  /**
   * The unsigned {@code BitstringStatusListCredential} for one list, as of now, valid for {@link
   * StatusListCredentials#DEFAULT_VALIDITY}.
   *
   * @param purpose the list
   * @param validFrom its {@code validFrom}
   * @return the credential, to be signed by the issuer
   */
  public ObjectNode statusListCredential(StatusPurpose purpose, Instant validFrom) {
    return statusListCredential(purpose, validFrom, StatusListCredentials.DEFAULT_VALIDITY);
  }

  /**
   * The unsigned {@code BitstringStatusListCredential} for one list, as of now.
   *
   * @param purpose the list
   * @param validFrom its {@code validFrom}
   * @param validity its {@code validUntil} is {@code validFrom} plus this
   * @return the credential, to be signed by the issuer
   */
  public synchronized ObjectNode statusListCredential(
      StatusPurpose purpose, Instant validFrom, Duration validity) {
    return StatusListCredentials.unsigned(
        issuerId, listCredentialUrl(purpose), purpose, list(purpose), validFrom, validity);
  }

  /**
   * @return the state, to persist
   */
  public synchronized String toJson() {
    ObjectNode root = StrictJson.mapper().createObjectNode();
    root.put("type", "TrainproofIssuerStatusLists");
    root.put("issuer", issuerId);
    root.put("baseUrl", baseUrl);
    root.put("allocated", allocated.encode());
    root.put("revocation", list(StatusPurpose.REVOCATION).encode());
    root.put("superseded", list(StatusPurpose.SUPERSEDED).encode());
    return StrictJson.write(root);
  }

  /**
   * Restores saved state.
   *
   * @param json what {@link #toJson()} wrote
   * @param random the source of random indexes
   * @return the lists
   */
  public static IssuerStatusLists fromJson(String json, SecureRandom random) {
    JsonNode root = StrictJson.parse(json);
    if (!"TrainproofIssuerStatusLists".equals(root.path("type").asText())) {
      throw new UnusableInputException("statusLists", "not saved status lists");
    }
    return new IssuerStatusLists(
        root.path("issuer").asText(),
        root.path("baseUrl").asText(),
        random,
        StatusBitstring.decode(root.path("allocated").asText()),
        StatusBitstring.decode(root.path("revocation").asText()),
        StatusBitstring.decode(root.path("superseded").asText()));
  }

  private StatusBitstring list(StatusPurpose purpose) {
    // why non-null: the constructor puts a list for every purpose
    return Objects.requireNonNull(lists.get(purpose));
  }

  private StatusChange set(StatusPurpose purpose, int index, String reason, Instant at) {
    requireAllocated(index);
    if (reason.isBlank()) {
      throw new ValidationException("reason", reason, "must not be blank");
    }
    StatusBitstring list = list(purpose);
    if (list.get(index)) {
      throw new ConflictException("StatusListEntry", index, "already " + purpose.value());
    }
    lists.put(purpose, list.withBit(index));
    return new StatusChange(index, purpose, reason, at);
  }

  private synchronized void requireAllocated(int index) {
    if (index < 0 || index >= allocated.size() || !allocated.get(index)) {
      throw new ValidationException("index", index, "was never allocated by this issuer");
    }
  }
}
