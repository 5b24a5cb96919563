package io.trainproof.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.web.vcapi.VcApi;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Problem Details (RFC 9457) written with the SDK's own Jackson, as {@code
 * application/problem+json} bodies: {@code type}, {@code title}, {@code status} and a {@code
 * detail} that names the field and why, never echoing request content. Stateless.
 */
public final class Problems {
  /** {@code application/problem+json}. */
  public static final String MEDIA_TYPE = "application/problem+json";

  private Problems() {}

  /**
   * @param status the HTTP status
   * @param detail what was wrong: the field and why
   * @return the problem body
   */
  public static ObjectNode body(int status, String detail) {
    ObjectNode problem = StrictJson.mapper().createObjectNode();
    problem.put("type", "about:blank");
    HttpStatus known = HttpStatus.resolve(status);
    problem.put("title", known == null ? "Error" : known.getReasonPhrase());
    problem.put("status", status);
    problem.put("detail", detail);
    return problem;
  }

  /**
   * @param status the HTTP status
   * @param detail what was wrong
   * @return the response
   */
  public static ResponseEntity<String> of(int status, String detail) {
    return entity(status, body(status, detail));
  }

  /**
   * A VC API refusal as a problem: its first error message is the detail, and its members ({@code
   * verified}, {@code errors}, {@code checks}) are kept as extension members, so a VC API client
   * still finds them.
   *
   * @param response the refusal
   * @return the response
   */
  public static ResponseEntity<String> of(VcApi.Response response) {
    JsonNode errors = response.body().path("errors");
    String detail =
        errors.isArray() && !errors.isEmpty()
            ? errors.get(0).path("message").asText(response.reason())
            : response.reason();
    ObjectNode problem = body(response.status(), detail);
    for (Map.Entry<String, JsonNode> member : response.body().properties()) {
      if (!problem.has(member.getKey())) {
        problem.set(member.getKey(), member.getValue());
      }
    }
    return entity(response.status(), problem);
  }

  private static ResponseEntity<String> entity(int status, ObjectNode problem) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(MEDIA_TYPE));
    // why: the builder, not new ResponseEntity(body, headers, status): compiled against Spring 6.2
    // that constructor takes a MultiValueMap, which Spring 7's HttpHeaders no longer implements
    return ResponseEntity.status(status).headers(headers).body(StrictJson.write(problem));
  }

  /**
   * Writes a problem to a servlet response (for the security filters, outside MVC).
   *
   * @param response the response
   * @param status the HTTP status
   * @param detail what was wrong
   * @throws IOException when writing fails
   */
  public static void write(HttpServletResponse response, int status, String detail)
      throws IOException {
    byte[] bytes = StrictJson.write(body(status, detail)).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(MEDIA_TYPE);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
