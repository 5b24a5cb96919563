package io.trainproof.examples.web;

import static io.trainproof.examples.web.WebFixture.ascii;
import static io.trainproof.examples.web.WebFixture.bearer;
import static io.trainproof.examples.web.WebFixture.issueRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.web.vcapi.VcApi;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The host's bounds (issue #17, findings 4 and 8): every bad request gets an HTTP answer (400, 408,
 * 413, 414, 415, 422, 431), never a dropped connection, and idle or half-sent requests cannot block
 * it.
 */
class WebHostLimitsTest {
  /** Short timeouts, so the tests see connections closed in about a second. */
  static final WebHost.Settings SHORT =
      WebHost.Settings.DEFAULT.withTimeouts(
          Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(1));

  WebFixture fx;

  @BeforeEach
  void start() throws Exception {
    fx = new WebFixture(SHORT);
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  WebFixture.Raw raw(String request) {
    return WebFixture.raw(fx.host.port(), ascii(request));
  }

  String host() {
    return "Host: 127.0.0.1:" + fx.host.port() + "\r\n";
  }

  @Test
  void aBadPercentEscapeIs400() throws Exception {
    for (String form : List.of("code=%ZZ", "code=%4", "code=ab%", "credential=%E0%A4%")) {
      HttpResponse<String> r = fx.post("/verify", "application/x-www-form-urlencoded", form);
      assertThat(r.statusCode()).as(form).isEqualTo(400);
    }
    assertThat(
            raw("GET /verify?code=%ZZ HTTP/1.1\r\n" + host() + "Connection: close\r\n\r\n")
                .status())
        .isEqualTo(400);
  }

  @Test
  void aFormBodyOver64KiBIs413AnsweredNotDropped() throws Exception {
    byte[] big = ("code=" + "A".repeat(1_100_000)).getBytes(StandardCharsets.US_ASCII);
    HttpResponse<String> declared = fx.post("/verify", "application/x-www-form-urlencoded", big);
    assertThat(declared.statusCode()).isEqualTo(413);
    // without a Content-Length (chunked), counted while read
    HttpResponse<String> chunked =
        fx.http.send(
            HttpRequest.newBuilder(URI.create(fx.base() + "/verify"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).isEqualTo(413);
  }

  @Test
  void aVcApiBodyOver1MiBIs413() throws Exception {
    String big = "{\"verifiableCredential\":{\"x\":\"" + "y".repeat(VcApi.MAX_BODY) + "\"}}";
    assertThat(fx.post("/credentials/verify", "application/json", big).statusCode()).isEqualTo(413);
    assertThat(
            fx.post(
                    "/credentials/issue",
                    "application/json",
                    big,
                    "Authorization",
                    bearer(fx.issueKey))
                .statusCode())
        .isEqualTo(413);
  }

  @Test
  void aTenThousandCharacterCodeIsRefusedWithAStatus() throws Exception {
    String code = "A".repeat(10_000);
    HttpResponse<String> posted =
        fx.post("/verify", "application/x-www-form-urlencoded", "code=" + code);
    assertThat(posted.statusCode()).isEqualTo(400);
    assertThat(posted.body()).contains("at most 64 characters");
    assertThat(
            fx.post("/verify", "application/x-www-form-urlencoded", "code=" + "A".repeat(65))
                .statusCode())
        .isEqualTo(400);
    // in the URL it is still only 10 kB: within the header limit, refused as too long a code
    assertThat(fx.get("/verify?code=" + code).statusCode()).isEqualTo(400);
    // past the header limit it is the request line that is too long
    assertThat(
            raw("GET /verify?code="
                    + "A".repeat(WebHost.MAX_HEADER_BYTES + 1)
                    + " HTTP/1.1\r\n"
                    + host()
                    + "Connection: close\r\n\r\n")
                .status())
        .isIn(414, 431);
  }

  @Test
  void anOversizedHeaderIs431() {
    WebFixture.Raw r =
        raw(
            "GET / HTTP/1.1\r\n"
                + host()
                + "X-Padding: "
                + "p".repeat(WebHost.MAX_HEADER_BYTES)
                + "\r\nConnection: close\r\n\r\n");
    assertThat(r.status()).isEqualTo(431);
  }

  @Test
  void invalidUtf8Is400() throws Exception {
    byte[] json =
        concat(
            ascii("{\"verifiableCredential\":{\"name\":\""),
            new byte[] {(byte) 0xC3, 0x28},
            ascii("\"}}"));
    HttpResponse<String> verify = fx.post("/credentials/verify", "application/json", json);
    assertThat(verify.statusCode()).isEqualTo(400);
    assertThat(verify.body()).contains("not valid UTF-8");
    byte[] issue =
        concat(
            ascii(
                "{\"credential\":{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
                    + "\"type\":[\"VerifiableCredential\"],\"credentialSubject\":{\"name\":\""),
            new byte[] {(byte) 0xFF},
            ascii("\"}},\"options\":{}}"));
    HttpResponse<String> issued =
        fx.post(
            "/credentials/issue", "application/json", issue, "Authorization", bearer(fx.issueKey));
    assertThat(issued.statusCode()).isEqualTo(400);
    assertThat(fx.signedFor).isEmpty();
    // in a form: percent-encoded, and raw
    assertThat(fx.post("/verify", "application/x-www-form-urlencoded", "code=%FF%FE").statusCode())
        .isEqualTo(400);
    assertThat(
            fx.post(
                    "/verify",
                    "application/x-www-form-urlencoded",
                    concat(ascii("code="), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}))
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void aCredentialWithoutASubjectIs422NamingTheField() throws Exception {
    HttpResponse<String> r =
        fx.post(
            "/credentials/issue",
            "application/json",
            issueRequest(
                "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
                    + "\"type\":[\"VerifiableCredential\"]}"),
            "Authorization",
            bearer(fx.issueKey));
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).contains("credentialSubject");
    assertThat(fx.signedFor).isEmpty();
  }

  @Test
  void idleConnectionsDoNotBlockTheHostAndAreClosedAfterTheTimeout() throws Exception {
    // a header deadline (1.5 s) above the time a request may take beside them (1 s)
    fx.close();
    fx =
        new WebFixture(
            WebHost.Settings.DEFAULT.withTimeouts(
                Duration.ofSeconds(10), Duration.ofMillis(1_500), Duration.ofSeconds(10)));
    for (int count : new int[] {4, 50}) {
      List<Socket> idle = new ArrayList<>();
      // and one that sends nothing at all: closed too, without an answer
      Socket silent = new Socket(InetAddress.getLoopbackAddress(), fx.host.port());
      silent.setSoTimeout(15_000);
      try {
        for (int i = 0; i < count; i++) {
          Socket s = new Socket(InetAddress.getLoopbackAddress(), fx.host.port());
          s.setSoTimeout(15_000);
          s.getOutputStream().write(ascii("GET / HT"));
          s.getOutputStream().flush();
          idle.add(s);
        }
        // A normal request is answered at once, although every idle one is still open.
        HttpClient fresh = HttpClient.newHttpClient();
        long start = System.nanoTime();
        HttpResponse<String> page =
            fresh.send(
                HttpRequest.newBuilder(URI.create(fx.base() + "/"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(millis)
            .as("milliseconds for a request beside %d idle connections", count)
            .isLessThan(1_000);
        // The server ends every idle one after the header timeout: 408, then closed.
        for (Socket s : idle) {
          WebFixture.Raw r = WebFixture.readAll(s.getInputStream());
          assertThat(r.status()).isEqualTo(408);
        }
        assertThat(WebFixture.readAll(silent.getInputStream()).text()).isEmpty();
      } finally {
        silent.close();
        for (Socket s : idle) {
          s.close();
        }
      }
    }
  }

  @Test
  void theConnectionLimitHoldsAndAWaitingClientIsServedWhenASlotFrees() throws Exception {
    fx.close();
    fx =
        new WebFixture(
            new WebHost.Settings(
                List.of(),
                Duration.ofSeconds(10),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                2,
                WebHost.Settings.DEFAULT.maxThreads()));
    List<Socket> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), fx.host.port());
        s.getOutputStream().write(ascii("GET / HT"));
        idle.add(s);
      }
      long start = System.nanoTime();
      // a third client waits in the kernel's queue until the deadline ends an idle one
      WebFixture.Raw third = raw("GET / HTTP/1.1\r\n" + host() + "Connection: close\r\n\r\n");
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(third.status()).isEqualTo(200);
      assertThat(millis).as("milliseconds the third client waited").isGreaterThan(500);
    } finally {
      for (Socket s : idle) {
        s.close();
      }
    }
  }

  @Test
  void aBodyThatStopsHalfWayIs408() throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), fx.host.port())) {
      s.setSoTimeout(15_000);
      OutputStream out = s.getOutputStream();
      out.write(
          ascii(
              "POST /credentials/verify HTTP/1.1\r\n"
                  + host()
                  + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"verif"));
      out.flush();
      assertThat(WebFixture.readAll(s.getInputStream()).status()).isEqualTo(408);
    }
  }

  @Test
  void aRequestThatTricklesInIsCutOffAtTheHeaderDeadline() throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), fx.host.port())) {
      s.setSoTimeout(100);
      OutputStream out = s.getOutputStream();
      byte[] request = ascii("GET / HTTP/1.1\r\n" + host() + "X-Slow: " + "s".repeat(500));
      long start = System.nanoTime();
      int sent = 0;
      // one byte per read timeout (100 ms), so never idle for long, until the server ends it
      try {
        while (sent < request.length) {
          out.write(request[sent++]);
          out.flush();
          try {
            s.getInputStream().read();
            break; // an answer (408) or the end of the connection
          } catch (SocketTimeoutException e) {
            // still open: the next byte
          }
        }
      } catch (IOException e) {
        // why: the server closed the connection while we were writing
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(sent).isLessThan(request.length);
      assertThat(millis).isBetween(900L, 5_000L);
    }
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
