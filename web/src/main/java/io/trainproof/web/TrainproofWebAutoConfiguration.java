package io.trainproof.web;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.reporting.ReportObserver;
import io.trainproof.reporting.Reporting;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.verify.VerificationObserver;
import io.trainproof.web.internal.Actors;
import io.trainproof.web.internal.ApiKeyFilter;
import io.trainproof.web.internal.DashboardController;
import io.trainproof.web.internal.FormLimitFilter;
import io.trainproof.web.internal.JwtBearerTokens;
import io.trainproof.web.internal.JwtResourceServer;
import io.trainproof.web.internal.ReportsController;
import io.trainproof.web.internal.SecurityProblems;
import io.trainproof.web.internal.VcApiController;
import io.trainproof.web.internal.VerificationController;
import io.trainproof.web.internal.WalletController;
import io.trainproof.web.internal.WalletPages;
import io.trainproof.web.vcapi.ApiKeys;
import io.trainproof.web.vcapi.Caller;
import io.trainproof.web.vcapi.CredentialSigning;
import io.trainproof.web.vcapi.IssuerSite;
import io.trainproof.web.vcapi.VcApi;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Serves Trainproof over HTTP in a Spring Boot servlet host that has a {@link Trainproof} bean: the
 * VC API, the public verification page and the officer dashboard under {@code
 * trainproof.web.base-path} ({@link TrainproofWebProperties}), with a {@link SecurityFilterChain}
 * that applies only to those paths, so the host's own security is untouched.
 *
 * <p>The host supplies a {@link TrainproofWebIssuer} (start-up fails naming it when missing) and an
 * {@link ActorMapper} (without it the public endpoints work, and issuing, revoking and the
 * dashboard answer 503 naming the missing bean). Every other bean backs off when the host defines
 * its own: the chain by its name {@value #CHAIN}, the rest by type.
 *
 * <p>Who may do what: {@code POST credentials/issue} and {@code POST credentials/status} need the
 * scope {@value Caller#ISSUE}; {@code GET dashboard}, {@code dashboard.csv}, {@code reports} and
 * {@code reports/<name>.<format>} need {@value Caller#DASHBOARD}; verifying, the status lists and
 * {@code did.json} are public. A caller is an API key ({@code trainproof.web.api-keys}, held as
 * hashes) or, when the host configures {@code spring.security.oauth2.resourceserver.jwt.*}, a JWT
 * access token whose {@code scope} claim grants the scopes. Pages get a strict
 * Content-Security-Policy without {@code unsafe-inline}, {@code X-Content-Type-Options: nosniff}
 * and {@code frame-ancestors 'none'}; the page's form is CSRF-protected, the bearer-token JSON API
 * is not (it carries no cookie authority).
 */
@AutoConfiguration(
    afterName = "io.trainproof.spring.boot.autoconfigure.TrainproofAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({DispatcherServlet.class, SecurityFilterChain.class})
@ConditionalOnBean(Trainproof.class)
@EnableConfigurationProperties(TrainproofWebProperties.class)
@EnableWebSecurity
public class TrainproofWebAutoConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(TrainproofWebAutoConfiguration.class);

  /** The name of the module's security filter chain bean. */
  public static final String CHAIN = "trainproofSecurityFilterChain";

  /** The policy of every response under the base path but the dashboard's (which adds hashes). */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self';"
          + " base-uri 'none'; frame-ancestors 'none'";

  /** Creates the configuration. */
  public TrainproofWebAutoConfiguration() {}

  /**
   * @param trainproof the instance
   * @param issuer the organization and its keys
   * @return the issuer the VC API serves; every signature goes through the SDK, audited
   */
  @Bean
  @ConditionalOnMissingBean
  public IssuerSite trainproofIssuerSite(Trainproof trainproof, TrainproofWebIssuer issuer) {
    return new IssuerSite(
        trainproof,
        Actor.system(issuer.organization()),
        issuer.history(),
        CredentialSigning.audited(trainproof),
        trainproof.clock(),
        IssuerSite.NO_TEST_SIGNERS);
  }

  /**
   * @param site the issuer
   * @param observers the verification observer, if the context has one (the starters provide one
   *     with Micrometer)
   * @return the VC API, with the bundled JSON-LD contexts only
   */
  @Bean
  @ConditionalOnMissingBean
  public VcApi trainproofVcApi(IssuerSite site, ObjectProvider<VerificationObserver> observers) {
    return new VcApi(
        site, new DataIntegrity(), observers.getIfUnique(() -> VerificationObserver.NONE));
  }

  /**
   * @param properties the settings
   * @return the API keys from {@code trainproof.web.api-keys}
   */
  @Bean
  @ConditionalOnMissingBean
  public ApiKeys trainproofApiKeys(TrainproofWebProperties properties) {
    return properties.keys();
  }

  /**
   * @param trainproof the instance
   * @param observers the report observer, if the context has one (the starters provide one with
   *     Micrometer)
   * @return the reporting the dashboard renders with
   */
  @Bean
  @ConditionalOnMissingBean
  public Reporting trainproofReporting(
      Trainproof trainproof, ObjectProvider<ReportObserver> observers) {
    Reporting.Builder builder = Reporting.builder(trainproof).clock(trainproof.clock());
    observers.ifUnique(builder::observer);
    return builder.build();
  }

  /**
   * @param mappers the host's {@link ActorMapper}, if any
   * @return the current caller's actor
   */
  @Bean
  @ConditionalOnMissingBean
  public Actors trainproofActors(ObjectProvider<ActorMapper> mappers) {
    Actors actors = new Actors(mappers.getIfUnique());
    if (!actors.configured()) {
      LOG.warn(
          "no io.trainproof.web.ActorMapper bean: Trainproof's web endpoints refuse issuing,"
              + " revoking and the dashboard (503); verification stays public");
    }
    return actors;
  }

  /**
   * @param site the issuer
   * @param api the VC API
   * @param actors the caller's actor
   * @return the VC API's controller
   */
  @Bean
  @ConditionalOnMissingBean
  public VcApiController trainproofVcApiController(IssuerSite site, VcApi api, Actors actors) {
    return new VcApiController(site, api, actors);
  }

  /**
   * @param site the issuer
   * @param api the VC API
   * @param properties the settings
   * @return the verification page's controller
   */
  @Bean
  @ConditionalOnMissingBean
  public VerificationController trainproofVerificationController(
      IssuerSite site, VcApi api, TrainproofWebProperties properties) {
    return new VerificationController(site, api, properties.basePath());
  }

  /**
   * @param trainproof the instance
   * @param reporting the reporting
   * @param actors the caller's actor
   * @return the dashboard's controller
   */
  @Bean
  @ConditionalOnMissingBean
  public DashboardController trainproofDashboardController(
      Trainproof trainproof, Reporting reporting, Actors actors) {
    return new DashboardController(trainproof, reporting, actors);
  }

  /**
   * @param trainproof the instance
   * @param reporting the reporting
   * @param actors the caller's actor
   * @param properties the settings
   * @return the reports' controller
   */
  @Bean
  @ConditionalOnMissingBean
  public ReportsController trainproofReportsController(
      Trainproof trainproof,
      Reporting reporting,
      Actors actors,
      TrainproofWebProperties properties) {
    return new ReportsController(trainproof, reporting, actors, properties.basePath());
  }

  /**
   * The chain for the base path only ({@code securityMatcher}), before the host's chains.
   *
   * @param http the builder
   * @param properties the settings
   * @param keys the API keys
   * @param jwt the JWT resource server, when the host has the JOSE classes
   * @return the chain
   * @throws Exception as Spring Security's configurers do
   */
  /**
   * The wallet endpoints: VC API exchanges and OpenID4VCI for wallets, offers for officers.
   *
   * @param site the issuing organization
   * @param actors maps callers to actors
   * @param properties the module's settings
   * @return the controller
   */
  @Bean
  @ConditionalOnMissingBean
  public WalletController trainproofWalletController(
      IssuerSite site, Actors actors, TrainproofWebProperties properties) {
    return new WalletController(site, actors, properties.basePath());
  }

  /**
   * The signed-in member's wallet page.
   *
   * @param site the issuing organization
   * @param actors maps callers to actors
   * @param wallet the wallet endpoints
   * @param properties the module's settings
   * @return the controller
   */
  @Bean
  @ConditionalOnMissingBean
  public WalletPages trainproofWalletPages(
      IssuerSite site, Actors actors, WalletController wallet, TrainproofWebProperties properties) {
    return new WalletPages(site, actors, wallet, properties.basePath());
  }

  /** The name of the security filter chain for the wallet metadata under {@code /.well-known}. */
  public static final String WELL_KNOWN_CHAIN = "trainproofWellKnownSecurityFilterChain";

  /**
   * The OpenID4VCI metadata lives outside the base path (the well-known segment goes before the
   * issuer's path): public, read-only, no session.
   *
   * @param http the security builder
   * @param properties the module's settings
   * @return the chain
   * @throws Exception when Spring Security cannot build it
   */
  @Bean(name = WELL_KNOWN_CHAIN)
  @ConditionalOnMissingBean(name = WELL_KNOWN_CHAIN)
  @Order(Ordered.HIGHEST_PRECEDENCE + 9)
  public SecurityFilterChain trainproofWellKnownSecurityFilterChain(
      HttpSecurity http, TrainproofWebProperties properties) throws Exception {
    String base = properties.basePath();
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    http.securityMatcher(
            new OrRequestMatcher(
                paths.matcher(
                    HttpMethod.GET, "/.well-known/openid-credential-issuer" + base + "/**"),
                paths.matcher(
                    HttpMethod.GET, "/.well-known/oauth-authorization-server" + base + "/**")))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.disable())
        .requestCache(c -> c.disable());
    return http.build();
  }

  @Bean(name = CHAIN)
  @ConditionalOnMissingBean(name = CHAIN)
  @Order(Ordered.HIGHEST_PRECEDENCE + 10)
  public SecurityFilterChain trainproofSecurityFilterChain(
      HttpSecurity http,
      TrainproofWebProperties properties,
      ApiKeys keys,
      ObjectProvider<JwtResourceServer> jwt)
      throws Exception {
    String base = properties.basePath();
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    SecurityProblems problems = new SecurityProblems(base);
    http.securityMatcher(paths.matcher(base + "/**"))
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        paths.matcher(HttpMethod.POST, base + "/credentials/issue"),
                        paths.matcher(HttpMethod.POST, base + "/credentials/status"))
                    .hasAuthority("SCOPE_" + Caller.ISSUE)
                    .requestMatchers(
                        paths.matcher(base + "/dashboard"),
                        paths.matcher(base + "/dashboard.csv"),
                        paths.matcher(base + "/reports"),
                        paths.matcher(base + "/reports/**"))
                    .hasAuthority("SCOPE_" + Caller.DASHBOARD)
                    .requestMatchers(
                        paths.matcher(HttpMethod.POST, base + "/wallet/offers"),
                        paths.matcher(HttpMethod.GET, base + "/wallet"),
                        paths.matcher(HttpMethod.POST, base + "/wallet/certificates/*"))
                    .authenticated()
                    .anyRequest()
                    .permitAll())
        .csrf(
            c ->
                c.ignoringRequestMatchers(
                    paths.matcher(base + "/credentials/**"),
                    // why: wallets hold a secret or a token, not a session; offers take JSON only,
                    // which no cross-site form can send
                    paths.matcher(HttpMethod.POST, base + "/wallet/offers"),
                    paths.matcher(HttpMethod.POST, base + "/wallet/exchanges/*"),
                    paths.matcher(HttpMethod.POST, base + "/wallet/token"),
                    paths.matcher(HttpMethod.POST, base + "/wallet/nonce"),
                    paths.matcher(HttpMethod.POST, base + "/wallet/credential")))
        .headers(
            h ->
                h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .frameOptions(f -> f.deny())
                    .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
        .requestCache(c -> c.disable())
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .addFilterBefore(new FormLimitFilter(), CsrfFilter.class);
    JwtResourceServer resourceServer = jwt.getIfAvailable();
    boolean jwtConfigured = resourceServer != null && resourceServer.configure(http, problems);
    http.addFilterBefore(
        new ApiKeyFilter(keys, jwtConfigured, Set.of(base + "/wallet/credential")),
        AnonymousAuthenticationFilter.class);
    LOG.info(
        "Trainproof web endpoints under {} ({} API keys, JWT access tokens {})",
        base,
        keys.size(),
        jwtConfigured ? "accepted" : "not configured");
    return http.build();
  }

  /** JWT access tokens, when the host has Spring Security's JOSE support on its class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(JwtDecoder.class)
  static class JwtConfiguration {
    @Bean
    @ConditionalOnMissingBean
    JwtResourceServer trainproofJwtResourceServer(ObjectProvider<JwtDecoder> decoders) {
      return new JwtBearerTokens(decoders);
    }
  }
}
