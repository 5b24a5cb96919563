package io.trainproof.persistence.jpa.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The small JSON subset used for collections nested inside history rows: arrays of strings (sorted,
 * so equal sets give equal text) and arrays of integers (order kept). Written and read here so the
 * module needs no JSON library. Stateless; thread-safe. Not API.
 */
final class JsonText {
  private JsonText() {}

  static String strings(Collection<String> values) {
    List<String> sorted = new ArrayList<>(values);
    sorted.sort(null);
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < sorted.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      quote(sb, sorted.get(i));
    }
    return sb.append(']').toString();
  }

  static String ints(List<Integer> values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(values.get(i).intValue());
    }
    return sb.append(']').toString();
  }

  /** A JSON object of strings, keys in sorted order (the records' maps are sorted maps). */
  static String object(Map<String, String> values) {
    StringBuilder sb = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      quote(sb, e.getKey());
      sb.append(':');
      quote(sb, e.getValue());
    }
    return sb.append('}').toString();
  }

  static SortedMap<String, String> parseObject(String json) {
    // why: an object of strings is an array of alternating keys and values in disguise.
    String trimmed = json.trim();
    if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
      throw bad(json, 0);
    }
    StringBuilder array = new StringBuilder("[");
    boolean inString = false;
    for (int i = 1; i < trimmed.length() - 1; i++) {
      char c = trimmed.charAt(i);
      if (c == '\\' && inString) {
        array.append(c).append(trimmed.charAt(++i));
        continue;
      }
      if (c == '"') {
        inString = !inString;
      }
      array.append(!inString && c == ':' ? ',' : c);
    }
    List<String> flat = parseStrings(array.append(']').toString());
    SortedMap<String, String> out = new TreeMap<>();
    for (int i = 0; i + 1 < flat.size(); i += 2) {
      out.put(flat.get(i), flat.get(i + 1));
    }
    return out;
  }

  static List<String> parseStrings(String json) {
    List<String> out = new ArrayList<>();
    int i = open(json);
    while (true) {
      i = skipSpace(json, i);
      if (json.charAt(i) == ']') {
        return out;
      }
      if (json.charAt(i) != '"') {
        throw bad(json, i);
      }
      StringBuilder sb = new StringBuilder();
      i++;
      while (json.charAt(i) != '"') {
        char c = json.charAt(i);
        if (c == '\\') {
          char e = json.charAt(i + 1);
          switch (e) {
            case '"', '\\', '/' -> sb.append(e);
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'u' -> {
              sb.append((char) Integer.parseInt(json.substring(i + 2, i + 6), 16));
              i += 4;
            }
            default -> throw bad(json, i);
          }
          i += 2;
        } else {
          sb.append(c);
          i++;
        }
      }
      out.add(sb.toString());
      i = afterElement(json, i + 1);
    }
  }

  static List<Integer> parseInts(String json) {
    List<Integer> out = new ArrayList<>();
    int i = open(json);
    while (true) {
      i = skipSpace(json, i);
      if (json.charAt(i) == ']') {
        return out;
      }
      int start = i;
      while (json.charAt(i) == '-' || Character.isDigit(json.charAt(i))) {
        i++;
      }
      out.add(Integer.parseInt(json.substring(start, i)));
      i = afterElement(json, i);
    }
  }

  private static int open(String json) {
    int i = skipSpace(json, 0);
    if (json.charAt(i) != '[') {
      throw bad(json, i);
    }
    return i + 1;
  }

  private static int afterElement(String json, int from) {
    int i = skipSpace(json, from);
    if (json.charAt(i) == ',') {
      return i + 1;
    }
    if (json.charAt(i) != ']') {
      throw bad(json, i);
    }
    return i;
  }

  private static int skipSpace(String json, int from) {
    int i = from;
    while (Character.isWhitespace(json.charAt(i))) {
      i++;
    }
    return i;
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }

  private static IllegalStateException bad(String json, int at) {
    return new IllegalStateException(
        "malformed JSON array in a Trainproof column at " + at + ": " + json);
  }
}
