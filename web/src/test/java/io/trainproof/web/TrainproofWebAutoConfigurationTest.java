package io.trainproof.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.Trainproof;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.reporting.ReportFormat;
import io.trainproof.reporting.ReportObserver;
import io.trainproof.reporting.Reporting;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.verify.VerificationObserver;
import io.trainproof.signing.verify.VerificationResult;
import io.trainproof.testkit.Fixtures;
import io.trainproof.web.internal.VcApiController;
import io.trainproof.web.vcapi.ApiKeys;
import io.trainproof.web.vcapi.VcApi;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;

/** Every condition of the auto-configuration, and the start-up failures that name what is wrong. */
class TrainproofWebAutoConfigurationTest {
  static final Trainproof TRAINPROOF = Trainproof.builder().store(new InMemoryStore()).build();
  static final Fixtures FIXTURES = Fixtures.organization(TRAINPROOF, ZoneId.of("UTC"));
  static final SigningKey KEY =
      SigningKey.generate(KeyAlgorithm.ED25519, "did:web:h:trainproof#k", new SecureRandom());
  static final TrainproofWebIssuer ISSUER =
      new TrainproofWebIssuer(
          FIXTURES.org().id(),
          IssuerKeyHistory.start(
              "did:web:h:trainproof",
              KEY.keyId(),
              KEY.publicKey(),
              Instant.parse("2026-01-01T00:00:00Z")));

  private final WebApplicationContextRunner web =
      new WebApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(TrainproofWebAutoConfiguration.class));

  private WebApplicationContextRunner withInstance() {
    return web.withBean(Trainproof.class, () -> TRAINPROOF)
        .withBean(TrainproofWebIssuer.class, () -> ISSUER);
  }

  @Test
  void withoutATrainproofBeanNothingIsServed() {
    web.run(c -> assertThat(c).doesNotHaveBean(VcApiController.class));
  }

  @Test
  void outsideAServletApplicationNothingIsServed() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(TrainproofWebAutoConfiguration.class))
        .withBean(Trainproof.class, () -> TRAINPROOF)
        .run(c -> assertThat(c).doesNotHaveBean(VcApiController.class));
  }

  @Test
  void withAnInstanceEverythingIsServedBehindTheModulesChain() {
    withInstance()
        .run(
            c -> {
              assertThat(c).hasSingleBean(VcApiController.class);
              assertThat(c).hasBean(TrainproofWebAutoConfiguration.CHAIN);
              assertThat(c.getBean(ApiKeys.class).size()).isZero();
            });
  }

  @Test
  void aHostsOwnBeansReplaceTheDefaults() {
    VcApi own =
        new VcApi(
            new TrainproofWebAutoConfiguration().trainproofIssuerSite(TRAINPROOF, ISSUER),
            new DataIntegrity());
    ApiKeys keys = ApiKeys.of(List.of());
    withInstance()
        .withBean(VcApi.class, () -> own)
        .withBean(ApiKeys.class, () -> keys)
        .run(
            c -> {
              assertThat(c.getBean(VcApi.class)).isSameAs(own);
              assertThat(c.getBean(ApiKeys.class)).isSameAs(keys);
            });
  }

  @Test
  void theContextsObserversReachTheVcApiAndTheReporting() {
    List<String> seen = new CopyOnWriteArrayList<>();
    VerificationObserver verifications =
        verification -> {
          VerificationResult result = verification.get();
          seen.add("verify " + result.verified());
          return result;
        };
    ReportObserver reports =
        new ReportObserver() {
          @Override
          public <T> T observe(String report, String format, Supplier<T> rendering) {
            seen.add(report + " " + format);
            return rendering.get();
          }
        };
    withInstance()
        .withBean(VerificationObserver.class, () -> verifications)
        .withBean(ReportObserver.class, () -> reports)
        .run(
            c -> {
              // what the VC API and the page verify with (TrainproofWebTest sees it verify)
              assertThat(c.getBean(VcApi.class).verificationObserver()).isSameAs(verifications);
              Reporting reporting = c.getBean(Reporting.class);
              reporting.render(
                  reporting
                      .reports()
                      .organizationSummary(FIXTURES.officer(), LocalDate.of(2026, 3, 1)),
                  ReportFormat.JSON,
                  new ByteArrayOutputStream());
              assertThat(seen).containsExactly("organization-summary json");
            });
  }

  @Test
  void aHostsOwnChainOfTheSameNameReplacesTheModules() {
    withInstance()
        .withBean(
            TrainproofWebAutoConfiguration.CHAIN,
            SecurityFilterChain.class,
            () -> new DefaultSecurityFilterChain(r -> false))
        .run(
            c -> {
              // the host's chain stands in for the module's under its name; the wallet
              // metadata's own chain (outside the base path) stays
              assertThat(c.getBeansOfType(SecurityFilterChain.class))
                  .containsOnlyKeys(
                      TrainproofWebAutoConfiguration.CHAIN,
                      TrainproofWebAutoConfiguration.WELL_KNOWN_CHAIN);
              assertThat(c.getBean(TrainproofWebAutoConfiguration.CHAIN))
                  .isInstanceOf(DefaultSecurityFilterChain.class)
                  .satisfies(
                      chain ->
                          assertThat(((DefaultSecurityFilterChain) chain).getFilters()).isEmpty());
            });
  }

  @Test
  void aHostsOwnWellKnownChainReplacesTheModules() {
    withInstance()
        .withBean(
            TrainproofWebAutoConfiguration.WELL_KNOWN_CHAIN,
            SecurityFilterChain.class,
            () -> new DefaultSecurityFilterChain(r -> false))
        .run(
            c ->
                assertThat(
                        ((DefaultSecurityFilterChain)
                                c.getBean(TrainproofWebAutoConfiguration.WELL_KNOWN_CHAIN))
                            .getFilters())
                    .isEmpty());
  }

  @Test
  void aMalformedBasePathFailsStartUpNamingThePropertyAndValue() {
    withInstance()
        .withPropertyValues("trainproof.web.base-path=/trainproof/")
        .run(
            c ->
                assertThat(c)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("trainproof.web.base-path")
                    .hasMessageContaining("'/trainproof/'"));
  }

  @Test
  void aMalformedApiKeyFailsStartUpNamingItsIndex() {
    withInstance()
        .withPropertyValues(
            "trainproof.web.api-keys[0].sha256=not-hex",
            "trainproof.web.api-keys[0].actor-id=ci",
            "trainproof.web.api-keys[0].scopes=credentials:issue")
        .run(
            c ->
                assertThat(c)
                    .getFailure()
                    .hasStackTraceContaining(
                        "trainproof.web.api-keys[0] is not usable: an API key hash is 64"));
  }

  @Test
  void withoutAnIssuerStartUpFailsNamingTheMissingBean() {
    web.withBean(Trainproof.class, () -> TRAINPROOF)
        .run(c -> assertThat(c).getFailure().hasMessageContaining("TrainproofWebIssuer"));
  }

  @Test
  void thePropertiesHaveMetadataForIdes() throws Exception {
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("the configuration processor's output").isNotNull();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .contains("\"trainproof.web.base-path\"", "\"trainproof.web.api-keys\"");
    }
  }
}
