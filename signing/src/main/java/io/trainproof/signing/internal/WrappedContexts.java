package io.trainproof.signing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Unwraps a context written as a context document, {@code {"@context": X}}, where a context is
 * expected, to {@code X}, as jsonld.js does ("dereference @context key if present") and as every
 * remote context is unwrapped. The JSON-LD 1.1 context processing algorithm refuses such a map
 * inline ({@code keyword redefinition}); the W3C Data Integrity test suites, run with jsonld.js,
 * sign credentials that use it (their proof-chain fixtures), so a verifier that refuses them fails
 * credentials every other issuer in those suites accepts. Only a map whose one entry is {@code
 * @context} is unwrapped, nothing else changes, and signing and verifying both see the unwrapped
 * form, so the signature covers exactly what the verifier reads.
 */
final class WrappedContexts {
  private static final String CONTEXT = "@context";

  private WrappedContexts() {}

  /**
   * The document with every wrapped context unwrapped; the same instance when it has none.
   *
   * @param document a JSON-LD document
   * @return the document to expand
   */
  static JsonNode unwrap(JsonNode document) {
    return hasWrapped(document, false) ? copy(document, false) : document;
  }

  private static boolean hasWrapped(JsonNode node, boolean contextValue) {
    if (contextValue && isWrapper(node)) {
      return true;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (hasWrapped(e.getValue(), CONTEXT.equals(e.getKey()))) {
          return true;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        if (hasWrapped(item, contextValue)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isWrapper(JsonNode node) {
    return node.isObject() && node.size() == 1 && node.has(CONTEXT);
  }

  private static JsonNode copy(JsonNode node, boolean contextValue) {
    JsonNode current = node;
    while (contextValue && isWrapper(current)) {
      current = current.get(CONTEXT);
    }
    if (current.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : current.properties()) {
        out.set(e.getKey(), copy(e.getValue(), CONTEXT.equals(e.getKey())));
      }
      return out;
    }
    if (current.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (JsonNode item : current) {
        out.add(copy(item, contextValue));
      }
      return out;
    }
    return current;
  }
}
