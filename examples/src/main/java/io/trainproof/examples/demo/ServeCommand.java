package io.trainproof.examples.demo;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.examples.web.Access;
import io.trainproof.examples.web.AccessTokens;
import io.trainproof.examples.web.TestIssuers;
import io.trainproof.examples.web.WebHost;
import io.trainproof.reporting.ReportFormat;
import io.trainproof.reporting.Reporting;
import io.trainproof.signing.OrganizationIssuer;
import io.trainproof.signing.SigningCredentialIssuer;
import io.trainproof.signing.key.InMemoryKeyProvider;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyRecord;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.web.vcapi.ApiKeys;
import io.trainproof.web.vcapi.Caller;
import io.trainproof.web.vcapi.CredentialSigning;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trainproof serve}: the web host on the demo database. It signs as a TEST issuer with the
 * demo's throwaway key unless a real key is given on purpose ({@code --key-history} and {@code
 * --key}). Issuing and the dashboard need a bearer credential: a one-time API key printed at
 * startup (never logged, never stored), the keys of an {@code --api-keys} file, or access tokens of
 * a configured OAuth 2.0 issuer ({@code --jwt-issuer}, {@code --jwt-audience}, {@code --jwks}).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the verification page, the VC API and the dashboard on the demo database.",
      "Also the status lists and the issuer's DID document; runs the demo first if there is none."
          + " Stop with Ctrl-C.",
      "Signs as a TEST issuer with the demo's throwaway key unless --key-history and --key are"
          + " given.",
      "POST /credentials/issue and /dashboard need 'Authorization: Bearer <API key or access"
          + " token>'."
    })
public final class ServeCommand implements Callable<Integer> {
  /** The actor id of the one-time API key printed at startup. */
  static final String ONE_TIME_ACTOR = "serve-operator";

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "The port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--dir",
      defaultValue = "trainproof-demo",
      description = "Where the demo lives (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(
      names = "--key-history",
      paramLabel = "FILE",
      description = "A real issuer's key history (JSON); with --key, signs as that issuer.")
  @Nullable Path keyHistory;

  @Option(
      names = "--key",
      paramLabel = "FILE",
      description = "The PKCS#8 PEM private key of the history's active key; with --key-history.")
  @Nullable Path key;

  @Option(
      names = "--api-keys",
      paramLabel = "FILE",
      description = {
        "API keys, one a line: sha256:<hex SHA-256 of the key> <actor id> <scope>... (scopes: "
            + Caller.ISSUE
            + ", "
            + Caller.DASHBOARD
            + "). Without it a one-time key is printed at startup."
      })
  @Nullable Path apiKeys;

  @Option(
      names = "--jwt-issuer",
      paramLabel = "URL",
      description = "Accept OAuth 2.0 access tokens (JWTs) from this issuer (iss).")
  @Nullable String jwtIssuer;

  @Option(
      names = "--jwt-audience",
      paramLabel = "AUD",
      description = "The audience (aud) access tokens must name; with --jwt-issuer.")
  @Nullable String jwtAudience;

  @Option(
      names = "--jwks",
      paramLabel = "FILE",
      description = "The token issuer's JWK set, read from this file; with --jwt-issuer.")
  @Nullable Path jwks;

  @Option(
      names = "--host-name",
      paramLabel = "NAME",
      description =
          "Another name the Host header may carry (e.g. behind a proxy); 127.0.0.1:PORT and"
              + " localhost:PORT always work. Repeatable.")
  List<String> hostNames = new ArrayList<>();

  /**
   * The host and the demo world it serves, running.
   *
   * @param host the host
   * @param world the demo world
   */
  record Running(WebHost host, ClinicDemo.World world) implements AutoCloseable {
    @Override
    public void close() {
      try {
        host.close();
      } finally {
        world.close();
      }
    }
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    Running running = start(spec.commandLine().getOut());
    try {
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      stop.await();
    } finally {
      running.close();
    }
    return 0;
  }

  /**
   * Opens the demo and starts serving it, printing the startup lines (and the one-time API key).
   *
   * @param out where the lines go
   * @return the running host
   * @throws IOException when a file cannot be read or the port bound
   */
  Running start(PrintWriter out) throws IOException {
    if ((keyHistory == null) != (key == null)) {
      throw new IllegalArgumentException("--key-history and --key go together");
    }
    Path keyFile = apiKeys;
    String oneTimeKey = keyFile == null ? ApiKeys.generate(new SecureRandom()) : null;
    ApiKeys keys =
        oneTimeKey != null
            ? ApiKeys.of(
                List.of(
                    ApiKeys.Entry.ofKey(
                        oneTimeKey, ONE_TIME_ACTOR, Set.of(Caller.ISSUE, Caller.DASHBOARD))))
            : ApiKeys.load(Objects.requireNonNull(keyFile));
    Access access = Access.of(keys, tokens());
    boolean test = keyHistory == null;
    IssuerKeyHistory realHistory = test ? null : realHistory();
    SigningKey realKey = realHistory == null ? null : realKey(realHistory);
    ClinicDemo.World w = new ClinicDemo(dir, out).open();
    WebHost host;
    SigningKey signingKey;
    IssuerKeyHistory history;
    try {
      history = realHistory == null ? w.history() : realHistory;
      signingKey = realKey == null ? w.key() : realKey;
      // why: the SDK signs and audits everything the host signs, with the real key too: an
      // instance on the same store whose issuer holds that key (the demo was made with the demo
      // key, which a real key never signs for)
      // why the real clock for a real key: what it signs is signed now, and its history (from
      // keys generate) starts now; the demo's clock reads its simulated time (today 09:00 in
      // Chicago), before which a key made later today is not active, so every signature failed.
      Clock clock = realHistory == null ? w.clock() : Clock.systemUTC();
      Trainproof tp =
          realHistory == null
              ? w.tp()
              : Trainproof.builder()
                  .store(w.store())
                  .clock(clock)
                  .credentialIssuer(realIssuer(realHistory, signingKey, clock))
                  .build();
      Reporting reporting = DemoOutputs.reporting(w);
      WebHost.Site site =
          new WebHost.Site(
              tp,
              Actor.system(w.org().id()),
              history,
              CredentialSigning.audited(tp),
              clock,
              viewer -> {
                ByteArrayOutputStream html = new ByteArrayOutputStream();
                reporting.render(
                    reporting.reports().dashboard(viewer, w.clock().today()),
                    ReportFormat.HTML,
                    html);
                return html.toString(StandardCharsets.UTF_8);
              },
              access,
              test);
      if (test) {
        site = site.withTestIssuers(TestIssuers.generate(new SecureRandom()));
      }
      host = WebHost.start(site, WebHost.Settings.DEFAULT.withHostNames(hostNames), port);
    } catch (BindException e) {
      w.close();
      throw new IllegalArgumentException(
          "port " + port + " is in use; choose another with --port", e);
    } catch (IOException | RuntimeException e) {
      w.close();
      throw e;
    }
    String base = "http://127.0.0.1:" + host.port() + "/";
    out.println(
        "Serving "
            + w.org().name()
            + " on "
            + base
            + (test
                ? " as a TEST issuer: the demo's throwaway key "
                    + signingKey.keyId()
                    + " signs, so its certificates prove nothing about real training"
                : " as " + history.did() + " with key " + signingKey.keyId())
            + "; Ctrl-C stops.");
    out.println(
        "POST /credentials/issue (scope "
            + Caller.ISSUE
            + ") and GET /dashboard (scope "
            + Caller.DASHBOARD
            + ") need 'Authorization: Bearer <key>'.");
    if (oneTimeKey != null) {
      out.println(
          "One-time API key for this run (scopes "
              + Caller.ISSUE
              + " "
              + Caller.DASHBOARD
              + "; shown once, not stored):");
      out.println("  " + oneTimeKey);
      out.println("  e.g. curl -H 'Authorization: Bearer <key>' " + base + "dashboard");
      out.println(
          "Keys that outlive a run: --api-keys FILE, one line per key: 'sha256:<hex> <actor id>"
              + " <scope>...', the hex from: echo -n \"$KEY\" | sha256sum");
    }
    out.flush();
    return new Running(host, w);
  }

  private @Nullable AccessTokens tokens() throws IOException {
    if (jwtIssuer == null && jwtAudience == null && jwks == null) {
      return null;
    }
    if (jwtIssuer == null || jwtAudience == null || jwks == null) {
      throw new IllegalArgumentException("--jwt-issuer, --jwt-audience and --jwks go together");
    }
    return AccessTokens.load(jwtIssuer, jwtAudience, jwks, Clock.systemUTC());
  }

  private IssuerKeyHistory realHistory() throws IOException {
    Path file = Objects.requireNonNull(keyHistory, "--key-history");
    return IssuerKeyHistory.fromJson(Files.readString(file, StandardCharsets.UTF_8));
  }

  private SigningKey realKey(IssuerKeyHistory history) throws IOException {
    if (key == null) {
      throw new IllegalArgumentException("--key-history and --key go together");
    }
    KeyRecord active =
        history
            .active()
            .orElseThrow(() -> new IllegalArgumentException(keyHistory + " has no active key"));
    SigningKey signingKey =
        SigningKey.fromPkcs8Pem(active.id(), Files.readString(key, StandardCharsets.US_ASCII));
    if (!signingKey.publicKey().equals(active.key())) {
      throw new IllegalArgumentException(
          key + " is not the private key of the active key " + active.id());
    }
    publicUrl(history.did());
    return signingKey;
  }

  private static SigningCredentialIssuer realIssuer(
      IssuerKeyHistory history, SigningKey key, Clock clock) {
    String url = publicUrl(history.did());
    return SigningCredentialIssuer.builder()
        .issuers(org -> OrganizationIssuer.of(history, new InMemoryKeyProvider().add(key), url))
        .statusListBaseUrl(url + "/status")
        .clock(clock)
        .build();
  }

  /**
   * Where a real issuer's status lists are published: the web origin (and path) its DID names.
   *
   * @param did a {@code did:web} DID or an {@code https} URL
   * @return the URL, without a trailing slash
   */
  static String publicUrl(String did) {
    if (did.startsWith("did:web:")) {
      String[] parts = did.substring("did:web:".length()).split(":", -1);
      StringBuilder url = new StringBuilder("https://").append(parts[0].replace("%3A", ":"));
      for (int i = 1; i < parts.length; i++) {
        url.append('/').append(parts[i]);
      }
      return url.toString();
    }
    if (did.startsWith("https://")) {
      URI uri = URI.create(did);
      return "https://" + uri.getRawAuthority();
    }
    throw new IllegalArgumentException(
        "the key history's issuer "
            + did
            + " has no web address for its status lists: serve a did:web or https issuer");
  }
}
