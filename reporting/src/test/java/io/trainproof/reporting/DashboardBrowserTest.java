package io.trainproof.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.trainproof.reporting.report.Dashboard;
import io.trainproof.reporting.report.Dimension;
import io.trainproof.reporting.report.OrganizationSummary;
import io.trainproof.reporting.report.RenewalForecast;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Opens the dashboard in headless Chromium as a person would. Drives the browser through its own
 * command line (--dump-dom, --screenshot, console on stderr) rather than ChromeDriver and Selenium:
 * the checks need the DOM after scripts ran, the console and a picture, which the command line
 * gives with no extra dependency tree to converge and no driver version to match. Skipped with a
 * message when Chromium is missing, unless TRAINPROOF_REQUIRE_BROWSER=true.
 */
@Tag("browser")
class DashboardBrowserTest {
  /**
   * The browser: {@code TRAINPROOF_CHROMIUM} when set (any Chromium or Chrome binary), otherwise
   * where Debian, macOS or Windows installs it.
   */
  static final Path CHROMIUM = chromium();

  static Path chromium() {
    String configured = System.getenv("TRAINPROOF_CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("mac")) {
      return Path.of("/Applications/Chromium.app/Contents/MacOS/Chromium");
    }
    if (os.contains("win")) {
      return Path.of(
          System.getenv().getOrDefault("ProgramFiles", "C:\\Program Files"),
          "Chromium",
          "Application",
          "chrome.exe");
    }
    return Path.of("/usr/bin/chromium");
  }

  static final Path OUT = Path.of(System.getProperty("trainproof.reportDir", "target"), "browser");

  @BeforeAll
  static void needsChromium() {
    if (!Files.isExecutable(CHROMIUM)) {
      if ("true".equalsIgnoreCase(System.getenv("TRAINPROOF_REQUIRE_BROWSER"))) {
        fail(
            "TRAINPROOF_REQUIRE_BROWSER=true but "
                + CHROMIUM
                + " is missing (apt-get install chromium, or set TRAINPROOF_CHROMIUM to a Chromium or Chrome binary)");
      }
      Assumptions.abort(
          "SKIPPED: "
              + CHROMIUM
              + " is not installed, so the dashboard was not opened in a browser."
              + " Install Chromium (or set TRAINPROOF_CHROMIUM to its path), or set TRAINPROOF_REQUIRE_BROWSER=true to make this a failure.");
    }
  }

  record Run(String stdout, List<String> console) {}

  static Run chromium(Path page, String... extra) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(OUT, "profile-");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--enable-logging=stderr",
                "--v=0"));
    cmd.addAll(List.of(extra));
    cmd.add(page.toAbsolutePath().toUri().toString());
    Path stdout = OUT.resolve("stdout.txt");
    Path stderr = OUT.resolve("stderr.txt");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish in 120 s");
    }
    List<String> console =
        Files.readAllLines(stderr).stream().filter(l -> l.contains(":CONSOLE")).toList();
    return new Run(Files.readString(stdout), console);
  }

  @Test
  void theDashboardRendersItsChartsWithTheRightNumbersAndLogsNoErrors() throws Exception {
    Files.createDirectories(OUT);
    Clinic clinic = new Clinic();
    Reporting reporting = Reporting.builder(clinic.tp).build();
    Dashboard d = reporting.reports().dashboard(clinic.officer, Clinic.TODAY);
    ByteArrayOutputStream html = new ByteArrayOutputStream();
    reporting.render(d, ReportFormat.HTML, html);
    Path page = OUT.resolve("dashboard.html");
    Files.write(page, html.toByteArray());

    Run run = chromium(page, "--dump-dom");
    assertThat(run.console()).as("console output of the dashboard").isEmpty();
    String dom = run.stdout();
    assertThat(dom)
        .as("the page's own chart check ran over three charts")
        .contains("data-charts-checked=\"3\"");
    for (OrganizationSummary.Row r : d.summary().by(Dimension.DEPARTMENT)) {
      assertThat(dom)
          .contains(
              "data-label=\""
                  + r.group()
                  + "\" data-value=\""
                  + r.members()
                  + "\" data-in-compliance=\""
                  + r.inCompliance()
                  + "\"");
      assertThat(dom)
          .contains(r.inCompliance() + "/" + r.members() + " (" + r.inCompliancePercent() + "%)");
    }
    assertThat(d.summary().by(Dimension.DEPARTMENT))
        .extracting(OrganizationSummary.Row::members)
        .containsExactly(3, 4);
    for (Dashboard.TrendPoint t : d.overdueTrend()) {
      assertThat(dom)
          .contains(
              "data-label=\"" + t.on() + "\" data-value=\"" + (t.overdue() + t.expired()) + "\"");
    }
    for (RenewalForecast.Month m : d.forecast().months()) {
      assertThat(dom).contains("data-label=\"" + m.month() + "\" data-value=\"" + m.total() + "\"");
    }
    assertThat(d.overdueTrend().get(11).overdue()).isPositive();
    assertThat(dom).doesNotContain("src=\"http", "href=\"http");

    Path screenshot = OUT.resolve("dashboard.png");
    chromium(
        page,
        "--screenshot=" + screenshot.toAbsolutePath(),
        "--window-size=1400,1100",
        "--hide-scrollbars");
    assertThat(screenshot).exists();
    assertThat(Files.size(screenshot)).isGreaterThan(10_000);
  }

  @Test
  void aChartWhoseNumbersDoNotAddUpIsReportedOnTheConsole() throws Exception {
    Files.createDirectories(OUT);
    Clinic clinic = new Clinic();
    Reporting reporting = Reporting.builder(clinic.tp).build();
    ByteArrayOutputStream html = new ByteArrayOutputStream();
    reporting.render(
        reporting.reports().dashboard(clinic.officer, Clinic.TODAY), ReportFormat.HTML, html);
    String tampered =
        html.toString(StandardCharsets.UTF_8)
            .replace("data-label=\"ICU\" data-value=\"4\"", "data-label=\"ICU\" data-value=\"5\"");
    Path page = OUT.resolve("dashboard-tampered.html");
    Files.writeString(page, tampered);
    Run run = chromium(page, "--dump-dom");
    assertThat(run.console()).anySatisfy(l -> assertThat(l).contains("chart-departments"));
    assertThat(run.stdout()).contains("data-charts-checked=\"2\"");
  }
}
