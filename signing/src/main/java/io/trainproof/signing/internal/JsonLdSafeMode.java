package io.trainproof.signing.internal;

import com.apicatalog.jsonld.lang.BlankNode;
import com.apicatalog.jsonld.lang.LanguageTag;
import com.apicatalog.jsonld.uri.UriUtils;
import com.apicatalog.jsonld.uri.UriValidationPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.jcs.StrictJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON-LD "safe mode" for RDF canonicalization: refuses a document whose expansion or conversion to
 * RDF would drop a term, a type or a value, since what is dropped is not signed, yet a JSON reader
 * of the credential sees it. Matches jsonld.js {@code safe: true} (the W3C Data Integrity test
 * suites rely on it), whose unsafe events are, with where this class catches them:
 *
 * <ul>
 *   <li>{@code invalid property}, {@code reserved term} (a key that is not defined): Titanium's
 *       undefined-terms policy {@code Fail}, set by {@link RdfCanonicalizer};
 *   <li>{@code relative @id reference}, {@code null @id value}, {@code reserved @id value}, {@code
 *       relative @type reference}, {@code invalid @language value}, {@code rdfDirection not set},
 *       {@code blank node predicate} and the relative subject, predicate, object and graph
 *       references of toRdf: {@link #checkExpanded}, on the expanded form, with Titanium's own
 *       tests for absolute IRIs, blank node ids and language tags (so that what it would skip is
 *       what is refused);
 *   <li>{@code empty object}, {@code free-floating scalar}, {@code object with only @id}, {@code
 *       object with only @value}, {@code object with only @list} (at the top, in {@code @graph} and
 *       in graph containers), {@code null @value value} and {@code object with only @language}:
 *       {@link #checkInput}, on the document before expansion, since expansion leaves no trace of
 *       them.
 * </ul>
 *
 * <p>Beyond jsonld.js, it also refuses {@code @index} (not part of RDF) and, in {@code @included},
 * nodes that state nothing. Keyword aliases and graph containers are read from every context the
 * canonicalizer may load and from the document's own embedded contexts; an alias defined anywhere
 * counts everywhere (stricter than JSON-LD's scoping, never laxer). Immutable and thread-safe.
 */
final class JsonLdSafeMode {
  /** {@link UnusableInputException#what()} of a refusal. */
  static final String WHAT = "json-ld-safe-mode";

  private static final Set<String> KEYWORDS =
      Set.of(
          "@base",
          "@container",
          "@context",
          "@direction",
          "@graph",
          "@id",
          "@import",
          "@included",
          "@index",
          "@json",
          "@language",
          "@list",
          "@nest",
          "@none",
          "@prefix",
          "@propagate",
          "@protected",
          "@reverse",
          "@set",
          "@type",
          "@value",
          "@version",
          "@vocab");

  private static final String DROPPED =
      "; JSON-LD would drop it, so the signature would not cover it";

  /** Terms and what they mean, gathered from context documents. */
  private static final class Vocabulary {
    final Map<String, Set<String>> aliases = new HashMap<>();
    final Set<String> graphTerms = new HashSet<>();
    final Set<String> jsonTerms = new HashSet<>();

    boolean isEmpty() {
      return aliases.isEmpty() && graphTerms.isEmpty() && jsonTerms.isEmpty();
    }

    void addAll(Vocabulary other) {
      other.aliases.forEach((k, v) -> aliases.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
      graphTerms.addAll(other.graphTerms);
      jsonTerms.addAll(other.jsonTerms);
    }

    /** Scans a context value: a URL (known contexts are scanned already), an object or a list. */
    void scan(JsonNode context) {
      if (context.isArray()) {
        context.forEach(this::scan);
        return;
      }
      if (!context.isObject()) {
        return;
      }
      for (Map.Entry<String, JsonNode> entry : context.properties()) {
        String term = entry.getKey();
        JsonNode definition = entry.getValue();
        if (term.startsWith("@")) {
          continue;
        }
        if (definition.isTextual() && KEYWORDS.contains(definition.textValue())) {
          alias(term, definition.textValue());
        } else if (definition.isObject()) {
          JsonNode id = definition.path("@id");
          if (id.isTextual() && KEYWORDS.contains(id.textValue())) {
            alias(term, id.textValue());
          }
          JsonNode container = definition.path("@container");
          if ("@graph".equals(container.asText())
              || (container.isArray() && contains(container, "@graph"))) {
            graphTerms.add(term);
          }
          if ("@json".equals(definition.path("@type").asText())) {
            jsonTerms.add(term);
          }
          if (definition.has("@context")) {
            scan(definition.get("@context"));
          }
        }
      }
    }

    private void alias(String term, String keyword) {
      aliases.computeIfAbsent(term, k -> new HashSet<>()).add(keyword);
    }

    boolean is(String key, String keyword) {
      if (key.equals(keyword)) {
        return true;
      }
      Set<String> meanings = aliases.get(key);
      return meanings != null && meanings.contains(keyword);
    }
  }

  private final Vocabulary known = new Vocabulary();

  /**
   * Reads the aliases and containers of the contexts a canonicalizer may load.
   *
   * @param contextDocuments the context documents' JSON texts
   */
  JsonLdSafeMode(List<String> contextDocuments) {
    for (String text : contextDocuments) {
      JsonNode document = StrictJson.parse(text);
      if (document.has("@context")) {
        known.scan(document.get("@context"));
      }
    }
  }

  /**
   * Refuses what expansion drops without a trace: empty objects, scalars and objects with only an
   * id at the top, in {@code @graph}, in {@code @included} and in graph containers; null {@code
   * @value}s; objects with only {@code @language}.
   *
   * @param document the JSON-LD document
   * @throws UnusableInputException ({@link #WHAT}) naming what would be dropped and where
   */
  void checkInput(JsonNode document) {
    Vocabulary embedded = new Vocabulary();
    collectEmbedded(document, embedded);
    Vocabulary vocabulary = known;
    if (!embedded.isEmpty()) {
      vocabulary = new Vocabulary();
      vocabulary.addAll(known);
      vocabulary.addAll(embedded);
    }
    walk(document, true, "", vocabulary);
  }

  private static void collectEmbedded(JsonNode node, Vocabulary vocabulary) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        if ("@context".equals(entry.getKey())) {
          vocabulary.scan(entry.getValue());
        } else {
          collectEmbedded(entry.getValue(), vocabulary);
        }
      }
    } else if (node.isArray()) {
      node.forEach(item -> collectEmbedded(item, vocabulary));
    }
  }

  private static void walk(JsonNode node, boolean graphLevel, String path, Vocabulary vocabulary) {
    if (node.isArray()) {
      int i = 0;
      for (JsonNode item : node) {
        walk(item, graphLevel, path + "[" + i++ + "]", vocabulary);
      }
      return;
    }
    if (!node.isObject()) {
      if (graphLevel && !node.isNull()) {
        throw refused("a value that is not an object where nodes are expected", path);
      }
      return;
    }
    boolean value = false;
    boolean language = false;
    boolean list = false;
    int statements = 0;
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String key = entry.getKey();
      JsonNode member = entry.getValue();
      if ("@context".equals(key)) {
        continue;
      }
      if (vocabulary.is(key, "@value")) {
        value = true;
        if (member.isNull()) {
          throw refused("a null @value", path);
        }
        continue;
      }
      language |= vocabulary.is(key, "@language");
      list |= vocabulary.is(key, "@list");
      if (!vocabulary.is(key, "@id") && !member.isNull()) {
        statements++;
      }
      if (vocabulary.jsonTerms.contains(key) && !vocabulary.aliases.containsKey(key)) {
        // why: a JSON literal; its content is a value, not JSON-LD
        continue;
      }
      boolean nodesExpected =
          vocabulary.is(key, "@graph")
              || vocabulary.is(key, "@included")
              || vocabulary.graphTerms.contains(key);
      walk(member, nodesExpected, path.isEmpty() ? key : path + "." + key, vocabulary);
    }
    if (language && !value) {
      throw refused("an object with only @language", path);
    }
    if (graphLevel && (value || list)) {
      throw refused("a value or list where nodes are expected", path);
    }
    if (graphLevel && statements == 0) {
      throw refused("an object that states nothing (empty, or only an id)", path);
    }
  }

  /**
   * Refuses what Titanium's conversion to RDF would skip: ids, types, datatypes and properties that
   * are not absolute IRIs (or blank node ids where RDF allows them), blank node properties,
   * ill-formed language tags, base directions, {@code @index} and nodes that state nothing where
   * nodes are expected.
   *
   * @param expanded the expanded form
   * @param uris how strictly Titanium checks IRIs (the options' policy)
   * @throws UnusableInputException ({@link #WHAT}) naming what would be dropped
   */
  static void checkExpanded(JsonArray expanded, UriValidationPolicy uris) {
    for (JsonValue item : expanded) {
      expandedValue(item, true, uris);
    }
  }

  private static void expandedValue(JsonValue value, boolean graphLevel, UriValidationPolicy uris) {
    if (value instanceof JsonArray) {
      for (JsonValue item : (JsonArray) value) {
        expandedValue(item, graphLevel, uris);
      }
      return;
    }
    if (!(value instanceof JsonObject)) {
      return;
    }
    JsonObject object = (JsonObject) value;
    if (object.containsKey("@index")) {
      throw refused("an @index (not part of RDF)", "");
    }
    if (object.containsKey("@value")) {
      checkValueObject(object, uris);
    } else if (object.containsKey("@list")) {
      expandedValue(object.get("@list"), false, uris);
    } else if (object.containsKey("@set")) {
      expandedValue(object.get("@set"), graphLevel, uris);
    } else {
      checkNode(object, graphLevel, uris);
    }
  }

  private static void checkValueObject(JsonObject object, UriValidationPolicy uris) {
    if (object.containsKey("@direction")) {
      throw refused("a base direction (@direction; RDF keeps no direction here)", "");
    }
    JsonValue type = object.get("@type");
    if (type != null && !("@json".equals(text(type)) || isIri(text(type), uris))) {
      throw refused("the datatype " + shown(text(type)) + ", not an absolute IRI", "");
    }
    JsonValue language = object.get("@language");
    if (language != null && !LanguageTag.isWellFormed(text(language))) {
      throw refused("the language tag " + shown(text(language)) + ", not well formed", "");
    }
  }

  private static void checkNode(JsonObject node, boolean graphLevel, UriValidationPolicy uris) {
    int statements = 0;
    for (Map.Entry<String, JsonValue> entry : node.entrySet()) {
      String key = entry.getKey();
      JsonValue member = entry.getValue();
      switch (key) {
        case "@id":
          if (!(member instanceof JsonString)) {
            throw refused("an id that is null or spelled like a keyword", "");
          }
          String id = text(member);
          if (!isIri(id, uris) && !BlankNode.isWellFormed(id)) {
            throw refused("the id " + shown(id) + ", neither an absolute IRI nor a blank node", "");
          }
          break;
        case "@type":
          statements++;
          for (JsonValue type : asArray(member)) {
            String t = text(type);
            if (!isIri(t, uris) && !BlankNode.isWellFormed(t)) {
              throw refused("the type " + shown(t) + ", not an absolute IRI (undefined)", "");
            }
          }
          break;
        case "@graph":
        case "@included":
          statements++;
          expandedValue(member, true, uris);
          break;
        case "@reverse":
          statements++;
          if (member instanceof JsonObject) {
            for (Map.Entry<String, JsonValue> reverse : ((JsonObject) member).entrySet()) {
              property(reverse.getKey(), uris);
              expandedValue(reverse.getValue(), false, uris);
            }
          }
          break;
        default:
          if (!key.startsWith("@")) {
            statements++;
            property(key, uris);
            expandedValue(member, false, uris);
          }
      }
    }
    if (graphLevel && statements == 0) {
      throw refused("a node that states nothing (empty, or only an id)", "");
    }
  }

  private static void property(String iri, UriValidationPolicy uris) {
    if (!isIri(iri, uris)) {
      throw refused(
          "the property "
              + shown(iri)
              + (BlankNode.hasPrefix(iri) ? ", a blank node" : ", not an absolute IRI"),
          "");
    }
  }

  private static boolean isIri(String text, UriValidationPolicy uris) {
    return !BlankNode.hasPrefix(text) && UriUtils.isAbsoluteUri(text, uris);
  }

  private static List<JsonValue> asArray(JsonValue value) {
    return value instanceof JsonArray ? (JsonArray) value : List.of(value);
  }

  private static String text(JsonValue value) {
    return value instanceof JsonString ? ((JsonString) value).getString() : "";
  }

  private static boolean contains(JsonNode array, String text) {
    for (JsonNode item : array) {
      if (text.equals(item.asText())) {
        return true;
      }
    }
    return false;
  }

  private static UnusableInputException refused(String what, String path) {
    return new UnusableInputException(
        WHAT, what + (path.isEmpty() ? "" : " at " + shown(path)) + DROPPED);
  }

  /**
   * A value as it may appear in a message: at most 60 chars, printable ASCII only, quoted.
   *
   * @param text the value
   * @return the bounded, sanitized text
   */
  static String shown(String text) {
    return Sanitized.quoted(text, 60);
  }
}
