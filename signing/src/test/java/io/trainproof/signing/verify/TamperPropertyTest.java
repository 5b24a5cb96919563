package io.trainproof.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.credential.StandaloneCredentialIssuer;
import io.trainproof.signing.internal.Multibase;
import io.trainproof.signing.jcs.StrictJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;

/**
 * No false accept: any single change to a signed certificate or attestation (a value, an added or
 * removed member or array element, one bit of the signature) fails verification. Signs once,
 * mutates many times.
 */
@Tag("slow")
class TamperPropertyTest {
  private static final Fixture FIXTURE = new Fixture();
  private static final List<ObjectNode> SIGNED = new ArrayList<>();
  private static final List<List<String>> PATHS = new ArrayList<>();
  private static final CredentialVerifier VERIFIER;

  static {
    StandaloneCredentialIssuer issuer = FIXTURE.issuer();
    SIGNED.add(
        (ObjectNode) StrictJson.parse(issuer.issueCertificate(Fixture.certificate()).json()));
    SIGNED.add(
        (ObjectNode) StrictJson.parse(issuer.issueAttestation(Fixture.attestation()).json()));
    for (ObjectNode doc : SIGNED) {
      List<String> paths = new ArrayList<>();
      collect(doc, "", paths);
      PATHS.add(paths);
    }
    // the status lists as published when the verifier runs
    VERIFIER = FIXTURE.verifier(FIXTURE.bundle(), Fixture.VERIFIED);
  }

  /** One change: which document, what kind, where, with what. */
  record Mutation(int doc, int kind, int where, String text, int bit) {}

  @Example
  void unchangedDocumentsVerify() {
    for (ObjectNode doc : SIGNED) {
      assertThat(VERIFIER.verify(StrictJson.write(doc)).verified()).isTrue();
    }
    assertThat(PATHS.get(0)).hasSizeGreaterThan(40);
  }

  @Property(tries = 10_000, shrinking = ShrinkingMode.OFF)
  void anySingleChangeFailsVerification(@ForAll("mutations") Mutation mutation) {
    ObjectNode doc = SIGNED.get(mutation.doc()).deepCopy();
    String description = apply(doc, mutation);

    VerificationResult result = VERIFIER.verify(StrictJson.write(doc));

    assertThat(result.verified()).as(description).isFalse();
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 1),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 100_000),
            Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars('é', '"', '\\', '0')
                .ofMinLength(1)
                .ofMaxLength(8),
            Arbitraries.integers().between(0, 511))
        .as(Mutation::new);
  }

  private static String apply(ObjectNode doc, Mutation m) {
    List<String> paths = PATHS.get(m.doc());
    String path = paths.get(m.where() % paths.size());
    switch (m.kind()) {
      case 0:
        return replace(doc, path, m.text());
      case 1:
        return add(doc, m.where(), m.text());
      case 2:
        return remove(doc, path);
      default:
        return flipSignatureBit(doc, m.bit());
    }
  }

  private static String replace(ObjectNode doc, String path, String text) {
    JsonNode old = doc.at(path);
    JsonNode replacement;
    if (old.isTextual()) {
      replacement = doc.textNode(old.textValue().equals(text) ? text + "x" : text);
    } else if (old.isNumber()) {
      replacement = doc.numberNode(old.longValue() + 1);
    } else if (old.isBoolean()) {
      replacement = doc.booleanNode(!old.booleanValue());
    } else {
      replacement = doc.textNode(text);
    }
    set(doc, path, replacement);
    return "replace " + path + " with " + replacement;
  }

  private static String add(ObjectNode doc, int where, String text) {
    List<String> objects = new ArrayList<>();
    objects.add("");
    for (String path : PATHS.get(SIGNED.indexOf(findOriginal(doc)))) {
      if (doc.at(path).isObject()) {
        objects.add(path);
      }
    }
    String path = objects.get(where % objects.size());
    ObjectNode target = path.isEmpty() ? doc : (ObjectNode) doc.at(path);
    String name = "x" + text;
    while (target.has(name)) {
      name = name + "x";
    }
    target.put(name, text);
    return "add " + path + "/" + name;
  }

  private static String remove(ObjectNode doc, String path) {
    JsonPointer pointer = JsonPointer.compile(path);
    JsonNode parent = doc.at(pointer.head());
    String last = pointer.last().getMatchingProperty();
    if (parent.isArray()) {
      ((ArrayNode) parent).remove(Integer.parseInt(last));
    } else {
      ((ObjectNode) parent).remove(last);
    }
    return "remove " + path;
  }

  private static String flipSignatureBit(ObjectNode doc, int bit) {
    ObjectNode proof = (ObjectNode) doc.get("proof");
    byte[] signature = Multibase.decodeBase58(proof.get("proofValue").textValue());
    signature[bit / 8] ^= (byte) (1 << (bit % 8));
    proof.put("proofValue", Multibase.encodeBase58(signature));
    return "flip signature bit " + bit;
  }

  private static void set(ObjectNode doc, String path, JsonNode value) {
    JsonPointer pointer = JsonPointer.compile(path);
    JsonNode parent = doc.at(pointer.head());
    String last = pointer.last().getMatchingProperty();
    if (parent.isArray()) {
      ((ArrayNode) parent).set(Integer.parseInt(last), value);
    } else {
      ((ObjectNode) parent).set(last, value);
    }
  }

  private static ObjectNode findOriginal(ObjectNode mutated) {
    // why: both documents have distinct ids, which add() never changes
    for (ObjectNode original : SIGNED) {
      if (original.get("id").equals(mutated.get("id"))) {
        return original;
      }
    }
    throw new IllegalStateException("unknown document");
  }

  private static void collect(JsonNode node, String path, List<String> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String child = path + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
        out.add(child);
        collect(field.getValue(), child, out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String child = path + "/" + i;
        out.add(child);
        collect(node.get(i), child, out);
      }
    }
  }
}
