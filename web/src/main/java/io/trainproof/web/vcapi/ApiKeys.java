package io.trainproof.web.vcapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * API keys for the web host, held only as SHA-256 hashes: a presented key is hashed and compared
 * with every configured hash in constant time ({@link MessageDigest#isEqual}). A key is {@value
 * #PREFIX} and 43 base64url characters (256 random bits), so a plain hash is enough: there is
 * nothing to guess. Immutable and thread-safe.
 *
 * <p>The file format ({@link #load}), one key per line, {@code #} starts a comment:
 *
 * <pre>
 * sha256:&lt;64 hex digits: SHA-256 of the key's UTF-8 bytes&gt; &lt;actor id&gt; &lt;scope&gt; [&lt;scope&gt; ...]
 * sha256:9b1c…e0 ci-issuer credentials:issue
 * </pre>
 *
 * <p>A line for a new key: {@code printf %s "$KEY" | sha256sum}, or {@link #line}.
 */
public final class ApiKeys {
  /** How every generated key starts. */
  public static final String PREFIX = "tpk_";

  private static final Pattern ACTOR = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");
  private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  /**
   * One key.
   *
   * @param sha256 the SHA-256 of the key's UTF-8 bytes, 64 lowercase hex digits
   * @param actorId the actor id the key acts as
   * @param scopes the scopes it grants
   */
  public record Entry(String sha256, String actorId, Set<String> scopes) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    /** Checks and copies the values. */
    public Entry {
      if (!HEX.matcher(sha256).matches()) {
        throw new IllegalArgumentException("an API key hash is 64 lowercase hex digits");
      }
      if (!ACTOR.matcher(actorId).matches()) {
        throw new IllegalArgumentException("an actor id is 1 to 64 of A-Z a-z 0-9 . _ : @ -");
      }
      if (scopes.isEmpty()) {
        throw new IllegalArgumentException("an API key grants at least one scope");
      }
      for (String s : scopes) {
        if (!SCOPE.matcher(s).matches()) {
          throw new IllegalArgumentException("a scope is 1 to 64 of A-Z a-z 0-9 . _ : -");
        }
      }
      scopes = Set.copyOf(scopes);
    }

    /**
     * An entry for a key, which is hashed at once and not kept.
     *
     * @param key the key
     * @param actorId the actor id it acts as
     * @param scopes the scopes it grants
     * @return the entry
     */
    public static Entry ofKey(String key, String actorId, Set<String> scopes) {
      return new Entry(HexFormat.of().formatHex(ApiKeys.sha256(key)), actorId, scopes);
    }
  }

  private final List<Entry> entries;
  private final List<byte[]> hashes;

  private ApiKeys(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    this.hashes = entries.stream().map(e -> HexFormat.of().parseHex(e.sha256())).toList();
  }

  /**
   * @param entries the keys
   * @return the keys
   */
  public static ApiKeys of(List<Entry> entries) {
    return new ApiKeys(entries);
  }

  /**
   * Reads a key file (format in the class comment).
   *
   * @param file the file
   * @return the keys
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException naming the line (never its content) when a line is malformed
   */
  public static ApiKeys load(Path file) throws IOException {
    List<Entry> entries = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      try {
        if (parts.length < 3 || !parts[0].startsWith("sha256:")) {
          throw new IllegalArgumentException("expected 'sha256:<hex> <actor id> <scope> ...'");
        }
        entries.add(
            new Entry(
                parts[0].substring("sha256:".length()),
                parts[1],
                new LinkedHashSet<>(Arrays.asList(parts).subList(2, parts.length))));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            file + " line " + (i + 1) + " is not an API key line: " + e.getMessage(), e);
      }
    }
    return new ApiKeys(entries);
  }

  /**
   * A new random key: {@value #PREFIX} and 256 random bits, base64url.
   *
   * @param random the randomness
   * @return the key (show it once; keep only its hash)
   */
  public static String generate(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * The key file line for a key.
   *
   * @param key the key
   * @param actorId the actor id it acts as
   * @param scopes the scopes it grants
   * @return {@code sha256:<hex> <actor id> <scopes>}
   */
  public static String line(String key, String actorId, Set<String> scopes) {
    Entry e = Entry.ofKey(key, actorId, scopes);
    return "sha256:"
        + e.sha256()
        + " "
        + e.actorId()
        + " "
        + String.join(" ", new LinkedHashSet<>(scopes));
  }

  /**
   * Finds the caller a presented key belongs to. Every configured hash is compared, in constant
   * time, whether or not one matched earlier.
   *
   * @param presented the key as sent
   * @return the caller, or empty when no key matches
   */
  public Optional<Caller> find(String presented) {
    byte[] hash = sha256(presented);
    Entry found = null;
    for (int i = 0; i < entries.size(); i++) {
      if (MessageDigest.isEqual(hash, hashes.get(i)) && found == null) {
        found = entries.get(i);
      }
    }
    return found == null
        ? Optional.empty()
        : Optional.of(new Caller(found.actorId(), found.scopes(), Caller.Via.API_KEY));
  }

  /**
   * @return how many keys are configured
   */
  public int size() {
    return entries.size();
  }

  static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
