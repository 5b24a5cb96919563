package io.trainproof.examples.cli;

import io.trainproof.core.TrainproofException;
import io.trainproof.signing.verify.Check;
import io.trainproof.signing.verify.CredentialVerifier;
import io.trainproof.signing.verify.FailureReason;
import io.trainproof.signing.verify.Outcome;
import io.trainproof.signing.verify.TrustBundle;
import io.trainproof.signing.verify.VerificationResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trainproof verify}: offline verification of a certificate or attestation. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify a Trainproof credential offline and print every check.",
      "Exit 0 valid, 1 invalid, 2 unusable input."
    })
final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "<credential.json>",
      description = "The credential to verify.")
  Path credential;

  @Option(
      names = "--trust",
      paramLabel = "<bundle.json>",
      description =
          "Trust bundle: issuer key histories and status list credentials (as the demo writes it).")
  Path trust;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    // Both files are read within bounds and checked as JSON here, so that a problem is reported
    // without quoting the file (see JsonInput).
    String json = JsonInput.read(credential);
    TrustBundle bundle = trust == null ? TrustBundle.of(List.of(), List.of()) : trustBundle(trust);
    VerificationResult result = new CredentialVerifier(bundle, Clock.systemUTC()).verify(json);
    if (result.failureReasons().contains(FailureReason.MALFORMED_JSON)
        || result.failureReasons().contains(FailureReason.INPUT_TOO_LARGE)) {
      // why no detail: the verifier's detail quotes the input
      spec.commandLine()
          .getErr()
          .println("trainproof: " + credential + " is not usable JSON (malformed or too large)");
      return TrainproofCli.UNUSABLE;
    }
    out.println(
        "credential " + (result.credentialId() == null ? "(no id)" : result.credentialId()));
    for (Check check : result.checks()) {
      String mark =
          check.outcome() == Outcome.PASSED
              ? "PASS"
              : check.outcome() == Outcome.FAILED ? "FAIL" : "n/a ";
      String reason = check.reason() == null ? "" : " [" + check.reason() + "]";
      out.println(
          "  "
              + mark
              + " "
              + check.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + reason
              + ": "
              + check.detail());
    }
    out.println(result.verified() ? "VALID" : "INVALID: " + result.failureReasons());
    return result.verified() ? 0 : TrainproofCli.INVALID;
  }

  private static TrustBundle trustBundle(Path file) {
    String json = JsonInput.read(file);
    try {
      return TrustBundle.fromJson(json);
    } catch (TrainproofException e) {
      throw JsonInput.unusable(file, "trust bundle", e);
    }
  }
}
