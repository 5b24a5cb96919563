package io.trainproof.examples.boot;

import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The demo's issuer key: generated at each start, never shipped. The private key is written with
 * mode 600 into a folder of mode 700 (created, written, then moved into place in one step), next to
 * the key history naming its public half; both are deleted when the application stops.
 *
 * @param folder the folder holding both files
 * @param privateKey the PKCS#8 PEM private key ({@code trainproof.issuer.key-location})
 * @param history the key history ({@code trainproof.issuer.key-history-location})
 */
record DemoKey(Path folder, Path privateKey, Path history) {
  /** The demo's DID: the page and the API at http://localhost:8080/trainproof. */
  static final String DID = "did:web:localhost%3A8080:trainproof";

  /**
   * Generates a key and writes its files into a new private folder under the system's temporary
   * folder.
   *
   * @param now when the key starts signing
   * @return where the files are
   */
  static DemoKey generate(Instant now) {
    try {
      Path folder =
          Files.createTempDirectory(
              "trainproof-boot-demo-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      SigningKey key =
          SigningKey.generate(KeyAlgorithm.ED25519, DID + "#key-1", new SecureRandom());
      Path privateKey = folder.resolve("issuer-key.pem");
      Path pending =
          Files.createFile(
              folder.resolve("issuer-key.pem.pending"),
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(pending, key.toPkcs8Pem(), StandardCharsets.US_ASCII);
      Files.move(pending, privateKey, StandardCopyOption.ATOMIC_MOVE);
      Path history = folder.resolve("issuer-keys.json");
      Files.writeString(
          history,
          IssuerKeyHistory.start(DID, key.keyId(), key.publicKey(), now).toJson(),
          StandardCharsets.UTF_8);
      return new DemoKey(folder, privateKey, history);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the demo's issuer key", e);
    }
  }

  /** Deletes both files and the folder. */
  void delete() {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the demo's issuer key in " + folder, e);
    }
  }
}
