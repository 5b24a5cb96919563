package io.trainproof.examples.cli;

import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trainproof keys}: issuer keys in files or a PKCS#12 keystore. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Generate, export and rotate issuer keys.",
    subcommands = {KeysCommand.Generate.class, KeysCommand.Export.class, KeysCommand.Rotate.class})
final class KeysCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static String keyId(String did, String fragment) {
    if (!did.startsWith("did:web:")) {
      throw new IllegalArgumentException(
          "--did must be a did:web DID, e.g. did:web:clinic.example.org (was " + did + ")");
    }
    return did + "#" + fragment;
  }

  /** Generates a key and starts the issuer key history. */
  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description =
          "Generate an issuer key: writes <fragment>.private.pem (PKCS#8, mode 600) and issuer-key-history.json.")
  static final class Generate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--did", required = true, description = "The issuer's did:web DID.")
    String did;

    @Option(
        names = "--fragment",
        defaultValue = "key-1",
        description = "The key id fragment (default: ${DEFAULT-VALUE}).")
    String fragment;

    @Option(
        names = "--algorithm",
        defaultValue = "ED25519",
        description = "ED25519 (default) or P256.")
    KeyAlgorithm algorithm;

    @Option(names = "--out", defaultValue = ".", description = "Output folder (default: current).")
    Path out;

    @Override
    public Integer call() {
      SigningKey key = SigningKey.generate(algorithm, keyId(did, fragment), new SecureRandom());
      IssuerKeyHistory history =
          IssuerKeyHistory.start(did, key.keyId(), key.publicKey(), Instant.now());
      Files2.write(out.resolve(fragment + ".private.pem"), key.toPkcs8Pem(), true);
      Files2.write(out.resolve("issuer-key-history.json"), history.toJson(), false);
      PrintWriter o = spec.commandLine().getOut();
      o.println("key " + key.keyId());
      o.println("public multikey " + key.publicKey().multibase());
      o.println(
          "wrote "
              + out.resolve(fragment + ".private.pem")
              + " and "
              + out.resolve("issuer-key-history.json"));
      return 0;
    }
  }

  /** Exports a key's public (or, when asked, private) form. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "Print a key as JWK, Multikey or PEM, read from a PKCS#8 PEM file or a PKCS#12 keystore.")
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--pem", description = "A PKCS#8 private key PEM file.")
    Path pem;

    @Option(names = "--pkcs12", description = "A PKCS#12 keystore.")
    Path pkcs12;

    @Option(names = "--alias", description = "The keystore alias (default: the only key).")
    String alias;

    @Option(
        names = "--password-env",
        description = "Name of the environment variable holding the keystore password.")
    String passwordEnv;

    @Option(
        names = "--key-id",
        required = true,
        description = "The key's verification method id, <did>#<fragment>.")
    String keyId;

    @Option(
        names = "--format",
        defaultValue = "multikey",
        description = "jwk, multikey or pem (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--private", description = "Export the private key instead of the public one.")
    boolean includePrivate;

    @Override
    public Integer call() {
      SigningKey key = load();
      String text =
          switch (format) {
            case "jwk" -> includePrivate ? key.toPrivateJwk() : key.publicKey().toJwk();
            case "multikey" ->
                includePrivate ? key.toPrivateMultikey() : key.publicKey().multibase();
            case "pem" -> includePrivate ? key.toPkcs8Pem() : key.publicKey().toPem();
            default ->
                throw new IllegalArgumentException(
                    "--format must be jwk, multikey or pem (was " + format + ")");
          };
      spec.commandLine().getOut().println(text.strip());
      return 0;
    }

    private SigningKey load() {
      if ((pem == null) == (pkcs12 == null)) {
        throw new IllegalArgumentException("give exactly one of --pem and --pkcs12");
      }
      if (pem != null) {
        return SigningKey.fromPkcs8Pem(keyId, Files2.read(pem));
      }
      String password = passwordEnv == null ? "" : System.getenv(passwordEnv);
      if (password == null) {
        throw new IllegalArgumentException("environment variable " + passwordEnv + " is not set");
      }
      try (InputStream in = new FileInputStream(pkcs12.toFile())) {
        return SigningKey.fromPkcs12(keyId, in, password.toCharArray(), alias);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + pkcs12 + ": " + e.getMessage(), e);
      }
    }
  }

  /** Rotates: a new key signs from now, the old one is retired but stays in the history. */
  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description =
          "Generate a new key, retire the active one, and update issuer-key-history.json.")
  static final class Rotate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--history",
        required = true,
        description = "The issuer-key-history.json to update.")
    Path history;

    @Option(
        names = "--fragment",
        required = true,
        description = "The new key's fragment, never used before.")
    String fragment;

    @Option(
        names = "--algorithm",
        defaultValue = "ED25519",
        description = "ED25519 (default) or P256.")
    KeyAlgorithm algorithm;

    @Option(
        names = "--out",
        defaultValue = ".",
        description = "Folder for the new private key (default: current).")
    Path out;

    @Override
    public Integer call() {
      IssuerKeyHistory current = IssuerKeyHistory.fromJson(Files2.read(history));
      SigningKey key =
          SigningKey.generate(algorithm, keyId(current.did(), fragment), new SecureRandom());
      IssuerKeyHistory rotated = current.rotate(key.keyId(), key.publicKey(), Instant.now());
      Files2.write(out.resolve(fragment + ".private.pem"), key.toPkcs8Pem(), true);
      Files2.write(history, rotated.toJson(), false);
      spec.commandLine()
          .getOut()
          .println("active key " + key.keyId() + "; retired keys stay in " + history);
      return 0;
    }
  }
}
