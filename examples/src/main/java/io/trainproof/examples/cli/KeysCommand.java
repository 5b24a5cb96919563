package io.trainproof.examples.cli;

import io.trainproof.core.ConflictException;
import io.trainproof.core.TrainproofException;
import io.trainproof.examples.cli.OutputFiles.Existing;
import io.trainproof.examples.cli.OutputFiles.Secrecy;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
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
  /** The name of the key history file {@code keys generate} writes. */
  static final String HISTORY = "issuer-key-history.json";

  /** A key id fragment: it also names the private key file, so it is one plain file name. */
  static final Pattern FRAGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

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

  /**
   * Checks a {@code --fragment}: it becomes part of a file name, so nothing that could lead out of
   * the output folder is accepted.
   */
  static String fragment(String fragment) {
    if (!FRAGMENT.matcher(fragment).matches() || fragment.contains("..")) {
      throw new CliException(
          "--fragment must be 1 to 64 letters, digits, '.', '_' or '-', start with a letter or a"
              + " digit, and not contain '..'");
    }
    return fragment;
  }

  /** The private key file of a fragment, checked to be directly inside the output folder. */
  static Path keyFile(Path out, String fragment) {
    Path folder = out.toAbsolutePath().normalize();
    Path file = folder.resolve(fragment(fragment) + ".private.pem").normalize();
    if (!folder.equals(file.getParent())) {
      throw new CliException("the key file for --fragment would be outside " + out);
    }
    return file;
  }

  static void refuseExisting(Path file, String advice) {
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(file)) {
      throw new CliException(file + " already exists and was left untouched; " + advice);
    }
  }

  static IssuerKeyHistory readHistory(Path file) {
    String json = JsonInput.read(file);
    try {
      return IssuerKeyHistory.fromJson(json);
    } catch (TrainproofException e) {
      throw JsonInput.unusable(file, "issuer key history", e);
    }
  }

  /** Generates a key and starts the issuer key history. */
  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description =
          "Generate an issuer key: writes <fragment>.private.pem (PKCS#8, mode 600 from its"
              + " creation) and issuer-key-history.json. Never replaces either without --force.")
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

    @Option(
        names = "--force",
        description =
            "Replace an existing private key file or key history, except a history that already"
                + " lists keys of this DID (a key id is never bound to a new key: use keys rotate).")
    boolean force;

    @Override
    public Integer call() {
      String keyId = keyId(did, fragment(fragment));
      Path keyFile = keyFile(out, fragment);
      Path historyFile = keyFile.resolveSibling(HISTORY);
      Existing existing = force ? Existing.REPLACE : Existing.REFUSE;
      OutputFiles.checkTarget(keyFile, Existing.REPLACE);
      OutputFiles.checkTarget(historyFile, Existing.REPLACE);
      if (!force) {
        String advice =
            "keys generate never replaces a key or a key history (to add a key use keys rotate;"
                + " to start over move the old files away, or give --force)";
        refuseExisting(keyFile, advice);
        refuseExisting(historyFile, advice);
      } else if (Files.exists(historyFile, LinkOption.NOFOLLOW_LINKS)) {
        IssuerKeyHistory old = readHistory(historyFile);
        if (old.did().equals(did)) {
          throw new CliException(
              historyFile
                  + " already lists keys of "
                  + did
                  + "; even with --force a key history is not replaced by one that drops or rebinds"
                  + " its key ids (to add a key use keys rotate)");
        }
      }
      OutputFiles.checkTarget(keyFile, existing);
      OutputFiles.checkTarget(historyFile, existing);
      SigningKey key = SigningKey.generate(algorithm, keyId, new SecureRandom());
      IssuerKeyHistory history =
          IssuerKeyHistory.start(did, key.keyId(), key.publicKey(), Instant.now());
      OutputFiles.write(keyFile, Secrecy.SECRET, existing, key.toPkcs8Pem());
      try {
        OutputFiles.write(historyFile, Secrecy.PUBLIC, existing, history.toJson());
      } catch (RuntimeException e) {
        // A key no history lists is of no use: it goes with the failed write.
        OutputFiles.deleteQuietly(keyFile);
        throw e;
      }
      PrintWriter o = spec.commandLine().getOut();
      o.println("key " + key.keyId());
      o.println("public multikey " + key.publicKey().multibase());
      o.println("wrote " + keyFile + " (mode 600) and " + historyFile);
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
        String text = InputFiles.readText(pem);
        try {
          return SigningKey.fromPkcs8Pem(keyId, text);
        } catch (TrainproofException e) {
          throw JsonInput.unusable(pem, "PKCS#8 private key PEM", e);
        }
      }
      String password = passwordEnv == null ? "" : System.getenv(passwordEnv);
      if (password == null) {
        throw new IllegalArgumentException("environment variable " + passwordEnv + " is not set");
      }
      byte[] keystore = InputFiles.readBytes(pkcs12);
      try {
        return SigningKey.fromPkcs12(
            keyId, new ByteArrayInputStream(keystore), password.toCharArray(), alias);
      } catch (TrainproofException e) {
        throw JsonInput.unusable(pkcs12, "PKCS#12 keystore", e);
      }
    }
  }

  /** Rotates: a new key signs from now, the old one is retired but stays in the history. */
  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description =
          "Generate a new key, retire the active one, and update issuer-key-history.json (in one"
              + " atomic step). The new private key file is never replaced without --force.")
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

    @Option(
        names = "--force",
        description =
            "Replace an existing private key file of the new fragment (one the history does not"
                + " list; a listed key id is never reused).")
    boolean force;

    @Override
    public Integer call() {
      Path keyFile = keyFile(out, fragment);
      Existing existing = force ? Existing.REPLACE : Existing.REFUSE;
      IssuerKeyHistory current = readHistory(history);
      OutputFiles.checkTarget(history, Existing.REPLACE);
      SigningKey key =
          SigningKey.generate(algorithm, keyId(current.did(), fragment), new SecureRandom());
      IssuerKeyHistory rotated;
      try {
        rotated = current.rotate(key.keyId(), key.publicKey(), Instant.now());
      } catch (ConflictException e) {
        throw new CliException(
            "#" + fragment + " is already used in " + history + "; a new key needs a new fragment");
      }
      if (!force) {
        refuseExisting(keyFile, "keys rotate never replaces a private key file without --force");
      }
      OutputFiles.checkTarget(keyFile, existing);
      OutputFiles.write(keyFile, Secrecy.SECRET, existing, key.toPkcs8Pem());
      try {
        OutputFiles.write(history, Secrecy.PUBLIC, Existing.REPLACE, rotated.toJson());
      } catch (RuntimeException e) {
        OutputFiles.deleteQuietly(keyFile);
        throw e;
      }
      spec.commandLine()
          .getOut()
          .println(
              "active key "
                  + key.keyId()
                  + " (private key "
                  + keyFile
                  + ", mode 600); retired keys stay in "
                  + history);
      return 0;
    }
  }
}
