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
import io.trainproof.signing.proof.CanonicalizationLimits;
import io.trainproof.signing.proof.JsonLdContexts;
import jakarta.json.JsonArray;
import jakarta.json.JsonStructure;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.parsson.JsonProviderImpl;
import org.jspecify.annotations.Nullable;

/**
 * JSON-LD to RDF (Titanium) and RDF Dataset Canonicalization RDFC-1.0 (titanium-rdfc), with a
 * document loader that only answers from {@link JsonLdContexts} and never touches the network.
 *
 * <p>In JSON-LD "safe mode" ({@link JsonLdSafeMode}): a document whose expansion or conversion to
 * RDF would drop a term, a type or a value is refused ({@link #SAFE_MODE}), since what is dropped
 * is not signed. Within {@link CanonicalizationLimits}: a document with too many values is refused
 * before it is expanded, and RDFC-1.0 stops at too many quads, blank nodes, steps or too much time
 * ({@link #LIMIT}). Thread-safe.
 */
public final class RdfCanonicalizer {
  /** {@link UnusableInputException#what()} when a {@link CanonicalizationLimits} bound is hit. */
  public static final String LIMIT = "rdf-canonicalization-limit";

  /** {@link UnusableInputException#what()} when safe mode refuses the document. */
  public static final String SAFE_MODE = JsonLdSafeMode.WHAT;

  private static final JsonProvider JSON = new JsonProviderImpl();

  private final OfflineLoader loader;
  private final CanonicalizationLimits limits;
  private final JsonLdSafeMode safeMode;

  /**
   * Creates a canonicalizer over a set of contexts, with {@link CanonicalizationLimits#DEFAULT}.
   *
   * @param contexts the only contexts it may load
   */
  public RdfCanonicalizer(JsonLdContexts contexts) {
    this(contexts, CanonicalizationLimits.DEFAULT);
  }

  /**
   * Creates a canonicalizer over a set of contexts, within limits.
   *
   * @param contexts the only contexts it may load
   * @param limits the bounds on one canonicalization
   */
  public RdfCanonicalizer(JsonLdContexts contexts, CanonicalizationLimits limits) {
    this.loader = new OfflineLoader(contexts);
    this.limits = limits;
    List<String> documents = new ArrayList<>();
    for (String url : contexts.urls()) {
      contexts.document(url).ifPresent(documents::add);
    }
    this.safeMode = new JsonLdSafeMode(documents);
  }

  /**
   * @return the bounds on one canonicalization
   */
  public CanonicalizationLimits limits() {
    return limits;
  }

  /**
   * Canonicalizes a JSON-LD document to N-Quads, one quad a line, lines sorted, each ending with a
   * line feed.
   *
   * @param jsonLd the JSON-LD document
   * @return the canonical N-Quads
   * @throws UnusableInputException when the JSON-LD is invalid or names an unknown context ({@code
   *     json-ld}), when safe mode refuses it ({@link #SAFE_MODE}: a term no context defines, a
   *     relative IRI, anything else that would be dropped) or when it exceeds a limit ({@link
   *     #LIMIT})
   */
  public String canonicalize(JsonNode jsonLd) {
    int values = countValues(jsonLd, limits.maxQuads());
    if (values > limits.maxQuads()) {
      throw new UnusableInputException(
          LIMIT,
          "the document holds more than "
              + limits.maxQuads()
              + " values (CanonicalizationLimits.maxQuads); it is not expanded");
    }
    JsonNode document = WrappedContexts.unwrap(jsonLd);
    safeMode.checkInput(document);
    JsonStructure structure =
        JSON.createReader(new StringReader(StrictJson.write(document))).read();
    JsonLdOptions options = new JsonLdOptions(loader);
    options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
    RdfWorkBudget budget = new RdfWorkBudget(limits);
    RdfCanon canon = RdfCanon.create("SHA-256", budget);
    try {
      JsonArray expanded = JsonLd.expand(JsonDocument.of(structure)).options(options).get();
      JsonLdSafeMode.checkExpanded(expanded, options.getUriValidation());
      JsonLd.toRdf(JsonDocument.of(expanded)).options(options).provide(budget.counting(canon));
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
    } catch (UnusableInputException e) {
      throw e;
    } catch (JsonLdError e) {
      RdfWorkBudget.Exceeded exceeded = exceeded(e);
      if (exceeded != null) {
        throw new UnusableInputException(LIMIT, String.valueOf(exceeded.getMessage()), e);
      }
      if (e.getCode() == JsonLdErrorCode.UNDEFINED_TERM) {
        throw new UnusableInputException(
            SAFE_MODE, "the term " + undefinedTerm(e) + ", which no context defines" + DROPPED, e);
      }
      throw new UnusableInputException(
          "json-ld", e.getCode() + ": " + JsonLdSafeMode.shown(String.valueOf(e.getMessage())), e);
    } catch (RdfConsumerException | RuntimeException e) {
      RdfWorkBudget.Exceeded exceeded = exceeded(e);
      if (exceeded != null) {
        throw new UnusableInputException(LIMIT, String.valueOf(exceeded.getMessage()), e);
      }
      // why: the JSON-LD processor fails untyped on some hostile documents (a value spelled like
      // a keyword, "proofPurpose": "@x", ends in a NullPointerException inside its expansion)
      throw new UnusableInputException(
          "json-ld",
          "the JSON-LD processor cannot expand or canonicalize this document ("
              + e.getClass().getSimpleName()
              + ": "
              + JsonLdSafeMode.shown(String.valueOf(e.getMessage()))
              + ")",
          e);
    }
  }

  private static final String DROPPED =
      "; JSON-LD would drop it, so the signature would not cover it";

  /** The term Titanium names in its message ("... found [term]. Change policy ..."), shown. */
  private static String undefinedTerm(JsonLdError e) {
    String message = String.valueOf(e.getMessage());
    int open = message.indexOf('[');
    int close = message.lastIndexOf("]. ");
    return JsonLdSafeMode.shown(
        open >= 0 && close > open ? message.substring(open + 1, close) : message);
  }

  /** The bound that was exceeded, when that is what ended the work. */
  private static RdfWorkBudget.@Nullable Exceeded exceeded(@Nullable Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof RdfWorkBudget.Exceeded) {
        return (RdfWorkBudget.Exceeded) t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** Counts the JSON objects and scalars of a tree, stopping once past {@code max}. */
  private static int countValues(JsonNode root, int max) {
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(root);
    int count = 0;
    while (!pending.isEmpty() && count <= max) {
      JsonNode node = pending.pop();
      if (node.isContainerNode()) {
        if (node.isObject()) {
          count++;
        }
        node.forEach(pending::push);
      } else {
        count++;
      }
    }
    return count;
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
