package io.trainproof.web.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.reporting.ReportFormat;
import io.trainproof.reporting.Reporting;
import io.trainproof.reporting.report.DateRange;
import io.trainproof.reporting.report.Report;
import io.trainproof.reporting.report.ReportService;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The auditor's reports under the base path, for a caller holding {@code dashboard:read} (checked
 * by the module's security chain), read as the caller's mapped actor (an auditor's every read is
 * audited by the SDK): {@code GET reports} lists them, {@code GET
 * reports/<name>.<csv|html|pdf|json>} renders one as of {@code asOf} (default the organization's
 * today); the period reports take {@code from} and {@code to} (default the year up to {@code
 * asOf}); the member transcript takes {@code member}, the member's HR id. Bad parameters are 400
 * naming the parameter and value; an unknown report or format is 404. Thread-safe.
 */
@RequestMapping("${trainproof.web.base-path:/trainproof}")
@RestController
public class ReportsController extends Endpoints {
  /** A report: what it is, and how to compute it. */
  private record Kind(String title, boolean period, boolean member, Compute compute) {}

  @FunctionalInterface
  private interface Compute {
    Report of(
        ReportService r, Actor a, LocalDate asOf, DateRange period, @Nullable WorkforceMember m);
  }

  private static final Map<String, Kind> KINDS = kinds();

  private final Trainproof trainproof;
  private final Reporting reporting;
  private final Actors actors;
  private final String base;

  /**
   * @param trainproof the instance
   * @param reporting computes and renders the reports
   * @param actors maps the caller to the SDK's actor
   * @param base the base path
   */
  public ReportsController(Trainproof trainproof, Reporting reporting, Actors actors, String base) {
    this.trainproof = trainproof;
    this.reporting = reporting;
    this.actors = actors;
    this.base = base;
  }

  private static Map<String, Kind> kinds() {
    Map<String, Kind> k = new LinkedHashMap<>();
    k.put(
        "organization-summary",
        new Kind(
            "Organization summary", false, false, (r, a, d, p, m) -> r.organizationSummary(a, d)));
    k.put(
        "overdue-and-expiring",
        new Kind(
            "Overdue, expired and due within 90 days",
            false,
            false,
            (r, a, d, p, m) -> r.overdueAndExpiring(a, d)));
    k.put(
        "new-hire-timeliness",
        new Kind(
            "New-hire training timeliness",
            true,
            false,
            (r, a, d, p, m) -> r.newHireTimeliness(a, p, d)));
    k.put(
        "retraining",
        new Kind(
            "Retraining after material policy changes",
            false,
            false,
            (r, a, d, p, m) -> r.retraining(a, d)));
    k.put(
        "acknowledgement-matrix",
        new Kind(
            "Policy acknowledgements",
            false,
            false,
            (r, a, d, p, m) -> r.acknowledgementMatrix(a, d)));
    k.put(
        "security-reminder-log",
        new Kind(
            "Security reminder log",
            true,
            false,
            (r, a, d, p, m) -> r.securityReminderLog(a, p, d)));
    k.put(
        "waivers-and-extensions",
        new Kind(
            "Waivers and extensions",
            false,
            false,
            (r, a, d, p, m) -> r.waiversAndExtensions(a, d)));
    k.put(
        "role-content-matrix",
        new Kind(
            "Role to content matrix", false, false, (r, a, d, p, m) -> r.roleContentMatrix(a, d)));
    k.put(
        "renewal-forecast",
        new Kind("Renewal forecast", false, false, (r, a, d, p, m) -> r.renewalForecast(a, d)));
    k.put(
        "policy-versions-in-force",
        new Kind(
            "Policy versions in force",
            false,
            false,
            (r, a, d, p, m) -> r.policyVersionsInForce(a, d)));
    k.put(
        "addressable-decisions",
        new Kind(
            "Addressable specification decisions",
            false,
            false,
            (r, a, d, p, m) -> r.addressableDecisions(a, d)));
    k.put(
        "member-transcript",
        new Kind(
            "Member transcript",
            false,
            true,
            (r, a, d, p, m) -> r.memberTranscript(a, Objects.requireNonNull(m).id(), d)));
    return k;
  }

  /**
   * @return the list of reports, as HTML with links
   */
  @GetMapping("/reports")
  public ResponseEntity<String> index() {
    actors.current();
    StringBuilder html =
        new StringBuilder(
                "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                    + "<title>Reports</title><link rel=\"stylesheet\" href=\"")
            .append(base)
            .append(
                "/assets/trainproof.css\"></head><body><main><h1>Reports</h1><p>As of today;"
                    + " add <code>?asOf=YYYY-MM-DD</code>, and <code>from</code> and <code>to</code>"
                    + " for the period reports. The member transcript takes"
                    + " <code>?member=</code> and the member's HR id.</p><ul>");
    for (Map.Entry<String, Kind> e : KINDS.entrySet()) {
      html.append("<li>").append(HtmlUtils.htmlEscape(e.getValue().title())).append(':');
      for (String format : new String[] {"html", "csv", "pdf", "json"}) {
        html.append(" <a href=\"")
            .append(base)
            .append("/reports/")
            .append(e.getKey())
            .append('.')
            .append(format)
            .append("\">")
            .append(format.toUpperCase(Locale.ROOT))
            .append("</a>");
      }
      html.append("</li>");
    }
    html.append("</ul></main></body></html>");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/html;charset=UTF-8"));
    headers.setCacheControl("no-store");
    return ResponseEntity.status(200).headers(headers).body(html.toString());
  }

  /**
   * @param name the report's name, e.g. {@code organization-summary}
   * @param format {@code csv}, {@code html}, {@code pdf} or {@code json}
   * @param asOf the date, ISO; default the organization's today
   * @param from the period's first day, ISO (period reports)
   * @param to the period's last day, ISO (period reports)
   * @param member the member's HR id (the transcript)
   * @return the rendered report
   */
  @GetMapping("/reports/{name}.{format}")
  public ResponseEntity<?> report(
      @PathVariable("name") String name,
      @PathVariable("format") String format,
      @RequestParam(name = "asOf", required = false) @Nullable String asOf,
      @RequestParam(name = "from", required = false) @Nullable String from,
      @RequestParam(name = "to", required = false) @Nullable String to,
      @RequestParam(name = "member", required = false) @Nullable String member) {
    Kind kind = KINDS.get(name);
    ReportFormat rendered = formatOf(format);
    if (kind == null || rendered == null) {
      return refused(404, "no such report or format; GET " + base + "/reports lists them");
    }
    Actor actor = actors.current();
    LocalDate today = trainproof.organizations().get(actor).dateOf(trainproof.clock().instant());
    LocalDate date;
    LocalDate first;
    LocalDate last;
    try {
      date = asOf == null ? today : LocalDate.parse(asOf);
      last = to == null ? date : LocalDate.parse(to);
      first = from == null ? last.minusYears(1) : LocalDate.parse(from);
    } catch (DateTimeParseException e) {
      return refused(400, "asOf, from and to must be dates written YYYY-MM-DD");
    }
    WorkforceMember who = null;
    if (kind.member()) {
      if (member == null || member.isBlank()) {
        return refused(400, "member is required: the member's HR id");
      }
      who = trainproof.workforce().getByExternalId(actor, member);
    }
    Report report =
        kind.compute().of(reporting.reports(), actor, date, DateRange.of(first, last), who);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    reporting.render(report, rendered, out);
    byte[] body = out.toByteArray();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(
        MediaType.parseMediaType(
            switch (rendered) {
              case CSV -> "text/csv;charset=UTF-8";
              case HTML -> "text/html;charset=UTF-8";
              case PDF -> "application/pdf";
              case JSON -> "application/json";
            }));
    headers.setCacheControl("no-store");
    if (rendered == ReportFormat.HTML) {
      headers.set(
          "Content-Security-Policy",
          DashboardController.policyFor(new String(body, StandardCharsets.UTF_8)));
    } else {
      headers.set(
          "Content-Disposition",
          "attachment; filename=\"" + name + "-" + date + "." + format + "\"");
    }
    return ResponseEntity.status(200).headers(headers).body(body);
  }

  private static @Nullable ReportFormat formatOf(String format) {
    return switch (format) {
      case "csv" -> ReportFormat.CSV;
      case "html" -> ReportFormat.HTML;
      case "pdf" -> ReportFormat.PDF;
      case "json" -> ReportFormat.JSON;
      default -> null;
    };
  }
}
