package io.trainproof.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.trainproof.core.ValidationException;
import io.trainproof.core.spi.CredentialIssuer.HolderProof;
import io.trainproof.core.spi.CredentialIssuer.HolderProofResult;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.key.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * OpenID4VCI key proofs of type {@code jwt}, made with Nimbus JOSE+JWT by did:key holders: ES256
 * with Nimbus's {@link ECDSASigner} over a generated P-256 {@link ECKey}, EdDSA over an Ed25519
 * {@link OctetKeyPair} with a {@link JWSSigner} on this module's Bouncy Castle signing (Nimbus's
 * own Ed25519 signer needs Google Tink). What {@link HolderProofVerifier} accepts and each thing it
 * refuses, by the field it names.
 */
class JwtKeyProofTest {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final String ISSUER = "https://trainproof.example.org";
  static final String NONCE = "c_nonce-51f2";
  static final JOSEObjectType TYP = new JOSEObjectType("openid4vci-proof+jwt");

  final SecureRandom random = Fixture.deterministicRandom(2102);
  final SigningKey ed = HolderPresentationTest.holderKey(KeyAlgorithm.ED25519, random);
  final OctetKeyPair okp = okp(ed);
  final ECKey ec = generateEc();
  final String ecDid = VerificationKey.fromJwk(ec.toPublicJWK().toJSONString()).didKey();
  final HolderProofVerifier verifier = new HolderProofVerifier(Fixture.at(NOW));

  static OctetKeyPair okp(SigningKey key) {
    try {
      return OctetKeyPair.parse(key.toPrivateJwk());
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  static ECKey generateEc() {
    try {
      return new ECKeyGenerator(Curve.P_256).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signs EdDSA JWS with an Ed25519 OctetKeyPair through Bouncy Castle. */
  static final class Ed25519Signer implements JWSSigner {
    private final SigningKey key;

    Ed25519Signer(OctetKeyPair okp) {
      try {
        this.key = SigningKey.fromJwk("jws", okp.toJSONString());
      } catch (RuntimeException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) {
      return Base64URL.encode(key.sign(signingInput));
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
      return Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
    }

    @Override
    public JCAContext getJCAContext() {
      return new JCAContext();
    }
  }

  static JWTClaimsSet.Builder claims(Instant iat) {
    return new JWTClaimsSet.Builder()
        .audience(ISSUER)
        .issueTime(Date.from(iat))
        .claim("nonce", NONCE);
  }

  static String signed(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  String edJwt(JWTClaimsSet claims) {
    return signed(
        new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(TYP).keyID(ed.keyId()).build(),
        claims,
        new Ed25519Signer(okp));
  }

  String ecJwt(JWTClaimsSet claims) {
    try {
      return signed(
          new JWSHeader.Builder(JWSAlgorithm.ES256)
              .type(TYP)
              .keyID(ecDid + "#" + ecDid.substring(8))
              .build(),
          claims,
          new ECDSASigner(ec));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  HolderProofResult verify(String jwt) {
    return verifier.verify(new HolderProof(HolderProof.Kind.JWT, jwt, null, ISSUER));
  }

  static void refused(Runnable call, String field) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void acceptsAnEd25519ProofNamedByKid() {
    HolderProofResult result = verify(edJwt(claims(NOW.minusSeconds(30)).build()));
    assertThat(result.holder()).isEqualTo(ed.publicKey().didKey()).startsWith("did:key:z6Mk");
    assertThat(result.nonce()).isEqualTo(NONCE);
  }

  @Test
  void acceptsAP256ProofNamedByKid() {
    HolderProofResult result = verify(ecJwt(claims(NOW.plusSeconds(30)).build()));
    assertThat(result.holder()).isEqualTo(ecDid).startsWith("did:key:zDn");
    assertThat(result.nonce()).isEqualTo(NONCE);
  }

  @Test
  void acceptsAKidThatIsTheDidWithoutFragment() {
    String jwt =
        signed(
            new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .type(TYP)
                .keyID(ed.publicKey().didKey())
                .build(),
            claims(NOW).build(),
            new Ed25519Signer(okp));
    assertThat(verify(jwt).holder()).isEqualTo(ed.publicKey().didKey());
  }

  @Test
  void acceptsAJwkHeaderAndMakesTheHolderItsDidKey() throws JOSEException {
    String edJwt =
        signed(
            new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(TYP).jwk(okp.toPublicJWK()).build(),
            claims(NOW).build(),
            new Ed25519Signer(okp));
    assertThat(verify(edJwt).holder()).isEqualTo(ed.publicKey().didKey());

    String ecJwt =
        signed(
            new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYP).jwk(ec.toPublicJWK()).build(),
            claims(NOW).build(),
            new ECDSASigner(ec));
    assertThat(verify(ecJwt).holder()).isEqualTo(ecDid);
  }

  @Test
  void returnsNoNonceWhenTheJwtHasNoneAndRefusesANonceThatIsNotAString() {
    assertThat(verify(edJwt(claims(NOW).claim("nonce", null).build())).nonce()).isNull();
    refused(() -> verify(edJwt(claims(NOW).claim("nonce", 42).build())), "nonce");
  }

  @Test
  void refusesAnotherTyp() {
    for (JOSEObjectType typ : new JOSEObjectType[] {JOSEObjectType.JWT, null}) {
      String jwt =
          signed(
              new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(typ).keyID(ed.keyId()).build(),
              claims(NOW).build(),
              new Ed25519Signer(okp));
      refused(() -> verify(jwt), "typ");
    }
  }

  @Test
  void refusesAnUnsignedJwt() {
    String none =
        new PlainJWT(new PlainHeader.Builder().type(TYP).build(), claims(NOW).build()).serialize();
    refused(() -> verify(none), "alg");
    // the same with a signature of the holder's stuck on: not a JWT Nimbus parses
    String signedJwt = edJwt(claims(NOW).build());
    String withSignature = none + signedJwt.substring(signedJwt.lastIndexOf('.') + 1);
    refused(() -> verify(withSignature), "proof");
  }

  @Test
  void refusesAMacOrAnotherAlgorithm() throws JOSEException {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String hs =
        signed(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(TYP).keyID(ed.keyId()).build(),
            claims(NOW).build(),
            new MACSigner(secret));
    refused(() -> verify(hs), "alg");

    // ES256 named for an Ed25519 key
    String mismatched =
        signed(
            new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYP).keyID(ed.keyId()).build(),
            claims(NOW).build(),
            new ECDSASigner(ec));
    refused(() -> verify(mismatched), "alg");
  }

  @Test
  void refusesAnotherAudience() {
    refused(() -> verify(edJwt(claims(NOW).audience("https://evil.example").build())), "aud");
    refused(() -> verify(edJwt(claims(NOW).audience((String) null).build())), "aud");
  }

  @Test
  void refusesAStaleOrFutureOrMissingIat() {
    Duration skew = HolderProofVerifier.MAX_CLOCK_SKEW;
    assertThat(verify(edJwt(claims(NOW.minus(skew)).build())).holder()).isNotNull();
    assertThat(verify(edJwt(claims(NOW.plus(skew)).build())).holder()).isNotNull();
    refused(() -> verify(edJwt(claims(NOW.minus(skew).minusSeconds(1)).build())), "iat");
    refused(() -> verify(edJwt(claims(NOW.plus(skew).plusSeconds(1)).build())), "iat");
    refused(() -> verify(edJwt(claims(NOW).issueTime(null).build())), "iat");
  }

  @Test
  void refusesBothOrNeitherOfKidAndJwk() {
    String both =
        signed(
            new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .type(TYP)
                .keyID(ed.keyId())
                .jwk(okp.toPublicJWK())
                .build(),
            claims(NOW).build(),
            new Ed25519Signer(okp));
    refused(() -> verify(both), "proof");
    String neither =
        signed(
            new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(TYP).build(),
            claims(NOW).build(),
            new Ed25519Signer(okp));
    refused(() -> verify(neither), "proof");
  }

  @Test
  void refusesAKidThatIsNotADidKey() {
    for (String kid : new String[] {"did:web:holder.example#key-1", "did:key:zNotBase58!", "k1"}) {
      String jwt =
          signed(
              new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(TYP).keyID(kid).build(),
              claims(NOW).build(),
              new Ed25519Signer(okp));
      refused(() -> verify(jwt), "proof");
    }
  }

  @Test
  void refusesASignatureByAnotherKeyThanTheKidNames() {
    OctetKeyPair other = okp(SigningKey.generate(KeyAlgorithm.ED25519, "other", random));
    String jwt =
        signed(
            new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(TYP).keyID(ed.keyId()).build(),
            claims(NOW).build(),
            new Ed25519Signer(other));
    refused(() -> verify(jwt), "proof");

    String ecOther =
        signed(
            new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYP).jwk(ec.toPublicJWK()).build(),
            claims(NOW).build(),
            ecSigner(generateEc()));
    refused(() -> verify(ecOther), "proof");
  }

  static JWSSigner ecSigner(ECKey key) {
    try {
      return new ECDSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void refusesATamperedPayload() throws ParseException {
    SignedJWT jwt = SignedJWT.parse(edJwt(claims(NOW).build()));
    JWTClaimsSet changed = claims(NOW).claim("nonce", "another-nonce").build();
    Base64URL[] parts = jwt.getParsedParts();
    String tampered =
        new SignedJWT(parts[0], Base64URL.encode(changed.toString()), parts[2]).serialize();
    refused(() -> verify(tampered), "proof");

    SignedJWT ecSigned = SignedJWT.parse(ecJwt(claims(NOW).build()));
    Base64URL[] ecParts = ecSigned.getParsedParts();
    String ecTampered =
        new SignedJWT(ecParts[0], Base64URL.encode(changed.toString()), ecParts[2]).serialize();
    refused(() -> verify(ecTampered), "proof");
  }

  @Test
  void refusesAPrivateJwkAndAKeyOfAnotherCurve() throws JOSEException {
    String header =
        "{\"alg\":\"EdDSA\",\"typ\":\"openid4vci-proof+jwt\",\"jwk\":" + okp.toJSONString() + "}";
    String payload = claims(NOW).build().toString();
    String unsigned =
        Base64URL.encode(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + Base64URL.encode(payload.getBytes(StandardCharsets.UTF_8));
    String withPrivate =
        unsigned + "." + Base64URL.encode(ed.sign(unsigned.getBytes(StandardCharsets.US_ASCII)));
    refused(() -> verify(withPrivate), "proof");

    ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();
    String es384 =
        signed(
            new JWSHeader.Builder(JWSAlgorithm.ES384).type(TYP).jwk(p384.toPublicJWK()).build(),
            claims(NOW).build(),
            new ECDSASigner(p384));
    refused(() -> verify(es384), "alg");
    String es256OnP384 =
        signed(
            new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYP).jwk(p384.toPublicJWK()).build(),
            claims(NOW).build(),
            ecSigner(ec));
    refused(() -> verify(es256OnP384), "alg");
  }

  @Test
  void refusesCriticalHeaderParameters() {
    String crit =
        signed(
            new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .type(TYP)
                .keyID(ed.keyId())
                .criticalParams(Set.of("exp-policy"))
                .customParam("exp-policy", "strict")
                .build(),
            claims(NOW).build(),
            new Ed25519Signer(okp));
    refused(() -> verify(crit), "proof");
  }

  @Test
  void refusesAnOversizeOrMalformedJwtWithoutEchoingIt() {
    String jwt =
        edJwt(claims(NOW).claim("pad", "x".repeat(HolderProofVerifier.MAX_JWT_CHARS)).build());
    assertThatThrownBy(() -> verify(jwt))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("proof");
              assertThat(e.getMessage()).doesNotContain(jwt.substring(0, 20));
            });
    refused(() -> verify("not.a.jwt"), "proof");
    refused(() -> verify("a.b"), "proof");
    refused(() -> verify(""), "proof");
  }

  @Test
  void aRefusalNeverEchoesTheJwt() {
    String jwt = edJwt(claims(NOW).audience("https://evil.example").build());
    assertThatThrownBy(() -> verify(jwt))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.getMessage()).doesNotContain("evil").doesNotContain(NONCE);
              assertThat(e.value()).isEqualTo(HolderProofVerifier.NOT_SHOWN);
            });
  }
}
