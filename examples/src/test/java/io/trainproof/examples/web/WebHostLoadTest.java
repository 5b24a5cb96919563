package io.trainproof.examples.web;

import static io.trainproof.examples.web.WebFixture.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The host under load beside hostile connections, bounded in count and time (it stops by itself;
 * loopback only): 200 concurrent real requests (the page, a status list, a verification by code, a
 * VC API verification) while 50 connections sit idle after half a request line and 10 clients
 * dribble a request one byte every 50 ms. Every real request must get a status code; the idle and
 * dribbling ones must be ended by the server. Figures go to {@code examples/target/web-load.txt}.
 */
@Tag("slow")
class WebHostLoadTest {
  static final int REQUESTS = 200;
  static final int IDLE = 50;
  static final int SLOW = 10;

  @Test
  void realRequestsAreAnsweredBesideIdleAndSlowConnections() throws Exception {
    WebHost.Settings settings =
        WebHost.Settings.DEFAULT.withTimeouts(
            Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofSeconds(10));
    ScheduledExecutorService dribble = Executors.newSingleThreadScheduledExecutor();
    ExecutorService readers = Executors.newFixedThreadPool(SLOW + IDLE);
    ExecutorService client = Executors.newFixedThreadPool(8);
    List<Socket> hostile = new ArrayList<>();
    List<Future<?>> tasks = new ArrayList<>();
    try (WebFixture fx = new WebFixture(settings)) {
      int port = fx.host.port();
      String code = fx.clinic.certificate().verificationCode();
      String verifyBody =
          "{\"verifiableCredential\":" + fx.clinic.certificate().credentialJson() + "}";

      CountDownLatch ended = new CountDownLatch(IDLE + SLOW);
      AtomicInteger endedWith408 = new AtomicInteger();
      for (int i = 0; i < IDLE; i++) {
        Socket s = open(port);
        s.getOutputStream().write(ascii("GET / HT"));
        hostile.add(s);
      }
      byte[] slowRequest =
          ascii(
              "POST /verify HTTP/1.1\r\nHost: 127.0.0.1:"
                  + port
                  + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                  + "X-Slow: "
                  + "s".repeat(2_000)
                  + "\r\n\r\ncode=ABC");
      for (int i = 0; i < SLOW; i++) {
        Socket s = open(port);
        hostile.add(s);
        AtomicInteger next = new AtomicInteger();
        OutputStream out = s.getOutputStream();
        tasks.add(
            dribble.scheduleAtFixedRate(
                () -> {
                  int n = next.getAndIncrement();
                  if (n < slowRequest.length && !s.isClosed()) {
                    try {
                      out.write(slowRequest[n]);
                      out.flush();
                    } catch (IOException e) {
                      next.set(slowRequest.length); // why: the server ended it; stop writing
                    }
                  }
                },
                0,
                50,
                TimeUnit.MILLISECONDS));
      }
      for (Socket s : hostile) {
        tasks.add(
            readers.submit(
                () -> {
                  try {
                    if (WebFixture.readAll(s.getInputStream()).status() == 408) {
                      endedWith408.incrementAndGet();
                    }
                  } catch (IOException e) {
                    // why: a reset is an end too
                  }
                  ended.countDown();
                  return null;
                }));
      }

      HttpClient http =
          HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).executor(client).build();
      List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
      List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
      List<CompletableFuture<?>> all = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < REQUESTS; i++) {
        HttpRequest request = request(fx.base(), i % 4, code, verifyBody);
        long sent = System.nanoTime();
        all.add(
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenAccept(
                    r -> {
                      latencies.add((System.nanoTime() - sent) / 1_000_000);
                      statuses.add(r.statusCode());
                    }));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
      long totalMillis = (System.nanoTime() - start) / 1_000_000;

      assertThat(statuses).hasSize(REQUESTS).allMatch(s -> s == 200);
      assertThat(ended.await(60, TimeUnit.SECONDS))
          .as("every idle and dribbling connection was ended by the server")
          .isTrue();

      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      String figures =
          String.format(
              Locale.ROOT,
              "web host load: %d concurrent requests (page, status list, verify by code, VC API"
                  + " verify) beside %d idle and %d dribbling connections: all %d answered 200 in"
                  + " %d ms; latency p50 %d ms, p99 %d ms, max %d ms; %d of %d hostile connections"
                  + " ended by the server with 408, the rest closed (header deadline 3 s)%n",
              REQUESTS,
              IDLE,
              SLOW,
              statuses.size(),
              totalMillis,
              sorted.get(sorted.size() / 2),
              sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1),
              sorted.get(sorted.size() - 1),
              endedWith408.get(),
              IDLE + SLOW);
      Path target = Path.of("target");
      Files.createDirectories(target);
      Files.writeString(target.resolve("web-load.txt"), figures);
      System.out.print(figures);
    } finally {
      for (Future<?> t : tasks) {
        t.cancel(true);
      }
      dribble.shutdownNow();
      readers.shutdownNow();
      client.shutdownNow();
      for (Socket s : hostile) {
        s.close();
      }
    }
  }

  static Socket open(int port) throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
    s.setSoTimeout(60_000);
    return s;
  }

  static HttpRequest request(String base, int kind, String code, String verifyBody) {
    HttpRequest.Builder b = HttpRequest.newBuilder().timeout(Duration.ofSeconds(60));
    return switch (kind) {
      case 0 -> b.uri(URI.create(base + "/")).GET().build();
      case 1 -> b.uri(URI.create(base + "/status/revocation")).GET().build();
      case 2 ->
          b.uri(URI.create(base + "/verify"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)))
              .build();
      default ->
          b.uri(URI.create(base + "/credentials/verify"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(verifyBody))
              .build();
    };
  }
}
