package io.trainproof.signing.credential;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.internal.XsdDateTime;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.proof.JsonLdContexts;
import io.trainproof.signing.status.StatusEntry;
import java.time.Instant;
import java.util.List;

/**
 * Builds the unsigned documents of Trainproof's credentials, with no state of its own: the caller
 * chooses the credential id and the status entries, then signs the result with {@link
 * io.trainproof.signing.proof.DataIntegrity#addProof}. Both {@link StandaloneCredentialIssuer} and
 * {@link io.trainproof.signing.SigningCredentialIssuer} build through here, so the two issue the
 * same shape.
 *
 * <p>Stateless and thread-safe.
 */
public final class UnsignedCredentials {
  private UnsignedCredentials() {}

  /**
   * An Open Badges 3.0 training certificate, unsigned.
   *
   * @param id the credential's {@code id}
   * @param request what it states
   * @param status its status entries (written as {@code credentialStatus}); empty for none
   * @return the unsigned credential
   */
  public static ObjectNode certificate(
      String id, CertificateRequest request, List<StatusEntry> status) {
    ObjectNode vc = StrictJson.mapper().createObjectNode();
    vc.putArray("@context").add(JsonLdContexts.CREDENTIALS_V2).add(JsonLdContexts.OPEN_BADGES_V3);
    vc.put("id", id);
    vc.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
    ObjectNode issuer = vc.putObject("issuer");
    issuer.put("id", request.issuer().id());
    issuer.putArray("type").add("Profile");
    issuer.put("name", request.issuer().name());
    if (request.issuer().url() != null) {
      issuer.put("url", request.issuer().url());
    }
    vc.put("name", request.achievement().name());
    vc.put("validFrom", xsd(request.validFrom()));
    if (request.validUntil() != null) {
      vc.put("validUntil", xsd(request.validUntil()));
    }
    ObjectNode subject = vc.putObject("credentialSubject");
    subject.putArray("type").add("AchievementSubject");
    subject.putArray("identifier").add(request.subject().toJson());
    ObjectNode achievement = subject.putObject("achievement");
    achievement.put("id", request.achievement().achievementId());
    achievement.putArray("type").add("Achievement");
    achievement.put("name", request.achievement().name());
    achievement.put("description", request.achievement().description());
    achievement.putObject("criteria").put("narrative", request.achievement().criteria());
    if (!request.evidence().isEmpty()) {
      ArrayNode evidence = vc.putArray("evidence");
      request.evidence().forEach(e -> evidence.add(e.toJson()));
    }
    addStatus(vc, status);
    return vc;
  }

  /**
   * A policy attestation credential, unsigned.
   *
   * @param id the credential's {@code id}
   * @param request what it states
   * @param status its status entries (written as {@code credentialStatus}); empty for none
   * @return the unsigned credential
   */
  public static ObjectNode attestation(
      String id, AttestationRequest request, List<StatusEntry> status) {
    ObjectNode vc = StrictJson.mapper().createObjectNode();
    vc.putArray("@context").add(JsonLdContexts.CREDENTIALS_V2).add(JsonLdContexts.TRAINPROOF_V1);
    vc.put("id", id);
    vc.putArray("type").add("VerifiableCredential").add("PolicyAttestationCredential");
    vc.put("issuer", request.issuer().id());
    vc.put("name", "Policy attestation");
    vc.put("validFrom", xsd(request.attestedAt()));
    ObjectNode subject = vc.putObject("credentialSubject");
    subject.put("type", "PolicyAttestation");
    subject.put("memberId", request.memberId());
    subject.put("policyId", request.policyId());
    subject.put("policyVersion", request.policyVersion());
    subject.put("policyTextHash", request.policyTextSha256());
    subject.put("statementHash", request.statementSha256());
    subject.put("attestedAt", xsd(request.attestedAt()));
    subject.put("attestationMethod", request.method());
    addStatus(vc, status);
    return vc;
  }

  /**
   * Writes status entries into a credential as its {@code credentialStatus} (an array), as every
   * credential built here has them.
   *
   * @param vc the unsigned credential, without a {@code credentialStatus}
   * @param status its status entries; empty for none (nothing is written)
   */
  public static void addStatus(ObjectNode vc, List<StatusEntry> status) {
    if (!status.isEmpty()) {
      ArrayNode array = vc.putArray("credentialStatus");
      status.forEach(entry -> array.add(entry.toJson()));
    }
  }

  private static String xsd(Instant instant) {
    return XsdDateTime.format(instant);
  }
}
