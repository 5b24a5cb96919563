package io.trainproof.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads test resources. The vectors under {@code vectors/} are copies of the project's {@code
 * shared/vectors/} (see {@code vectors/SOURCES.md} for where each file came from).
 */
public final class Resources {
  private Resources() {}

  /**
   * Reads a resource as UTF-8 text.
   *
   * @param path path under the test resources root, e.g. {@code vectors/rfc8785/input/arrays.json}
   * @return the text, byte for byte
   */
  public static String text(String path) {
    try (InputStream in = Resources.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
