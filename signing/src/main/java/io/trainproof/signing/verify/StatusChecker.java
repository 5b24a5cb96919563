package io.trainproof.signing.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.internal.Sanitized;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.status.StatusBitstring;
import io.trainproof.signing.status.StatusPurpose;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The status checks of {@link CredentialVerifier}, fail-closed: every {@code credentialStatus}
 * entry must be one this verifier checks (a {@code BitstringStatusListEntry} of purpose {@code
 * revocation} or {@code superseded}, one bit wide) against a status list from the trust bundle
 * whose proofs verify, signed by the list's issuer, of the entry's purpose and valid now. Anything
 * else fails: an entry it does not understand ({@link FailureReason#UNSUPPORTED_STATUS}), one
 * missing its index or list ({@link FailureReason#MALFORMED_CREDENTIAL}), a list it does not have
 * or that does not verify ({@link FailureReason#STATUS_UNAVAILABLE}), a list past its validity or
 * older than one seen ({@link FailureReason#STALE_STATUS_LIST}). Thread-safe.
 */
final class StatusChecker {
  private static final String ENTRY_TYPE = "BitstringStatusListEntry";
  private static final String LIST_TYPE = "BitstringStatusListCredential";

  private final TrustBundle bundle;
  private final Clock clock;
  private final VerificationPolicy policy;
  private final ProofChecker proofs;
  private final SeenStatusLists seen;

  /** The revocation lists loaded so far, by URL. */
  private final Map<String, VerifiedList> revocationLists = new ConcurrentHashMap<>();

  /** The supersession lists loaded so far, by URL. */
  private final Map<String, VerifiedList> supersessionLists = new ConcurrentHashMap<>();

  StatusChecker(
      TrustBundle bundle,
      Clock clock,
      VerificationPolicy policy,
      ProofChecker proofs,
      SeenStatusLists seen) {
    this.bundle = bundle;
    this.clock = clock;
    this.policy = policy;
    this.proofs = proofs;
    this.seen = seen;
  }

  /**
   * Whether a status list index is written as the pattern {@code 0|[1-9][0-9]{0,9}} would match it:
   * zero, or up to ten decimal digits without a leading zero.
   */
  static boolean isIndex(String text) {
    int n = text.length();
    if (n == 0 || n > 10 || (n > 1 && text.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  void check(ObjectNode credential, List<Check> checks) {
    JsonNode status = credential.get("credentialStatus");
    List<JsonNode> entries = new ArrayList<>();
    if (status != null && status.isArray()) {
      status.forEach(entries::add);
    } else if (status != null) {
      entries.add(status);
    }
    Set<StatusPurpose> purposesSeen = EnumSet.noneOf(StatusPurpose.class);
    for (int i = 0; i < entries.size(); i++) {
      String label = entries.size() == 1 ? "credentialStatus" : "credentialStatus[" + i + "]";
      JsonNode entry = entries.get(i);
      String unsupported = unsupported(entry);
      if (unsupported != null) {
        checks.add(
            Check.failed(
                CheckKind.STATUS,
                FailureReason.UNSUPPORTED_STATUS,
                label + ": " + unsupported + "; the status cannot be checked"));
        continue;
      }
      StatusPurpose purpose =
          StatusPurpose.fromValue(entry.get("statusPurpose").textValue()).orElseThrow();
      purposesSeen.add(purpose);
      checks.add(checkEntry(entry, purpose, label));
    }
    if (!purposesSeen.contains(StatusPurpose.REVOCATION)) {
      checks.add(Check.notApplicable(CheckKind.REVOCATION, "no revocation status entry"));
    }
    if (!purposesSeen.contains(StatusPurpose.SUPERSEDED)) {
      checks.add(Check.notApplicable(CheckKind.SUPERSESSION, "no superseded status entry"));
    }
  }

  /** Why the verifier cannot check an entry, or null when it can. */
  private static @Nullable String unsupported(JsonNode entry) {
    if (!entry.isObject()) {
      return "an entry that is "
          + entry.getNodeType().toString().toLowerCase(Locale.ROOT)
          + ", not an object";
    }
    JsonNode type = entry.get("type");
    boolean bitstring =
        type != null
            && (ENTRY_TYPE.equals(type.asText())
                || (type.isArray() && type.size() == 1 && ENTRY_TYPE.equals(type.get(0).asText())));
    if (!bitstring) {
      return "an entry of type " + (type == null ? "(none)" : shown(type)) + ", not " + ENTRY_TYPE;
    }
    JsonNode purpose = entry.get("statusPurpose");
    if (purpose == null
        || !purpose.isTextual()
        || StatusPurpose.fromValue(purpose.textValue()).isEmpty()) {
      return "statusPurpose "
          + (purpose == null ? "(none)" : shown(purpose))
          + " is not "
          + StatusPurpose.REVOCATION.value()
          + " or "
          + StatusPurpose.SUPERSEDED.value();
    }
    JsonNode size = entry.get("statusSize");
    if (size != null && !"1".equals(size.asText())) {
      return "statusSize " + shown(size) + ": only one-bit statuses are checked";
    }
    return null;
  }

  private static String shown(JsonNode node) {
    return Sanitized.quoted(node.isTextual() ? node.textValue() : node.toString(), 40);
  }

  private Check checkEntry(JsonNode entry, StatusPurpose purpose, String label) {
    CheckKind kind =
        purpose == StatusPurpose.REVOCATION ? CheckKind.REVOCATION : CheckKind.SUPERSESSION;
    JsonNode urlNode = entry.get("statusListCredential");
    if (urlNode == null || !urlNode.isTextual() || urlNode.textValue().isEmpty()) {
      return Check.failed(
          kind, FailureReason.MALFORMED_CREDENTIAL, label + ": statusListCredential is missing");
    }
    String url = urlNode.textValue();
    String shownUrl = Sanitized.text(url, 200);
    JsonNode indexNode = entry.get("statusListIndex");
    if (indexNode == null || !isIndex(indexNode.asText())) {
      return Check.failed(
          kind,
          FailureReason.MALFORMED_CREDENTIAL,
          label + ": statusListIndex is not a number written in decimal digits");
    }
    long index = Long.parseLong(indexNode.asText());
    // why: the lists are kept per purpose, so a look-up builds no key
    Map<String, VerifiedList> lists =
        purpose == StatusPurpose.REVOCATION ? revocationLists : supersessionLists;
    VerifiedList loaded = lists.computeIfAbsent(url, k -> loadList(url, shownUrl, purpose));
    Optional<Check> unusable = loaded.unusableAt(clock.instant(), kind, shownUrl);
    if (unusable.isPresent()) {
      return unusable.get();
    }
    StatusBitstring list = loaded.bits();
    if (list == null || index >= list.size()) {
      return Check.failed(
          kind,
          FailureReason.MALFORMED_CREDENTIAL,
          "statusListIndex " + index + " outside the list");
    }
    if (list.get((int) index)) {
      return Check.failed(
          kind,
          purpose == StatusPurpose.REVOCATION ? FailureReason.REVOKED : FailureReason.SUPERSEDED,
          purpose.value() + " bit " + index + " is set in " + shownUrl);
    }
    return Check.passed(kind, purpose.value() + " bit " + index + " is clear in " + shownUrl);
  }

  /** Loads, verifies and admits a list once per verifier; its dates are checked at every use. */
  private VerifiedList loadList(String url, String shownUrl, StatusPurpose purpose) {
    VerifiedList unavailable =
        VerifiedList.refused(
            FailureReason.STATUS_UNAVAILABLE,
            "status list " + shownUrl + " is not in the trust bundle or does not verify");
    Optional<ObjectNode> list = bundle.statusList(url);
    if (list.isEmpty()) {
      return unavailable;
    }
    ObjectNode credential = list.get();
    List<ObjectNode> all;
    try {
      all = DataIntegrity.proofs(credential);
    } catch (UnusableInputException e) {
      return unavailable;
    }
    String issuer =
        credential.path("issuer").isTextual()
            ? credential.get("issuer").textValue()
            : credential.path("issuer").path("id").asText("");
    boolean signedByIssuer = false;
    ProofChecker.DocumentHashes documentHashes = new ProofChecker.DocumentHashes();
    for (ObjectNode proof : all) {
      ProofChecker.Result result =
          proofs.check(credential, proof, all, "status list proof", documentHashes);
      if (!result.valid()) {
        return unavailable;
      }
      signedByIssuer |= issuer.equals(result.issuerDid());
    }
    JsonNode subject = credential.path("credentialSubject");
    if (!signedByIssuer
        || !hasType(credential, LIST_TYPE)
        || !purpose.value().equals(subject.path("statusPurpose").asText())) {
      return unavailable;
    }
    StatusBitstring bits;
    try {
      bits = StatusBitstring.decode(subject.path("encodedList").asText(""));
    } catch (UnusableInputException e) {
      return unavailable;
    }
    Instant from;
    Instant until;
    try {
      from = CredentialVerifier.date(credential, "validFrom", "issuanceDate");
      until = CredentialVerifier.date(credential, "validUntil", "expirationDate");
    } catch (DateTimeParseException e) {
      return unavailable;
    }
    if (until == null) {
      if (from == null) {
        return VerifiedList.refused(
            FailureReason.STALE_STATUS_LIST,
            "status list "
                + shownUrl
                + " states neither validFrom nor validUntil, so its age is unknown");
      }
      // why: a list that states no end is taken as fresh for the policy's maximum age only
      until = from.plus(policy.statusListMaxAge());
    }
    // why: an old list replayed after a revocation carries a valid signature; only its dates
    // and what this verifier has seen before can tell
    Instant published = from == null ? Instant.MIN : from;
    Optional<String> refused = seen.admit(url + "\n" + purpose, shownUrl, published, bits);
    if (refused.isPresent()) {
      return VerifiedList.refused(FailureReason.STALE_STATUS_LIST, refused.get());
    }
    return new VerifiedList(bits, until, FailureReason.STATUS_UNAVAILABLE, "");
  }

  private static boolean hasType(JsonNode credential, String type) {
    JsonNode types = credential.path("type");
    if (types.isTextual()) {
      return type.equals(types.textValue());
    }
    for (JsonNode t : types) {
      if (type.equals(t.asText())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A status list as loaded: its entries and validity, or why it cannot be used.
   *
   * @param bits the entries, or null when refused
   * @param until its validUntil (or validFrom plus the policy's maximum age), or null when refused
   * @param reason why it is refused
   * @param detail the sentence for people
   */
  private record VerifiedList(
      @Nullable StatusBitstring bits,
      @Nullable Instant until,
      FailureReason reason,
      String detail) {
    static VerifiedList refused(FailureReason reason, String detail) {
      return new VerifiedList(null, null, reason, detail);
    }

    /**
     * Why the list cannot be used now, if it cannot. A list whose {@code validFrom} is later than
     * now is used: the issuer's clock runs ahead of the verifier's, and it is the newest list.
     */
    Optional<Check> unusableAt(Instant now, CheckKind kind, String url) {
      if (bits == null || until == null) {
        return Optional.of(Check.failed(kind, reason, detail));
      }
      if (!now.isBefore(until)) {
        return Optional.of(
            Check.failed(
                kind,
                FailureReason.STALE_STATUS_LIST,
                "status list " + url + " was valid until " + until + ", now " + now));
      }
      return Optional.empty();
    }
  }
}
