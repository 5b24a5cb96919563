package io.trainproof.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests write their figures ({@code target/reliability/}, set by the pom), and whether
 * the long versions run ({@code -Dtrainproof.reliability.long=true}). Stateless; thread-safe.
 */
final class Reports {
  private Reports() {}

  /**
   * @return true when the long versions of the tests run
   */
  static boolean longRun() {
    return Boolean.getBoolean("trainproof.reliability.long");
  }

  /**
   * Writes a figures file.
   *
   * @param name the file name
   * @param text its content
   */
  static void write(String name, String text) {
    Path dir =
        Path.of(System.getProperty("trainproof.reliability.reportDir", "target/reliability"));
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
