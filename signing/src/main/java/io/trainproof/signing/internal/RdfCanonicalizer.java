package io.trainproof.signing.internal;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import com.fasterxml.jackson.databind.JsonNode;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.proof.JsonLdContexts;
import jakarta.json.JsonStructure;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.parsson.JsonProviderImpl;

/**
 * JSON-LD to RDF (Titanium, "safe mode": an undefined term is an error) and RDF Dataset
 * Canonicalization RDFC-1.0 (titanium-rdfc), with a document loader that only answers from {@link
 * JsonLdContexts} and never touches the network. Thread-safe.
 */
public final class RdfCanonicalizer {
  private static final JsonProvider JSON = new JsonProviderImpl();

  private final OfflineLoader loader;

  /**
   * Creates a canonicalizer over a set of contexts.
   *
   * @param contexts the only contexts it may load
   */
  public RdfCanonicalizer(JsonLdContexts contexts) {
    this.loader = new OfflineLoader(contexts);
  }

  /**
   * Canonicalizes a JSON-LD document to N-Quads, one quad a line, lines sorted, each ending with a
   * line feed.
   *
   * @param jsonLd the JSON-LD document
   * @return the canonical N-Quads
   * @throws UnusableInputException when the JSON-LD is invalid, names an unknown context or uses a
   *     term no context defines
   */
  public String canonicalize(JsonNode jsonLd) {
    JsonStructure structure = JSON.createReader(new StringReader(StrictJson.write(jsonLd))).read();
    JsonLdOptions options = new JsonLdOptions(loader);
    options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
    RdfCanon canon = RdfCanon.create("SHA-256");
    try {
      JsonLd.toRdf(JsonDocument.of(structure)).options(options).provide(canon);
      StringWriter out = new StringWriter();
      canon.provide(new NQuadsWriter(out));
      List<String> lines = new ArrayList<>(Arrays.asList(out.toString().split("\n")));
      lines.removeIf(String::isEmpty);
      // why: RDFC-1.0 orders quads by code point; String order is by UTF-16 unit
      lines.sort(RdfCanonicalizer::compareCodePoints);
      StringBuilder text = new StringBuilder();
      for (String line : lines) {
        text.append(line).append('\n');
      }
      return text.toString();
    } catch (JsonLdError e) {
      throw new UnusableInputException("json-ld", e.getCode() + ": " + e.getMessage(), e);
    } catch (RdfConsumerException | IllegalStateException e) {
      throw new UnusableInputException(
          "json-ld", "RDF canonicalization failed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // why: the JSON-LD processor fails untyped on some hostile documents (a value spelled like
      // a keyword, "proofPurpose": "@x", ends in a NullPointerException inside its expansion)
      throw new UnusableInputException(
          "json-ld",
          "the JSON-LD processor cannot expand this document ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + ")",
          e);
    }
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** Answers only from memory. */
  private static final class OfflineLoader implements DocumentLoader {
    private final JsonLdContexts contexts;
    private final Map<String, JsonStructure> parsed = new ConcurrentHashMap<>();

    OfflineLoader(JsonLdContexts contexts) {
      this.contexts = contexts;
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
      String key = url.toString();
      JsonStructure structure = parsed.get(key);
      if (structure == null) {
        String text =
            contexts
                .document(key)
                .orElseThrow(
                    () ->
                        new JsonLdError(
                            JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
                            "context " + key + " is not bundled; contexts are never fetched"));
        structure = JSON.createReader(new StringReader(text)).read();
        parsed.put(key, structure);
      }
      JsonDocument document = JsonDocument.of(MediaType.JSON_LD, structure);
      document.setDocumentUrl(url);
      return document;
    }
  }
}
