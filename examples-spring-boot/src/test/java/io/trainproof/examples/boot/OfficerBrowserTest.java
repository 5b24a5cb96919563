package io.trainproof.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.AuditEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The example host in headless Chromium, as the clinic's officer and a verifier use it: sign in,
 * open the dashboard, record a completion (which issues the certificate), verify it on the public
 * page, revoke it, and see the public page say it is revoked and why. Screenshots are kept in
 * examples-spring-boot/target/browser.
 */
@Tag("browser")
class OfficerBrowserTest {
  private static final String PASSWORD = "browser-test-password";
  private static final Path OUT = Path.of("target", "browser");
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static ConfigurableApplicationContext app;
  private static WebDriver browser;
  private static String base;

  /** {@code TRAINPROOF_CHROMIUM} / {@code TRAINPROOF_CHROMEDRIVER}, else Debian's paths. */
  private static Path configured(String variable, String debian) {
    String value = System.getenv(variable);
    return Path.of(value == null || value.isBlank() ? debian : value);
  }

  @BeforeAll
  static void start() throws IOException {
    Path chromium = configured("TRAINPROOF_CHROMIUM", "/usr/bin/chromium");
    Path driver = configured("TRAINPROOF_CHROMEDRIVER", "/usr/bin/chromedriver");
    if (!Files.isExecutable(chromium) || !Files.isExecutable(driver)) {
      String missing =
          chromium
              + " or "
              + driver
              + " is missing (apt-get install chromium chromium-driver,"
              + " or set TRAINPROOF_CHROMIUM and TRAINPROOF_CHROMEDRIVER)";
      if ("true".equalsIgnoreCase(System.getenv("TRAINPROOF_REQUIRE_BROWSER"))) {
        fail("TRAINPROOF_REQUIRE_BROWSER=true but " + missing);
      }
      Assumptions.abort(
          "SKIPPED: " + missing + ", so the example host was not opened in a browser.");
    }
    Files.createDirectories(OUT);
    app =
        ClinicBootDemoTest.start(
            DemoKey.generate(Instant.now()), "--demo.officer-password=" + PASSWORD);
    base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1200,1000",
        "--user-data-dir=" + Files.createTempDirectory(OUT, "profile-").toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driver.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.close();
    }
  }

  @Test
  void anOfficerIssuesVerifiesAndRevokesACertificate() throws IOException {
    // Sign in: the host's own form, its own users.
    browser.get(base + "/");
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    browser.findElement(By.name("username")).sendKeys(DemoClinic.OFFICER);
    browser.findElement(By.name("password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    awaitPage(base + "/");
    assertThat(text("h1")).isEqualTo("Lakeside Clinic");
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("Ana Reyes", "Ben Okafor", "Chen Li");
    screenshot("officer-page.png");

    // The dashboard: Trainproof's chain takes the officer's session sign-in and its scopes.
    browser.findElement(By.id("dashboard")).click();
    awaitPage(base + "/trainproof/dashboard");
    String dashboard = browser.findElement(By.tagName("body")).getText();
    assertThat(dashboard).contains("Lakeside Clinic").doesNotContain("\"status\"");
    assertThat(browser.getPageSource()).doesNotContain("COMPLIANT", "DUE_SOON", "OVERDUE");
    screenshot("dashboard.png");

    // Issue: record that Ana Reyes completed the course today; the SDK issues her certificate.
    browser.get(base + "/");
    browser.findElement(By.cssSelector("button[data-member='Ana Reyes']")).click();
    WebElement verifyLink =
        new WebDriverWait(browser, WAIT)
            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.verify")));
    assertThat(browser.findElements(By.id("error"))).isEmpty();
    String code = verifyLink.getText();
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("Valid");

    // Verify it on the public page, signed out (a new session: what a third party sees).
    String verifyUrl = base + "/trainproof/verify?code=" + code;
    browser.manage().deleteAllCookies();
    browser.get(verifyUrl);
    assertThat(text("#verdict")).isEqualTo("Valid");
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("Ana Reyes", "HIPAA basics");
    screenshot("verified.png");

    // Revoke, signed in again, with a reason.
    browser.get(base + "/login");
    browser.findElement(By.name("username")).sendKeys(DemoClinic.OFFICER);
    browser.findElement(By.name("password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    awaitPage(base + "/");
    browser.findElement(By.name("reason")).sendKeys("issued to the wrong person");
    browser.findElement(By.xpath("//button[text()='Revoke']")).click();
    new WebDriverWait(browser, WAIT)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "Revoked: issued to the wrong person"));

    // The public page now says it is revoked, and why.
    browser.get(verifyUrl);
    assertThat(text("#verdict").toLowerCase(Locale.ROOT)).contains("revoked");
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("issued to the wrong person");
    screenshot("revoked.png");

    // Every step ran as the signed-in officer, and the audit trail says so.
    Trainproof trainproof = app.getBean(Trainproof.class);
    DemoClinic clinic = app.getBean(DemoClinic.class);
    assertThat(
            trainproof
                .audit()
                .entries(
                    clinic.officer(), Instant.EPOCH, trainproof.clock().instant().plusSeconds(1))
                .stream()
                .filter(entry -> entry.actorId().equals(DemoClinic.OFFICER))
                .map(AuditEntry::action))
        .contains("COMPLETION_RECORDED", "CERTIFICATE_REVOKED");
  }

  /** Waits for the browser to arrive at the page (a click on a form's button returns at once). */
  private static void awaitPage(String url) {
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlToBe(url));
  }

  private static String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }

  private static void screenshot(String name) throws IOException {
    Files.write(OUT.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
