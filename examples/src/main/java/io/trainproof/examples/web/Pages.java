package io.trainproof.examples.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainproof.signing.verify.Check;
import io.trainproof.signing.verify.FailureReason;
import io.trainproof.signing.verify.Outcome;
import io.trainproof.signing.verify.VerificationResult;
import io.trainproof.web.vcapi.Verdict;
import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The verification page's HTML: self-contained, every value escaped. */
final class Pages {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STYLE =
      """
      <style>
        body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1d2433; }
        h1 { font-size: 1.5rem; } .verdict { font-size: 1.6rem; font-weight: 700; padding: .6rem 1rem; border-radius: .4rem; }
        .valid { background: #e3f6e8; color: #14532d; } .invalid { background: #fde8e8; color: #7f1d1d; }
        textarea { width: 100%; height: 10rem; font-family: monospace; } input[type=text] { font-size: 1.2rem; width: 16rem; }
        table { border-collapse: collapse; margin-top: 1rem; } td { padding: .25rem .6rem; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
        .drop { border: 2px dashed #9ca3af; padding: 1rem; margin: .5rem 0; }
        .test { background: #fff4d6; color: #713f12; border: 2px solid #d97706; padding: .5rem 1rem; font-weight: 700; }
      </style>""";

  /** What every page of a test issuer says first. */
  static final String TEST_ISSUER =
      "TEST issuer: this host signs with a throwaway demo key under a test DID."
          + " Its certificates prove nothing about real training.";

  private Pages() {}

  static String form(String issuerDid, boolean testIssuer) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Verify a training certificate</title>"
        + STYLE
        + "</head><body>"
        + banner(testIssuer)
        + "<h1>Verify a training certificate</h1>"
        + "<p>Issued by <code>"
        + esc(issuerDid)
        + "</code>. Verification checks the signature, the key, the dates and "
        + "whether the certificate was revoked or replaced.</p>"
        + "<form method=\"post\" action=\"/verify\" id=\"by-code\"><label>Verification code "
        + "<input type=\"text\" name=\"code\" id=\"code\" autocomplete=\"off\"></label> <button type=\"submit\">Verify</button></form>"
        + "<p>or drop or paste the certificate's JSON:</p>"
        + "<form method=\"post\" action=\"/verify\" id=\"by-json\"><div class=\"drop\" id=\"drop\">Drop a .json file here</div>"
        + "<textarea name=\"credential\" id=\"credential\"></textarea><br><button type=\"submit\">Verify</button></form>"
        + "<script>const d=document.getElementById('drop'),t=document.getElementById('credential');"
        + "d.addEventListener('dragover',e=>e.preventDefault());"
        + "d.addEventListener('drop',e=>{e.preventDefault();const f=e.dataTransfer.files[0];if(f){f.text().then(s=>t.value=s);}});"
        + "</script></body></html>";
  }

  static String notFound(String code, boolean testIssuer) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title>"
        + STYLE
        + "</head><body>"
        + banner(testIssuer)
        + "<p class=\"verdict invalid\" id=\"verdict\">No certificate has the code "
        + esc(code)
        + "</p>"
        + "<p><a href=\"/\">Verify another</a></p></body></html>";
  }

  static String result(
      VerificationResult result,
      String credentialJson,
      @Nullable String revocationReason,
      boolean testIssuer) {
    String verdict = Verdict.sentence(result, revocationReason);
    StringBuilder sb = new StringBuilder();
    sb.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(verdict))
        .append("</title>")
        .append(STYLE)
        .append("</head><body>")
        .append(banner(testIssuer))
        .append("<h1>Certificate verification</h1>")
        .append("<p class=\"verdict ")
        .append(result.verified() ? "valid" : "invalid")
        .append("\" id=\"verdict\">")
        .append(esc(verdict))
        .append("</p>");
    JsonNode vc = parse(credentialJson);
    if (vc != null) {
      sb.append("<h2>What the certificate says</h2><p>")
          .append(
              result.verified()
                  ? "Shown from the verified certificate."
                  : "Shown as received; it did not verify.")
          .append("</p><table id=\"content\">");
      row(sb, "Certificate", text(vc, "name"));
      row(
          sb,
          "Issuer",
          vc.path("issuer").isTextual()
              ? vc.path("issuer").asText()
              : text(vc.path("issuer"), "name"));
      row(sb, "Achievement", text(vc.path("credentialSubject").path("achievement"), "name"));
      row(sb, "Holder", text(vc.path("credentialSubject"), "id"));
      row(sb, "Valid from", text(vc, "validFrom"));
      row(sb, "Valid until", text(vc, "validUntil"));
      row(sb, "Credential id", text(vc, "id"));
      sb.append("</table>");
    }
    sb.append("<h2>Checks</h2><table id=\"checks\">");
    for (Check c : result.checks()) {
      FailureReason why = c.reason();
      String mark =
          c.outcome() == Outcome.PASSED
              ? "passed"
              : c.outcome() == Outcome.FAILED ? "FAILED" : "not applicable";
      row(
          sb,
          c.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
          mark + (why == null ? "" : " (" + why.description() + ")") + ": " + c.detail());
    }
    sb.append("</table><p><a href=\"/\">Verify another</a></p></body></html>");
    return sb.toString();
  }

  private static String banner(boolean testIssuer) {
    return testIssuer ? "<p class=\"test\" id=\"test-issuer\">" + esc(TEST_ISSUER) + "</p>" : "";
  }

  private static @Nullable JsonNode parse(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      return n != null && n.isObject() ? n : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isValueNode() ? v.asText() : "";
  }

  private static void row(StringBuilder sb, String label, String value) {
    sb.append("<tr><td>")
        .append(esc(label))
        .append("</td><td>")
        .append(esc(value))
        .append("</td></tr>");
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
