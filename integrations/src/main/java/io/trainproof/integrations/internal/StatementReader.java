package io.trainproof.integrations.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainproof.integrations.ErrorKind;
import io.trainproof.integrations.RowError;
import io.trainproof.integrations.xapi.Verbs;
import io.trainproof.integrations.xapi.XapiAgent;
import io.trainproof.integrations.xapi.XapiScore;
import io.trainproof.integrations.xapi.XapiStatement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reads xAPI statements from JSON: an array of statements, one statement, or an LRS {@code
 * StatementResult} ({@code {"statements": [...]}}). Strict UTF-8, duplicate keys refused. Each
 * statement keeps the line it starts on; a statement missing what evidence needs is a row error,
 * not the end of the batch. Thread-safe. Not API.
 */
public final class StatementReader {
  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  private StatementReader() {}

  /**
   * What was read. Immutable.
   *
   * @param statements the statements read
   * @param errors problems found
   * @param complete false when the JSON was malformed or undecodable (later statements unread)
   */
  public record Statements(
      List<XapiStatement> statements, List<RowError> errors, boolean complete) {
    /** Makes the lists immutable. */
    public Statements {
      statements = List.copyOf(statements);
      errors = List.copyOf(errors);
    }
  }

  /**
   * Reads statements.
   *
   * @param bytes the JSON bytes
   * @return what was read
   */
  public static Statements read(byte[] bytes) {
    StrictText.Decoded decoded = StrictText.utf8(bytes);
    String text = decoded.text();
    if (text == null) {
      return new Statements(List.of(), List.of(Objects.requireNonNull(decoded.error())), false);
    }
    List<XapiStatement> statements = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    try (JsonParser parser = MAPPER.getFactory().createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        errors.add(new RowError(1, null, "$", ErrorKind.MALFORMED, "the input is empty"));
        return new Statements(statements, errors, false);
      }
      if (first == JsonToken.START_ARRAY) {
        readArray(parser, statements, errors);
      } else if (first == JsonToken.START_OBJECT) {
        int line = parser.currentTokenLocation().getLineNr();
        JsonNode node = MAPPER.readTree(parser);
        if (node.has("statements") && node.get("statements").isArray() && !node.has("verb")) {
          // why: a StatementResult; re-read its array for per-statement lines
          readStatementResult(text, statements, errors);
        } else {
          add(node, line, statements, errors);
        }
      } else {
        errors.add(
            new RowError(
                1,
                null,
                "$",
                ErrorKind.MALFORMED,
                "expected a statement, an array of statements or a StatementResult"));
        return new Statements(statements, errors, false);
      }
      if (parser.nextToken() != null) {
        errors.add(
            new RowError(
                parser.currentTokenLocation().getLineNr(),
                null,
                "$",
                ErrorKind.MALFORMED,
                "unexpected content after the end of the JSON value"));
        return new Statements(statements, errors, false);
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      errors.add(
          new RowError(
              at == null ? 0 : at.getLineNr(),
              null,
              "$",
              ErrorKind.MALFORMED,
              "not well-formed JSON: " + e.getOriginalMessage()));
      return new Statements(statements, errors, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Statements(statements, errors, true);
  }

  private static void readStatementResult(
      String text, List<XapiStatement> statements, List<RowError> errors) throws IOException {
    try (JsonParser parser = MAPPER.getFactory().createParser(text)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("statements".equals(name) && value == JsonToken.START_ARRAY) {
          readArray(parser, statements, errors);
        } else {
          parser.skipChildren();
        }
      }
    }
  }

  private static void readArray(
      JsonParser parser, List<XapiStatement> statements, List<RowError> errors) throws IOException {
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        throw new com.fasterxml.jackson.core.JsonParseException(
            parser, "unexpected end of input inside an array");
      }
      int line = parser.currentTokenLocation().getLineNr();
      JsonNode node = MAPPER.readTree(parser);
      add(node, line, statements, errors);
    }
  }

  private static void add(
      JsonNode node, int line, List<XapiStatement> statements, List<RowError> errors) {
    try {
      statements.add(statement(node, line));
    } catch (Bad bad) {
      errors.add(
          new RowError(line, text(node, "id"), bad.field, ErrorKind.INVALID_VALUE, bad.reason));
    }
  }

  private static XapiStatement statement(JsonNode node, int line) {
    if (!node.isObject()) {
      throw new Bad("$", "a statement must be a JSON object");
    }
    String id = required(node, "id", "id");
    try {
      UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new Bad("id", "is not a UUID");
    }
    JsonNode actorNode = node.path("actor");
    if (!actorNode.isObject()) {
      throw new Bad("actor", "is required");
    }
    if ("Group".equals(text(actorNode, "objectType"))) {
      throw new Bad("actor.objectType", "a Group cannot be mapped to one workforce member");
    }
    XapiAgent actor =
        new XapiAgent(
            text(actorNode, "mbox"),
            text(actorNode, "mbox_sha1sum"),
            text(actorNode, "openid"),
            text(actorNode.path("account"), "homePage"),
            text(actorNode.path("account"), "name"),
            text(actorNode, "name"));
    if (actor.mbox() == null
        && actor.mboxSha1sum() == null
        && actor.openid() == null
        && actor.accountName() == null) {
      throw new Bad("actor", "has no identifier (mbox, mbox_sha1sum, openid or account)");
    }
    String verb = required(node.path("verb"), "id", "verb.id");
    JsonNode object = node.path("object");
    String objectType = text(object, "objectType");
    if (objectType != null && !"Activity".equals(objectType)) {
      throw new Bad("object.objectType", "is " + objectType + "; only an Activity can be a course");
    }
    String objectId = required(object, "id", "object.id");
    JsonNode result = node.path("result");
    XapiScore score = null;
    JsonNode scoreNode = result.path("score");
    if (scoreNode.isObject()) {
      score =
          new XapiScore(
              number(scoreNode, "scaled", "result.score.scaled"),
              number(scoreNode, "raw", "result.score.raw"),
              number(scoreNode, "min", "result.score.min"),
              number(scoreNode, "max", "result.score.max"));
      if (score.scaled() != null && (score.scaled() < -1 || score.scaled() > 1)) {
        throw new Bad("result.score.scaled", "must be between -1 and 1");
      }
    }
    Boolean success = bool(result, "success", "result.success");
    Boolean completion = bool(result, "completion", "result.completion");
    String reason = reason(result.path("extensions").path(Verbs.REASON_EXTENSION));
    JsonNode context = node.path("context");
    String registration = text(context, "registration");
    List<String> categories = new ArrayList<>();
    for (JsonNode c : context.path("contextActivities").path("category")) {
      String cid = text(c, "id");
      if (cid != null) {
        categories.add(cid);
      }
    }
    Instant timestamp = instant(node, "timestamp");
    if (timestamp == null) {
      timestamp = instant(node, "stored");
    }
    if (timestamp == null) {
      throw new Bad("timestamp", "is required (neither timestamp nor stored is present)");
    }
    return new XapiStatement(
        line,
        id,
        actor,
        verb,
        objectId,
        score,
        success,
        completion,
        reason,
        registration,
        categories,
        timestamp);
  }

  private static @Nullable String reason(JsonNode node) {
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
      if (fields.hasNext()) {
        return fields.next().getValue().asText();
      }
    }
    return null;
  }

  private static String required(JsonNode parent, String name, String path) {
    String value = text(parent, name);
    if (value == null || value.isBlank()) {
      throw new Bad(path, "is required");
    }
    return value;
  }

  private static @Nullable String text(JsonNode parent, String name) {
    JsonNode n = parent.path(name);
    return n.isTextual() ? n.asText() : null;
  }

  private static @Nullable Double number(JsonNode parent, String name, String path) {
    JsonNode n = parent.path(name);
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (!n.isNumber()) {
      throw new Bad(path, "must be a number");
    }
    return n.asDouble();
  }

  private static @Nullable Boolean bool(JsonNode parent, String name, String path) {
    JsonNode n = parent.path(name);
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (!n.isBoolean()) {
      throw new Bad(path, "must be true or false");
    }
    return n.asBoolean();
  }

  private static @Nullable Instant instant(JsonNode parent, String name) {
    String value = text(parent, name);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new Bad(name, "is not an ISO 8601 date-time with an offset");
    }
  }

  /** A statement that cannot be evidence, with the JSON path at fault. */
  private static final class Bad extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String reason;

    Bad(String field, String reason) {
      super(reason, null, false, false);
      this.field = field;
      this.reason = reason;
    }
  }
}
