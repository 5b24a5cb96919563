package io.trainproof.web.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.reporting.ReportFormat;
import io.trainproof.reporting.Reporting;
import io.trainproof.reporting.report.Report;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The officer dashboard under the base path, for a caller holding {@code dashboard:read} (checked
 * by the module's security chain): {@code GET dashboard} as the reporting module's HTML and {@code
 * GET dashboard.csv} as its CSV, both as of the organization's today and read as the caller's
 * mapped actor (an auditor's every read is audited by the SDK). The HTML's own inline style and
 * script are allowed by their SHA-256 hashes in this response's Content-Security-Policy, never by
 * {@code unsafe-inline}. Thread-safe.
 */
@RequestMapping("${trainproof.web.base-path:/trainproof}")
@RestController
public class DashboardController extends Endpoints {
  private static final Pattern INLINE =
      Pattern.compile("<(style|script)>(.*?)</\\1>", Pattern.DOTALL);

  private final Trainproof trainproof;
  private final Reporting reporting;
  private final Actors actors;

  /**
   * @param trainproof the instance
   * @param reporting renders the dashboard
   * @param actors maps the caller to the SDK's actor
   */
  public DashboardController(Trainproof trainproof, Reporting reporting, Actors actors) {
    this.trainproof = trainproof;
    this.reporting = reporting;
    this.actors = actors;
  }

  /**
   * @return the dashboard as HTML
   */
  @GetMapping("/dashboard")
  public ResponseEntity<String> html() {
    String html = render(ReportFormat.HTML);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/html;charset=UTF-8"));
    headers.set("Content-Security-Policy", policyFor(html));
    headers.setCacheControl("no-store");
    return ResponseEntity.status(200).headers(headers).body(html);
  }

  /**
   * @return the dashboard as CSV
   */
  @GetMapping("/dashboard.csv")
  public ResponseEntity<String> csv() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv;charset=UTF-8"));
    headers.set("Content-Disposition", "attachment; filename=\"dashboard.csv\"");
    headers.setCacheControl("no-store");
    return ResponseEntity.status(200).headers(headers).body(render(ReportFormat.CSV));
  }

  private String render(ReportFormat format) {
    Actor actor = actors.current();
    LocalDate today = trainproof.organizations().get(actor).dateOf(trainproof.clock().instant());
    Report report = reporting.reports().dashboard(actor, today);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    reporting.render(report, format, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * The strict policy, with the hashes of the page's own inline style and script blocks.
   *
   * @param html the page
   * @return the Content-Security-Policy value
   */
  static String policyFor(String html) {
    Set<String> styles = new LinkedHashSet<>();
    Set<String> scripts = new LinkedHashSet<>();
    Matcher m = INLINE.matcher(html);
    while (m.find()) {
      (m.group(1).equals("style") ? styles : scripts).add("'sha256-" + sha256(m.group(2)) + "'");
    }
    return "default-src 'none'; style-src "
        + (styles.isEmpty() ? "'none'" : String.join(" ", styles))
        + "; script-src "
        + (scripts.isEmpty() ? "'none'" : String.join(" ", scripts))
        + "; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  }

  private static String sha256(String text) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
