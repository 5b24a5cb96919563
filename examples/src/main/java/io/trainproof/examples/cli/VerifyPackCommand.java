package io.trainproof.examples.cli;

import io.trainproof.core.TrainproofException;
import io.trainproof.reporting.EvidencePackVerifier;
import io.trainproof.reporting.evidence.ManifestKeys;
import io.trainproof.reporting.evidence.PackVerification;
import io.trainproof.signing.verify.TrustBundle;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trainproof verify-pack}: an evidence pack checked offline, as an auditor would. */
@Command(
    name = "verify-pack",
    mixinStandardHelpOptions = true,
    description = {
      "Check an evidence pack offline, as an auditor would, and print every check.",
      "Each file's size and SHA-256 against the manifest (and no file the manifest does not list),"
          + " the manifest's signature by a key in the trust bundle that was active when the pack"
          + " was made, and the audit-trail excerpt's hashes and links.",
      "Exit 0 verified, 1 not verified, 2 unusable input."
    })
final class VerifyPackCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<pack.zip>", description = "The evidence pack.")
  Path pack;

  @Option(
      names = "--trust",
      paramLabel = "<bundle.json>",
      description =
          "Trust bundle naming the keys that may sign manifests (the demo writes one). Without"
              + " it the files and the audit excerpt are checked, and the signature is not.")
  @Nullable Path trust;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    regularFile(pack);
    ManifestKeys keys = trust == null ? ManifestKeys.none() : keys(trust);
    PackVerification result = EvidencePackVerifier.verify(pack, keys);
    out.println("evidence pack " + pack);
    for (PackVerification.Check check : result.checks()) {
      String mark =
          switch (check.outcome()) {
            case PASSED -> "PASS";
            case FAILED -> "FAIL";
            case NOT_CHECKED -> "n/a ";
          };
      out.println("  " + mark + " " + check.name() + ": " + check.detail());
    }
    if (result.verified()) {
      out.println("VERIFIED");
      return 0;
    }
    boolean failed =
        result.checks().stream().anyMatch(c -> c.outcome() == PackVerification.Outcome.FAILED);
    out.println(
        failed
            ? "NOT VERIFIED: a check failed"
            : trust == null
                ? "NOT VERIFIED: the signature was not checked; use --trust <bundle.json> to say"
                    + " whose key may sign the manifest"
                : "NOT VERIFIED: the manifest is not signed by a key the trust bundle names");
    return TrainproofCli.INVALID;
  }

  private static void regularFile(Path path) {
    try {
      if (!Files.readAttributes(path, BasicFileAttributes.class).isRegularFile()) {
        throw new CliException(path + " is not a regular file");
      }
    } catch (NoSuchFileException e) {
      throw new CliException("no such file: " + path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  private static ManifestKeys keys(Path file) {
    String json = JsonInput.read(file);
    TrustBundle bundle;
    try {
      bundle = TrustBundle.fromJson(json);
    } catch (TrainproofException e) {
      throw JsonInput.unusable(file, "trust bundle", e);
    }
    return keyId ->
        bundle
            .key(keyId)
            .map(
                k ->
                    new ManifestKeys.TrustedKey(
                        k.record().key().toPem(), k.record().activeFrom(), k.record().retiredAt()));
  }
}
