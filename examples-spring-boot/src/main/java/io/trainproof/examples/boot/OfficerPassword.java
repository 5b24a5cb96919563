package io.trainproof.examples.boot;

import java.security.SecureRandom;

/** A password chosen at random for the demo's officer, so the demo ships none. */
final class OfficerPassword {
  private static final String LETTERS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private OfficerPassword() {}

  /**
   * @return 16 letters and digits, about 92 bits
   */
  static String random() {
    StringBuilder s = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      s.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
    }
    return s.toString();
  }
}
