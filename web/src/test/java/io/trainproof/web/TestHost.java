package io.trainproof.web;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.Trainproof;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.signing.OrganizationIssuer;
import io.trainproof.signing.SigningCredentialIssuer;
import io.trainproof.signing.key.InMemoryKeyProvider;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.verify.VerificationObserver;
import io.trainproof.signing.verify.VerificationResult;
import io.trainproof.testkit.Fixtures;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A host application: a clinic on the in-memory store with a test issuer key (did:web under the
 * module's base path) and one member holding a certificate; an {@link ActorMapper} that marks the
 * actors it makes ({@code mapped:<caller>}), so a test can find them in the audit trail; and the
 * host's own endpoint behind its own chain (HTTP Basic), which the module must leave alone. No
 * component scanning: only what is declared here and the auto-configuration.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TestHost.HostController.class)
public class TestHost {
  static final String DID = "did:web:verify.clinic.example:trainproof";
  static final Clock CLOCK = Clock.systemUTC();

  /** The signed-in user the actor mapper maps to the clinic's member. */
  static final String MEMBER_USER = "nurse";

  static final SigningKey KEY =
      SigningKey.generate(KeyAlgorithm.ED25519, DID + "#key-1", new SecureRandom());

  /** The clinic: instance, fixtures and the member with a certificate. */
  record Clinic(Trainproof trainproof, Fixtures fixtures, WorkforceMember member) {
    Certificate certificate() {
      return trainproof.certificates().forMember(fixtures.officer(), member.id()).get(0);
    }

    /** A new member's certificate, for a test that changes it. */
    Certificate newCertificate() {
      WorkforceMember hired = fixtures.hire(LocalDate.now(CLOCK), "ICU", "nurse");
      complete(trainproof, fixtures, hired);
      return trainproof.certificates().forMember(fixtures.officer(), hired.id()).get(0);
    }
  }

  @Bean
  IssuerKeyHistory issuerKeyHistory() {
    return IssuerKeyHistory.start(
        DID, KEY.keyId(), KEY.publicKey(), CLOCK.instant().minusSeconds(60));
  }

  @Bean
  Clinic clinic(IssuerKeyHistory history) {
    SigningCredentialIssuer signing =
        SigningCredentialIssuer.builder()
            .issuers(org -> OrganizationIssuer.of(history, new InMemoryKeyProvider().add(KEY)))
            .statusListBaseUrl("https://verify.clinic.example/trainproof/status")
            .clock(CLOCK)
            .build();
    Trainproof tp =
        Trainproof.builder()
            .store(new InMemoryStore())
            .clock(CLOCK)
            .credentialIssuer(signing)
            .build();
    Fixtures fx = Fixtures.organization(tp, ZoneId.of("Asia/Kathmandu"));
    fx.requirement(
        "R", Fixtures.terms(fx.course("HIPAA"), LocalDate.now(CLOCK).minusYears(1)).build());
    WorkforceMember member = fx.hire(LocalDate.now(CLOCK), "ICU", "nurse");
    complete(tp, fx, member);
    return new Clinic(tp, fx, member);
  }

  static void complete(Trainproof tp, Fixtures fx, WorkforceMember member) {
    Assignment a = tp.assignments().forMember(fx.officer(), member.id()).get(0);
    tp.completions()
        .record(
            fx.officer(),
            CompletionService.Request.inApp(a.id(), LocalDate.now(CLOCK), 95, "officer"));
  }

  /** What each verification found, in order (the VC API's and the page's). */
  static final class Verifications implements VerificationObserver {
    final List<Boolean> verified = new CopyOnWriteArrayList<>();

    @Override
    public VerificationResult observe(Supplier<VerificationResult> verification) {
      VerificationResult result = verification.get();
      verified.add(result.verified());
      return result;
    }
  }

  @Bean
  Verifications verifications() {
    return new Verifications();
  }

  @Bean
  Trainproof trainproof(Clinic clinic) {
    return clinic.trainproof();
  }

  @Bean
  TrainproofWebIssuer trainproofWebIssuer(Clinic clinic, IssuerKeyHistory history) {
    return new TrainproofWebIssuer(clinic.fixtures().org().id(), history);
  }

  /** Dashboard readers become compliance officers, everyone else the system actor. */
  @Bean
  @ConditionalOnProperty(name = "test.actor-mapper", havingValue = "true", matchIfMissing = true)
  ActorMapper actorMapper(Clinic clinic) {
    return authentication -> {
      String id = "mapped:" + authentication.getName();
      if (authentication.getName().equals(MEMBER_USER)) {
        return new Actor(id, ActorRole.MEMBER, clinic.fixtures().org().id(), clinic.member().id());
      }
      boolean reader =
          authentication.getAuthorities().stream()
              .anyMatch(a -> a.getAuthority().equals("SCOPE_dashboard:read"));
      return reader
          ? Actor.complianceOfficer(id, clinic.fixtures().org().id())
          : new Actor(id, ActorRole.SYSTEM, clinic.fixtures().org().id(), null);
    };
  }

  /** The host's own security: its paths need HTTP Basic. */
  @Bean
  SecurityFilterChain hostChain(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(Customizer.withDefaults())
        .build();
  }

  @Bean
  UserDetailsService hostUsers() {
    return new InMemoryUserDetailsManager(
        User.withUsername("host-user").password("{noop}host-password").roles("USER").build());
  }

  /** The host's own endpoint. */
  @RestController
  static class HostController {
    @GetMapping("/host/hello")
    String hello() {
      return "hello from the host";
    }
  }
}
