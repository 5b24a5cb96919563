package io.trainproof.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.trainproof.core.TrainproofException;
import io.trainproof.signing.UnusableInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the JSON files the command line is given and words their problems without quoting them.
 *
 * <p>The signing module's parser puts the offending token into its messages ({@code Unrecognized
 * token 'root'}), which is right for a library and wrong for a tool that may be pointed at any file
 * on the machine. So the text is first checked here, as strictly as the signing module parses it
 * (one value, no trailing content, no duplicate keys, 64 levels), and a problem is reported by its
 * kind and its line and column only. Problems the signing module finds in well-formed JSON are
 * passed on only when their wording is known to hold no file content.
 */
public final class JsonInput {
  private static final int MAX_DEPTH = 64;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxStringLength(InputFiles.MAX_BYTES)
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  /** Reasons of the signing module that are fixed text or name only its own field names. */
  private static final List<Pattern> CONTENT_FREE_REASONS =
      List.of(
          Pattern.compile("type must be [\\w:./-]+(, version 1)?"),
          Pattern.compile("missing text member '\\w+'"),
          Pattern.compile("keys must be a non-empty array"),
          Pattern.compile("'\\w+' is not an instant"),
          Pattern.compile("no PEM object found"),
          Pattern.compile("malformed PEM"),
          Pattern.compile("not a PKCS#8 private key"),
          Pattern.compile("only Ed25519 and P-256 keys are supported"),
          Pattern.compile("several key entries; name the alias"),
          Pattern.compile("no key entry"),
          Pattern.compile(
              "cannot read keystore: PKCS12 key store mac invalid - wrong password or corrupted"
                  + " file\\."));

  private JsonInput() {}

  /**
   * Reads a JSON file and checks that it is one well-formed JSON value.
   *
   * @param path the file
   * @return its text
   * @throws CliException naming the file, the kind of problem and where it is
   */
  public static String read(Path path) {
    String text = InputFiles.readText(path);
    check(path, text);
    return text;
  }

  /**
   * Checks that text is one well-formed JSON value within the limits the signing module applies.
   *
   * @param path the file, for the message
   * @param text its text
   * @throws CliException naming the file, the kind of problem and where it is
   */
  static void check(Path path, String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      if (parser.nextToken() == null) {
        throw new CliException(path + " is not usable JSON: it holds no JSON value");
      }
      parser.skipChildren();
      if (parser.nextToken() != null) {
        throw new CliException(
            path
                + " is not usable JSON: content after the JSON value"
                + where(parser.currentTokenLocation()));
      }
    } catch (JsonProcessingException e) {
      throw new CliException(path + " is not usable JSON: " + kind(e) + where(e.getLocation()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + path + ": reading a string failed", e);
    }
  }

  /**
   * Words a problem the signing module found in a file's content, without quoting the content.
   *
   * @param path the file
   * @param what what the file should have been, e.g. {@code "trust bundle"}
   * @param e the signing module's complaint
   * @return the exception to throw
   */
  static CliException unusable(Path path, String what, TrainproofException e) {
    return new CliException(path + " is not a usable " + what + reason(e));
  }

  private static String reason(TrainproofException e) {
    if (e instanceof UnusableInputException unusable) {
      String prefix = unusable.what() + ": ";
      String message = unusable.getMessage();
      String reason = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
      for (Pattern allowed : CONTENT_FREE_REASONS) {
        if (allowed.matcher(reason).matches()) {
          return ": " + reason;
        }
      }
    }
    return " (the details are withheld because they may quote the file)";
  }

  // why classify on Jackson's own wording: it is the only place the kind is given; the message
  // itself is never printed because it quotes the offending input
  private static String kind(JsonProcessingException e) {
    if (e instanceof JsonEOFException) {
      return "unexpected end of input";
    }
    if (e instanceof StreamConstraintsException) {
      return "nested more than " + MAX_DEPTH + " levels deep or a value too long";
    }
    String original = e.getOriginalMessage();
    String message = original == null ? "" : original;
    if (message.startsWith("Unexpected end-of-input")) {
      return "unexpected end of input";
    }
    if (message.startsWith("Duplicate field")) {
      return "an object key appears twice";
    }
    if (message.startsWith("Unrecognized token")) {
      return "a word that is not true, false or null";
    }
    if (message.startsWith("Illegal unquoted character")) {
      return "an unescaped control character in a string";
    }
    if (message.startsWith("Unrecognized character escape")) {
      return "an invalid escape in a string";
    }
    if (message.startsWith("Invalid numeric value")
        || message.startsWith("Leading zeroes")
        || message.startsWith("Non-standard token")) {
      return "an invalid number";
    }
    if (message.startsWith("Unexpected character")) {
      return "an unexpected character";
    }
    return "malformed JSON";
  }

  private static String where(@Nullable JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
