package io.trainproof.signing.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.jcs.StrictJson;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Builds unsigned {@code BitstringStatusListCredential}s from a bitstring the caller holds, with no
 * state of its own. {@link IssuerStatusLists} builds through here from its own lists; {@link
 * io.trainproof.signing.SigningCredentialIssuer} from the indexes core's store reports.
 *
 * <p>Stateless and thread-safe.
 */
public final class StatusListCredentials {
  private StatusListCredentials() {}

  /**
   * The unsigned status list credential.
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
    ObjectNode vc = StrictJson.mapper().createObjectNode();
    vc.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    vc.put("id", url);
    vc.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
    vc.put("issuer", issuerDid);
    vc.put(
        "validFrom",
        DateTimeFormatter.ISO_INSTANT.format(validFrom.truncatedTo(ChronoUnit.SECONDS)));
    ObjectNode subject = vc.putObject("credentialSubject");
    subject.put("id", url + "#list");
    subject.put("type", "BitstringStatusList");
    subject.put("statusPurpose", purpose.value());
    subject.put("encodedList", list.encode());
    return vc;
  }
}
