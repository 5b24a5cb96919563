package io.trainproof.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.proof.JsonLdContexts;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RDFC-1.0 orders the canonical N-Quads by Unicode code point, which differs from Java's UTF-16
 * string order once a character beyond U+FFFF meets one in U+E000..U+FFFF: U+FF21 (a full-width A)
 * sorts before U+1F600 (an emoji), although the emoji's first UTF-16 unit is a surrogate, 0xD83D,
 * below 0xFF21.
 */
class RdfCanonicalOrderTest {

  @Test
  void quadsAreOrderedByCodePointNotByUtf16Unit() {
    String doc =
        "{\"@context\":{\"name\":\"https://schema.org/name\"},"
            + "\"@id\":\"urn:x:1\",\"name\":[\"\uD83D\uDE00\",\"\uFF21\",\"A\"]}";

    String nquads =
        new RdfCanonicalizer(JsonLdContexts.bundled()).canonicalize(StrictJson.parse(doc));

    assertThat(nquads.split("\n"))
        .containsExactly(
            "<urn:x:1> <https://schema.org/name> \"A\" .",
            "<urn:x:1> <https://schema.org/name> \"\uFF21\" .",
            "<urn:x:1> <https://schema.org/name> \"\uD83D\uDE00\" .");
    assertThat(nquads).endsWith(" .\n");
  }

  @Test
  void linesAreSortedAsCodePointSequences() {
    String doc =
        "{\"@context\":{\"name\":\"https://schema.org/name\",\"note\":\"https://schema.org/description\"},"
            + "\"@id\":\"urn:x:2\",\"name\":[\"\uD83D\uDE00b\",\"\uD83D\uDE00a\",\"\uFFFD\",\"\uE000\"],"
            + "\"note\":[\"\uD800\uDC00\",\"z\"]}";

    List<String> lines =
        Arrays.asList(
            new RdfCanonicalizer(JsonLdContexts.bundled())
                .canonicalize(StrictJson.parse(doc))
                .split("\n"));

    assertThat(lines).hasSize(6);
    assertThat(lines)
        .isSortedAccordingTo(
            (a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray()));
  }

  @Test
  void aContextNamingAnotherByARelativeUrlIsResolvedAgainstItsOwnUrl() {
    JsonLdContexts contexts =
        JsonLdContexts.bundled()
            .with(
                "https://contexts.example.org/v1/outer.jsonld", "{\"@context\":[\"inner.jsonld\"]}")
            .with(
                "https://contexts.example.org/v1/inner.jsonld",
                "{\"@context\":{\"name\":\"https://schema.org/name\"}}");
    String doc =
        "{\"@context\":\"https://contexts.example.org/v1/outer.jsonld\",\"@id\":\"urn:x:3\",\"name\":\"A\"}";

    assertThat(new RdfCanonicalizer(contexts).canonicalize(StrictJson.parse(doc)))
        .isEqualTo("<urn:x:3> <https://schema.org/name> \"A\" .\n");
  }
}
