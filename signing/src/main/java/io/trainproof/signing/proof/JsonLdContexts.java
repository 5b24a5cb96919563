package io.trainproof.signing.proof;

import io.trainproof.core.ValidationException;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.jcs.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON-LD contexts {@code eddsa-rdfc-2022} may use, all held in memory: nothing is ever
 * fetched. {@link #bundled()} has the ones shipped in the jar (credentials v1 and v2,
 * data-integrity v2, Ed25519Signature2020 v1, Open Badges 3.0.3, Trainproof v1); {@link #with} adds
 * a host's own. Immutable and thread-safe.
 */
public final class JsonLdContexts {
  /** VC Data Model 1.1 context. */
  public static final String CREDENTIALS_V1 = "https://www.w3.org/2018/credentials/v1";

  /** VC Data Model 2.0 context. */
  public static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";

  /** Data Integrity v2 context, added to VC 1.1 credentials when they are signed. */
  public static final String DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2";

  /**
   * The Ed25519Signature2020 suite's context, which wallets that still sign presentations with that
   * suite (for example the Learner Credential Wallet) put in them.
   */
  public static final String ED25519_SIGNATURE_2020_V1 =
      "https://w3id.org/security/suites/ed25519-2020/v1";

  /** Open Badges 3.0 context, version 3.0.3. */
  public static final String OPEN_BADGES_V3 =
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

  /** Trainproof's own context (policy attestations). */
  public static final String TRAINPROOF_V1 = "https://trainproof.io/ns/credentials/v1";

  private static final JsonLdContexts BUNDLED = loadBundled();

  private final Map<String, String> documents;

  private JsonLdContexts(Map<String, String> documents) {
    this.documents = Map.copyOf(documents);
  }

  /**
   * @return the contexts shipped in the jar
   */
  public static JsonLdContexts bundled() {
    return BUNDLED;
  }

  /**
   * Adds a context document.
   *
   * @param url the URL documents name it by
   * @param json the context document's JSON text
   * @return a new set
   */
  public JsonLdContexts with(String url, String json) {
    StrictJson.parse(json);
    if (documents.containsKey(url)) {
      throw new ValidationException("url", url, "context already present; contexts are immutable");
    }
    Map<String, String> next = new LinkedHashMap<>(documents);
    next.put(url, json);
    return new JsonLdContexts(next);
  }

  /**
   * Finds a context document.
   *
   * @param url its URL
   * @return the JSON text, or empty
   */
  public Optional<String> document(String url) {
    return Optional.ofNullable(documents.get(url));
  }

  /**
   * @return every URL held
   */
  public Set<String> urls() {
    return documents.keySet();
  }

  private static JsonLdContexts loadBundled() {
    Map<String, String> docs = new LinkedHashMap<>();
    docs.put(CREDENTIALS_V1, resource("credentials-v1.jsonld"));
    docs.put(CREDENTIALS_V2, resource("credentials-v2.jsonld"));
    docs.put(DATA_INTEGRITY_V2, resource("data-integrity-v2.jsonld"));
    docs.put(ED25519_SIGNATURE_2020_V1, resource("ed25519-signature-2020-v1.jsonld"));
    docs.put(OPEN_BADGES_V3, resource("ob-context-3.0.3.json"));
    docs.put(TRAINPROOF_V1, resource("trainproof-v1.jsonld"));
    return new JsonLdContexts(docs);
  }

  private static String resource(String name) {
    String path = "/io/trainproof/signing/contexts/" + name;
    try (InputStream in = JsonLdContexts.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("bundled context missing from the jar: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UnusableInputException("context", "cannot read " + path, e);
    }
  }
}
