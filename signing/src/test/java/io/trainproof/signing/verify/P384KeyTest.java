package io.trainproof.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.internal.Multibase;
import io.trainproof.signing.jcs.JsonCanonicalizer;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.DidKey;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.VerificationKey;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: an {@code ecdsa-jcs-2019} proof made with a P-384 key (multikey header 0x1201, a
 * 96-byte signature) was refused as MALFORMED_MULTIBASE, which misled. P-384 is now supported: a
 * proof made by an independent P-384 signer (Bouncy Castle directly, as the spec describes it)
 * verifies; a P-521 key is recognised and refused as {@link FailureReason#UNSUPPORTED_KEY_TYPE}.
 */
class P384KeyTest {
  private static final X9ECParameters P384 = CustomNamedCurves.getByName("secp384r1");
  private static final ECDomainParameters DOMAIN = new ECDomainParameters(P384);
  private static final BigInteger D = new BigInteger("1234567890abcdef1234567890abcdef", 16);

  /** The P-384 public key as a multikey: header 0x1201 (varint 0x81 0x24), compressed point. */
  static String p384Multikey() {
    ECPoint q = DOMAIN.getG().multiply(D).normalize();
    return Multibase.encodeWithCodec(new byte[] {(byte) 0x81, 0x24}, q.getEncoded(true));
  }

  /**
   * A credential signed with {@code ecdsa-jcs-2019} and a P-384 did:key, as the spec does it:
   * SHA-384 of the canonical proof configuration and document, ECDSA with SHA-384, r‖s of 96 bytes.
   */
  static String signedWithP384(String credentialJson) {
    ObjectNode vc = (ObjectNode) StrictJson.parse(credentialJson);
    vc.remove("proof");
    String multikey = p384Multikey();
    ObjectNode proof = StrictJson.mapper().createObjectNode();
    proof.put("type", "DataIntegrityProof");
    proof.put("cryptosuite", "ecdsa-jcs-2019");
    proof.put("created", "2026-03-01T09:30:00Z");
    proof.put("verificationMethod", "did:key:" + multikey + "#" + multikey);
    proof.put("proofPurpose", "assertionMethod");
    proof.set("@context", vc.get("@context").deepCopy());
    byte[] hashData =
        concat(
            sha384(JsonCanonicalizer.canonicalBytes(proof)),
            sha384(JsonCanonicalizer.canonicalBytes(vc)));
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA384Digest()));
    signer.init(true, new ECPrivateKeyParameters(D, DOMAIN));
    BigInteger[] rs = signer.generateSignature(sha384(hashData));
    byte[] signature =
        concat(
            BigIntegers.asUnsignedByteArray(48, rs[0]), BigIntegers.asUnsignedByteArray(48, rs[1]));
    proof.put("proofValue", Multibase.encodeBase58(signature));
    vc.set("proof", proof);
    return StrictJson.write(vc);
  }

  private static byte[] sha384(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-384").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void aP384ProofMadeIndependentlyVerifies() {
    Fixture f = new Fixture();
    String signed = signedWithP384(f.issuer().issueCertificate(Fixture.certificate()).json());
    assertThat(StrictJson.parse(signed).at("/proof/proofValue").asText().length())
        .as("a 96-byte signature fits the multibase bound")
        .isLessThanOrEqualTo(Multibase.MAX_BASE58_CHARS);

    VerificationResult result = f.verifier().verify(signed);

    assertThat(result.checks(CheckKind.PROOF))
        .singleElement()
        .satisfies(c -> assertThat(c.outcome()).as(c.detail()).isEqualTo(Outcome.PASSED));
    assertThat(result.failureReasons())
        .doesNotContain(
            FailureReason.UNSUPPORTED_KEY_TYPE,
            FailureReason.MALFORMED_MULTIBASE,
            FailureReason.UNKNOWN_KEY);
  }

  @Test
  void aP384KeyIsImportedWhereverItIsGiven() {
    String multikey = p384Multikey();
    assertThat(multikey).startsWith("z82");
    ECPoint q = DOMAIN.getG().multiply(D).normalize();
    VerificationKey fromDidKey = DidKey.resolve("did:key:" + multikey);
    assertThat(fromDidKey.algorithm()).isEqualTo(KeyAlgorithm.P384);
    assertThat(fromDidKey.bytes()).isEqualTo(q.getEncoded(true));
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String jwk =
        "{\"kty\":\"EC\",\"crv\":\"P-384\",\"x\":\""
            + b64.encodeToString(q.getAffineXCoord().getEncoded())
            + "\",\"y\":\""
            + b64.encodeToString(q.getAffineYCoord().getEncoded())
            + "\"}";
    assertThat(VerificationKey.fromJwk(jwk)).isEqualTo(fromDidKey);
  }

  @Test
  void aP521KeyIsNamedAsAnUnsupportedKeyTypeNotAsMalformed() {
    X9ECParameters p521 = CustomNamedCurves.getByName("secp521r1");
    ECPoint q = p521.getG().multiply(D).normalize();
    String multikey = Multibase.encodeWithCodec(Multibase.P521_PUB, q.getEncoded(true));
    assertThatThrownBy(() -> DidKey.resolve("did:key:" + multikey))
        .isInstanceOfSatisfying(
            UnusableInputException.class,
            e -> assertThat(e.what()).isEqualTo(VerificationKey.UNSUPPORTED_KEY_TYPE))
        .hasMessageContaining("P-521");
  }

  /**
   * A credential whose proof names a P-521 did:key: the verifier says the key type is not
   * supported.
   */
  static String signedWithP521(String credentialJson) {
    ObjectNode vc = (ObjectNode) StrictJson.parse(credentialJson);
    X9ECParameters p521 = CustomNamedCurves.getByName("secp521r1");
    String multikey =
        Multibase.encodeWithCodec(
            Multibase.P521_PUB, p521.getG().multiply(D).normalize().getEncoded(true));
    ((ObjectNode) vc.get("proof"))
        .put("cryptosuite", "ecdsa-jcs-2019")
        .put("verificationMethod", "did:key:" + multikey + "#" + multikey);
    return StrictJson.write(vc);
  }
}
