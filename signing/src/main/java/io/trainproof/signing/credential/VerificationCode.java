package io.trainproof.signing.credential;

import io.trainproof.core.ValidationException;
import io.trainproof.signing.internal.Crypto;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Short human verification codes, e.g. {@code 7K2M-Q9XD-R4T}: ten data characters and one check
 * character in Crockford's base-32 alphabet ({@code 0-9 A-Z} without {@code I L O U}).
 *
 * <p>The data characters are the first 50 bits of SHA-256 of the credential id, so anyone holding a
 * credential can recompute its code. The check character is a Damm check over a totally
 * anti-symmetric quasigroup of order 32 ({@code a∘b = 2·a + b} in GF(2<sup>5</sup>) with the
 * polynomial x<sup>5</sup>+x<sup>2</sup>+1): it detects every single-character substitution and
 * every transposition of adjacent characters, including the check character itself. On input,
 * hyphens and spaces are ignored, lower case is accepted, and Crockford's look-alikes are read as
 * digits ({@code I}/{@code L} as 1, {@code O} as 0).
 *
 * <p>Stateless and thread-safe.
 */
public final class VerificationCode {
  /** The 32 symbols, in value order. */
  public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  private static final int DATA_LENGTH = 10;

  private VerificationCode() {}

  /**
   * The code of a credential.
   *
   * @param credentialId the credential's id
   * @return the grouped code, {@code XXXX-XXXX-XXX}
   */
  public static String forCredentialId(String credentialId) {
    byte[] hash = Crypto.sha256(credentialId.getBytes(StandardCharsets.UTF_8));
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | (hash[i] & 0xff);
    }
    int[] digits = new int[DATA_LENGTH + 1];
    for (int i = 0; i < DATA_LENGTH; i++) {
      digits[i] = (int) ((bits >>> (64 - 5 * (i + 1))) & 31);
    }
    digits[DATA_LENGTH] = checkDigit(digits, DATA_LENGTH);
    return format(digits);
  }

  /**
   * Appends the check character to data characters (for codes made elsewhere).
   *
   * @param data the data characters, in the alphabet
   * @return data followed by its check character, ungrouped
   */
  public static String withCheckCharacter(String data) {
    int[] digits = decode(data);
    int[] all = Arrays.copyOf(digits, digits.length + 1);
    all[digits.length] = checkDigit(digits, digits.length);
    StringBuilder out = new StringBuilder();
    for (int d : all) {
      out.append(ALPHABET.charAt(d));
    }
    return out.toString();
  }

  /**
   * Whether a code's check character fits its data characters.
   *
   * @param code the code as typed
   * @return true when the check holds; false for any single substituted character or swapped
   *     adjacent pair, and for text that is not a code
   */
  public static boolean hasValidCheckCharacter(String code) {
    int[] digits;
    try {
      digits = decode(code);
    } catch (ValidationException e) {
      return false;
    }
    if (digits.length < 2) {
      return false;
    }
    int interim = 0;
    for (int d : digits) {
      interim = op(interim, d);
    }
    return interim == 0;
  }

  /**
   * Whether a typed code is the code of a credential.
   *
   * @param code the code as typed
   * @param credentialId the credential's id
   * @return true when they match
   */
  public static boolean matches(String code, String credentialId) {
    return hasValidCheckCharacter(code) && normalize(code).equals(forCredentialId(credentialId));
  }

  /**
   * Normalizes a typed code to its grouped canonical form.
   *
   * @param code the code as typed
   * @return {@code XXXX-XXXX-XXX}
   * @throws ValidationException when it holds a character outside the alphabet or has the wrong
   *     length
   */
  public static String normalize(String code) {
    int[] digits = decode(code);
    if (digits.length != DATA_LENGTH + 1) {
      throw new ValidationException(
          "verificationCode", code, "must have " + (DATA_LENGTH + 1) + " characters");
    }
    return format(digits);
  }

  private static int[] decode(String code) {
    StringBuilder clean = new StringBuilder();
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '-' || c == ' ') {
        continue;
      }
      clean.append(c);
    }
    String upper = clean.toString().toUpperCase(Locale.ROOT);
    int[] digits = new int[upper.length()];
    for (int i = 0; i < upper.length(); i++) {
      char c = upper.charAt(i);
      if (c == 'I' || c == 'L') {
        c = '1';
      } else if (c == 'O') {
        c = '0';
      }
      int value = ALPHABET.indexOf(c);
      if (value < 0) {
        throw new ValidationException(
            "verificationCode", code, "holds a character outside the alphabet");
      }
      digits[i] = value;
    }
    return digits;
  }

  private static int checkDigit(int[] digits, int length) {
    int interim = 0;
    for (int i = 0; i < length; i++) {
      interim = op(interim, digits[i]);
    }
    // why: op(interim, c) == 0 exactly when c == 2·interim (addition in GF(2^5) is XOR)
    return times2(interim);
  }

  private static int op(int a, int b) {
    return times2(a) ^ b;
  }

  private static int times2(int a) {
    int r = a << 1;
    return (r & 0x20) != 0 ? (r ^ 0x25) : r;
  }

  private static String format(int[] digits) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < digits.length; i++) {
      if (i == 4 || i == 8) {
        out.append('-');
      }
      out.append(ALPHABET.charAt(digits[i]));
    }
    return out.toString();
  }
}
