package io.trainproof.signing.verify;

import static io.trainproof.signing.verify.HolderProofVerifier.MAX_CLOCK_SKEW;
import static io.trainproof.signing.verify.HolderProofVerifier.refuse;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.trainproof.core.ValidationException;
import io.trainproof.core.spi.CredentialIssuer.HolderProofResult;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.internal.Crypto;
import io.trainproof.signing.internal.Sanitized;
import io.trainproof.signing.key.DidKey;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.VerificationKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * OpenID4VCI 1.0 key proofs of type {@code jwt}, parsed and verified with Nimbus JOSE+JWT: ES256
 * with Nimbus's {@link ECDSAVerifier}, EdDSA with {@link Ed25519JwsVerifier} (Bouncy Castle, which
 * this module already uses, rather than Nimbus's Ed25519 verifier, which needs Google Tink). Used
 * by {@link HolderProofVerifier}. Thread-safe.
 */
final class JwtKeyProofs {
  /** The {@code typ} of an OpenID4VCI key proof JWT. */
  static final JOSEObjectType PROOF_TYPE = new JOSEObjectType("openid4vci-proof+jwt");

  private final Clock clock;

  JwtKeyProofs(Clock clock) {
    this.clock = clock;
  }

  HolderProofResult verify(String jwtText, String audience) {
    if (jwtText == null || jwtText.isEmpty()) {
      throw new ValidationException("proof", null, "is required");
    }
    if (jwtText.length() > HolderProofVerifier.MAX_JWT_CHARS) {
      throw refuse(
          "proof", "the JWT is longer than " + HolderProofVerifier.MAX_JWT_CHARS + " chars");
    }
    JWT jwt;
    try {
      jwt = JWTParser.parse(jwtText);
    } catch (ParseException e) {
      throw refuse("proof", "the proof is not a well-formed JWT");
    }
    if (jwt instanceof PlainJWT) {
      throw new ValidationException("alg", "none", "the proof is not signed");
    }
    if (!(jwt instanceof SignedJWT signed)) {
      throw refuse("proof", "the proof is not a signed JWT");
    }
    JWSHeader header = signed.getHeader();
    if (!PROOF_TYPE.equals(header.getType())) {
      throw new ValidationException(
          "typ",
          header.getType() == null ? null : Sanitized.text(header.getType().getType(), 60),
          "is not " + PROOF_TYPE);
    }
    JWSAlgorithm alg = header.getAlgorithm();
    KeyAlgorithm keyAlgorithm = keyAlgorithm(alg);
    if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
      throw refuse("proof", "the JWT names critical header parameters this verifier does not know");
    }
    if (header.getX509CertChain() != null) {
      throw refuse("proof", "x5c key proofs are not supported; send kid or jwk");
    }
    String holder;
    VerificationKey key;
    String kid = header.getKeyID();
    JWK jwk = header.getJWK();
    if ((kid == null) == (jwk == null)) {
      throw refuse("proof", "the JWT header must hold exactly one of kid and jwk");
    }
    if (kid != null) {
      if (!DidKey.isDidKey(kid)) {
        throw refuse("proof", "the JWT's kid is not a did:key DID URL");
      }
      try {
        key = DidKey.resolve(kid);
      } catch (UnusableInputException e) {
        throw refuse("proof", "the JWT's kid is not a well-formed did:key");
      }
      int hash = kid.indexOf('#');
      holder = hash < 0 ? kid : kid.substring(0, hash);
    } else {
      if (jwk.isPrivate()) {
        throw refuse("proof", "the JWT's jwk holds a private key");
      }
      try {
        key = VerificationKey.fromJwk(jwk.toJSONString());
      } catch (UnusableInputException e) {
        throw refuse("proof", "the JWT's jwk is not an Ed25519 or P-256 public key");
      }
      holder = key.didKey();
    }
    if (key.algorithm() != keyAlgorithm) {
      throw new ValidationException(
          "alg", alg.getName(), "does not fit the holder's " + key.algorithm().label() + " key");
    }
    if (!signatureVerifies(signed, key)) {
      throw refuse("proof", "the JWT's signature does not verify with the holder's key");
    }
    JWTClaimsSet claims;
    try {
      claims = signed.getJWTClaimsSet();
    } catch (ParseException e) {
      throw refuse("proof", "the JWT's payload is not a JSON object of claims");
    }
    List<String> aud = claims.getAudience();
    if (aud == null || !aud.contains(audience)) {
      throw refuse("aud", "the JWT is made for another audience");
    }
    Date iat = claims.getIssueTime();
    if (iat == null) {
      throw refuse("iat", "the JWT carries no iat");
    }
    Instant now = clock.instant();
    Instant issued = iat.toInstant();
    if (issued.isAfter(now.plus(MAX_CLOCK_SKEW))) {
      throw refuse("iat", "the JWT is issued more than 5 minutes in the future");
    }
    if (issued.isBefore(now.minus(MAX_CLOCK_SKEW))) {
      throw refuse("iat", "the JWT is issued more than 5 minutes ago");
    }
    Object nonce = claims.getClaim("nonce");
    if (nonce != null && !(nonce instanceof String)) {
      throw refuse("nonce", "the JWT's nonce is not a string");
    }
    return new HolderProofResult(holder, (String) nonce);
  }

  private static KeyAlgorithm keyAlgorithm(@Nullable JWSAlgorithm alg) {
    if (JWSAlgorithm.EdDSA.equals(alg) || JWSAlgorithm.Ed25519.equals(alg)) {
      return KeyAlgorithm.ED25519;
    }
    if (JWSAlgorithm.ES256.equals(alg)) {
      return KeyAlgorithm.P256;
    }
    throw new ValidationException(
        "alg",
        alg == null ? null : Sanitized.text(alg.getName(), 20),
        "is not EdDSA (Ed25519) or ES256");
  }

  private static boolean signatureVerifies(SignedJWT signed, VerificationKey key) {
    try {
      JWSVerifier verifier =
          key.algorithm() == KeyAlgorithm.ED25519
              ? new Ed25519JwsVerifier(key)
              : new ECDSAVerifier(ECKey.parse(key.toJwk()));
      return signed.verify(verifier);
    } catch (JOSEException | ParseException | IllegalStateException e) {
      return false;
    }
  }

  /**
   * Nimbus's {@link JWSVerifier} for EdDSA over Ed25519 with Bouncy Castle ({@link Crypto#verify}).
   */
  static final class Ed25519JwsVerifier implements JWSVerifier {
    private static final Set<JWSAlgorithm> ALGORITHMS =
        Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

    private final VerificationKey key;
    private final JCAContext jca = new JCAContext();

    Ed25519JwsVerifier(VerificationKey key) {
      if (key.algorithm() != KeyAlgorithm.ED25519) {
        throw new IllegalArgumentException("not an Ed25519 key");
      }
      this.key = key;
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
      if (!ALGORITHMS.contains(header.getAlgorithm())) {
        return false;
      }
      if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
        return false;
      }
      return Crypto.verify(KeyAlgorithm.ED25519, key.bytes(), signingInput, signature.decode());
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
      return ALGORITHMS;
    }

    @Override
    public JCAContext getJCAContext() {
      return jca;
    }
  }
}
