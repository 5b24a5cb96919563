package io.trainproof.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.trainproof.core.domain.Certificate;
import io.trainproof.examples.SignedClinic;
import io.trainproof.signing.key.InMemoryKeyProvider;
import java.io.IOException;
import java.net.URLEncoder;
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
 * The verification page in headless Chromium, as a person scanning a certificate's QR code sees it:
 * valid, tampered with the reason, revoked with the reason. Screenshots are kept in
 * examples/target/browser.
 */
@Tag("browser")
class VerificationPageBrowserTest {
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

  static final Path OUT = Path.of("target", "browser");

  @BeforeAll
  static void needsChromium() throws IOException {
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
              + " is not installed, so the verification page was not opened in a browser.");
    }
    Files.createDirectories(OUT);
  }

  static String chromium(String url, String... extra) throws IOException, InterruptedException {
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
                "--user-data-dir=" + profile.toAbsolutePath()));
    cmd.addAll(List.of(extra));
    cmd.add(url);
    Path stdout = Files.createTempFile(OUT, "dom-", ".html");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(stdout.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish in 120 s");
    }
    return Files.readString(stdout);
  }

  @Test
  void aPersonSeesValidTamperedAndRevokedWithTheirReasons() throws Exception {
    SignedClinic clinic = new SignedClinic();
    try (WebHost host =
        WebHost.start(
            TestSites.site(
                clinic.tp,
                clinic.system(),
                clinic.history,
                new InMemoryKeyProvider().add(clinic.key).signer(clinic.key.keyId()).orElseThrow(),
                clinic.clock,
                null),
            0)) {
      String base = "http://127.0.0.1:" + host.port();
      Certificate cert = clinic.certificate();
      String byCode = base + "/verify?code=" + cert.verificationCode();

      String valid = chromium(byCode, "--dump-dom");
      assertThat(valid).contains("id=\"verdict\">Valid<", "HIPAA course");
      chromium(
          byCode,
          "--screenshot=" + OUT.resolve("valid.png").toAbsolutePath(),
          "--window-size=1000,900");

      String tamperedJson = cert.credentialJson().replace("HIPAA course", "HIPAA COURSE");
      String tampered =
          chromium(
              base
                  + "/verify?credential="
                  + URLEncoder.encode(tamperedJson, StandardCharsets.UTF_8),
              "--dump-dom");
      assertThat(tampered)
          .contains("tampered", "changed after it was signed")
          .doesNotContain("TAMPERED_CONTENT");

      clinic.tp.certificates().revoke(clinic.fx.officer(), cert.id(), "issued to the wrong person");
      String revoked = chromium(byCode, "--dump-dom");
      assertThat(revoked).contains("Revoked: issued to the wrong person");
      chromium(
          byCode,
          "--screenshot=" + OUT.resolve("revoked.png").toAbsolutePath(),
          "--window-size=1000,900");
    }
    assertThat(OUT.resolve("valid.png")).isRegularFile();
  }
}
