package io.trainproof.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainproof.core.Actor;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.verify.CredentialVerifier;
import io.trainproof.signing.verify.VerificationResult;
import io.trainproof.web.vcapi.IssuerSite;
import io.trainproof.web.vcapi.VcApi;
import io.trainproof.web.vcapi.Verdict;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public verification page under the base path: {@code GET verify} (the form), {@code GET
 * verify?code=...} (what a printed certificate's QR code opens), {@code POST verify} (the form: a
 * code or a pasted credential, CSRF-protected by the module's security chain) and the stylesheet. A
 * certificate found by code shows its holder's name, the training and the dates as the printed
 * certificate does (calendar dates in the organization's zone). Thread-safe.
 */
@RequestMapping("${trainproof.web.base-path:/trainproof}")
@RestController
public class VerificationController extends Endpoints {
  /** The longest verification code looked up, in characters. */
  static final int MAX_CODE_CHARS = 64;

  /** The largest pasted credential, in characters. */
  static final int MAX_PASTE_CHARS = 64 * 1024;

  private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

  private final IssuerSite site;
  private final VcApi api;
  private final String basePath;

  /**
   * @param site the issuer
   * @param api the VC API (its trust bundle)
   * @param basePath the module's base path
   */
  public VerificationController(IssuerSite site, VcApi api, String basePath) {
    this.site = site;
    this.api = api;
    this.basePath = basePath;
  }

  /**
   * @param code a verification code, from a QR code
   * @param request the request
   * @return the form, or the verdict for the code
   */
  @GetMapping("/verify")
  public ResponseEntity<String> page(
      @RequestParam(name = "code", required = false) @Nullable String code,
      HttpServletRequest request) {
    if (code == null) {
      CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
      String name = csrf == null ? "_csrf" : csrf.getParameterName();
      String token = csrf == null ? "" : csrf.getToken();
      return html(200, Html.form(base(request), site.history().did(), name, token));
    }
    return byCode(request, code);
  }

  /**
   * @param code a verification code, or empty
   * @param credential a pasted credential, or empty
   * @param request the request
   * @return the verdict
   */
  @PostMapping("/verify")
  public ResponseEntity<String> submit(
      @RequestParam(name = "code", defaultValue = "") String code,
      @RequestParam(name = "credential", defaultValue = "") String credential,
      HttpServletRequest request) {
    if (!credential.isBlank()) {
      if (credential.length() > MAX_PASTE_CHARS) {
        return Problems.of(413, "credential: at most " + MAX_PASTE_CHARS + " characters");
      }
      return pasted(request, credential.strip());
    }
    return byCode(request, code);
  }

  /**
   * @return the page's stylesheet
   */
  @GetMapping("/assets/trainproof.css")
  public ResponseEntity<String> stylesheet() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/css;charset=UTF-8"));
    headers.setCacheControl("public, max-age=3600");
    return ResponseEntity.status(200).headers(headers).body(Html.CSS);
  }

  private ResponseEntity<String> byCode(HttpServletRequest request, String raw) {
    String code = raw.strip();
    if (code.isEmpty() || code.length() > MAX_CODE_CHARS) {
      return Problems.of(
          400, "code: a verification code has 1 to " + MAX_CODE_CHARS + " characters");
    }
    Actor reader = site.reader();
    Optional<Certificate> found =
        site.trainproof().certificates().findByCode(reader, code.toUpperCase(Locale.ROOT));
    if (found.isEmpty()) {
      return html(404, Html.notFound(base(request), code));
    }
    Certificate c = found.get();
    VerificationResult result = verifier().verify(c.credentialJson());
    WorkforceMember member = site.trainproof().workforce().get(reader, c.member());
    String course =
        site.trainproof().courses().list(reader).stream()
            .filter(x -> x.id().equals(c.course()))
            .map(Course::title)
            .findFirst()
            .orElse("");
    Organization org = site.trainproof().organizations().get(reader);
    LocalDate until = c.validUntil();
    Html.Shown shown =
        new Html.Shown(
            member.displayName(),
            course,
            org.name(),
            c.validFrom().toString(),
            until == null ? "does not expire" : until.toString());
    String verdict =
        Verdict.sentence(
            result, c.status() == Certificate.Status.REVOKED ? c.statusReason() : null);
    return html(200, Html.result(base(request), result, verdict, shown));
  }

  private ResponseEntity<String> pasted(HttpServletRequest request, String json) {
    VerificationResult result = verifier().verify(json);
    JsonNode vc;
    try {
      vc = StrictJson.parse(json);
    } catch (UnusableInputException e) {
      vc = StrictJson.mapper().createObjectNode();
    }
    Organization org = site.trainproof().organizations().get(site.reader());
    JsonNode subject = vc.path("credentialSubject");
    JsonNode issuer = vc.path("issuer");
    Html.Shown shown =
        new Html.Shown(
            text(subject.path("name")),
            text(subject.path("achievement").path("name")),
            issuer.isTextual() ? issuer.asText() : text(issuer.path("name")),
            localDate(text(vc.path("validFrom")), org),
            localDate(text(vc.path("validUntil")), org));
    return html(200, Html.result(base(request), result, Verdict.sentence(result, null), shown));
  }

  private CredentialVerifier verifier() {
    return new CredentialVerifier(api.trustBundle(), site.clock())
        .observedBy(api.verificationObserver());
  }

  /** An instant as the organization's calendar date (as the printed certificate shows it). */
  private static String localDate(String instant, Organization org) {
    if (instant.isEmpty()) {
      return "";
    }
    try {
      return org.dateOf(Instant.parse(instant)).toString();
    } catch (DateTimeParseException e) {
      return instant;
    }
  }

  private static String text(JsonNode node) {
    return node.isValueNode() ? node.asText() : "";
  }

  private String base(HttpServletRequest request) {
    return request.getContextPath() + basePath;
  }

  private static ResponseEntity<String> html(int status, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(HTML);
    return ResponseEntity.status(status).headers(headers).body(body);
  }
}
