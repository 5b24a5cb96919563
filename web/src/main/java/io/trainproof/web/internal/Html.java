package io.trainproof.web.internal;

import io.trainproof.signing.verify.Check;
import io.trainproof.signing.verify.FailureReason;
import io.trainproof.signing.verify.Outcome;
import io.trainproof.signing.verify.VerificationResult;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.web.util.HtmlUtils;

/**
 * The verification page's HTML: no inline style or script (the strict CSP allows neither; the
 * stylesheet is served at {@code <base>/assets/trainproof.css}), a viewport for phones, every value
 * escaped, reasons in words ({@link FailureReason#description()}), never enum names. Stateless.
 */
final class Html {
  private Html() {}

  static String open(String base, String title) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        + "<title>"
        + esc(title)
        + "</title><link rel=\"stylesheet\" href=\""
        + esc(base)
        + "/assets/trainproof.css\"></head><body><main>";
  }

  static String close(String base) {
    return "<p><a href=\""
        + esc(base)
        + "/verify\">Verify another certificate</a></p></main></body></html>";
  }

  /**
   * The form: a code, or a pasted credential; both POST with the session's CSRF token.
   *
   * @param base the base URL path
   * @param issuerDid the issuer
   * @param csrfName the CSRF parameter name
   * @param csrfToken the CSRF token
   */
  static String form(String base, String issuerDid, String csrfName, String csrfToken) {
    String csrf =
        "<input type=\"hidden\" name=\"" + esc(csrfName) + "\" value=\"" + esc(csrfToken) + "\">";
    return open(base, "Verify a training certificate")
        + "<h1>Verify a training certificate</h1><p>Issued by <code>"
        + esc(issuerDid)
        + "</code>. Verification checks the signature, the key, the dates and whether the"
        + " certificate was revoked or replaced.</p>"
        + "<form method=\"post\" action=\""
        + esc(base)
        + "/verify\" id=\"by-code\">"
        + csrf
        + "<label for=\"code\">Verification code</label> <input type=\"text\" name=\"code\""
        + " id=\"code\" autocomplete=\"off\" maxlength=\"64\"> <button type=\"submit\">Verify</button>"
        + "</form><p>or paste the certificate's JSON:</p><form method=\"post\" action=\""
        + esc(base)
        + "/verify\" id=\"by-json\">"
        + csrf
        + "<textarea name=\"credential\" id=\"credential\" rows=\"10\"></textarea>"
        + "<button type=\"submit\">Verify</button></form></main></body></html>";
  }

  /** What the page shows of a certificate, as on the printed one. */
  record Shown(
      String holder, String achievement, String issuer, String completedOn, String validUntil) {}

  static String result(String base, VerificationResult result, String verdict, Shown shown) {
    StringBuilder sb = new StringBuilder(open(base, verdict));
    sb.append("<h1>Certificate verification</h1><p class=\"verdict ")
        .append(result.verified() ? "valid" : "invalid")
        .append("\" id=\"verdict\">")
        .append(esc(verdict))
        .append("</p>");
    Set<String> reasons = new LinkedHashSet<>();
    for (Check c : result.checks()) {
      FailureReason why = c.reason();
      if (c.outcome() == Outcome.FAILED && why != null) {
        reasons.add(why.description());
      }
    }
    if (!reasons.isEmpty()) {
      sb.append("<h2>Why</h2><ul id=\"reasons\">");
      reasons.forEach(r -> sb.append("<li>").append(esc(r)).append("</li>"));
      sb.append("</ul>");
    }
    sb.append("<h2>What the certificate says</h2><p>")
        .append(
            result.verified()
                ? "Shown from the verified certificate."
                : "Shown as received; it did not verify.")
        .append("</p><table id=\"content\">");
    row(sb, "Holder", shown.holder());
    row(sb, "Training", shown.achievement());
    row(sb, "Issued by", shown.issuer());
    row(sb, "Completed on", shown.completedOn());
    row(sb, "Valid until", shown.validUntil());
    sb.append("</table>");
    return sb.append(close(base)).toString();
  }

  static String notFound(String base, String code) {
    return open(base, "Not found")
        + "<p class=\"verdict invalid\" id=\"verdict\">No certificate has the code "
        + esc(code)
        + "</p>"
        + close(base);
  }

  private static void row(StringBuilder sb, String label, String value) {
    sb.append("<tr><th scope=\"row\">")
        .append(esc(label))
        .append("</th><td>")
        .append(esc(value))
        .append("</td></tr>");
  }

  static String esc(String s) {
    return HtmlUtils.htmlEscape(s, "UTF-8");
  }

  static final String CSS =
      """
      body { font-family: system-ui, sans-serif; margin: 0; color: #1d2433; }
      main { max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; }
      h1 { font-size: 1.5rem; }
      .verdict { font-size: 1.5rem; font-weight: 700; padding: .6rem 1rem; border-radius: .4rem; }
      .valid { background: #e3f6e8; color: #14532d; }
      .invalid { background: #fde8e8; color: #7f1d1d; }
      textarea { width: 100%; box-sizing: border-box; font-family: monospace; }
      input[type=text] { font-size: 1.1rem; max-width: 100%; }
      table { border-collapse: collapse; margin-top: 1rem; width: 100%; }
      th, td { padding: .3rem .6rem; border-bottom: 1px solid #e5e7eb; text-align: left; vertical-align: top; }
      """;
}
