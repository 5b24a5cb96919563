package io.trainproof.examples.web;

import io.trainproof.web.vcapi.VcApi;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Strict {@code application/x-www-form-urlencoded} decoding (a form body or a query string): a
 * {@code %} not followed by two hex digits, bytes that are not well-formed UTF-8 once decoded, or a
 * field given twice is refused with {@link Malformed}, never decoded leniently or half-way.
 */
final class Form {
  /** A form the host refuses; the message names no content. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  private Form() {}

  /**
   * Decodes a form.
   *
   * @param raw the encoded bytes
   * @return the fields
   * @throws Malformed when it is not a well-formed form
   */
  static Map<String, String> decode(byte[] raw) throws Malformed {
    Map<String, String> fields = new HashMap<>();
    int start = 0;
    for (int i = 0; i <= raw.length; i++) {
      if (i == raw.length || raw[i] == '&') {
        if (i > start) {
          field(raw, start, i, fields);
        }
        start = i + 1;
      }
    }
    return fields;
  }

  private static void field(byte[] raw, int from, int to, Map<String, String> fields)
      throws Malformed {
    int eq = from;
    while (eq < to && raw[eq] != '=') {
      eq++;
    }
    String name = component(raw, from, eq);
    String value = eq < to ? component(raw, eq + 1, to) : "";
    if (fields.put(name, value) != null) {
      throw new Malformed("a form field is given twice");
    }
  }

  private static String component(byte[] raw, int from, int to) throws Malformed {
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      byte b = raw[i];
      if (b == '+') {
        out.write(' ');
      } else if (b == '%') {
        if (i + 2 >= to) {
          throw new Malformed("a % in the form is not followed by two hex digits");
        }
        int hi = Character.digit(raw[i + 1], 16);
        int lo = Character.digit(raw[i + 2], 16);
        if (hi < 0 || lo < 0) {
          throw new Malformed("a % in the form is not followed by two hex digits");
        }
        out.write(hi << 4 | lo);
        i += 2;
      } else {
        out.write(b);
      }
    }
    String text = VcApi.strictUtf8(out.toByteArray());
    if (text == null) {
      throw new Malformed("the form is not valid UTF-8");
    }
    return text;
  }

  /**
   * @param query a raw query string
   * @return its bytes, for {@link #decode}
   */
  static byte[] bytes(String query) {
    return query.getBytes(StandardCharsets.UTF_8);
  }
}
