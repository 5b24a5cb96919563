package io.trainproof.examples.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.Trainproof;
import io.trainproof.core.certificate.CertificateService;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.signing.jcs.JsonCanonicalizer;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.JsonLdContexts;
import io.trainproof.signing.verify.CredentialVerifier;
import io.trainproof.signing.verify.VerificationResult;
import io.trainproof.web.vcapi.Caller;
import io.trainproof.web.vcapi.CredentialSigning;
import io.trainproof.web.vcapi.IssuerSite;
import io.trainproof.web.vcapi.StatusUpdates;
import io.trainproof.web.vcapi.VcApi;
import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small web host on embedded Jetty 12: a verification page for people, the VC API endpoints the
 * W3C Data Integrity test suites drive ({@code POST /credentials/issue} and {@code POST
 * /credentials/verify}) and {@code POST /credentials/status} (revoking what it issued), the
 * issuer's status lists, its {@code did:web} document, and the compliance dashboard when one is
 * supplied. Not an API: an example of hosting Trainproof. Thread-safe.
 *
 * <p><b>Who may do what.</b> Verifying ({@code /}, {@code /verify}, {@code POST
 * /credentials/verify}), the status lists and the DID document are public. Signing ({@code POST
 * /credentials/issue}) and revoking what the SDK signed ({@code POST /credentials/status}: {@link
 * StatusUpdates}), both scope {@value Caller#ISSUE}, and the dashboard ({@code GET /dashboard},
 * scope {@value Caller#DASHBOARD}) need {@code Authorization: Bearer} with an API key or an access
 * token ({@link Access}): 401 with {@code WWW-Authenticate: Bearer} without a valid one, 403 with
 * {@code error="insufficient_scope"} without the scope. Signing goes through {@link
 * CredentialSigning} with the authenticated {@link Caller} as the organization's system actor under
 * the caller's id. The VC API itself ({@link VcApi}, {@link StatusUpdates}) lives in the web
 * module, which serves it on Spring MVC for production hosts.
 *
 * <p><b>Request hygiene.</b> The {@code Host} header must be one of the host's names ({@code
 * 127.0.0.1:port}, {@code localhost:port} and those configured), else 421. Every POST and the
 * dashboard refuse cross-site requests: {@code Sec-Fetch-Site: cross-site}, or an {@code Origin}
 * other than the host's own, is 403 (no {@code Origin} is a non-browser client and passes). A VC
 * API body must be JSON ({@code application/json}, {@code application/ld+json} or {@code
 * application/vc+ld+json}), a {@code /verify} POST a form, else 415.
 *
 * <p><b>Bounds.</b> Listens on 127.0.0.1 only. Headers are parsed by Jetty's selector without a
 * thread per connection; a request line and headers over {@value #MAX_HEADER_BYTES} bytes are 431
 * (414 for the request line alone); a connection idle for {@link Settings#idleTimeout()} is closed;
 * a request whose headers are not complete within {@link Settings#headerTimeout()} is answered 408
 * and closed ({@link HeaderDeadline}); bodies are read asynchronously, at most {@value
 * #MAX_FORM_BYTES} bytes for the form and {@value #MAX_JSON_BYTES} for the VC API (413 beyond, at
 * once when Content-Length says so) within {@link Settings#bodyTimeout()} (408 beyond); at most
 * {@link Settings#maxConnections()} connections are accepted at once (the rest wait in the kernel's
 * accept queue) and served by at most {@link Settings#maxThreads()} threads. A malformed request is
 * answered 400 (a bad percent-escape, invalid UTF-8, a code over {@value #MAX_CODE_CHARS}
 * characters), never dropped.
 */
public final class WebHost implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebHost.class);

  /** The longest verification code looked up, in characters (codes are far shorter). */
  public static final int MAX_CODE_CHARS = 64;

  /** The largest {@code /verify} form body, in bytes (a pasted certificate fits many times). */
  public static final int MAX_FORM_BYTES = 64 * 1024;

  /** The largest VC API request body, in bytes. */
  public static final int MAX_JSON_BYTES = VcApi.MAX_BODY;

  /** The largest request line plus headers, in bytes. */
  public static final int MAX_HEADER_BYTES = 16 * 1024;

  private static final List<String> JSON_TYPES =
      List.of("application/json", "application/ld+json", "application/vc+ld+json");
  private static final List<String> FORM_TYPES = List.of("application/x-www-form-urlencoded");
  private static final String HTML = "text/html; charset=utf-8";

  /**
   * The VC 2.0 examples context, which the W3C test suites' credentials use; a TEST host knows it
   * (it maps every undefined term into the examples vocabulary, so a real host does not).
   */
  static final String EXAMPLES_V2_URL = "https://www.w3.org/ns/credentials/examples/v2";

  static final String EXAMPLES_V2_CONTEXT =
      "{\"@context\":{\"@vocab\":\"https://www.w3.org/ns/credentials/examples#\"}}";

  /**
   * What the host serves.
   *
   * @param trainproof the instance whose certificates the page looks up by code
   * @param reader the actor the host reads certificates as (the organization's system actor)
   * @param history the issuer's key history (its DID document and verification keys)
   * @param signing signs for {@code /credentials/issue}, told who asked
   * @param clock the clock
   * @param dashboard renders the compliance dashboard for a viewer (the authenticated caller as an
   *     auditor of the reader's organization, so every view is audited), or null for none
   * @param access who may issue and read the dashboard
   * @param testIssuer true when the key is a throwaway test key: every page and the DID document
   *     say so
   * @param testIssuers throwaway did:key issuers (Ed25519, P-256, P-384) a TEST host also signs as,
   *     for the W3C conformance suites; {@link TestIssuers#none()} otherwise
   */
  public record Site(
      Trainproof trainproof,
      Actor reader,
      IssuerKeyHistory history,
      CredentialSigning signing,
      Clock clock,
      @Nullable Function<Actor, String> dashboard,
      Access access,
      boolean testIssuer,
      TestIssuers testIssuers) {

    /**
     * A site without throwaway did:key issuers.
     *
     * @param trainproof the instance
     * @param reader the actor the host reads certificates as
     * @param history the issuer's key history
     * @param signing signs for {@code /credentials/issue}
     * @param clock the clock
     * @param dashboard renders the dashboard for a viewer, or null
     * @param access who may issue and read the dashboard
     * @param testIssuer true when the key is a throwaway test key
     */
    public Site(
        Trainproof trainproof,
        Actor reader,
        IssuerKeyHistory history,
        CredentialSigning signing,
        Clock clock,
        @Nullable Function<Actor, String> dashboard,
        Access access,
        boolean testIssuer) {
      this(
          trainproof,
          reader,
          history,
          signing,
          clock,
          dashboard,
          access,
          testIssuer,
          TestIssuers.none());
    }

    /**
     * @param access who may issue and read the dashboard
     * @return this site with that access
     */
    public Site withAccess(Access access) {
      return new Site(
          trainproof, reader, history, signing, clock, dashboard, access, testIssuer, testIssuers);
    }

    /**
     * @param test whether the key is a throwaway test key
     * @return this site, marked accordingly
     */
    public Site withTestIssuer(boolean test) {
      return new Site(
          trainproof, reader, history, signing, clock, dashboard, access, test, testIssuers);
    }

    /**
     * @param issuers throwaway did:key issuers to sign as besides the organization
     * @return this site with them
     */
    public Site withTestIssuers(TestIssuers issuers) {
      return new Site(
          trainproof, reader, history, signing, clock, dashboard, access, testIssuer, issuers);
    }

    Id<Organization> organization() {
      return Objects.requireNonNull(reader.organization(), "the reader acts in an organization");
    }

    /**
     * @return what the VC API (in the web module) needs of this site
     */
    public IssuerSite issuerSite() {
      return new IssuerSite(trainproof, reader, history, signing, clock, testIssuers::signer);
    }
  }

  /**
   * How the server is bounded.
   *
   * @param hostNames names the {@code Host} header may carry besides {@code 127.0.0.1:port} and
   *     {@code localhost:port} (e.g. the name a reverse proxy forwards, {@code verify.example.org})
   * @param idleTimeout a connection with no byte for this long is closed
   * @param headerTimeout a request's line and headers must arrive within this, from the opening of
   *     the connection or the end of the previous response
   * @param bodyTimeout a request body must arrive within this
   * @param maxConnections connections accepted at once
   * @param maxThreads threads serving requests
   */
  public record Settings(
      List<String> hostNames,
      Duration idleTimeout,
      Duration headerTimeout,
      Duration bodyTimeout,
      int maxConnections,
      int maxThreads) {
    /** 30 s idle, 10 s for headers, 30 s for a body, 256 connections, 32 threads. */
    public static final Settings DEFAULT =
        new Settings(
            List.of(),
            Duration.ofSeconds(30),
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            256,
            32);

    /** Checks and copies the values. */
    public Settings {
      hostNames = hostNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
      if (idleTimeout.isNegative()
          || idleTimeout.isZero()
          || headerTimeout.isNegative()
          || headerTimeout.isZero()
          || bodyTimeout.isNegative()
          || bodyTimeout.isZero()) {
        throw new IllegalArgumentException("timeouts are positive");
      }
      if (maxConnections < 1 || maxThreads < 8) {
        throw new IllegalArgumentException("at least 1 connection and 8 threads");
      }
    }

    /**
     * @param names extra names for the {@code Host} header
     * @return these settings with those names
     */
    public Settings withHostNames(List<String> names) {
      return new Settings(
          names, idleTimeout, headerTimeout, bodyTimeout, maxConnections, maxThreads);
    }

    /**
     * @param idle the idle timeout
     * @param header the header timeout
     * @param body the body timeout
     * @return these settings with those timeouts
     */
    public Settings withTimeouts(Duration idle, Duration header, Duration body) {
      return new Settings(hostNames, idle, header, body, maxConnections, maxThreads);
    }
  }

  private final Site site;
  private final Settings settings;
  private final Server server;
  private final ServerConnector connector;
  private final HeaderDeadline deadline;
  private final VcApi vcApi;
  private final StatusUpdates statusUpdates;
  private final Set<String> extraOrigins;

  private WebHost(Site site, Settings settings, int port) {
    this.site = site;
    this.settings = settings;
    this.vcApi =
        new VcApi(
            site.issuerSite(),
            site.testIssuer()
                ? new DataIntegrity(
                    JsonLdContexts.bundled().with(EXAMPLES_V2_URL, EXAMPLES_V2_CONTEXT))
                : new DataIntegrity());
    this.statusUpdates = new StatusUpdates(site.issuerSite());
    Set<String> origins = new LinkedHashSet<>();
    for (String h : settings.hostNames()) {
      origins.add("http://" + h);
      origins.add("https://" + h);
    }
    this.extraOrigins = Set.copyOf(origins);
    QueuedThreadPool threads = new QueuedThreadPool(settings.maxThreads(), 4);
    threads.setName("web-host");
    this.server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(MAX_HEADER_BYTES);
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    connector.setIdleTimeout(settings.idleTimeout().toMillis());
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(settings.maxConnections(), connector));
    this.deadline = new HeaderDeadline(connector.getScheduler(), settings.headerTimeout());
    connector.addEventListener(deadline);
    server.setErrorHandler(new LoggedErrors());
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            return WebHost.this.handle(request, response, callback);
          }
        });
  }

  /**
   * Starts serving with the default {@link Settings}.
   *
   * @param site what to serve
   * @param port the port (0 for any free one)
   * @return the running host
   * @throws IOException when the port cannot be bound ({@link BindException} when in use)
   */
  public static WebHost start(Site site, int port) throws IOException {
    return start(site, Settings.DEFAULT, port);
  }

  /**
   * Starts serving.
   *
   * @param site what to serve
   * @param settings the server's bounds and names
   * @param port the port (0 for any free one)
   * @return the running host
   * @throws IOException when the port cannot be bound ({@link BindException} when in use)
   */
  public static WebHost start(Site site, Settings settings, int port) throws IOException {
    WebHost host = new WebHost(site, settings, port);
    try {
      host.server.start();
    } catch (Exception e) {
      host.close();
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof BindException) {
          BindException bind = new BindException("port " + port + " is in use");
          bind.initCause(e);
          throw bind;
        }
      }
      if (e instanceof IOException io) {
        throw io;
      }
      throw new IOException("the web host did not start", e);
    }
    int bound = host.connector.getLocalPort();
    LOG.info(
        "web host listening on http://127.0.0.1:{}/{}",
        bound,
        site.testIssuer() ? " as a TEST issuer" : "");
    return host;
  }

  /**
   * @return the port it listens on
   */
  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      // why: stopping is best effort; a failure to stop leaves nothing the caller can act on
      LOG.warn("the web host did not stop cleanly", e);
    }
  }

  // ---------------------------------------------------------------- dispatch

  private boolean handle(Request request, Response response, Callback callback) {
    Connection connection = request.getConnectionMetaData().getConnection();
    deadline.requestStarted(connection);
    Request.addCompletionListener(request, failure -> deadline.requestEnded(connection));
    String path = request.getHttpURI().getPath();
    Exchange x =
        new Exchange(request, response, callback, path != null && path.startsWith("/credentials/"));
    try {
      route(x);
    } catch (RuntimeException e) {
      x.internalError(e);
    }
    return true;
  }

  private void route(Exchange x) {
    List<String> host = x.headers(HttpHeader.HOST.asString());
    if (host.size() != 1) {
      x.refuse(400, "exactly one Host header is required");
      return;
    }
    if (!ownHost(host.get(0).strip().toLowerCase(Locale.ROOT))) {
      x.refuse(421, "the Host header is not one of this host's names");
      return;
    }
    String path = x.path();
    switch (path) {
      case "/" -> page(x);
      case "/verify" -> verifyForm(x);
      case "/credentials/issue" -> issue(x);
      case "/credentials/status" -> updateStatus(x);
      case "/credentials/verify" -> verifyApi(x);
      case "/.well-known/did.json" -> didDocument(x);
      case "/credentials/issuers" -> issuers(x);
      case "/dashboard" -> dashboard(x);
      default -> {
        if (path.startsWith("/status/")) {
          statusList(x);
        } else {
          x.send(404, "text/plain; charset=utf-8", "not found");
        }
      }
    }
  }

  /** 127.0.0.1:port, localhost:port, or a configured name. */
  private boolean ownHost(String host) {
    int port = connector.getLocalPort();
    return host.equals("127.0.0.1:" + port)
        || host.equals("localhost:" + port)
        || settings.hostNames().contains(host);
  }

  /** http:// and one of the host's names; https:// too for a configured name (behind TLS). */
  private boolean ownOrigin(String origin) {
    return (origin.startsWith("http://") && ownHost(origin.substring("http://".length())))
        || extraOrigins.contains(origin);
  }

  private static boolean get(Exchange x) {
    if (x.method().equals("GET")) {
      return true;
    }
    x.header("Allow", "GET");
    x.refuse(405, "GET only");
    return false;
  }

  /**
   * Refuses a cross-site request (403) to a POST or a protected resource: a browser says {@code
   * Sec-Fetch-Site: cross-site}, or sends an {@code Origin} that is not this host's.
   *
   * @return true when refused
   */
  private boolean crossSite(Exchange x) {
    List<String> fetchSite = x.headers("Sec-Fetch-Site");
    if (fetchSite.stream().anyMatch(s -> s.strip().equalsIgnoreCase("cross-site"))) {
      x.refuse(403, "cross-site requests are refused");
      return true;
    }
    List<String> origin = x.headers(HttpHeader.ORIGIN.asString());
    if (origin.size() > 1
        || (origin.size() == 1 && !ownOrigin(origin.get(0).strip().toLowerCase(Locale.ROOT)))) {
      x.refuse(403, "requests from another origin are refused");
      return true;
    }
    return false;
  }

  /**
   * Authenticates the caller and checks a scope: 401 or 403 with {@code WWW-Authenticate}.
   *
   * @return the caller, or null when refused
   */
  private @Nullable Caller authorize(Exchange x, String scope) {
    Access.Outcome outcome = site.access().authenticate(x.headers("Authorization"));
    if (outcome instanceof Access.Missing) {
      x.header("WWW-Authenticate", "Bearer realm=\"trainproof\"");
      x.refuse(401, "authentication required (Authorization: Bearer)");
      return null;
    }
    if (!(outcome instanceof Access.Authenticated authenticated)) {
      x.header(
          "WWW-Authenticate",
          "Bearer realm=\"trainproof\", error=\"invalid_token\","
              + " error_description=\"the API key or access token is not valid\"");
      x.refuse(401, "the API key or access token is not valid");
      return null;
    }
    Caller caller = authenticated.caller();
    x.caller(caller.id());
    if (!caller.has(scope)) {
      x.header(
          "WWW-Authenticate",
          "Bearer realm=\"trainproof\", error=\"insufficient_scope\", scope=\"" + scope + "\"");
      x.refuse(403, "the caller lacks the scope " + scope);
      return null;
    }
    return caller;
  }

  // ---------------------------------------------------------------- verification page

  private void page(Exchange x) {
    if (get(x)) {
      x.send(200, HTML, Pages.form(site.history().did(), site.testIssuer()));
    }
  }

  private void verifyForm(Exchange x) {
    // GET /verify?code=... is what a certificate's QR code opens; POST carries the form.
    if (x.method().equals("POST")) {
      if (crossSite(x)) {
        return;
      }
      if (!x.contentType(FORM_TYPES)) {
        x.refuse(415, "POST the form as application/x-www-form-urlencoded");
        return;
      }
      x.readBody(MAX_FORM_BYTES, settings.bodyTimeout(), body -> verifyFields(x, body));
      return;
    }
    String query = x.rawQuery();
    if (x.method().equals("GET") && query != null) {
      verifyFields(x, Form.bytes(query));
      return;
    }
    x.header("Allow", "GET, POST");
    x.refuse(405, "POST a code or a credential, or GET /verify?code=...");
  }

  private void verifyFields(Exchange x, byte[] raw) {
    Map<String, String> form;
    try {
      form = Form.decode(raw);
    } catch (Form.Malformed e) {
      x.refuse(400, String.valueOf(e.getMessage()));
      return;
    }
    String code = form.getOrDefault("code", "").strip();
    String json = form.getOrDefault("credential", "").strip();
    if (code.length() > MAX_CODE_CHARS) {
      x.refuse(400, "a verification code has at most " + MAX_CODE_CHARS + " characters");
      return;
    }
    String revocationReason = null;
    if (json.isEmpty() && !code.isEmpty()) {
      Optional<Certificate> found =
          site.trainproof().certificates().findByCode(site.reader(), code.toUpperCase(Locale.ROOT));
      if (found.isEmpty()) {
        x.send(404, HTML, Pages.notFound(code, site.testIssuer()));
        return;
      }
      json = found.get().credentialJson();
      revocationReason =
          found.get().status() == Certificate.Status.REVOKED ? found.get().statusReason() : null;
    }
    if (json.isEmpty()) {
      x.send(400, HTML, Pages.notFound("", site.testIssuer()));
      return;
    }
    VerificationResult result =
        new CredentialVerifier(vcApi.trustBundle(), site.clock()).verify(json);
    x.send(200, HTML, Pages.result(result, json, revocationReason, site.testIssuer()));
  }

  // ---------------------------------------------------------------- VC API

  private void issue(Exchange x) {
    if (!x.method().equals("POST")) {
      x.header("Allow", "POST");
      x.refuse(405, "POST {credential, options}");
      return;
    }
    if (crossSite(x)) {
      return;
    }
    Caller caller = authorize(x, Caller.ISSUE);
    if (caller == null) {
      return;
    }
    if (!x.contentType(JSON_TYPES)) {
      x.refuse(415, "POST the request as application/json");
      return;
    }
    x.readBody(
        MAX_JSON_BYTES,
        settings.bodyTimeout(),
        body -> {
          VcApi.Response response =
              vcApi.issue(caller.actor(site.organization(), ActorRole.SYSTEM), body);
          if (response.status() == 201) {
            logSigned(caller, response.body().path("verifiableCredential"));
            x.send(201, "application/json", StrictJson.write(response.body()));
          } else {
            x.logRefusal(response.status(), response.reason());
            x.send(response.status(), "application/json", StrictJson.write(response.body()));
          }
        });
  }

  private void updateStatus(Exchange x) {
    if (!x.method().equals("POST")) {
      x.header("Allow", "POST");
      x.refuse(405, "POST {credentialId, credentialStatus, status}");
      return;
    }
    if (crossSite(x)) {
      return;
    }
    Caller caller = authorize(x, Caller.ISSUE);
    if (caller == null) {
      return;
    }
    if (!x.contentType(JSON_TYPES)) {
      x.refuse(415, "POST the request as application/json");
      return;
    }
    x.readBody(
        MAX_JSON_BYTES,
        settings.bodyTimeout(),
        body -> {
          VcApi.Response response =
              statusUpdates.update(caller.actor(site.organization(), ActorRole.SYSTEM), body);
          if (response.status() == 200) {
            LOG.info("{} for {} ({})", response.reason(), caller.id(), caller.via());
          } else {
            x.logRefusal(response.status(), response.reason());
          }
          x.send(response.status(), "application/json", StrictJson.write(response.body()));
        });
  }

  private static void logSigned(Caller caller, JsonNode signed) {
    JsonNode proof = signed.path("proof");
    LOG.info(
        "signed a credential for {} ({}): {} with {}, credential sha256 {}",
        caller.id(),
        caller.via(),
        proof.path("cryptosuite").asText(),
        proof.path("verificationMethod").asText(),
        sha256(JsonCanonicalizer.canonicalize(signed)));
  }

  private void verifyApi(Exchange x) {
    if (!x.method().equals("POST")) {
      x.header("Allow", "POST");
      x.refuse(405, "POST {verifiableCredential, options}");
      return;
    }
    if (crossSite(x)) {
      return;
    }
    if (!x.contentType(JSON_TYPES)) {
      x.refuse(415, "POST the request as application/json");
      return;
    }
    x.readBody(
        MAX_JSON_BYTES,
        settings.bodyTimeout(),
        body -> {
          VcApi.Response response = vcApi.verify(body);
          if (response.status() == 400) {
            x.logRefusal(400, response.reason());
          }
          x.send(response.status(), "application/json", StrictJson.write(response.body()));
        });
  }

  // ---------------------------------------------------------------- publication

  private void statusList(Exchange x) {
    if (!get(x)) {
      return;
    }
    String path = x.path();
    String purpose = path.substring("/status/".length());
    if (!purpose.equals(CertificateService.REVOCATION)
        && !purpose.equals(CertificateService.SUPERSEDED)) {
      x.send(404, "text/plain; charset=utf-8", "no such status list");
      return;
    }
    x.send(
        200,
        "application/vc+ld+json",
        site.trainproof().certificates().statusListCredential(site.reader(), purpose));
  }

  /**
   * {@code GET /credentials/issuers}: the issuer ids this host signs as, with their key types; the
   * did:key TEST issuers first (the W3C suites take the first of a key type), the organization's
   * own last.
   */
  private void issuers(Exchange x) {
    if (!get(x)) {
      return;
    }
    ArrayNode list = site.testIssuers().list();
    list.addObject().put("id", site.history().did()).put("keyType", keyType(site.history()));
    x.send(200, "application/json", StrictJson.write(list));
  }

  private static String keyType(IssuerKeyHistory history) {
    return history.keys().stream()
        .filter(k -> k.active())
        .findFirst()
        .map(k -> k.key().algorithm().label())
        .orElse("none");
  }

  private void didDocument(Exchange x) {
    if (!get(x)) {
      return;
    }
    ObjectNode did = site.history().didDocument();
    if (site.testIssuer()) {
      did.put("trainproofTestIssuer", Pages.TEST_ISSUER);
    }
    x.send(200, "application/json", StrictJson.write(did));
  }

  private void dashboard(Exchange x) {
    if (!get(x) || crossSite(x)) {
      return;
    }
    Caller caller = authorize(x, Caller.DASHBOARD);
    if (caller == null) {
      return;
    }
    Function<Actor, String> dashboard = site.dashboard();
    if (dashboard == null) {
      x.send(404, "text/plain; charset=utf-8", "no dashboard configured");
      return;
    }
    LOG.info("dashboard read by {} ({})", caller.id(), caller.via());
    x.send(200, HTML, dashboard.apply(caller.actor(site.organization(), ActorRole.AUDITOR)));
  }

  /**
   * Jetty's own refusals (a request line or headers too long, a malformed request, a request Jetty
   * fails before the host sees it), logged like the host's: status, path, remote address.
   */
  private static final class LoggedErrors extends ErrorHandler {
    LoggedErrors() {
      setShowStacks(false);
      setShowMessageInTitle(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      LOG.info(
          "refused {} {}: {} (by the server, from {})",
          request.getMethod(),
          request.getHttpURI().getPath(),
          request.getAttribute(ERROR_STATUS),
          Request.getRemoteAddr(request));
      return super.handle(request, response, callback);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
