package io.trainproof.signing.jcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.UnusableInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * RFC 8785 JSON Canonicalization Scheme over Jackson's tree model: object members sorted by their
 * names as UTF-16 code units, no whitespace, strings with the minimal escapes, numbers as
 * ECMAScript formats them, UTF-8 output. Thread-safe.
 *
 * <p>What JSON cannot carry exactly is rejected rather than silently changed: NaN, the infinities,
 * strings with unpaired surrogates, and integers beyond 2<sup>53</sup> that no double equals,
 * except the canonical text of a double itself (so that canonical output is canonical again).
 *
 * <p>Output is written as UTF-8 into a buffer reused per thread; JSON text is canonicalized while
 * it is parsed, without building a tree, with the strictness of {@link StrictJson}.
 */
public final class JsonCanonicalizer {
  private static final BigInteger MAX_SAFE = BigInteger.valueOf(1L << 53);
  private static final long MAX_SAFE_LONG = 1L << 53;

  /** Objects with more members are sorted with {@link Arrays#sort}, not insertion sort. */
  private static final int INSERTION_SORT_LIMIT = 16;

  private JsonCanonicalizer() {}

  /**
   * Canonicalizes a tree.
   *
   * @param node the tree
   * @return the canonical text
   * @throws UnusableInputException when a value cannot be represented exactly
   */
  public static String canonicalize(JsonNode node) {
    CanonicalOutput out = CanonicalOutput.acquire();
    try {
      new TreeWriter(out, false).write(node);
      return out.toString();
    } finally {
      out.release();
    }
  }

  /**
   * Canonicalizes a tree to UTF-8 bytes, the form that is hashed and signed.
   *
   * @param node the tree
   * @return the canonical UTF-8 bytes
   */
  public static byte[] canonicalBytes(JsonNode node) {
    CanonicalOutput out = CanonicalOutput.acquire();
    try {
      new TreeWriter(out, false).write(node);
      return out.toBytes();
    } finally {
      out.release();
    }
  }

  /**
   * Canonicalizes an object to UTF-8 bytes as if some of its top-level members were replaced or
   * left out, without copying it: for a verifier that hashes a document without its proof.
   *
   * @param object the object (not changed)
   * @param replaced top-level names mapped to the value to write instead, or to null to leave the
   *     member out; a name the object lacks is added with its value
   * @return the canonical UTF-8 bytes
   * @throws UnusableInputException when a value cannot be represented exactly
   */
  public static byte[] canonicalBytes(ObjectNode object, Map<String, @Nullable JsonNode> replaced) {
    CanonicalOutput out = CanonicalOutput.acquire();
    try {
      // why: the members are sorted and written straight from the object and the replacements;
      // no view of the object is built, so nothing is copied, not even the top level
      new TreeWriter(out, false).writeObject(object, replaced);
      return out.toBytes();
    } finally {
      out.release();
    }
  }

  /**
   * Parses JSON text strictly (as {@link StrictJson#parse(String)}: duplicate keys, trailing
   * content and {@link JsonLimits#DEFAULT} are refused) and canonicalizes it, without building a
   * tree.
   *
   * @param json the JSON text
   * @return the canonical text
   * @throws UnusableInputException when the text is not one well-formed JSON value within the
   *     limits, repeats a key, or holds a value that cannot be represented exactly
   */
  public static String canonicalize(String json) {
    CanonicalOutput out = CanonicalOutput.acquire();
    try {
      CanonicalParser.canonicalize(json, JsonLimits.DEFAULT, out);
      return out.toString();
    } finally {
      out.release();
    }
  }

  /**
   * Rejects any number that is not an integer of at most 2<sup>53</sup> in magnitude; used on
   * payloads before they are signed, which keep floating point out (the standards page).
   *
   * @param node the tree
   * @throws UnusableInputException naming the JSON pointer of the first offending number
   */
  public static void requireIntegersOnly(JsonNode node) {
    if (integersOnly(node)) {
      return;
    }
    List<String> path = new ArrayList<>();
    String bad = findNonInteger(node, path);
    if (bad != null) {
      throw new UnusableInputException(
          "json", "signed payloads hold integers only; found a non-integer number at " + bad);
    }
  }

  /** The fast check, allocating nothing; {@link #findNonInteger} then names the place. */
  private static boolean integersOnly(JsonNode node) {
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        if (!integersOnly(child)) {
          return false;
        }
      }
      return true;
    }
    if (!node.isNumber()) {
      return true;
    }
    if (node.isInt() || node.isLong()) {
      long value = node.longValue();
      return value >= -MAX_SAFE_LONG && value <= MAX_SAFE_LONG;
    }
    return node.isIntegralNumber() && node.bigIntegerValue().abs().compareTo(MAX_SAFE) <= 0;
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

  /**
   * The canonical text of an integer: as it is up to 2<sup>53</sup> in magnitude, beyond that in
   * ECMAScript form when a double holds it exactly.
   *
   * @throws UnusableInputException when no double equals it
   */
  static String integer(BigInteger value) {
    if (value.abs().compareTo(MAX_SAFE) <= 0) {
      return value.toString();
    }
    double d = value.doubleValue();
    if (Double.isInfinite(d)) {
      throw new UnusableInputException(
          "json", "integer " + value + " has no exact IEEE-754 double representation");
    }
    String formatted = EcmaScriptNumbers.format(d);
    // why: the canonical text of a large double (27775555555555552 is written 27775555555555550)
    // names an integer no double equals; it must canonicalize to itself, so it is accepted
    if (!formatted.equals(value.toString())
        && !new BigDecimal(d).toBigIntegerExact().equals(value)) {
      throw new UnusableInputException(
          "json", "integer " + value + " has no exact IEEE-754 double representation");
    }
    return formatted;
  }

  /** Writes a tree in canonical form. */
  static void write(JsonNode node, CanonicalOutput out) {
    new TreeWriter(out, false).write(node);
  }

  /** See {@link CanonicalObject#of}. */
  static CanonicalObject canonicalObject(
      ObjectNode object, CanonicalOutput out, boolean integersOnly) {
    int count = object.size();
    String[] names = new String[count];
    int[] starts = new int[count];
    TreeWriter writer = new TreeWriter(out, integersOnly);
    out.write('{');
    int i = 0;
    for (Map.Entry<String, JsonNode> member : object.properties()) {
      if (i > 0) {
        out.write(',');
      }
      names[i] = member.getKey();
      starts[i] = out.length();
      out.writeString(member.getKey());
      out.write(':');
      writer.write(member.getValue());
      i++;
    }
    byte[] openText = out.copy(0, out.length());
    int[] sorted = new int[count];
    // why: String.compareTo compares UTF-16 code units, RFC 8785's order; insertion sort for
    // the usual ten or so top-level members
    if (count > INSERTION_SORT_LIMIT) {
      Integer[] order = new Integer[count];
      for (int k = 0; k < count; k++) {
        order[k] = k;
      }
      Arrays.sort(order, (a, b) -> names[a].compareTo(names[b]));
      for (int k = 0; k < count; k++) {
        sorted[k] = order[k];
      }
    } else {
      for (int k = 0; k < count; k++) {
        int j = k;
        while (j > 0 && names[sorted[j - 1]].compareTo(names[k]) > 0) {
          sorted[j] = sorted[j - 1];
          j--;
        }
        sorted[j] = k;
      }
    }
    String[] sortedNames = new String[count];
    for (int k = 0; k < count; k++) {
      sortedNames[k] = names[sorted[k]];
    }
    if (count > 1) {
      out.reorder(starts, 0, count, sorted);
    }
    out.write('}');
    return CanonicalObject.of(out.toBytes(), openText, sortedNames);
  }

  /** Walks a tree into canonical output. Not thread-safe; one per call. */
  private static final class TreeWriter {
    private final CanonicalOutput out;

    /** Whether a number that is not an integer of at most 2^53 is refused. */
    private final boolean integersOnly;

    /** Members of the objects being written, a stack shared by all levels. */
    private Map.Entry<?, ?>[] members = new Map.Entry<?, ?>[32];

    private int top;

    TreeWriter(CanonicalOutput out, boolean integersOnly) {
      this.out = out;
      this.integersOnly = integersOnly;
    }

    void write(JsonNode node) {
      switch (node.getNodeType()) {
        case OBJECT:
          writeObject(node);
          break;
        case ARRAY:
          out.write('[');
          for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
              out.write(',');
            }
            write(node.get(i));
          }
          out.write(']');
          break;
        case STRING:
          out.writeString(node.textValue());
          break;
        case NUMBER:
          writeNumber(node);
          break;
        case BOOLEAN:
          out.writeAscii(node.booleanValue() ? "true" : "false");
          break;
        case NULL:
          out.writeAscii("null");
          break;
        default:
          throw new UnusableInputException("json", "not a JSON value: " + node.getNodeType());
      }
    }

    private void writeObject(JsonNode node) {
      int base = top;
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        push(member);
      }
      writeMembers(base);
    }

    /**
     * Writes an object as if the names in {@code replaced} had its values instead (a null value:
     * left out; a name the object lacks: added).
     */
    void writeObject(ObjectNode node, Map<String, @Nullable JsonNode> replaced) {
      int base = top;
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        if (!replaced.containsKey(member.getKey())) {
          push(member);
        }
      }
      for (Map.Entry<String, @Nullable JsonNode> member : replaced.entrySet()) {
        if (member.getValue() != null) {
          push(member);
        }
      }
      writeMembers(base);
    }

    private void push(Map.Entry<?, ?> member) {
      if (top == members.length) {
        members = Arrays.copyOf(members, top * 2);
      }
      members[top++] = member;
    }

    /** Sorts the members pushed since {@code base} by name and writes them as one object. */
    private void writeMembers(int base) {
      // why: String.compareTo compares UTF-16 code units, exactly RFC 8785's order
      if (top - base > INSERTION_SORT_LIMIT) {
        Arrays.sort(
            members, base, top, (a, b) -> ((String) a.getKey()).compareTo((String) b.getKey()));
      } else {
        for (int i = base + 1; i < top; i++) {
          Map.Entry<?, ?> member = members[i];
          String name = (String) member.getKey();
          int j = i;
          while (j > base && name(j - 1).compareTo(name) > 0) {
            members[j] = members[j - 1];
            j--;
          }
          members[j] = member;
        }
      }
      out.write('{');
      for (int i = base; i < top; i++) {
        if (i > base) {
          out.write(',');
        }
        out.writeString(name(i));
        out.write(':');
        write((JsonNode) members[i].getValue());
      }
      out.write('}');
      top = base;
    }

    private String name(int i) {
      return (String) members[i].getKey();
    }

    private void writeNumber(JsonNode node) {
      if (node.isInt() || node.isLong()) {
        long value = node.longValue();
        if (value >= -MAX_SAFE_LONG && value <= MAX_SAFE_LONG) {
          out.writeLong(value);
          return;
        }
      }
      if (integersOnly && !integersOnly(node)) {
        throw new UnusableInputException("json", "signed payloads hold integers only");
      }
      if (node.isIntegralNumber()) {
        out.writeAscii(integer(node.bigIntegerValue()));
      } else if (node.isBigDecimal()) {
        // why: RFC 8785 reads numbers as IEEE-754 doubles; a decimal node gets the same rounding
        out.writeAscii(EcmaScriptNumbers.format(node.decimalValue().doubleValue()));
      } else {
        out.writeAscii(EcmaScriptNumbers.format(node.doubleValue()));
      }
    }
  }
}
