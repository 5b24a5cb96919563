package io.trainproof.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.domain.Id;
import io.trainproof.web.ActorMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The starter in a real servlet application of the Boot line that runs this suite (embedded server,
 * the host's Spring MVC and Spring Security, Boot's own auto-configuration, no test slices): one
 * dependency and the issuer's properties give the web module's pages and VC API under {@code
 * /trainproof}, with its security. Each starter runs it in a short subclass.
 */
public abstract class TrainproofWebContract {
  private static final String ORGANIZATION = "5b0f7c4e-2d7a-4c43-9f5e-0d6f1f3b2a11";
  private static final String READER_KEY = "reader-key-0123456789";

  private ConfigurableApplicationContext app;
  private HttpClient http;
  private String base;

  /** A host application: only an {@link ActorMapper}; everything else comes from the starter. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  public static class Host {
    /**
     * @return every caller as the organization's system actor under the caller's name
     */
    @Bean
    ActorMapper actorMapper() {
      return ActorMapper.systemActorOf(Id.parse(ORGANIZATION));
    }
  }

  @BeforeEach
  void start(@TempDir Path dir) throws IOException {
    Path key = BootLineSupport.writeKey(dir);
    app =
        new SpringApplicationBuilder(Host.class)
            .properties(
                "server.port=0",
                "spring.datasource.url=jdbc:h2:mem:web-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "trainproof.scheduler.enabled=false",
                "trainproof.issuer.key-location=file:" + key,
                "trainproof.issuer.did=did:web:training.example.com:trainproof",
                "trainproof.issuer.organization=" + ORGANIZATION,
                "trainproof.web.api-keys[0].sha256=" + sha256(READER_KEY),
                "trainproof.web.api-keys[0].actor-id=reader-1",
                "trainproof.web.api-keys[0].scopes=dashboard:read")
            .run();
    base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void theDidDocumentIsPublicAndNamesTheConfiguredIssuer() throws Exception {
    HttpResponse<String> did = get("/trainproof/did.json");
    assertThat(did.statusCode()).isEqualTo(200);
    assertThat(did.body()).contains("did:web:training.example.com:trainproof");
  }

  @Test
  void issuingNeedsAnAuthenticatedCallerWithTheIssuingScope() throws Exception {
    HttpResponse<String> anonymous = postJson("/trainproof/credentials/issue", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    HttpResponse<String> reader = postJson("/trainproof/credentials/issue", READER_KEY);
    assertThat(reader.statusCode()).isEqualTo(403);
  }

  @Test
  void theVerificationPageIsPublicUnderAStrictContentSecurityPolicy() throws Exception {
    HttpResponse<String> page = get("/trainproof/verify");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("name=\"viewport\"");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp -> assertThat(csp).contains("default-src").doesNotContain("unsafe-inline"));
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postJson(String path, String bearer)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"credential\":{}}"));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
