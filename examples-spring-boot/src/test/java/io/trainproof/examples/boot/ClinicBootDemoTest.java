package io.trainproof.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The example host starts on its in-memory database with nothing but its own defaults: the demo key
 * is private to the process and gone when it stops; the officer's page needs a sign-in; the
 * verification page and health are public.
 */
class ClinicBootDemoTest {
  @Test
  void startsWithAPrivateKeyThatIsDeletedWhenItStops() throws Exception {
    DemoKey key = DemoKey.generate(Instant.now());
    try (ConfigurableApplicationContext app = start(key)) {
      assertThat(Files.getPosixFilePermissions(key.privateKey()))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(Files.getPosixFilePermissions(key.folder()))
          .isEqualTo(PosixFilePermissions.fromString("rwx------"));
      assertThat(Files.readString(key.privateKey())).startsWith("-----BEGIN PRIVATE KEY-----");
      assertThat(app.getBean(DemoHost.class).officerPassword()).hasSize(16);
    }
    assertThat(key.folder()).doesNotExist();
  }

  @Test
  void theOfficersPageNeedsASignInAndTheVerificationPageAndHealthDoNot() throws Exception {
    try (ConfigurableApplicationContext app = start(DemoKey.generate(Instant.now()))) {
      String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

      HttpResponse<String> home = get(http, base + "/");
      assertThat(home.statusCode()).isEqualTo(302);
      assertThat(home.headers().firstValue("Location"))
          .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));

      HttpResponse<String> dashboard = get(http, base + "/trainproof/dashboard");
      assertThat(dashboard.statusCode()).isEqualTo(401);

      HttpResponse<String> verify = get(http, base + "/trainproof/verify");
      assertThat(verify.statusCode()).isEqualTo(200);
      assertThat(verify.body()).contains("Verify a training certificate");

      HttpResponse<String> health = get(http, base + "/actuator/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"trainproof\"", "\"status\":\"UP\"");
    }
  }

  /** Starts the host on a free port and a database of its own. */
  static ConfigurableApplicationContext start(DemoKey key, String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "--server.port=0";
    args[1] =
        "--spring.datasource.url=jdbc:h2:mem:boot-demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    args[2] = "--trainproof.scheduler.enabled=false";
    System.arraycopy(more, 0, args, 3, more.length);
    return ClinicBootDemo.application(key).run(args);
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
