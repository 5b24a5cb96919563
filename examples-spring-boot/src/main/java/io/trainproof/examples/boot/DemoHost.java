package io.trainproof.examples.boot;

import io.trainproof.core.Actor;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.spring.boot.autoconfigure.TrainproofProperties;
import io.trainproof.web.ActorMapper;
import io.trainproof.web.TrainproofWebIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * What the host supplies: its own sign-in (one officer, in memory; a real host has its user store),
 * the {@link ActorMapper} that turns the signed-in officer into the SDK's compliance officer, and
 * the {@link TrainproofWebIssuer} naming the clinic the web module serves.
 *
 * <p>The officer holds the scopes {@code dashboard:read} and {@code credentials:issue} as
 * authorities. Trainproof's own security chain (for {@code /trainproof/**}) finds the officer's
 * session sign-in there as it finds an API key or a JWT, so the dashboard opens in the same browser
 * session.
 */
@Configuration(proxyBeanMethods = false)
class DemoHost {
  /** The officer's password: {@code demo.officer-password}, or one chosen at random at start. */
  private final String officerPassword;

  DemoHost(@Value("${demo.officer-password:}") String officerPassword) {
    this.officerPassword = officerPassword.isBlank() ? OfficerPassword.random() : officerPassword;
  }

  /**
   * @return the password the officer signs in with (printed once at start)
   */
  String officerPassword() {
    return officerPassword;
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService users(PasswordEncoder encoder) {
    return new InMemoryUserDetailsManager(
        User.withUsername(DemoClinic.OFFICER)
            .password(encoder.encode(officerPassword))
            .authorities("SCOPE_dashboard:read", "SCOPE_credentials:issue")
            .build());
  }

  /** The host's own chain: everything outside {@code /trainproof/**}, behind its sign-in. */
  @Bean
  SecurityFilterChain hostChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            a ->
                a.requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(f -> f.defaultSuccessUrl("/", true))
        .logout(Customizer.withDefaults())
        .headers(
            h ->
                h.contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'none'; style-src 'self'; form-action 'self';"
                                    + " base-uri 'none'; frame-ancestors 'none'"))
                    .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
    return http.build();
  }

  /** The signed-in officer is the clinic's compliance officer; no one else signs in here. */
  @Bean
  ActorMapper actorMapper(DemoClinic clinic) {
    return authentication -> {
      if (!DemoClinic.OFFICER.equals(authentication.getName())) {
        throw new BadCredentialsException("not a user of the demo clinic");
      }
      Actor officer = clinic.officer();
      return officer;
    };
  }

  /** The clinic and the key history the starter's issuer signs with (the same file). */
  @Bean
  TrainproofWebIssuer trainproofWebIssuer(DemoClinic clinic, TrainproofProperties properties) {
    Resource history = properties.getIssuer().getKeyHistoryLocation();
    if (history == null) {
      throw new IllegalStateException("trainproof.issuer.key-history-location is not set");
    }
    try {
      return new TrainproofWebIssuer(
          clinic.organization().id(),
          IssuerKeyHistory.fromJson(history.getContentAsString(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + history, e);
    }
  }
}
