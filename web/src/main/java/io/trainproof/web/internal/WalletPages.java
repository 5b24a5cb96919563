package io.trainproof.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainproof.core.Actor;
import io.trainproof.core.ValidationException;
import io.trainproof.core.certificate.WalletOffer;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.web.vcapi.IssuerSite;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in member's wallet page, {@code <base>/wallet}: their certificates, each with "Add to
 * my digital wallet" (a CSRF-protected form that creates a single-use offer and shows its QR code,
 * the link a phone's wallet opens, and when it expires) and "Add to LinkedIn profile" (a link to
 * LinkedIn's add-certification form, filled in; no API key). Words and local dates, never codes.
 * Not API.
 */
@RestController
public class WalletPages extends Endpoints {
  private static final String PAGE_POLICY =
      "default-src 'none'; style-src 'self'; img-src data:; form-action 'self'; base-uri 'none';"
          + " frame-ancestors 'none'";

  private final IssuerSite site;
  private final Actors actors;
  private final WalletController wallet;
  private final String basePath;

  /**
   * @param site the issuing organization
   * @param actors maps the signed-in caller to an actor
   * @param wallet the wallet endpoints (for the offer's URLs)
   * @param basePath the module's base path
   */
  public WalletPages(IssuerSite site, Actors actors, WalletController wallet, String basePath) {
    this.site = site;
    this.actors = actors;
    this.wallet = wallet;
    this.basePath = basePath;
  }

  /**
   * The member's certificates.
   *
   * @param request the request
   * @return the page
   */
  @GetMapping("${trainproof.web.base-path:/trainproof}/wallet")
  public ResponseEntity<String> page(HttpServletRequest request) {
    Actor actor = actors.current();
    Id<WorkforceMember> member = requireMember(actor);
    String base = request.getContextPath() + basePath;
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    List<Certificate> certificates =
        site.trainproof().certificates().forMember(actor, member).stream()
            .filter(c -> c.status() == Certificate.Status.VALID)
            .toList();
    Locale locale = request.getLocale();
    StringBuilder sb = new StringBuilder(Html.open(base, "Your training certificates"));
    sb.append("<h1>Your training certificates</h1>");
    if (certificates.isEmpty()) {
      sb.append("<p>You have no valid training certificate yet.</p>");
    }
    for (Certificate c : certificates) {
      String title = title(c);
      sb.append("<section><h2>").append(Html.esc(title)).append("</h2><p>Completed ");
      sb.append(Html.esc(date(c.validFrom(), locale)));
      if (c.validUntil() != null) {
        sb.append(", valid until ").append(Html.esc(date(c.validUntil(), locale)));
      }
      sb.append(". Verification code <code>").append(Html.esc(c.verificationCode()));
      sb.append("</code>.</p><form method=\"post\" action=\"")
          .append(Html.esc(base))
          .append("/wallet/certificates/")
          .append(Html.esc(c.id().toString()))
          .append("\">");
      if (csrf != null) {
        sb.append("<input type=\"hidden\" name=\"")
            .append(Html.esc(csrf.getParameterName()))
            .append("\" value=\"")
            .append(Html.esc(csrf.getToken()))
            .append("\">");
      }
      sb.append("<button type=\"submit\">Add to my digital wallet</button></form><p><a href=\"")
          .append(Html.esc(linkedIn(request, c, title)))
          .append("\" rel=\"noopener\">Add to LinkedIn profile</a></p></section>");
    }
    sb.append("</main></body></html>");
    return html(sb.toString());
  }

  /**
   * Offers one of the member's certificates to their wallet and shows the QR code.
   *
   * @param id the certificate
   * @param request the request
   * @return the page with the QR code
   */
  @PostMapping("${trainproof.web.base-path:/trainproof}/wallet/certificates/{id}")
  public ResponseEntity<String> offer(@PathVariable String id, HttpServletRequest request) {
    Actor actor = actors.current();
    requireMember(actor);
    WalletOffer offer =
        site.trainproof().certificates().deliverToWallet(actor, WalletController.certificateId(id));
    WalletController.Urls urls = wallet.urls(request, offer.secret());
    String base = request.getContextPath() + basePath;
    ZoneId zone = site.trainproof().organizations().get(actor).zone();
    String expires =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(request.getLocale())
                .format(offer.expiresAt().atZone(zone))
            + " "
            + zone.getDisplayName(TextStyle.SHORT, request.getLocale());
    String page =
        Html.open(base, "Add your certificate to your wallet")
            + "<h1>Add your certificate to your wallet</h1>"
            + "<p>Scan this code with your digital wallet (for example the Learner Credential"
            + " Wallet). Your wallet proves it holds your key, then receives a copy of the"
            + " certificate made out to that key.</p>"
            + "<p><img id=\"wallet-qr\" width=\"280\" height=\"280\" alt=\"QR code for your"
            + " wallet\" src=\""
            + QrSvg.dataUri(urls.interaction())
            + "\"></p><p>On this phone: <a id=\"wallet-link\" href=\""
            + Html.esc(urls.interaction())
            + "\">open in your wallet</a>.</p><h2>A wallet that speaks OpenID4VCI</h2><p>Scan"
            + " this code instead, or <a id=\"openid-offer\" href=\""
            + Html.esc(urls.credentialOffer())
            + "\">open the offer</a> on this phone.</p><p><img id=\"openid-qr\" width=\"280\""
            + " height=\"280\" alt=\"QR code with the OpenID for Verifiable Credential Issuance"
            + " offer\" src=\""
            + QrSvg.dataUri(urls.credentialOffer())
            + "\"></p><p>The two codes are one delivery: the first your wallet uses works, once, until "
            + Html.esc(expires)
            + ". When your wallet has the certificate, the one you had before is marked as"
            + " replaced by it.</p><p><a href=\""
            + Html.esc(base)
            + "/wallet\">Back to your certificates</a></p></main></body></html>";
    return html(page);
  }

  private static Id<WorkforceMember> requireMember(Actor actor) {
    Id<WorkforceMember> member = actor.member();
    if (member == null) {
      throw new ValidationException(
          "actor",
          actor.id(),
          "this page is for members; officers offer through POST wallet/offers");
    }
    return member;
  }

  /** The training's name, as the certificate states it. */
  static String title(Certificate c) {
    try {
      JsonNode name =
          StrictJson.parse(c.credentialJson())
              .path("credentialSubject")
              .path("achievement")
              .path("name");
      return name.isTextual() ? name.asText() : "Training certificate";
    } catch (UnusableInputException e) {
      return "Training certificate";
    }
  }

  private static String date(LocalDate date, Locale locale) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
  }

  /** LinkedIn's "add certification" form, filled in with the certificate's public facts. */
  String linkedIn(HttpServletRequest request, Certificate c, String title) {
    String organization = site.trainproof().organizations().get(actors.current()).name();
    String verify =
        WalletController.origin(request)
            + request.getContextPath()
            + basePath
            + "/verify?code="
            + c.verificationCode();
    StringBuilder url =
        new StringBuilder("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME");
    param(url, "name", title);
    param(url, "organizationName", organization);
    param(url, "issueYear", String.valueOf(c.validFrom().getYear()));
    param(url, "issueMonth", String.valueOf(c.validFrom().getMonthValue()));
    LocalDate until = c.validUntil();
    if (until != null) {
      param(url, "expirationYear", String.valueOf(until.getYear()));
      param(url, "expirationMonth", String.valueOf(until.getMonthValue()));
    }
    param(url, "certUrl", verify);
    param(url, "certId", c.verificationCode());
    return url.toString();
  }

  private static void param(StringBuilder url, String name, @Nullable String value) {
    url.append('&').append(name).append('=');
    url.append(URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8));
  }

  private static ResponseEntity<String> html(String page) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/html;charset=UTF-8"));
    headers.setCacheControl("no-store");
    headers.set("Content-Security-Policy", PAGE_POLICY);
    return ResponseEntity.status(200).headers(headers).body(page);
  }
}
