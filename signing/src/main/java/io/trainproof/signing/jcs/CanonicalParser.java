package io.trainproof.signing.jcs;

import io.trainproof.signing.UnusableInputException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * RFC 8785 canonicalization straight from JSON text, without building a tree: a strict RFC 8259
 * parser that writes each value in canonical form as it reads it, and reorders an object's members
 * when the object closes. Used by {@link JsonCanonicalizer#canonicalize(String)}.
 *
 * <p>It accepts exactly what {@link StrictJson#parse(String, JsonLimits)} accepts (one value, only
 * space, tab, CR and LF between tokens, no comments, no trailing commas, no leading zeros or plus
 * signs, no raw control chars in strings, only the JSON escapes, no repeated member name, nesting
 * within {@link JsonLimits#maxDepth()}, integers of at most 1,000 digits) and fails the same way:
 * {@link UnusableInputException} with {@code what} {@code "json"}, or {@link StrictJson#LIMIT} for
 * a limit. Repeated names are found while sorting: equal names end up next to each other. Not
 * thread-safe; one instance per call.
 */
final class CanonicalParser {
  /** Jackson's default {@code StreamReadConstraints} maximum number length, kept for parity. */
  private static final int MAX_INTEGER_DIGITS = 1000;

  /** Integers with at most this many digits are below 2<sup>53</sup> and print as they are. */
  private static final int SAFE_INTEGER_DIGITS = 15;

  /** Objects with more members are sorted with {@link Arrays#sort}, not insertion sort. */
  private static final int INSERTION_SORT_LIMIT = 16;

  private final char[] text;
  private final int end;
  private final int maxDepth;
  private final CanonicalOutput out;
  private int at;

  /** Per open container: whether it is an object, and the index of its first member. */
  private boolean[] isObject = new boolean[16];

  private int[] memberBase = new int[16];

  /** Per member of every open object: its name and where it starts in the output. */
  private @Nullable String[] names = new String[32];

  private int[] starts = new int[32];
  private int members;
  private int[] order = new int[16];

  private CanonicalParser(char[] text, int end, int maxDepth, CanonicalOutput out) {
    this.text = text;
    this.end = end;
    this.maxDepth = maxDepth;
    this.out = out;
  }

  /**
   * Canonicalizes JSON text into {@code out}.
   *
   * @param json the text
   * @param limits the limits
   * @param out where the canonical bytes go
   * @throws UnusableInputException when the text is not one well-formed JSON value within the
   *     limits, repeats a member name, or holds what JCS cannot represent exactly
   */
  static void canonicalize(String json, JsonLimits limits, CanonicalOutput out) {
    if (json.length() > limits.maxChars()) {
      throw new UnusableInputException(
          StrictJson.LIMIT,
          "input of " + json.length() + " chars exceeds the limit of " + limits.maxChars());
    }
    char[] text = out.input(json.length());
    json.getChars(0, json.length(), text, 0);
    new CanonicalParser(text, json.length(), limits.maxDepth(), out).parse();
  }

  private void parse() {
    int depth = 0;
    skipWhitespace();
    if (at == end) {
      throw malformed("no JSON value");
    }
    while (true) {
      // a value starts here
      char c = next("a value");
      switch (c) {
        case '{':
          at++;
          depth = open(depth, true);
          out.write('{');
          skipWhitespace();
          if (next("a member name or '}'") == '}') {
            at++;
            out.write('}');
            depth--;
            break;
          }
          member();
          continue;
        case '[':
          at++;
          depth = open(depth, false);
          out.write('[');
          skipWhitespace();
          if (next("a value or ']'") == ']') {
            at++;
            out.write(']');
            depth--;
            break;
          }
          continue;
        case '"':
          string(false);
          break;
        case 't':
          literal("true");
          break;
        case 'f':
          literal("false");
          break;
        case 'n':
          literal("null");
          break;
        default:
          if (c == '-' || (c >= '0' && c <= '9')) {
            number();
          } else {
            throw unexpected(c, "a value");
          }
      }
      // a value ended: close what ends here, up to the next value
      while (true) {
        skipWhitespace();
        if (depth == 0) {
          if (at != end) {
            throw unexpected(text[at], "the end of the input after the value");
          }
          return;
        }
        char d = next(isObject[depth] ? "',' or '}'" : "',' or ']'");
        at++;
        if (d == ',') {
          out.write(',');
          skipWhitespace();
          if (isObject[depth]) {
            member();
          }
          break;
        }
        if (isObject[depth] && d == '}') {
          closeObject(depth);
          depth--;
        } else if (!isObject[depth] && d == ']') {
          out.write(']');
          depth--;
        } else {
          at--;
          throw unexpected(d, isObject[depth] ? "',' or '}'" : "',' or ']'");
        }
      }
    }
  }

  private int open(int depth, boolean object) {
    int next = depth + 1;
    if (next > maxDepth) {
      throw new UnusableInputException(
          StrictJson.LIMIT,
          "too deep or too large: nesting depth " + next + " exceeds the maximum " + maxDepth);
    }
    if (next >= isObject.length) {
      isObject = Arrays.copyOf(isObject, next * 2);
      memberBase = Arrays.copyOf(memberBase, next * 2);
    }
    isObject[next] = object;
    memberBase[next] = members;
    return next;
  }

  /** Reads {@code "name":}, records where the member starts, and writes it. */
  private void member() {
    if (next("a member name") != '"') {
      throw unexpected(text[at], "'\"' to start a member name");
    }
    if (members == names.length) {
      names = Arrays.copyOf(names, members * 2);
      starts = Arrays.copyOf(starts, members * 2);
    }
    starts[members] = out.length();
    names[members] = string(true);
    members++;
    skipWhitespace();
    if (next("':'") != ':') {
      throw unexpected(text[at], "':' after a member name");
    }
    at++;
    out.write(':');
    skipWhitespace();
  }

  private void closeObject(int depth) {
    int base = memberBase[depth];
    int count = members - base;
    boolean sorted = true;
    for (int i = base + 1; i < members; i++) {
      int cmp = name(i - 1).compareTo(name(i));
      if (cmp == 0) {
        throw duplicate(name(i));
      }
      if (cmp > 0) {
        sorted = false;
        break;
      }
    }
    if (!sorted) {
      if (order.length < count) {
        order = new int[Math.max(count, order.length * 2)];
      }
      sortMembers(base, count);
      out.reorder(starts, base, count, order);
    }
    Arrays.fill(names, base, members, null);
    members = base;
    out.write('}');
  }

  private String name(int member) {
    return Objects.requireNonNull(names[member]);
  }

  /** Fills {@code order} with the member indexes by name (UTF-16 code units, as RFC 8785). */
  private void sortMembers(int base, int count) {
    if (count > INSERTION_SORT_LIMIT) {
      sortLargeObject(base, count);
      return;
    }
    for (int i = 0; i < count; i++) {
      String name = name(base + i);
      int j = i;
      // why: objects are small; insertion sort beats allocating for Arrays.sort
      while (j > 0) {
        int cmp = name(base + order[j - 1]).compareTo(name);
        if (cmp == 0) {
          throw duplicate(name);
        }
        if (cmp < 0) {
          break;
        }
        order[j] = order[j - 1];
        j--;
      }
      order[j] = i;
    }
  }

  private void sortLargeObject(int base, int count) {
    Integer[] indexes = new Integer[count];
    for (int i = 0; i < count; i++) {
      indexes[i] = i;
    }
    Arrays.sort(indexes, (a, b) -> name(base + a).compareTo(name(base + b)));
    for (int i = 0; i < count; i++) {
      order[i] = indexes[i];
      if (i > 0 && name(base + order[i - 1]).equals(name(base + order[i]))) {
        throw duplicate(name(base + order[i]));
      }
    }
  }

  /**
   * Reads a string at {@code at} (on its opening quote) and writes it canonically.
   *
   * @param name whether it is a member name, whose text is returned
   * @return the decoded text for a name; null for a value
   */
  private @Nullable String string(boolean name) {
    int start = ++at;
    int i = start;
    while (i < end) {
      char c = text[i];
      if (c == '"') {
        at = i + 1;
        out.writeString(text, start, i);
        return name ? new String(text, start, i - start) : null;
      }
      if (c == '\\') {
        return escapedString(start, name);
      }
      if (c < 0x20) {
        throw unquotedControl(i, c);
      }
      i++;
    }
    throw endOfInput("'\"' to close a string");
  }

  /** The slow path: a string with escapes, decoded into a scratch array first. */
  private @Nullable String escapedString(int start, boolean name) {
    char[] decoded = out.decoded(end - start);
    int length = 0;
    int i = start;
    while (i < end) {
      char c = text[i++];
      if (c == '"') {
        at = i;
        out.writeString(decoded, 0, length);
        return name ? new String(decoded, 0, length) : null;
      }
      if (c < 0x20) {
        throw unquotedControl(i - 1, c);
      }
      if (c != '\\') {
        decoded[length++] = c;
        continue;
      }
      if (i == end) {
        break;
      }
      char e = text[i++];
      switch (e) {
        case '"':
        case '\\':
        case '/':
          decoded[length++] = e;
          break;
        case 'b':
          decoded[length++] = '\b';
          break;
        case 'f':
          decoded[length++] = '\f';
          break;
        case 'n':
          decoded[length++] = '\n';
          break;
        case 'r':
          decoded[length++] = '\r';
          break;
        case 't':
          decoded[length++] = '\t';
          break;
        case 'u':
          int value = 0;
          for (int k = 0; k < 4; k++) {
            if (i == end) {
              throw endOfInput("a hex digit in a \\u escape");
            }
            int digit = hex(text[i]);
            if (digit < 0) {
              at = i;
              throw unexpected(text[i], "a hex digit in a \\u escape");
            }
            value = (value << 4) | digit;
            i++;
          }
          decoded[length++] = (char) value;
          break;
        default:
          at = i - 1;
          throw malformed("unrecognized escape '\\" + e + "' at " + (i - 1));
      }
    }
    throw endOfInput("'\"' to close a string");
  }

  private void literal(String word) {
    int n = word.length();
    if (end - at < n) {
      throw malformed("unrecognized token at " + at + ": expected " + word);
    }
    for (int k = 0; k < n; k++) {
      if (text[at + k] != word.charAt(k)) {
        throw malformed("unrecognized token at " + at + ": expected " + word);
      }
    }
    at += n;
    out.writeAscii(word);
  }

  private void number() {
    int start = at;
    int i = at;
    if (text[i] == '-') {
      i++;
    }
    int digitsStart = i;
    if (i == end || text[i] < '0' || text[i] > '9') {
      at = i;
      throw malformed("no digit after '-' at " + i);
    }
    if (text[i] == '0') {
      i++;
      if (i < end && text[i] >= '0' && text[i] <= '9') {
        throw malformed("leading zeros are not allowed, at " + digitsStart);
      }
    } else {
      while (i < end && text[i] >= '0' && text[i] <= '9') {
        i++;
      }
    }
    int digits = i - digitsStart;
    boolean integer = true;
    if (i < end && text[i] == '.') {
      integer = false;
      i++;
      int fractionStart = i;
      while (i < end && text[i] >= '0' && text[i] <= '9') {
        i++;
      }
      if (i == fractionStart) {
        throw malformed("decimal point not followed by a digit, at " + (i - 1));
      }
    }
    if (i < end && (text[i] == 'e' || text[i] == 'E')) {
      integer = false;
      i++;
      if (i < end && (text[i] == '+' || text[i] == '-')) {
        i++;
      }
      int exponentStart = i;
      while (i < end && text[i] >= '0' && text[i] <= '9') {
        i++;
      }
      if (i == exponentStart) {
        throw malformed("exponent without digits, at " + (i - 1));
      }
    }
    at = i;
    if (integer) {
      if (digits > MAX_INTEGER_DIGITS) {
        throw new UnusableInputException(
            StrictJson.LIMIT,
            "too deep or too large: a number of "
                + digits
                + " digits exceeds the maximum "
                + MAX_INTEGER_DIGITS);
      }
      if (digits <= SAFE_INTEGER_DIGITS) {
        if (digits == 1 && text[digitsStart] == '0') {
          out.write('0'); // why: -0 is 0
        } else {
          out.writeAscii(text, start, i);
        }
      } else {
        out.writeAscii(
            JsonCanonicalizer.integer(new BigInteger(new String(text, start, i - start))));
      }
    } else {
      out.writeAscii(
          EcmaScriptNumbers.format(Double.parseDouble(new String(text, start, i - start))));
    }
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private void skipWhitespace() {
    while (at < end) {
      char c = text[at];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      at++;
    }
  }

  /** The char at {@code at}, which must exist. */
  private char next(String expected) {
    if (at >= end) {
      throw endOfInput(expected);
    }
    return text[at];
  }

  private UnusableInputException unexpected(char c, String expected) {
    return malformed(
        "unexpected character " + describe(c) + " at " + at + ": expected " + expected);
  }

  private UnusableInputException unquotedControl(int index, char c) {
    return malformed("unescaped control character " + describe(c) + " in a string at " + index);
  }

  private UnusableInputException endOfInput(String expected) {
    return malformed("unexpected end of input: expected " + expected);
  }

  private static UnusableInputException duplicate(String name) {
    return malformed("duplicate member name \"" + name + "\"");
  }

  private static UnusableInputException malformed(String detail) {
    return new UnusableInputException("json", "malformed: " + detail);
  }

  private static String describe(char c) {
    return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }
}
