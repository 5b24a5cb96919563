package io.trainproof.signing.jcs;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainproof.signing.UnusableInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The tree canonicalizer as it was before the streaming one and the byte-buffer writer replaced it
 * (commit 1f57df2), kept unchanged as the oracle the faster paths are checked against. Test code
 * only.
 */
final class ReferenceCanonicalizer {
  private static final BigInteger MAX_SAFE = BigInteger.valueOf(1L << 53);

  private ReferenceCanonicalizer() {}

  /**
   * Canonicalizes a tree.
   *
   * @param node the tree
   * @return the canonical text
   * @throws UnusableInputException when a value cannot be represented exactly
   */
  public static String canonicalize(JsonNode node) {
    StringBuilder out = new StringBuilder(256);
    write(node, out);
    return out.toString();
  }

  /**
   * Canonicalizes a tree to UTF-8 bytes, the form that is hashed and signed.
   *
   * @param node the tree
   * @return the canonical UTF-8 bytes
   */
  public static byte[] canonicalBytes(JsonNode node) {
    return canonicalize(node).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Parses JSON text strictly and canonicalizes it.
   *
   * @param json the JSON text
   * @return the canonical text
   */
  public static String canonicalize(String json) {
    return canonicalize(StrictJson.parse(json));
  }

  /**
   * Rejects any number that is not an integer of at most 2<sup>53</sup> in magnitude; used on
   * payloads before they are signed, which keep floating point out (the standards page).
   *
   * @param node the tree
   * @throws UnusableInputException naming the JSON pointer of the first offending number
   */
  public static void requireIntegersOnly(JsonNode node) {
    List<String> path = new ArrayList<>();
    String bad = findNonInteger(node, path);
    if (bad != null) {
      throw new UnusableInputException(
          "json", "signed payloads hold integers only; found a non-integer number at " + bad);
    }
  }

  private static @Nullable String findNonInteger(JsonNode node, List<String> path) {
    if (node.isNumber()) {
      if (!node.isIntegralNumber() || node.bigIntegerValue().abs().compareTo(MAX_SAFE) > 0) {
        return "/" + String.join("/", path);
      }
      return null;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        path.add(Integer.toString(i));
        String bad = findNonInteger(node.get(i), path);
        path.remove(path.size() - 1);
        if (bad != null) {
          return bad;
        }
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        path.add(field.getKey().replace("~", "~0").replace("/", "~1"));
        String bad = findNonInteger(field.getValue(), path);
        path.remove(path.size() - 1);
        if (bad != null) {
          return bad;
        }
      }
    }
    return null;
  }

  private static void write(JsonNode node, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT:
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        // why: String.compareTo compares UTF-16 code units, exactly RFC 8785's order
        names.sort(String::compareTo);
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          writeString(names.get(i), out);
          out.append(':');
          write(node.get(names.get(i)), out);
        }
        out.append('}');
        break;
      case ARRAY:
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(node.get(i), out);
        }
        out.append(']');
        break;
      case STRING:
        writeString(node.textValue(), out);
        break;
      case NUMBER:
        out.append(number(node));
        break;
      case BOOLEAN:
        out.append(node.booleanValue() ? "true" : "false");
        break;
      case NULL:
        out.append("null");
        break;
      default:
        throw new UnusableInputException("json", "not a JSON value: " + node.getNodeType());
    }
  }

  private static String number(JsonNode node) {
    if (node.isIntegralNumber()) {
      BigInteger value = node.bigIntegerValue();
      if (value.abs().compareTo(MAX_SAFE) <= 0) {
        return value.toString();
      }
      double d = value.doubleValue();
      if (Double.isInfinite(d) || !new BigDecimal(d).toBigIntegerExact().equals(value)) {
        throw new UnusableInputException(
            "json", "integer " + value + " has no exact IEEE-754 double representation");
      }
      return EcmaScriptNumbers.format(d);
    }
    if (node.isBigDecimal()) {
      // why: RFC 8785 reads numbers as IEEE-754 doubles; a decimal node gets the same rounding
      return EcmaScriptNumbers.format(node.decimalValue().doubleValue());
    }
    return EcmaScriptNumbers.format(node.doubleValue());
  }

  private static void writeString(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20) {
            out.append("\\u00")
                .append(Character.forDigit(c >> 4, 16))
                .append(Character.forDigit(c & 0xf, 16));
          } else if (Character.isHighSurrogate(c)) {
            if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
              throw new UnusableInputException("json", "string holds an unpaired surrogate");
            }
            out.append(c).append(value.charAt(++i));
          } else if (Character.isLowSurrogate(c)) {
            throw new UnusableInputException("json", "string holds an unpaired surrogate");
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }
}
