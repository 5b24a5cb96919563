package io.trainproof.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ValidationException;
import io.trainproof.signing.jcs.StrictJson;
import java.util.Set;
import java.util.UUID;

/**
 * What {@link SigningCredentialIssuer#signCredential} checks before it signs a credential a host
 * assembled: a JSON object issued by the organization's own DID (filled in when absent), with an
 * {@code id} (a {@code urn:uuid:} one is filled in when absent: the id names the credential to
 * revoke it), with no {@code credentialStatus} of its own (the issuer writes the one entry, in the
 * organization's revocation list) and no proof yet (the status entry would break it), and not a
 * status list, which only Trainproof signs, from the organization's own status lists. Not
 * thread-confined; stateless.
 */
final class SignableCredential {
  /** Status list credential types of every generation; none may be signed on request. */
  static final Set<String> STATUS_LIST_TYPES =
      Set.of(
          "BitstringStatusListCredential",
          "StatusList2021Credential",
          "RevocationList2020Credential",
          "RevocationList2021Credential");

  private SignableCredential() {}

  /**
   * @param json the unsigned credential
   * @param did the organization's DID
   * @param statusListBase the organization's status list URLs start with this
   * @return the credential, its issuer and id filled in when it had none
   * @throws ValidationException naming the field that makes it unsignable
   */
  static ObjectNode check(String json, String did, String statusListBase) {
    JsonNode parsed = StrictJson.parse(json);
    if (!(parsed instanceof ObjectNode credential)) {
      throw new ValidationException("credential", null, "must be a JSON object");
    }
    if (credential.has("credentialStatus")) {
      throw new ValidationException(
          "credentialStatus",
          null,
          "is assigned by the issuer: every credential it signs gets one revocation entry in the"
              + " organization's status list; send the credential without one");
    }
    if (credential.has("proof")) {
      throw new ValidationException(
          "proof",
          null,
          "the credential is already signed; the status entry the issuer adds would break that"
              + " proof");
    }
    JsonNode issuer = credential.get("issuer");
    if (issuer == null) {
      credential.put("issuer", did);
    } else {
      String id = issuer.isTextual() ? issuer.textValue() : issuer.path("id").asText("");
      if (!did.equals(id)) {
        throw new ValidationException("issuer", id, "is not this organization's DID " + did);
      }
    }
    JsonNode type = credential.get("type");
    if (type != null) {
      for (JsonNode t : type.isArray() ? type : StrictJson.mapper().createArrayNode().add(type)) {
        if (t.isTextual() && STATUS_LIST_TYPES.contains(t.textValue())) {
          throw new ValidationException(
              "type", t.textValue(), "is a status list: only Trainproof signs its status lists");
        }
      }
    }
    if (!credential.has("id")) {
      credential.put("id", "urn:uuid:" + UUID.randomUUID());
    }
    String id = credential.path("id").asText("");
    if (id.startsWith(statusListBase)) {
      throw new ValidationException(
          "id", id, "is one of the organization's status list URLs: only Trainproof signs them");
    }
    return credential;
  }
}
