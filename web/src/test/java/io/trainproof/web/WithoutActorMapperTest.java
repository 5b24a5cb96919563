package io.trainproof.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainproof.web.vcapi.ApiKeys;
import io.trainproof.web.vcapi.Caller;
import java.security.SecureRandom;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A host that supplies no {@link ActorMapper}: it starts, verification stays public, and issuing is
 * refused with 503 Problem Details naming the missing bean, even for a caller with the scope.
 */
@SpringBootTest(classes = TestHost.class, properties = "test.actor-mapper=false")
@AutoConfigureMockMvc
class WithoutActorMapperTest {
  static final String KEY = ApiKeys.generate(new SecureRandom());

  @DynamicPropertySource
  static void apiKey(DynamicPropertyRegistry registry) {
    registry.add(
        "trainproof.web.api-keys[0].sha256",
        () -> ApiKeys.Entry.ofKey(KEY, "ci", Set.of(Caller.ISSUE)).sha256());
    registry.add("trainproof.web.api-keys[0].actor-id", () -> "ci");
    registry.add("trainproof.web.api-keys[0].scopes", () -> Caller.ISSUE);
  }

  @Autowired MockMvc mvc;

  @Test
  void issuingIs503NamingTheMissingBeanAndVerifyingStillWorks() throws Exception {
    MockHttpServletResponse r =
        mvc.perform(
                post("/trainproof/credentials/issue")
                    .header("Authorization", "Bearer " + KEY)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"credential\":" + TrainproofWebTest.CREDENTIAL + "}"))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).isEqualTo(503);
    assertThat(r.getContentType()).startsWith("application/problem+json");
    assertThat(new ObjectMapper().readTree(r.getContentAsString()).path("detail").asText())
        .contains("io.trainproof.web.ActorMapper");
    assertThat(mvc.perform(get("/trainproof/verify")).andReturn().getResponse().getStatus())
        .isEqualTo(200);
  }
}
