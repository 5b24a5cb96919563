package io.trainproof.signing.jcs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.trainproof.signing.UnusableInputException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses JSON text strictly: one value, no trailing content, no comments, no duplicate object keys
 * (Jackson {@code STRICT_DUPLICATE_DETECTION}), within {@link JsonLimits}. Thread-safe.
 */
public final class StrictJson {
  /** {@link UnusableInputException#what()} when a {@link JsonLimits} limit was exceeded. */
  public static final String LIMIT = "json-limit";

  private static final ConcurrentHashMap<JsonLimits, ObjectMapper> MAPPERS =
      new ConcurrentHashMap<>();
  private static final ObjectMapper WRITER = mapper(JsonLimits.DEFAULT);

  private StrictJson() {}

  /**
   * Parses with {@link JsonLimits#DEFAULT}.
   *
   * @param text the JSON text
   * @return the tree
   * @throws UnusableInputException when the text is not one well-formed JSON value within the
   *     limits, or repeats a key
   */
  public static JsonNode parse(String text) {
    return parse(text, JsonLimits.DEFAULT);
  }

  /**
   * Parses within the given limits.
   *
   * @param text the JSON text
   * @param limits the limits
   * @return the tree
   * @throws UnusableInputException when the text is not one well-formed JSON value within the
   *     limits, or repeats a key
   */
  public static JsonNode parse(String text, JsonLimits limits) {
    if (text.length() > limits.maxChars()) {
      throw new UnusableInputException(
          LIMIT, "input of " + text.length() + " chars exceeds the limit of " + limits.maxChars());
    }
    // why: the default limits (every verification) skip hashing the record for the look-up
    ObjectMapper mapper =
        limits.equals(JsonLimits.DEFAULT)
            ? WRITER
            : MAPPERS.computeIfAbsent(limits, StrictJson::mapper);
    try {
      JsonNode node = mapper.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new UnusableInputException("json", "no JSON value");
      }
      return node;
    } catch (StreamConstraintsException e) {
      throw new UnusableInputException(
          LIMIT, "too deep or too large: " + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw new UnusableInputException("json", "malformed: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Writes a tree as compact JSON (not canonical; use {@link JsonCanonicalizer} for that).
   *
   * @param node the tree
   * @return the text
   */
  public static String write(JsonNode node) {
    try {
      return WRITER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /**
   * Writes a tree as indented JSON, for people and files.
   *
   * @param node the tree
   * @return the text
   */
  public static String writePretty(JsonNode node) {
    try {
      return WRITER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /**
   * The shared mapper for building trees ({@code createObjectNode()} etc.).
   *
   * @return the mapper; do not reconfigure it
   */
  public static ObjectMapper mapper() {
    return WRITER;
  }

  private static ObjectMapper mapper(JsonLimits limits) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxDepth())
                    .maxStringLength(limits.maxChars())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    return JsonMapper.builder(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .build();
  }
}
