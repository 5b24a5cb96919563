package io.trainproof.signing.jcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.UnusableInputException;
import java.util.Arrays;

/**
 * One pass over a JSON object for an issuer that hashes the object's RFC 8785 form and then
 * publishes it as text with one more member (its proof): the canonical UTF-8 bytes, and compact
 * JSON text that keeps the object's own top-level member order. Nested values appear in the text in
 * their canonical form, which is also compact JSON. Immutable and thread-safe.
 */
public final class CanonicalObject {
  private final byte[] canonical;

  /** An opening brace and the members in their own order, without the closing brace. */
  private final byte[] openText;

  /** The top-level names in canonical order. */
  private final String[] names;

  private CanonicalObject(byte[] canonical, byte[] openText, String[] names) {
    this.canonical = canonical;
    this.openText = openText;
    this.names = names;
  }

  /**
   * Canonicalizes an object, keeping its member order for the text.
   *
   * @param object the object (not changed, not retained)
   * @return the canonical bytes and the text
   * @throws UnusableInputException when a value cannot be represented exactly
   */
  public static CanonicalObject of(ObjectNode object) {
    CanonicalOutput out = CanonicalOutput.acquire();
    try {
      return JsonCanonicalizer.canonicalObject(object, out, false);
    } finally {
      out.release();
    }
  }

  /**
   * As {@link #of}, for a payload about to be signed: also refuses, in the same pass, any number
   * that {@link JsonCanonicalizer#requireIntegersOnly} refuses, with its exception.
   *
   * @param object the object (not changed, not retained)
   * @return the canonical bytes and the text
   * @throws UnusableInputException naming the first non-integer number, or when a value cannot be
   *     represented exactly
   */
  public static CanonicalObject ofSignedPayload(ObjectNode object) {
    CanonicalOutput out = CanonicalOutput.acquire();
    try {
      return JsonCanonicalizer.canonicalObject(object, out, true);
    } catch (UnusableInputException e) {
      // why: the integers-only refusal, with the place it names, comes first, as when checked
      // before canonicalizing
      JsonCanonicalizer.requireIntegersOnly(object);
      throw e;
    } finally {
      out.release();
    }
  }

  static CanonicalObject of(byte[] canonical, byte[] openText, String[] sortedNames) {
    return new CanonicalObject(canonical, openText, sortedNames);
  }

  /**
   * @return a copy of the RFC 8785 canonical UTF-8 bytes of the object
   */
  public byte[] canonicalBytes() {
    return canonical.clone();
  }

  /**
   * The object as compact JSON text with one more member after its own.
   *
   * @param name the added member's name, not one the object has
   * @param value its value, written in canonical form
   * @return the text
   * @throws IllegalArgumentException when the object already has a member of that name
   */
  public String textWithMember(String name, JsonNode value) {
    if (Arrays.binarySearch(names, name) >= 0) {
      throw new IllegalArgumentException("the object already has a member named " + name);
    }
    CanonicalOutput out = CanonicalOutput.acquire();
    try {
      out.writeRaw(openText);
      if (names.length > 0) {
        out.write(',');
      }
      out.writeString(name);
      out.write(':');
      JsonCanonicalizer.write(value, out);
      out.write('}');
      return out.toString();
    } finally {
      out.release();
    }
  }
}
