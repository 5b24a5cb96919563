package io.trainproof.signing.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ValidationException;
import io.trainproof.signing.jcs.StrictJson;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Builds unsigned {@code BitstringStatusListCredential}s from a bitstring the caller holds, with no
 * state of its own. Every list carries {@code validFrom} and {@code validUntil}, so that a verifier
 * can refuse a stale one. {@link IssuerStatusLists} builds through here from its own lists; {@link
 * io.trainproof.signing.SigningCredentialIssuer} from the indexes core's store reports.
 *
 * <p>Stateless and thread-safe.
 */
public final class StatusListCredentials {
  /**
   * How long an issued status list is valid by default: 7 days. A list is a signed snapshot; a
   * verifier holding it (a trust bundle handed to an auditor, a cached download) cannot see a
   * revocation made after it, so the validity is how long a revocation may stay unseen, and how
   * long a replayed pre-revocation list is accepted by a verifier that never saw a newer one. A
   * week keeps that window short while letting a bundle be refreshed weekly; a host that signs its
   * lists on each request (as the example host does) can choose hours.
   */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(7);

  private StatusListCredentials() {}

  /**
   * The unsigned status list credential, valid for {@link #DEFAULT_VALIDITY} from {@code
   * validFrom}.
   *
   * @param issuerDid the issuer's DID (the credential's {@code issuer})
   * @param url the list's URL: the credential's {@code id} and what entries name in {@code
   *     statusListCredential}
   * @param purpose the list's purpose
   * @param list the bits
   * @param validFrom its {@code validFrom}
   * @return the credential, to be signed by the issuer
   */
  public static ObjectNode unsigned(
      String issuerDid,
      String url,
      StatusPurpose purpose,
      StatusBitstring list,
      Instant validFrom) {
    return unsigned(issuerDid, url, purpose, list, validFrom, DEFAULT_VALIDITY);
  }

  /**
   * The unsigned status list credential with its {@code validFrom} and {@code validUntil}.
   *
   * @param issuerDid the issuer's DID (the credential's {@code issuer})
   * @param url the list's URL: the credential's {@code id} and what entries name in {@code
   *     statusListCredential}
   * @param purpose the list's purpose
   * @param list the bits
   * @param validFrom its {@code validFrom} (written to the second)
   * @param validity how long it is valid: {@code validUntil} is {@code validFrom} plus this
   * @return the credential, to be signed by the issuer
   * @throws ValidationException when the validity is not at least one second
   */
  public static ObjectNode unsigned(
      String issuerDid,
      String url,
      StatusPurpose purpose,
      StatusBitstring list,
      Instant validFrom,
      Duration validity) {
    requireValidity(validity);
    Instant from = validFrom.truncatedTo(ChronoUnit.SECONDS);
    ObjectNode vc = StrictJson.mapper().createObjectNode();
    vc.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    vc.put("id", url);
    vc.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
    vc.put("issuer", issuerDid);
    vc.put("validFrom", DateTimeFormatter.ISO_INSTANT.format(from));
    vc.put(
        "validUntil",
        DateTimeFormatter.ISO_INSTANT.format(from.plus(validity).truncatedTo(ChronoUnit.SECONDS)));
    ObjectNode subject = vc.putObject("credentialSubject");
    subject.put("id", url + "#list");
    subject.put("type", "BitstringStatusList");
    subject.put("statusPurpose", purpose.value());
    subject.put("encodedList", list.encode());
    return vc;
  }

  /**
   * Refuses a validity shorter than a second (dates are written to the second).
   *
   * @param validity the validity
   * @return the validity
   * @throws ValidationException when it is shorter than a second
   */
  public static Duration requireValidity(Duration validity) {
    if (validity.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new ValidationException("statusListValidity", validity, "must be at least 1 second");
    }
    return validity;
  }
}
