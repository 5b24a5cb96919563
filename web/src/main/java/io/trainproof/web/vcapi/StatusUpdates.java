package io.trainproof.web.vcapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.Actor;
import io.trainproof.core.ConflictException;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.ValidationException;
import io.trainproof.core.certificate.CertificateService;
import io.trainproof.core.domain.IssuedCredential;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.jcs.StrictJson;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The VC API's {@code POST /credentials/status} (updateCredentialStatus) without HTTP: revokes a
 * credential the SDK signed for the host's organization (through {@code /credentials/issue}, or a
 * sealed attestation), so its bit is set in the organization's next revocation list and verifiers
 * report it revoked. The request is parsed strictly (UTF-8, {@link StrictJson}, no member outside
 * the VC API's schema). Authentication is the caller's business (the HTTP host: scope {@value
 * Caller#ISSUE}). A credential the SDK did not sign for the organization (one a throwaway did:key
 * TEST issuer signed, or another issuer's) is not found: 404. Thread-safe.
 */
public final class StatusUpdates {
  /** What the host records as the reason when a credential is revoked through the VC API. */
  public static final String REVOKED_THROUGH_API =
      "revoked through the VC API (POST /credentials/status)";

  /** The members of an updateCredentialStatus request, and of its {@code credentialStatus}. */
  private static final Set<String> REQUEST = Set.of("credentialId", "credentialStatus", "status");

  private static final Set<String> ENTRY =
      Set.of("id", "type", "statusPurpose", "statusListIndex", "statusListCredential");

  private final IssuerSite site;

  /**
   * @param site the issuer whose credentials this revokes
   */
  public StatusUpdates(IssuerSite site) {
    this.site = site;
  }

  /**
   * {@code POST /credentials/status}, the VC API's updateCredentialStatus: {@code {credentialId,
   * credentialStatus: {type, statusPurpose, id?, statusListIndex?, statusListCredential?}, status}}
   * with {@code status: true} and {@code statusPurpose: revocation} revokes a credential the SDK
   * signed for this organization ({@code CertificateService.revokeCredential}, as the actor the
   * caller maps to, so the revocation is audited under it). The entry's optional members, when
   * sent, must name the credential's own entry, or nothing is revoked.
   *
   * @param caller who asked, as the SDK's actor
   * @param body the request body
   * @return 200 with the entry revoked; 400 when the body is not such a request; 404 when this
   *     organization signed no credential with that id; 409 when a concurrent update changed it;
   *     422 when the request asks what this host does not do (another purpose or list, undoing a
   *     revocation), names another entry, or the credential is already revoked
   */
  public VcApi.Response update(Actor caller, byte[] body) {
    String text = VcApi.strictUtf8(body);
    if (text == null) {
      return refused(400, "the body is not valid UTF-8");
    }
    JsonNode request;
    try {
      request = StrictJson.parse(text);
    } catch (UnusableInputException e) {
      return new VcApi.Response(
          400, errors("the body is not strict JSON: " + e.getMessage()), "the body is not JSON");
    }
    Optional<String> malformed = problem(request);
    if (malformed.isPresent()) {
      return refused(400, malformed.get());
    }
    String credentialId = request.get("credentialId").textValue();
    JsonNode entry = request.get("credentialStatus");
    String type = entry.get("type").textValue();
    if (!type.equals("BitstringStatusListEntry") && !type.equals("BitstringStatusList")) {
      return refused(
          422, "credentialStatus.type: this host's status entries are BitstringStatusListEntry");
    }
    if (!entry.get("statusPurpose").textValue().equals(CertificateService.REVOCATION)) {
      return refused(
          422, "credentialStatus.statusPurpose: this host updates revocation entries only");
    }
    if (!request.get("status").booleanValue()) {
      return refused(422, "status: a revocation is permanent and cannot be undone");
    }
    CertificateService certs = site.trainproof().certificates();
    String list =
        StrictJson.parse(certs.statusListCredential(site.reader(), CertificateService.REVOCATION))
            .path("id")
            .asText("");
    String listSent = entry.path("statusListCredential").asText(list);
    if (!listSent.equals(list)) {
      return refused(
          422, "credentialStatus.statusListCredential: is not this issuer's revocation list");
    }
    try {
      IssuedCredential revoked =
          site.trainproof()
              .atomically(
                  () -> {
                    IssuedCredential r =
                        certs.revokeCredential(caller, credentialId, REVOKED_THROUGH_API);
                    String index = Integer.toString(r.statusIndex());
                    // why: an entry the caller names must be the credential's own; throwing here
                    // rolls the revocation back with its audit entry
                    if (!entry.path("statusListIndex").asText(index).equals(index)
                        || !entry
                            .path("id")
                            .asText(list + "#" + index)
                            .equals(list + "#" + index)) {
                      throw new ValidationException(
                          "credentialStatus", null, "does not name this credential's status entry");
                    }
                    return r;
                  });
      ObjectNode response = StrictJson.mapper().createObjectNode();
      response.put("credentialId", credentialId);
      String index = Integer.toString(revoked.statusIndex());
      response
          .putObject("credentialStatus")
          .put("id", list + "#" + index)
          .put("type", "BitstringStatusListEntry")
          .put("statusPurpose", CertificateService.REVOCATION)
          .put("statusListIndex", index)
          .put("statusListCredential", list);
      response.put("status", true);
      return new VcApi.Response(200, response, "revoked the entry at index " + index);
    } catch (NotFoundException e) {
      return refused(404, "credentialId: this issuer signed no credential with that id");
    } catch (ConflictException e) {
      return refused(409, "credentialId: the credential changed meanwhile; retry");
    } catch (ValidationException e) {
      return refused(
          422,
          e.field().equals("credentialStatus")
              ? "credentialStatus: does not name this credential's status entry"
              : "credentialId: the credential is already revoked");
    }
  }

  /**
   * A refusal: {@code {errors: [{message}]}}.
   *
   * @param status the HTTP status
   * @param message what was wrong; names the field, never echoes request content
   */
  private static VcApi.Response refused(int status, String message) {
    return new VcApi.Response(status, errors(message), message);
  }

  private static ObjectNode errors(String message) {
    ObjectNode body = StrictJson.mapper().createObjectNode();
    body.putArray("errors").addObject().put("message", message);
    return body;
  }

  /** What makes a body not an updateCredentialStatus request, or empty. */
  private static Optional<String> problem(JsonNode request) {
    if (!request.isObject()) {
      return Optional.of("the body must be a JSON object");
    }
    Optional<String> extra = unknownMember(request, REQUEST, "the request");
    if (extra.isPresent()) {
      return extra;
    }
    JsonNode id = request.get("credentialId");
    if (id == null || !id.isTextual() || id.textValue().isBlank()) {
      return Optional.of("credentialId: must be a non-empty string");
    }
    if (id.textValue().length() > IssuedCredential.MAX_CREDENTIAL_ID) {
      return Optional.of(
          "credentialId: at most " + IssuedCredential.MAX_CREDENTIAL_ID + " characters");
    }
    JsonNode status = request.get("status");
    if (status == null || !status.isBoolean()) {
      return Optional.of("status: must be true or false");
    }
    JsonNode entry = request.get("credentialStatus");
    if (entry == null || !entry.isObject()) {
      return Optional.of("credentialStatus: must be an object");
    }
    extra = unknownMember(entry, ENTRY, "credentialStatus");
    if (extra.isPresent()) {
      return extra;
    }
    for (String member : ENTRY) {
      JsonNode value = entry.get(member);
      boolean required = member.equals("type") || member.equals("statusPurpose");
      if ((value == null && required) || (value != null && !value.isTextual())) {
        return Optional.of(
            "credentialStatus." + member + ": must be a string" + (required ? "" : " when sent"));
      }
    }
    return Optional.empty();
  }

  /** A member outside the schema (not named: it is request content), or empty. */
  private static Optional<String> unknownMember(JsonNode object, Set<String> known, String what) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      if (!known.contains(names.next())) {
        return Optional.of(
            what + ": has a member that is not one of " + String.join(", ", new TreeSet<>(known)));
      }
    }
    return Optional.empty();
  }
}
