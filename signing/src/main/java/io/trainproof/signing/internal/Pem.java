package io.trainproof.signing.internal;

import io.trainproof.signing.UnusableInputException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/** PEM armour on Bouncy Castle's reader and writer. Stateless and thread-safe. */
public final class Pem {
  private Pem() {}

  /**
   * Armours DER bytes.
   *
   * @param type the label, e.g. {@code PRIVATE KEY}
   * @param der the DER bytes
   * @return the PEM text
   */
  public static String encode(String type, byte[] der) {
    StringWriter text = new StringWriter();
    try (PemWriter writer = new PemWriter(text)) {
      writer.writeObject(new PemObject(type, der));
    } catch (IOException e) {
      throw new IllegalStateException("writing to a string cannot fail", e);
    }
    return text.toString();
  }

  /**
   * Reads the first PEM object and checks its label.
   *
   * @param pem the PEM text
   * @param expectedType the label it must have
   * @return the DER bytes
   */
  public static byte[] decode(String pem, String expectedType) {
    try (PemReader reader = new PemReader(new StringReader(pem))) {
      PemObject object = reader.readPemObject();
      if (object == null) {
        throw new UnusableInputException("pem", "no PEM object found");
      }
      if (!expectedType.equals(object.getType())) {
        throw new UnusableInputException(
            "pem", "expected " + expectedType + " but found " + object.getType());
      }
      return object.getContent();
    } catch (IOException | RuntimeException e) {
      if (e instanceof UnusableInputException) {
        throw (UnusableInputException) e;
      }
      throw new UnusableInputException("pem", "malformed PEM", e);
    }
  }
}
