package io.trainproof.examples.web;

import io.trainproof.web.vcapi.VcApi;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request and its answer on the Jetty host: headers, the body read without holding a thread
 * (bounded in size and time), and exactly one response. Every refusal is logged with the method,
 * path (never the query), status, a reason that names no request content, the caller's actor id
 * when known and the remote address; never a header value, a key, a token or a body.
 */
final class Exchange {
  private static final Logger LOG = LoggerFactory.getLogger(WebHost.class);
  private static final String CSP =
      "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline';"
          + " frame-ancestors 'none'";

  final Request request;
  private final Response response;
  private final Callback callback;
  private final AtomicBoolean answered = new AtomicBoolean();
  private volatile boolean bodyRead;
  private final boolean json;
  private @Nullable String callerId;

  Exchange(Request request, Response response, Callback callback, boolean json) {
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.json = json;
  }

  String method() {
    return request.getMethod();
  }

  String path() {
    String path = request.getHttpURI().getPath();
    return path == null ? "/" : path;
  }

  /**
   * @return the raw (still percent-encoded) query, or null
   */
  @Nullable String rawQuery() {
    return request.getHttpURI().getQuery();
  }

  @Nullable String header(String name) {
    return request.getHeaders().get(name);
  }

  List<String> headers(String name) {
    return request.getHeaders().getValuesList(name);
  }

  void caller(String id) {
    this.callerId = id;
  }

  // ---------------------------------------------------------------- answers

  void send(int status, String contentType, String body) {
    send(status, contentType, body.getBytes(StandardCharsets.UTF_8), false);
  }

  void send(int status, String contentType, byte[] body, boolean close) {
    if (!answered.compareAndSet(false, true)) {
      return;
    }
    response.setStatus(status);
    HttpFields.Mutable h = response.getHeaders();
    h.put(HttpHeader.CONTENT_TYPE, contentType);
    h.put(HttpHeader.CONTENT_LENGTH, body.length);
    h.put("X-Content-Type-Options", "nosniff");
    h.put("Content-Security-Policy", CSP);
    h.put("Referrer-Policy", "no-referrer");
    if (callerId != null) {
      h.put(HttpHeader.CACHE_CONTROL, "no-store");
    }
    if (close || (hasBody() && !bodyRead)) {
      // why: a body left unread makes the connection unusable for the next request; say so, so
      // that the client opens a new one instead of finding this one closed under it
      h.put(HttpHeader.CONNECTION, "close");
    }
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  private boolean hasBody() {
    HttpFields headers = request.getHeaders();
    return headers.contains(HttpHeader.TRANSFER_ENCODING)
        || (headers.contains(HttpHeader.CONTENT_LENGTH) && request.getLength() != 0);
  }

  void header(String name, String value) {
    response.getHeaders().put(name, value);
  }

  /**
   * Refuses the request: logs it and answers with the reason (JSON for the VC API, text otherwise).
   * The reason names fields or limits, never request content.
   */
  void refuse(int status, String reason) {
    refuse(status, reason, false);
  }

  void refuse(int status, String reason, boolean close) {
    logRefusal(status, reason);
    if (json) {
      send(
          status,
          "application/json",
          VcApi.error(reason).toString().getBytes(StandardCharsets.UTF_8),
          close);
    } else {
      send(status, "text/plain; charset=utf-8", reason.getBytes(StandardCharsets.UTF_8), close);
    }
  }

  void logRefusal(int status, String reason) {
    LOG.info(
        "refused {} {}: {} {} (caller {}, from {})",
        method(),
        path(),
        status,
        reason,
        callerId == null ? "none" : callerId,
        Request.getRemoteAddr(request));
  }

  /** Answers 500 after a bug, saying no more. */
  void internalError(RuntimeException e) {
    LOG.error("{} {} failed", method(), path(), e);
    if (answered.get()) {
      callback.failed(e);
      return;
    }
    refuse(500, "internal error");
  }

  // ---------------------------------------------------------------- body

  /**
   * Reads the body, then calls {@code then} with it, on a pool thread; no thread waits while the
   * client sends. A body over {@code max} bytes is answered 413 once the rest of it (up to {@link
   * #SWALLOW} bytes) has been read and dropped, or at once when its Content-Length says it is
   * larger than that: closing a connection with unread bytes makes the kernel reset it, and the
   * client then loses the 413 it was sent. One not complete within {@code timeout} is 408, one that
   * fails 400; each closes the connection.
   */
  void readBody(int max, Duration timeout, Consumer<byte[]> then) {
    long declared = request.getLength();
    if (declared > max && declared > SWALLOW) {
      refuse(413, "the body is larger than " + max + " bytes", true);
      return;
    }
    new BodyReader(max, timeout, then).start();
  }

  /** The most of an oversized body read and dropped so that the client sees its 413. */
  static final long SWALLOW = 4L * 1024 * 1024;

  private final class BodyReader implements Runnable {
    private final int max;
    private final Duration timeout;
    private final Consumer<byte[]> then;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicBoolean settled = new AtomicBoolean();
    private long dropped;
    private Scheduler.@Nullable Task deadline;

    BodyReader(int max, Duration timeout, Consumer<byte[]> then) {
      this.max = max;
      this.timeout = timeout;
      this.then = then;
    }

    void start() {
      deadline =
          request
              .getComponents()
              .getScheduler()
              .schedule(
                  () -> settle(() -> refuse(408, "the body took too long", true)),
                  timeout.toMillis(),
                  TimeUnit.MILLISECONDS);
      run();
    }

    @Override
    public void run() {
      while (!settled.get()) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          Throwable failure = chunk.getFailure();
          settle(
              () ->
                  refuse(
                      failure instanceof TimeoutException ? 408 : 400,
                      failure instanceof TimeoutException
                          ? "the body took too long"
                          : "the body could not be read",
                      true));
          return;
        }
        ByteBuffer buffer = chunk.getByteBuffer();
        int n = buffer.remaining();
        if (dropped > 0 || bytes.size() + (long) n > max) {
          // why: over the limit; the rest is read and dropped (up to SWALLOW) before the 413
          dropped += n;
          boolean last = chunk.isLast();
          chunk.release();
          if (last || dropped + bytes.size() > SWALLOW) {
            settle(() -> refuse(413, "the body is larger than " + max + " bytes", true));
            return;
          }
          continue;
        }
        byte[] part = new byte[n];
        buffer.get(part);
        bytes.write(part, 0, n);
        boolean last = chunk.isLast();
        chunk.release();
        if (last) {
          bodyRead = true;
          settle(
              () -> {
                try {
                  then.accept(bytes.toByteArray());
                } catch (RuntimeException e) {
                  internalError(e);
                }
              });
          return;
        }
      }
    }

    private void settle(Runnable outcome) {
      if (settled.compareAndSet(false, true)) {
        Scheduler.Task d = deadline;
        if (d != null) {
          d.cancel();
        }
        outcome.run();
      }
    }
  }

  // ---------------------------------------------------------------- media types

  /**
   * Whether the request's Content-Type is one of the given media types, with no charset parameter
   * other than UTF-8.
   */
  boolean contentType(List<String> mediaTypes) {
    List<String> values = headers(HttpHeader.CONTENT_TYPE.asString());
    if (values.size() != 1) {
      return false;
    }
    String[] parts = values.get(0).split(";", -1);
    if (!mediaTypes.contains(parts[0].strip().toLowerCase(Locale.ROOT))) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip();
      int eq = p.indexOf('=');
      String name = eq < 0 ? p : p.substring(0, eq).strip();
      String value = eq < 0 ? "" : p.substring(eq + 1).strip().replace("\"", "");
      if (name.equalsIgnoreCase("charset") && !value.equalsIgnoreCase("utf-8")) {
        return false;
      }
    }
    return true;
  }
}
