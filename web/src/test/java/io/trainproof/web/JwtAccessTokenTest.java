package io.trainproof.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.AuditEntry;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * OAuth 2.0 access tokens: with a {@link JwtDecoder} in the host (what Spring Boot makes from
 * {@code spring.security.oauth2.resourceserver.jwt.*}), a JWT's {@code scope} claim grants the
 * scopes, its {@code sub} is the caller the host's {@link ActorMapper} maps, and a bad token is 401
 * Problem Details.
 */
@SpringBootTest(classes = {TestHost.class, JwtAccessTokenTest.Tokens.class})
@AutoConfigureMockMvc
class JwtAccessTokenTest {
  static final byte[] SECRET = new byte[32];

  static {
    new SecureRandom().nextBytes(SECRET);
  }

  static final SecretKey KEY = new SecretKeySpec(SECRET, "HmacSHA256");

  @TestConfiguration
  static class Tokens {
    @Bean
    JwtDecoder jwtDecoder() {
      return NimbusJwtDecoder.withSecretKey(KEY).build();
    }
  }

  @Autowired MockMvc mvc;
  @Autowired TestHost.Clinic clinic;
  @Autowired Trainproof trainproof;

  @Test
  void aTokenWithTheScopeIssuesAsTheMappedSubject() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    MockHttpServletResponse r = issue(token("lms-connector", "openid credentials:issue", 300));
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
    assertThat(
            trainproof
                .audit()
                .entries(clinic.fixtures().officer(), before, Instant.now().plusSeconds(1)))
        .extracting(AuditEntry::actorId)
        .contains("mapped:lms-connector");
  }

  @Test
  void aTokenWithoutTheScopeIs403() throws Exception {
    MockHttpServletResponse r = issue(token("lms-connector", "openid", 300));
    assertThat(r.getStatus()).isEqualTo(403);
    assertThat(r.getContentType()).startsWith("application/problem+json");
  }

  @Test
  void anExpiredOrForgedTokenIs401() throws Exception {
    assertThat(issue(token("lms-connector", "credentials:issue", -300)).getStatus()).isEqualTo(401);
    String token = token("lms-connector", "credentials:issue", 300);
    MockHttpServletResponse forged = issue(token.substring(0, token.length() - 4) + "AAAA");
    assertThat(forged.getStatus()).isEqualTo(401);
    assertThat(forged.getContentType()).startsWith("application/problem+json");
  }

  private MockHttpServletResponse issue(String token) throws Exception {
    return mvc.perform(
            post("/trainproof/credentials/issue")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"credential\":" + TrainproofWebTest.CREDENTIAL + "}"))
        .andReturn()
        .getResponse();
  }

  private static String token(String subject, String scope, long lifetimeSeconds)
      throws JOSEException {
    Instant now = Instant.now();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256),
            new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(Date.from(now.minusSeconds(600)))
                .expirationTime(Date.from(now.plusSeconds(lifetimeSeconds)))
                .claim("scope", scope)
                .build());
    jwt.sign(new MACSigner(SECRET));
    return jwt.serialize();
  }
}
