package io.trainproof.examples.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.certificate.CertificateService;
import io.trainproof.core.domain.Certificate;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.Signer;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.verify.CredentialVerifier;
import io.trainproof.signing.verify.VerificationResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small web host on the JDK's HTTP server: a verification page for people, the VC API endpoints
 * the W3C Data Integrity test suites drive ({@code POST /credentials/issue} and {@code POST
 * /credentials/verify}), the issuer's status lists, its {@code did:web} document, and the
 * compliance dashboard when one is supplied. Not an API: an example of hosting Trainproof.
 * Thread-safe.
 */
public final class WebHost implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebHost.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What the host serves.
   *
   * @param trainproof the instance whose certificates the page looks up by code
   * @param reader the actor the host reads certificates as (the organization's system actor)
   * @param history the issuer's key history (its DID document and verification keys)
   * @param signer the signer of the history's active key, for {@code /credentials/issue}
   * @param clock the clock
   * @param dashboard the compliance dashboard HTML, or null when there is none
   */
  public record Site(
      Trainproof trainproof,
      Actor reader,
      IssuerKeyHistory history,
      Signer signer,
      Clock clock,
      @Nullable Supplier<String> dashboard) {}

  private final Site site;
  private final HttpServer server;
  private final VcApi vcApi;

  private WebHost(Site site, HttpServer server) {
    this.site = site;
    this.server = server;
    this.vcApi = new VcApi(site, new DataIntegrity());
  }

  /**
   * Starts serving.
   *
   * @param site what to serve
   * @param port the port (0 for any free one)
   * @return the running host
   * @throws IOException when the port cannot be bound (in use, say)
   */
  public static WebHost start(Site site, int port) throws IOException {
    HttpServer server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 0);
    WebHost host = new WebHost(site, server);
    server.createContext("/", host::page);
    server.createContext("/verify", host::verifyForm);
    server.createContext("/credentials/issue", host::issue);
    server.createContext("/credentials/verify", host::verifyApi);
    server.createContext("/status/", host::statusList);
    server.createContext("/.well-known/did.json", host::didDocument);
    server.createContext("/dashboard", host::dashboard);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    LOG.info("web host listening on http://127.0.0.1:{}/", server.getAddress().getPort());
    return host;
  }

  /**
   * @return the port it listens on
   */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    if (server.getExecutor() instanceof ExecutorService pool) {
      pool.shutdownNow();
    }
  }

  // ---------------------------------------------------------------- verification page

  private void page(HttpExchange x) throws IOException {
    if (!x.getRequestURI().getPath().equals("/")) {
      send(x, 404, "text/plain", "not found");
      return;
    }
    send(x, 200, "text/html; charset=utf-8", Pages.form(site.history().did()));
  }

  private void verifyForm(HttpExchange x) throws IOException {
    // GET /verify?code=... is what a certificate's QR code opens; POST carries the form.
    String query = x.getRequestURI().getRawQuery();
    Map<String, String> form;
    if ("POST".equals(x.getRequestMethod())) {
      form = form(body(x));
    } else if ("GET".equals(x.getRequestMethod()) && query != null) {
      form = form(query);
    } else {
      send(x, 405, "text/plain", "POST a code or a credential, or GET /verify?code=...");
      return;
    }
    String code = form.getOrDefault("code", "").strip();
    String json = form.getOrDefault("credential", "").strip();
    String revocationReason = null;
    if (json.isEmpty() && !code.isEmpty()) {
      Optional<Certificate> found =
          site.trainproof().certificates().findByCode(site.reader(), code.toUpperCase(Locale.ROOT));
      if (found.isEmpty()) {
        send(x, 404, "text/html; charset=utf-8", Pages.notFound(code));
        return;
      }
      json = found.get().credentialJson();
      revocationReason =
          found.get().status() == Certificate.Status.REVOKED ? found.get().statusReason() : null;
    }
    if (json.isEmpty()) {
      send(x, 400, "text/html; charset=utf-8", Pages.notFound(""));
      return;
    }
    VerificationResult result =
        new CredentialVerifier(vcApi.trustBundle(), site.clock()).verify(json);
    send(x, 200, "text/html; charset=utf-8", Pages.result(result, json, revocationReason));
  }

  // ---------------------------------------------------------------- VC API

  private void issue(HttpExchange x) throws IOException {
    if (!"POST".equals(x.getRequestMethod())) {
      sendJson(x, 405, VcApi.error("POST {credential, options}"));
      return;
    }
    String body;
    try {
      body = body(x);
    } catch (IOException e) {
      sendJson(
          x,
          400,
          VcApi.error(
              Objects.requireNonNullElse(e.getMessage(), "the request body could not be read")));
      return;
    }
    respond(x, () -> vcApi.issue(body));
  }

  private void verifyApi(HttpExchange x) throws IOException {
    if (!"POST".equals(x.getRequestMethod())) {
      sendJson(x, 405, VcApi.error("POST {verifiableCredential, options}"));
      return;
    }
    String body;
    try {
      body = body(x);
    } catch (IOException e) {
      sendJson(
          x,
          400,
          VcApi.error(
              Objects.requireNonNullElse(e.getMessage(), "the request body could not be read")));
      return;
    }
    respond(x, () -> vcApi.verify(body));
  }

  private static void respond(HttpExchange x, Supplier<VcApi.Response> handler) throws IOException {
    VcApi.Response response;
    try {
      response = handler.get();
    } catch (RuntimeException e) {
      // why: VcApi answers every typed refusal itself; anything else is a bug, said as one
      LOG.error("VC API request failed", e);
      sendJson(x, 500, VcApi.error("internal error"));
      return;
    }
    sendJson(x, response.status(), response.body());
  }

  // ---------------------------------------------------------------- publication

  private void statusList(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    String purpose = path.substring(path.lastIndexOf('/') + 1);
    if (!purpose.equals(CertificateService.REVOCATION)
        && !purpose.equals(CertificateService.SUPERSEDED)) {
      send(x, 404, "text/plain", "no such status list");
      return;
    }
    send(
        x,
        200,
        "application/vc+ld+json",
        site.trainproof().certificates().statusListCredential(site.reader(), purpose));
  }

  private void didDocument(HttpExchange x) throws IOException {
    sendJson(x, 200, site.history().didDocument());
  }

  private void dashboard(HttpExchange x) throws IOException {
    Supplier<String> dashboard = site.dashboard();
    if (dashboard == null) {
      send(x, 404, "text/plain", "no dashboard configured");
      return;
    }
    send(x, 200, "text/html; charset=utf-8", dashboard.get());
  }

  // ---------------------------------------------------------------- plumbing

  private static String body(HttpExchange x) throws IOException {
    try (InputStream in = x.getRequestBody()) {
      byte[] bytes = in.readNBytes(VcApi.MAX_BODY + 1);
      if (bytes.length > VcApi.MAX_BODY) {
        throw new IOException("request body larger than " + VcApi.MAX_BODY + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> values = new HashMap<>();
    for (String pair : body.split("&", -1)) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static void sendJson(HttpExchange x, int status, JsonNode body) throws IOException {
    send(x, status, "application/json", JSON.writeValueAsString(body));
  }

  private static void send(HttpExchange x, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", type);
    x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    x.getResponseHeaders()
        .set(
            "Content-Security-Policy",
            "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }
}
