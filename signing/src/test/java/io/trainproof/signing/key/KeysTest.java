package io.trainproof.signing.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.ConflictException;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.internal.Crypto;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeysTest {
  private final SecureRandom random = Fixture.deterministicRandom(7);

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void pemJwkAndMultikeyRoundTrip(KeyAlgorithm algorithm) {
    SigningKey key = SigningKey.generate(algorithm, "did:web:a.example#k1", random);
    byte[] message = "hello".getBytes(StandardCharsets.UTF_8);

    SigningKey fromPem = SigningKey.fromPkcs8Pem(key.keyId(), key.toPkcs8Pem());
    SigningKey fromJwk = SigningKey.fromJwk(key.keyId(), key.toPrivateJwk());
    SigningKey fromMultikey = SigningKey.fromPrivateMultikey(key.keyId(), key.toPrivateMultikey());

    for (SigningKey copy : new SigningKey[] {fromPem, fromJwk, fromMultikey}) {
      assertThat(copy.publicKey()).isEqualTo(key.publicKey());
      assertThat(Crypto.verify(algorithm, key.publicKey().bytes(), message, copy.sign(message)))
          .isTrue();
    }
    VerificationKey pub = key.publicKey();
    assertThat(key.toPkcs8Pem()).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(pub.toPem()).startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(VerificationKey.fromPem(pub.toPem())).isEqualTo(pub);
    assertThat(VerificationKey.fromJwk(pub.toJwk())).isEqualTo(pub);
    assertThat(VerificationKey.fromMultibase(pub.multibase())).isEqualTo(pub);
    assertThat(DidKey.resolve(pub.didKeyVerificationMethod())).isEqualTo(pub);
    assertThat(pub.multibase())
        .startsWith(
            switch (algorithm) {
              case ED25519 -> "z6Mk";
              case P256 -> "zDna";
              case P384 -> "z82L";
            });
    assertThat(pub.toJwk())
        .contains(
            switch (algorithm) {
              case ED25519 -> "\"crv\":\"Ed25519\"";
              case P256 -> "\"crv\":\"P-256\"";
              case P384 -> "\"crv\":\"P-384\"";
            });
    assertThat(key.toString()).doesNotContain(key.toPrivateMultikey());
  }

  @Test
  void p256PublicKeyGivenUncompressedIsStoredCompressed() {
    SigningKey key = SigningKey.generate(KeyAlgorithm.P256, "k", random);
    byte[] uncompressed = Crypto.decodePoint(key.publicKey().bytes()).getEncoded(false);
    assertThat(new VerificationKey(KeyAlgorithm.P256, uncompressed)).isEqualTo(key.publicKey());
    assertThat(key.publicKey().bytes()).hasSize(33);
  }

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void readsPkcs12Keystore(KeyAlgorithm algorithm) throws Exception {
    BouncyCastleProvider bc = new BouncyCastleProvider();
    KeyPairGenerator generator =
        KeyPairGenerator.getInstance(algorithm == KeyAlgorithm.ED25519 ? "Ed25519" : "EC", bc);
    if (algorithm == KeyAlgorithm.P256) {
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
    } else if (algorithm == KeyAlgorithm.P384) {
      generator.initialize(new ECGenParameterSpec("secp384r1"), random);
    }
    KeyPair pair = generator.generateKeyPair();
    X500Name name = new X500Name("CN=Trainproof test");
    X509Certificate certificate =
        new JcaX509CertificateConverter()
            .setProvider(bc)
            .getCertificate(
                new JcaX509v3CertificateBuilder(
                        name,
                        BigInteger.ONE,
                        Date.from(Instant.parse("2026-01-01T00:00:00Z")),
                        Date.from(Instant.parse("2036-01-01T00:00:00Z")),
                        name,
                        pair.getPublic())
                    .build(
                        new JcaContentSignerBuilder(
                                algorithm == KeyAlgorithm.ED25519 ? "Ed25519" : "SHA256withECDSA")
                            .setProvider(bc)
                            .build(pair.getPrivate())));
    KeyStore store = KeyStore.getInstance("PKCS12", bc);
    store.load(null, null);
    char[] password = "changeit".toCharArray();
    store.setKeyEntry("issuer", pair.getPrivate(), password, new X509Certificate[] {certificate});
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    store.store(bytes, password);

    SigningKey key =
        SigningKey.fromPkcs12(
            "did:web:a.example#p12", new ByteArrayInputStream(bytes.toByteArray()), password, null);

    assertThat(key.algorithm()).isEqualTo(algorithm);
    assertThat(key.publicKey().bytes())
        .isEqualTo(Crypto.fromSpki(pair.getPublic().getEncoded()).publicBytes());
    assertThatThrownBy(
            () ->
                SigningKey.fromPkcs12(
                    "k",
                    new ByteArrayInputStream(bytes.toByteArray()),
                    "wrong".toCharArray(),
                    null))
        .isInstanceOf(UnusableInputException.class);
  }

  @Test
  void keyIdIsNeverReusedForOtherKeyBytes() {
    SigningKey a = SigningKey.generate(KeyAlgorithm.ED25519, "did:web:a.example#k1", random);
    SigningKey b = SigningKey.generate(KeyAlgorithm.ED25519, "did:web:a.example#k1", random);
    KeyRegistry registry = new KeyRegistry();
    registry.register(a.keyId(), a.publicKey());
    registry.register(a.keyId(), a.publicKey());
    assertThatThrownBy(() -> registry.register(b.keyId(), b.publicKey()))
        .isInstanceOf(ConflictException.class);

    InMemoryKeyProvider provider = new InMemoryKeyProvider().add(a);
    assertThatThrownBy(() -> provider.add(b)).isInstanceOf(ConflictException.class);
    assertThat(provider.signer(a.keyId())).containsSame(a);

    IssuerKeyHistory history =
        IssuerKeyHistory.start("did:web:a.example", a.keyId(), a.publicKey(), Instant.EPOCH);
    assertThatThrownBy(
            () -> history.rotate(a.keyId(), b.publicKey(), Instant.parse("2026-01-01T00:00:00Z")))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(
            () ->
                history.rotate(
                    "did:web:a.example#k2", a.publicKey(), Instant.parse("2026-01-01T00:00:00Z")))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void issuerKeyHistoryRoundTripsThroughJsonAndPublishesEveryKey() {
    SigningKey a = SigningKey.generate(KeyAlgorithm.ED25519, "did:web:a.example#k1", random);
    SigningKey b = SigningKey.generate(KeyAlgorithm.P256, "did:web:a.example#k2", random);
    IssuerKeyHistory history =
        IssuerKeyHistory.start(
                "did:web:a.example",
                a.keyId(),
                a.publicKey(),
                Instant.parse("2026-01-01T00:00:00Z"))
            .rotate(b.keyId(), b.publicKey(), Instant.parse("2026-07-01T00:00:00Z"));

    IssuerKeyHistory loaded = IssuerKeyHistory.fromJson(history.toJson());

    assertThat(loaded.keys()).isEqualTo(history.keys());
    assertThat(loaded.active()).map(KeyRecord::id).contains(b.keyId());
    assertThat(loaded.find(a.keyId()).orElseThrow().retiredAt())
        .isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
    assertThat(history.didDocument().get("assertionMethod")).hasSize(2);
    assertThat(history.didDocument().toString())
        .contains(a.publicKey().multibase(), b.publicKey().multibase());
  }

  @Test
  void didKeyResolvesLocallyAndRejectsMismatchedFragments() {
    SigningKey a = SigningKey.generate(KeyAlgorithm.ED25519, "x", random);
    SigningKey b = SigningKey.generate(KeyAlgorithm.P256, "x", random);
    assertThat(DidKey.resolve(a.publicKey().didKey())).isEqualTo(a.publicKey());
    assertThat(DidKey.resolve(b.publicKey().didKeyVerificationMethod())).isEqualTo(b.publicKey());
    assertThatThrownBy(
            () -> DidKey.resolve(a.publicKey().didKey() + "#" + b.publicKey().multibase()))
        .isInstanceOf(UnusableInputException.class);
    assertThatThrownBy(() -> DidKey.resolve("did:key:zNotBase58!"))
        .isInstanceOf(UnusableInputException.class);
  }

  @Test
  void jwkWhosePublicPartDoesNotMatchIsRejected() {
    SigningKey a = SigningKey.generate(KeyAlgorithm.ED25519, "x", random);
    SigningKey b = SigningKey.generate(KeyAlgorithm.ED25519, "x", random);
    String mixed =
        a.toPrivateJwk()
            .replaceAll(
                "\"x\":\"[^\"]+\"",
                "\"x\":\""
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(b.publicKey().bytes())
                    + "\"");
    assertThatThrownBy(() -> SigningKey.fromJwk("x", mixed))
        .isInstanceOf(UnusableInputException.class);
  }
}
