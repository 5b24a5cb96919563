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
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses JSON text strictly: one value, no trailing content, no comments, no duplicate object keys
 * (Jackson {@code STRICT_DUPLICATE_DETECTION}), within {@link JsonLimits}; bytes must be valid
 * UTF-8 ({@link #parse(byte[], JsonLimits)}). Thread-safe.
 */
public final class StrictJson {
  /** {@link UnusableInputException#what()} when a {@link JsonLimits} limit was exceeded. */
  public static final String LIMIT = "json-limit";

  /** {@link UnusableInputException#what()} when bytes are not UTF-8. */
  public static final String ENCODING = "utf-8";

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
   * Parses UTF-8 bytes with {@link JsonLimits#DEFAULT}, refusing invalid UTF-8.
   *
   * @param utf8 the JSON text as UTF-8
   * @return the tree
   * @throws UnusableInputException ({@link #ENCODING}) when the bytes are not UTF-8, naming the
   *     byte offset of the first bad sequence; as {@link #parse(String, JsonLimits)} otherwise
   */
  public static JsonNode parse(byte[] utf8) {
    return parse(utf8, JsonLimits.DEFAULT);
  }

  /**
   * Parses UTF-8 bytes within the given limits. The bytes are decoded strictly: a malformed or
   * truncated sequence, an overlong form, an encoded surrogate or a code point past U+10FFFF is
   * refused, never replaced by U+FFFD (which would let two different inputs read as the same text).
   * The message names the byte offset only, never the content.
   *
   * @param utf8 the JSON text as UTF-8
   * @param limits the limits ({@link JsonLimits#maxChars()} counts the decoded UTF-16 chars)
   * @return the tree
   * @throws UnusableInputException ({@link #ENCODING}) when the bytes are not UTF-8; ({@link
   *     #LIMIT}) when they are too many; as {@link #parse(String, JsonLimits)} otherwise
   */
  public static JsonNode parse(byte[] utf8, JsonLimits limits) {
    // why: a UTF-8 byte is at least a third of a UTF-16 char, so this is surely over the limit
    if (utf8.length / 3 > limits.maxChars()) {
      throw new UnusableInputException(
          LIMIT, "input of " + utf8.length + " bytes exceeds the limit of " + limits.maxChars());
    }
    return parse(decodeUtf8(utf8), limits);
  }

  /**
   * Decodes UTF-8 strictly.
   *
   * @param utf8 the bytes
   * @return the text
   * @throws UnusableInputException ({@link #ENCODING}) naming the byte offset of the first
   *     malformed sequence
   */
  public static String decodeUtf8(byte[] utf8) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(utf8);
    CharBuffer out = CharBuffer.allocate(utf8.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw new UnusableInputException(
          ENCODING,
          "not UTF-8: "
              + (result.isMalformed() ? "a malformed" : "an unmappable")
              + " sequence of "
              + result.length()
              + " byte(s) at byte offset "
              + in.position());
    }
    out.flip();
    return out.toString();
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
