package io.trainproof.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.proof.JsonLdContexts;
import org.junit.jupiter.api.Test;

/**
 * A context written as a context document, {@code {"@context": {...}}}, inside {@code @context} is
 * read as the context it wraps, as jsonld.js reads it (the W3C Data Integrity suites' proof-chain
 * fixtures use it); nothing else about the document changes.
 */
class WrappedContextsTest {
  private final RdfCanonicalizer rdf = new RdfCanonicalizer(JsonLdContexts.bundled());

  private static final String PLAIN =
      "{\"@context\":[{\"name\":\"https://schema.org/name\"}],\"@id\":\"urn:x:1\",\"name\":\"A\"}";

  @Test
  void aWrappedContextInAnArrayCanonicalizesAsTheContextItWraps() {
    String wrapped =
        "{\"@context\":[{\"@context\":{\"name\":\"https://schema.org/name\"}}],"
            + "\"@id\":\"urn:x:1\",\"name\":\"A\"}";

    assertThat(rdf.canonicalize(StrictJson.parse(wrapped)))
        .isEqualTo(rdf.canonicalize(StrictJson.parse(PLAIN)))
        .isEqualTo("<urn:x:1> <https://schema.org/name> \"A\" .\n");
  }

  @Test
  void wrappersNestedTwiceAndInScopedContextsAreUnwrapped() {
    String wrapped =
        "{\"@context\":{\"@context\":{\"@context\":{\"name\":\"https://schema.org/name\","
            + "\"knows\":{\"@id\":\"https://schema.org/knows\",\"@context\":{\"@context\":"
            + "{\"note\":\"https://schema.org/description\"}}}}}},"
            + "\"@id\":\"urn:x:2\",\"name\":\"B\",\"knows\":{\"@id\":\"urn:x:3\",\"note\":\"C\"}}";

    assertThat(rdf.canonicalize(StrictJson.parse(wrapped)))
        .isEqualTo(
            "<urn:x:2> <https://schema.org/knows> <urn:x:3> .\n"
                + "<urn:x:2> <https://schema.org/name> \"B\" .\n"
                + "<urn:x:3> <https://schema.org/description> \"C\" .\n");
  }

  @Test
  void aMapWithAContextAndAnythingElseIsStillRefused() {
    String notAWrapper =
        "{\"@context\":[{\"@context\":{\"name\":\"https://schema.org/name\"},"
            + "\"other\":\"https://schema.org/other\"}],\"@id\":\"urn:x:4\",\"name\":\"A\"}";

    assertThatThrownBy(() -> rdf.canonicalize(StrictJson.parse(notAWrapper)))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("KEYWORD_REDEFINITION");
  }

  @Test
  void aDocumentWithoutWrappersIsNotCopied() {
    JsonNode plain = StrictJson.parse(PLAIN);

    assertThat(WrappedContexts.unwrap(plain)).isSameAs(plain);
  }

  @Test
  void aContextKeyOutsideAContextIsLeftAlone() {
    // "@context" as a value's key where no context is expected is not a wrapper
    JsonNode doc =
        StrictJson.parse(
            "{\"@context\":{\"data\":{\"@id\":\"https://schema.org/data\",\"@type\":\"@json\"}},"
                + "\"@id\":\"urn:x:5\",\"data\":{\"x\":{\"@context\":{\"a\":\"b\"}}}}");

    assertThat(WrappedContexts.unwrap(doc)).isSameAs(doc);
  }
}
