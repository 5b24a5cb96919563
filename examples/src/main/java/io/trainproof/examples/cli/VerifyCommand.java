package io.trainproof.examples.cli;

import io.trainproof.core.TrainproofException;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.JsonLdContexts;
import io.trainproof.signing.verify.Check;
import io.trainproof.signing.verify.CredentialVerifier;
import io.trainproof.signing.verify.FailureReason;
import io.trainproof.signing.verify.Outcome;
import io.trainproof.signing.verify.TrustBundle;
import io.trainproof.signing.verify.VerificationPolicy;
import io.trainproof.signing.verify.VerificationResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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

  @Option(
      names = "--context",
      paramLabel = "<url>=<context.jsonld>",
      description = {
        "A JSON-LD context the credential names that the SDK does not bundle, read from a file"
            + " (never fetched): the URL the credential uses, '=', the file. Repeatable."
      })
  List<String> contexts = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    // Both files are read within bounds and checked as JSON here, so that a problem is reported
    // without quoting the file (see JsonInput).
    String json = JsonInput.read(credential);
    TrustBundle bundle = trust == null ? TrustBundle.of(List.of(), List.of()) : trustBundle(trust);
    VerificationResult result =
        new CredentialVerifier(
                bundle,
                Clock.systemUTC(),
                VerificationPolicy.DEFAULT,
                new DataIntegrity(contexts(contexts)))
            .verify(json);
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
      FailureReason why = check.reason();
      String reason = why == null ? "" : " (" + why.description() + ")";
      out.println(
          "  "
              + mark
              + " "
              + check.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + reason
              + ": "
              + check.detail());
    }
    out.println(
        result.verified()
            ? "VALID"
            : "INVALID: "
                + result.failureReasons().stream()
                    .map(FailureReason::description)
                    .sorted()
                    .collect(Collectors.joining("; ")));
    return result.verified() ? 0 : TrainproofCli.INVALID;
  }

  /** The bundled contexts and the ones given with {@code --context url=file}. */
  private static JsonLdContexts contexts(List<String> given) {
    JsonLdContexts all = JsonLdContexts.bundled();
    for (String spec : given) {
      int eq = spec.indexOf('=');
      if (eq <= 0 || eq == spec.length() - 1) {
        throw new CliException(
            "--context takes <url>=<file>, e.g. --context https://example.org/ctx/v1=ctx.jsonld");
      }
      String url = spec.substring(0, eq);
      Path file = Path.of(spec.substring(eq + 1));
      String json = JsonInput.read(file);
      try {
        all = all.with(url, json);
      } catch (TrainproofException e) {
        throw JsonInput.unusable(file, "JSON-LD context", e);
      }
    }
    return all;
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
