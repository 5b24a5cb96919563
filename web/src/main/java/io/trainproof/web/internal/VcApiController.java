package io.trainproof.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainproof.core.Actor;
import io.trainproof.core.certificate.CertificateService;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.web.vcapi.IssuerSite;
import io.trainproof.web.vcapi.StatusUpdates;
import io.trainproof.web.vcapi.VcApi;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The VC API on Spring MVC, under the base path: {@code POST credentials/issue} and {@code POST
 * credentials/status} (scope {@code credentials:issue}, checked by the module's security chain; the
 * call runs as the caller's mapped actor), {@code POST credentials/verify}, {@code GET
 * status/{purpose}} and {@code GET did.json} (public). Bodies are JSON media types, at most {@value
 * VcApi#MAX_BODY} bytes (413 beyond), parsed strictly by {@link VcApi}; refusals are Problem
 * Details. Thread-safe.
 */
@RequestMapping("${trainproof.web.base-path:/trainproof}")
@RestController
public class VcApiController extends Endpoints {
  private static final Logger LOG = LoggerFactory.getLogger(VcApiController.class);

  private final IssuerSite site;
  private final VcApi api;
  private final StatusUpdates statusUpdates;
  private final Actors actors;

  /**
   * @param site the issuer
   * @param api the VC API over that issuer
   * @param actors maps the caller to the SDK's actor
   */
  public VcApiController(IssuerSite site, VcApi api, Actors actors) {
    this.site = site;
    this.api = api;
    this.statusUpdates = new StatusUpdates(site);
    this.actors = actors;
  }

  /**
   * {@code POST credentials/issue}.
   *
   * @param request the request
   * @return 201 with {@code {verifiableCredential}}, or a problem
   * @throws IOException when the body cannot be read
   */
  @PostMapping("/credentials/issue")
  public ResponseEntity<String> issue(HttpServletRequest request) throws IOException {
    RequestBodies.requireJson(request);
    Actor actor = actors.current();
    VcApi.Response response = api.issue(actor, RequestBodies.read(request, VcApi.MAX_BODY));
    if (response.status() != 201) {
      LOG.info("refused to sign for {}: {}", actor.id(), response.reason());
      return Problems.of(response);
    }
    JsonNode proof = response.body().path("verifiableCredential").path("proof");
    LOG.info("signed a credential for {} with {}", actor.id(), proof.path("cryptosuite").asText());
    return json(201, StrictJson.write(response.body()), MediaType.APPLICATION_JSON_VALUE);
  }

  /**
   * {@code POST credentials/status}: revokes a credential the SDK signed.
   *
   * @param request the request
   * @return 200 with the entry revoked, or a problem
   * @throws IOException when the body cannot be read
   */
  @PostMapping("/credentials/status")
  public ResponseEntity<String> updateStatus(HttpServletRequest request) throws IOException {
    RequestBodies.requireJson(request);
    Actor actor = actors.current();
    VcApi.Response response =
        statusUpdates.update(actor, RequestBodies.read(request, VcApi.MAX_BODY));
    if (response.status() != 200) {
      return Problems.of(response);
    }
    LOG.info("{} for {}", response.reason(), actor.id());
    return json(200, StrictJson.write(response.body()), MediaType.APPLICATION_JSON_VALUE);
  }

  /**
   * {@code POST credentials/verify}: 200 when verified; 400 (not JSON, no credential) or 422 (did
   * not verify) as Problem Details that keep the VC API's {@code verified}, {@code checks} and
   * {@code errors}.
   *
   * @param request the request
   * @return the verification result
   * @throws IOException when the body cannot be read
   */
  @PostMapping("/credentials/verify")
  public ResponseEntity<String> verify(HttpServletRequest request) throws IOException {
    RequestBodies.requireJson(request);
    VcApi.Response response = api.verify(RequestBodies.read(request, VcApi.MAX_BODY));
    if (response.status() == 200) {
      return json(200, StrictJson.write(response.body()), MediaType.APPLICATION_JSON_VALUE);
    }
    if (response.status() == 422) {
      return Problems.of(
          new VcApi.Response(
              422,
              response.body(),
              "verifiableCredential: did not verify ("
                  + response.body().path("errors").findValuesAsText("reason")
                  + ")"));
    }
    return Problems.of(response);
  }

  /**
   * {@code GET status/{purpose}}: the issuer's signed status list credential.
   *
   * @param purpose {@code revocation} or {@code superseded}
   * @return the list, or 404
   */
  @GetMapping("/status/{purpose}")
  public ResponseEntity<String> statusList(@PathVariable String purpose) {
    if (!purpose.equals(CertificateService.REVOCATION)
        && !purpose.equals(CertificateService.SUPERSEDED)) {
      return Problems.of(404, "purpose: no status list for that purpose (revocation, superseded)");
    }
    return json(
        200,
        site.trainproof().certificates().statusListCredential(site.reader(), purpose),
        "application/vc+ld+json");
  }

  /**
   * {@code GET did.json}: the issuer's DID document, what {@code did:web:<host>:<base>} resolves
   * to.
   *
   * @return the document
   */
  @GetMapping("/did.json")
  public ResponseEntity<String> didDocument() {
    return json(200, StrictJson.write(site.history().didDocument()), "application/did+json");
  }

  private static ResponseEntity<String> json(int status, String body, String mediaType) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(mediaType));
    return ResponseEntity.status(status).headers(headers).body(body);
  }
}
