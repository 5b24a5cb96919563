package io.trainproof.signing.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.credential.AchievementInfo;
import io.trainproof.signing.credential.AttestationRequest;
import io.trainproof.signing.credential.CertificateRequest;
import io.trainproof.signing.credential.EvidenceItem;
import io.trainproof.signing.credential.SubjectIdentifier;
import io.trainproof.signing.credential.UnsignedCredentials;
import io.trainproof.signing.internal.RdfCanonicalizer;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.status.StatusEntry;
import io.trainproof.signing.status.StatusPurpose;
import io.trainproof.signing.verify.CredentialVerifier;
import io.trainproof.signing.verify.FailureReason;
import io.trainproof.signing.verify.VerificationResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/**
 * Issue 17, finding 6, as a property: for random valid certificates and attestations, built with
 * the issuers' own {@link UnsignedCredentials}, adding a type or a property that no context defines
 * at a random object makes {@code eddsa-rdfc-2022} signing refuse, and makes the signed credential
 * fail verification with {@link FailureReason#UNSAFE_JSON_LD}.
 */
@Tag("slow")
class SafeModePropertyTest {
  private static final Fixture FIXTURE = new Fixture();
  private static final DataIntegrity DATA_INTEGRITY = new DataIntegrity();
  private static final CredentialVerifier VERIFIER = FIXTURE.verifier();
  private static final String ID = "urn:uuid:3f1d0c8e-7b9a-4e55-8c21-6d0f9a1b2c3d";

  /** A credential and where and what to add to it. */
  record Case(ObjectNode credential, boolean addType, int where, String name) {}

  @Property(tries = 150)
  void anUndefinedTypeOrPropertyIsRefusedWhenSigningAndFailsVerification(@ForAll("cases") Case c) {
    ObjectNode signed = sign(c.credential());
    assertThat(VERIFIER.verify(StrictJson.write(signed)).verified()).isTrue();

    ObjectNode unsigned = c.credential().deepCopy();
    String added = inject(unsigned, c);
    assertThatThrownBy(() -> sign(unsigned))
        .as(added)
        .isInstanceOfSatisfying(
            UnusableInputException.class,
            e -> assertThat(e.what()).isEqualTo(RdfCanonicalizer.SAFE_MODE))
        .hasMessageContaining(c.name());

    inject(signed, c);
    VerificationResult result = VERIFIER.verify(StrictJson.write(signed));
    assertThat(result.verified()).as(added).isFalse();
    assertThat(result.failureReasons()).as(added).contains(FailureReason.UNSAFE_JSON_LD);
  }

  private static ObjectNode sign(ObjectNode credential) {
    return DATA_INTEGRITY.addProof(
        credential, ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022, Fixture.ISSUED), FIXTURE.key1);
  }

  /** Adds the undefined type or property to one of the credential's objects (not the proof). */
  private static String inject(ObjectNode credential, Case c) {
    List<ObjectNode> objects = new ArrayList<>();
    collect(credential, objects);
    ObjectNode target = objects.get(c.where() % objects.size());
    if (!c.addType()) {
      target.put(c.name(), "added after signing");
      return "property " + c.name() + " on " + target;
    }
    JsonNode type = target.get("type");
    if (type instanceof ArrayNode) {
      ((ArrayNode) type).add(c.name());
    } else if (type != null) {
      target.putArray("type").add(type.asText()).add(c.name());
    } else {
      target.put("type", c.name());
    }
    return "type " + c.name() + " on " + target;
  }

  private static void collect(JsonNode node, List<ObjectNode> out) {
    if (node.isObject()) {
      out.add((ObjectNode) node);
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        if (!member.getKey().equals("@context") && !member.getKey().equals("proof")) {
          collect(member.getValue(), out);
        }
      }
    } else if (node.isArray()) {
      node.forEach(item -> collect(item, out));
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<String> names =
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(s -> "Undefined" + s);
    return Combinators.combine(
            Arbitraries.oneOf(certificates(), attestations()),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(0, 1_000),
            names)
        .as(Case::new);
  }

  private static Arbitrary<String> text() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withChars('é', 'ß', '中', '\n', '"')
        .ofMinLength(1)
        .ofMaxLength(24)
        .filter(s -> !s.isBlank());
  }

  private static Arbitrary<ObjectNode> certificates() {
    Arbitrary<EvidenceItem> evidence =
        Combinators.combine(
                Arbitraries.of("urn:trainproof:completion:", "https://lms.example.org/c/")
                    .injectNull(0.3),
                text(),
                text().injectNull(0.5),
                text().injectNull(0.5))
            .as(
                (prefix, name, description, narrative) ->
                    new EvidenceItem(
                        prefix == null ? null : prefix + Integer.toHexString(name.hashCode()),
                        name,
                        description,
                        narrative));
    return Combinators.combine(
            text(),
            text(),
            text(),
            Arbitraries.integers().between(100, 2_000).injectNull(0.3),
            evidence.list().ofMaxSize(3),
            Arbitraries.of(true, false))
        .as(
            (member, title, criteria, days, items, withStatus) -> {
              Instant from = Fixture.ISSUED;
              CertificateRequest request =
                  new CertificateRequest(
                      Fixture.PROFILE,
                      SubjectIdentifier.memberId(member),
                      new AchievementInfo("course-" + title.length(), "v1", title, title, criteria),
                      from,
                      days == null ? null : from.plus(Duration.ofDays(days)),
                      items);
              return UnsignedCredentials.certificate(
                  ID,
                  request,
                  withStatus
                      ? List.of(
                          new StatusEntry(
                              FIXTURE.statusLists.listCredentialUrl(StatusPurpose.REVOCATION),
                              StatusPurpose.REVOCATION,
                              FIXTURE.statusLists.allocate()))
                      : List.of());
            });
  }

  private static Arbitrary<ObjectNode> attestations() {
    Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
    return Combinators.combine(text(), text(), Arbitraries.integers().between(1, 99), hex, hex)
        .as(
            (member, policy, version, textHash, statementHash) ->
                UnsignedCredentials.attestation(
                    ID,
                    new AttestationRequest(
                        Fixture.PROFILE,
                        member,
                        policy,
                        Integer.toString(version),
                        textHash,
                        statementHash,
                        Fixture.ISSUED,
                        "click-through"),
                    List.of()));
  }
}
