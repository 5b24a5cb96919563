package io.trainproof.signing.internal;

/**
 * Input as it may appear in a message: bounded in length, printable ASCII only (anything else is
 * {@code ?}), so that a message never carries a hostile value whole, nor control characters.
 * Stateless and thread-safe.
 */
public final class Sanitized {
  private Sanitized() {}

  /**
   * A value shortened to {@code max} chars (then {@code …}), every char outside printable ASCII
   * written as {@code ?}.
   *
   * @param value the value from the input
   * @param max the most chars kept
   * @return the text to put in a message
   */
  public static String text(String value, int max) {
    int limit = Math.min(value.length(), max);
    if (limit == value.length() && printable(value)) {
      // why: a short printable value (a key id, a status list URL) is already what is shown
      return value;
    }
    StringBuilder out = new StringBuilder(limit + 1);
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return value.length() > limit ? out.append('…').toString() : out.toString();
  }

  private static boolean printable(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@link #text} in single quotes.
   *
   * @param value the value from the input
   * @param max the most chars kept
   * @return {@code 'text'}
   */
  public static String quoted(String value, int max) {
    return "'" + text(value, max) + "'";
  }
}
