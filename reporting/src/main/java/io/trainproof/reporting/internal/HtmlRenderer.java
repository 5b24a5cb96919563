package io.trainproof.reporting.internal;

import io.trainproof.reporting.report.Dashboard;
import io.trainproof.reporting.report.Dimension;
import io.trainproof.reporting.report.Labels;
import io.trainproof.reporting.report.OrganizationSummary;
import io.trainproof.reporting.report.RenewalForecast;
import io.trainproof.reporting.report.Report;
import io.trainproof.reporting.report.Table;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;

/**
 * Self-contained HTML: one file with inline CSS, inline SVG charts and an inline script, no
 * external resource (a Content-Security-Policy forbids any). Chart elements carry their numbers as
 * {@code data-} attributes so a test (or a screen reader's user) can read them back. Stateless and
 * thread-safe.
 */
public final class HtmlRenderer {
  private HtmlRenderer() {}

  private static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";
  private static final String CSS =
      """
      body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:24px;color:#1b1f24}
      h1{font-size:22px;margin:0 0 8px} h2{font-size:17px;margin:24px 0 8px}
      p.meta{margin:2px 0;color:#444;font-size:13px}
      table{border-collapse:collapse;font-size:12px;margin-top:8px}
      th,td{border:1px solid #c9ced6;padding:3px 6px;text-align:left;vertical-align:top}
      th{background:#eef1f5} .charts{display:flex;flex-wrap:wrap;gap:24px}
      figure{margin:0;border:1px solid #dfe3e8;padding:8px;border-radius:6px}
      figcaption{font-weight:600;font-size:14px;margin-bottom:4px}
      svg text{font-size:11px;fill:#1b1f24} .ok{fill:#2e7d32} .rest{fill:#e0e3e7} .bad{fill:#c62828}
      .due{fill:#1565c0} .exp{fill:#ef6c00} .axis{stroke:#888;stroke-width:1}
      """;

  /** Escapes text for HTML content and attribute values. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static void open(StringBuilder b, String title, Labels labels) {
    b.append("<!DOCTYPE html>\n<html lang=\"")
        .append(esc(labels.locale().toLanguageTag()))
        .append("\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(CSP)
        .append("\">")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
        .append("<title>")
        .append(esc(title))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body>\n");
  }

  private static void lines(StringBuilder b, List<String> lines) {
    for (String l : lines) {
      b.append("<p class=\"meta\">").append(esc(l)).append("</p>\n");
    }
  }

  static void table(StringBuilder b, Table t, String id) {
    table(b, t, id, -1);
  }

  /** A table; the cells of {@code linkColumn} (a relative path) become links to that path. */
  private static void table(StringBuilder b, Table t, String id, int linkColumn) {
    b.append("<table id=\"").append(esc(id)).append("\"><thead><tr>");
    t.columns().forEach(c -> b.append("<th>").append(esc(c)).append("</th>"));
    b.append("</tr></thead><tbody>\n");
    for (List<String> row : t.rows()) {
      b.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        String c = row.get(i);
        b.append("<td>");
        if (i == linkColumn) {
          b.append("<a href=\"")
              .append(esc(relativeUrl(c)))
              .append("\">")
              .append(esc(c))
              .append("</a>");
        } else {
          b.append(esc(c));
        }
        b.append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</tbody></table>\n");
  }

  /** A relative path as a URL: each segment percent-encoded (spaces, parentheses). */
  private static String relativeUrl(String path) {
    StringBuilder url = new StringBuilder();
    for (String segment : path.split("/", -1)) {
      if (url.length() > 0) {
        url.append('/');
      }
      url.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return url.toString();
  }

  /**
   * A report as one HTML page with its header and table; the dashboard gets its charts.
   *
   * @param report the report
   * @return the page
   */
  public static String page(Report report) {
    return page(report, Labels.english());
  }

  /**
   * A report as one HTML page in the reader's language (codes and columns; see {@link Labels}).
   *
   * @param report the report
   * @param labels the reader's labels
   * @return the page
   */
  public static String page(Report report, Labels labels) {
    if (report instanceof Dashboard d) {
      return dashboard(d, labels);
    }
    StringBuilder b = new StringBuilder();
    open(b, report.title(labels), labels);
    b.append("<h1>").append(esc(report.title(labels))).append("</h1>\n");
    lines(b, Describe.lines(report, labels));
    table(b, report.table(labels), "report");
    return b.append("</body></html>\n").toString();
  }

  /**
   * A page with a heading, lines and a table (the evidence-pack index).
   *
   * @param title the title
   * @param meta lines under the title
   * @param table the table
   * @return the page
   */
  public static String simple(String title, List<String> meta, Table table) {
    return simple(title, meta, table, -1);
  }

  /**
   * A page with a heading, lines and a table whose {@code linkColumn} holds relative paths, each
   * made a link (the evidence-pack index links every file).
   *
   * @param title the title
   * @param meta lines under the title
   * @param table the table
   * @param linkColumn the column of paths, or -1
   * @return the page
   */
  public static String simple(String title, List<String> meta, Table table, int linkColumn) {
    return simple(title, meta, table, linkColumn, Labels.english());
  }

  /**
   * A page in the reader's language with a heading, lines and a table whose {@code linkColumn}
   * holds relative paths, each made a link.
   *
   * @param title the title
   * @param meta lines under the title
   * @param table the table
   * @param linkColumn the column of paths, or -1
   * @param labels the reader's labels (the page's language)
   * @return the page
   */
  public static String simple(
      String title, List<String> meta, Table table, int linkColumn, Labels labels) {
    StringBuilder b = new StringBuilder();
    open(b, title, labels);
    b.append("<h1>").append(esc(title)).append("</h1>\n");
    lines(b, meta);
    table(b, table, "index", linkColumn);
    return b.append("</body></html>\n").toString();
  }

  /**
   * The dashboard: compliance by department, overdue trend and renewal forecast as inline SVG, then
   * the summary table.
   *
   * @param d the dashboard
   * @return the page
   */
  public static String dashboard(Dashboard d) {
    return dashboard(d, Labels.english());
  }

  private static String dashboard(Dashboard d, Labels labels) {
    StringBuilder b = new StringBuilder();
    open(b, d.title(labels), labels);
    b.append("<h1>").append(esc(d.title(labels))).append("</h1>\n");
    lines(b, Describe.lines(d, labels));
    OrganizationSummary.Row all = d.summary().by(Dimension.ALL).get(0);
    b.append("<p class=\"meta\" id=\"headline\" data-members=\"")
        .append(all.members())
        .append("\" data-in-compliance=\"")
        .append(all.inCompliance())
        .append("\">")
        .append(
            esc(
                labels.phrase(
                    "headline", all.inCompliance(), all.members(), all.inCompliancePercent())))
        .append("</p>\n");
    b.append("<div class=\"charts\">\n");
    departments(b, d.summary().by(Dimension.DEPARTMENT), labels);
    trend(b, d.overdueTrend(), labels);
    forecast(b, d.forecast(), labels);
    b.append("</div>\n<h2>").append(esc(labels.word("summary_heading"))).append("</h2>\n");
    table(b, d.summary().table(labels), "summary");
    b.append("<h2>").append(esc(labels.word("trend_heading"))).append("</h2>\n");
    table(b, d.table(labels), "trend");
    b.append("<script>\n").append(SCRIPT).append("</script>\n");
    return b.append("</body></html>\n").toString();
  }

  private static void departments(
      StringBuilder b, List<OrganizationSummary.Row> rows, Labels labels) {
    String caption = esc(labels.caption("compliance_by_department"));
    int barW = 260;
    int rowH = 26;
    int h = 30 + rows.size() * rowH;
    int total = rows.stream().mapToInt(OrganizationSummary.Row::members).sum();
    b.append("<figure><figcaption>")
        .append(caption)
        .append("</figcaption>")
        .append("<svg id=\"chart-departments\" class=\"chart\" role=\"img\" aria-label=\"")
        .append(caption)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"460\" height=\"")
        .append(h)
        .append("\" data-total=\"")
        .append(total)
        .append("\">\n");
    int y = 10;
    for (OrganizationSummary.Row r : rows) {
      int okW = r.members() == 0 ? 0 : Math.round((float) barW * r.inCompliance() / r.members());
      b.append("<g class=\"bar\" data-label=\"")
          .append(esc(r.group()))
          .append("\" data-value=\"")
          .append(r.members())
          .append("\" data-in-compliance=\"")
          .append(r.inCompliance())
          .append("\" data-percent=\"")
          .append(r.inCompliancePercent())
          .append("\">")
          .append("<text x=\"0\" y=\"")
          .append(y + 14)
          .append("\">")
          .append(esc(clip(r.group(), 18)))
          .append("</text>")
          .append("<rect class=\"rest\" x=\"120\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(barW)
          .append("\" height=\"18\"/>")
          .append("<rect class=\"ok\" x=\"120\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(okW)
          .append("\" height=\"18\"/>")
          .append("<text class=\"value\" x=\"")
          .append(120 + barW + 6)
          .append("\" y=\"")
          .append(y + 14)
          .append("\">")
          .append(r.inCompliance())
          .append("/")
          .append(r.members())
          .append(" (")
          .append(r.inCompliancePercent())
          .append("%)</text></g>\n");
      y += rowH;
    }
    b.append("</svg></figure>\n");
  }

  private static void trend(StringBuilder b, List<Dashboard.TrendPoint> points, Labels labels) {
    bars(
        b,
        labels,
        labels.caption("overdue_trend"),
        "chart-overdue",
        "bad",
        "overdue",
        "expired",
        points.stream()
            .map(p -> new Bar(p.on().toString(), p.on().getMonth(), p.overdue(), p.expired()))
            .toList());
  }

  private static void forecast(StringBuilder b, RenewalForecast f, Labels labels) {
    bars(
        b,
        labels,
        labels.caption("renewal_forecast"),
        "chart-forecast",
        "due",
        "due",
        "expiring",
        f.months().stream()
            .map(
                m ->
                    new Bar(
                        m.month().toString(),
                        m.month().getMonth(),
                        m.assignmentsDue(),
                        m.completionsExpiring()))
            .toList());
  }

  /**
   * One column of a stacked bar chart.
   *
   * @param label the column's data label (its date or month)
   * @param month the month named under the column
   * @param lower the lower segment's count
   * @param upper the upper (expired or expiring) segment's count
   */
  private record Bar(String label, Month month, int lower, int upper) {
    int total() {
      return lower + upper;
    }
  }

  /**
   * A stacked bar chart as inline SVG, one column a month; the browser tests read its data
   * attributes, so the trend and the forecast share one drawing.
   */
  private static void bars(
      StringBuilder b,
      Labels labels,
      String caption,
      String id,
      String lowerClass,
      String lowerName,
      String upperName,
      List<Bar> bars) {
    int max = Math.max(1, bars.stream().mapToInt(Bar::total).max().orElse(1));
    int plotH = 140;
    int colW = 34;
    int total = bars.stream().mapToInt(Bar::total).sum();
    b.append("<figure><figcaption>")
        .append(esc(caption))
        .append("</figcaption>")
        .append("<svg id=\"")
        .append(id)
        .append("\" class=\"chart\" role=\"img\" aria-label=\"")
        .append(esc(caption))
        .append("\"")
        .append(" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(20 + bars.size() * colW)
        .append("\" height=\"200\" data-total=\"")
        .append(total)
        .append("\">\n")
        .append("<line class=\"axis\" x1=\"10\" y1=\"")
        .append(20 + plotH)
        .append("\" x2=\"")
        .append(10 + bars.size() * colW)
        .append("\" y2=\"")
        .append(20 + plotH)
        .append("\"/>\n");
    int x = 14;
    for (Bar bar : bars) {
      int hLow = Math.round((float) plotH * bar.lower() / max);
      int hUp = Math.round((float) plotH * bar.upper() / max);
      int base = 20 + plotH;
      b.append("<g class=\"bar\" data-label=\"")
          .append(bar.label())
          .append("\" data-value=\"")
          .append(bar.total())
          .append("\" data-")
          .append(lowerName)
          .append("=\"")
          .append(bar.lower())
          .append("\" data-")
          .append(upperName)
          .append("=\"")
          .append(bar.upper())
          .append("\"><title>")
          .append(bar.label())
          .append(": ")
          .append(bar.lower())
          .append(" ")
          .append(esc(labels.word("chart_" + lowerName)))
          .append(", ")
          .append(bar.upper())
          .append(" ")
          .append(esc(labels.word("chart_" + upperName)))
          .append("</title>")
          .append("<rect class=\"")
          .append(lowerClass)
          .append("\" x=\"")
          .append(x)
          .append("\" y=\"")
          .append(base - hLow)
          .append("\" width=\"24\"")
          .append(" height=\"")
          .append(hLow)
          .append("\"/>")
          .append("<rect class=\"exp\" x=\"")
          .append(x)
          .append("\" y=\"")
          .append(base - hLow - hUp)
          .append("\" width=\"24\" height=\"")
          .append(hUp)
          .append("\"/>")
          .append("<text class=\"value\" x=\"")
          .append(x + 4)
          .append("\" y=\"")
          .append(base - hLow - hUp - 4)
          .append("\">")
          .append(bar.total())
          .append("</text>")
          .append("<text x=\"")
          .append(x)
          .append("\" y=\"")
          .append(base + 14)
          .append("\">")
          .append(esc(bar.month().getDisplayName(TextStyle.SHORT, labels.locale())))
          .append("</text></g>\n");
      x += colW;
    }
    b.append("</svg></figure>\n");
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }

  // why: the page checks its own charts when opened — every bar's numbers must add up to the
  // chart's total and each bar's label must show its value — and reports a mismatch on the
  // console, where the browser test (and a developer) sees it.
  private static final String SCRIPT =
      """
      (function () {
        var charts = document.querySelectorAll('svg.chart');
        var checked = 0;
        charts.forEach(function (svg) {
          var sum = 0;
          svg.querySelectorAll('g.bar').forEach(function (g) {
            var v = Number(g.getAttribute('data-value'));
            sum += v;
            var label = g.querySelector('text.value');
            if (!label || label.textContent.indexOf(String(svg.id === 'chart-departments'
                ? g.getAttribute('data-in-compliance') : v)) !== 0) {
              console.error('chart ' + svg.id + ': bar ' + g.getAttribute('data-label') + ' shows the wrong value');
            }
          });
          if (sum !== Number(svg.getAttribute('data-total'))) {
            console.error('chart ' + svg.id + ': bars add up to ' + sum + ', total is ' + svg.getAttribute('data-total'));
          } else {
            checked++;
          }
        });
        document.body.setAttribute('data-charts-checked', String(checked));
      })();
      """;
}
