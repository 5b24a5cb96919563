package io.trainproof.examples.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deadline for a request's headers, which Jetty's idle timeout (time without a byte) does not
 * give: from the moment a connection opens or finishes a response, its next request must have
 * arrived in full within the timeout, however slowly its bytes trickle in. Past that the connection
 * is answered {@code 408} (when part of a request had arrived) and closed, so a client dribbling
 * headers holds a connection slot for at most the timeout and never a thread. Thread-safe.
 */
final class HeaderDeadline implements Connection.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(WebHost.class);
  private static final String TIMEOUT_BODY = "the request took too long";
  private static final byte[] TIMEOUT =
      ("HTTP/1.1 408 Request Timeout\r\nContent-Type: text/plain; charset=utf-8\r\n"
              + "Content-Length: "
              + TIMEOUT_BODY.length()
              + "\r\nConnection: close\r\n\r\n"
              + TIMEOUT_BODY)
          .getBytes(StandardCharsets.US_ASCII);

  private final Scheduler scheduler;
  private final long timeoutMillis;
  private final Map<Connection, State> states = new ConcurrentHashMap<>();

  private static final class State {
    long generation;
    boolean busy;
    long bytesInAtArm;
    Scheduler.@Nullable Task task;
  }

  HeaderDeadline(Scheduler scheduler, Duration timeout) {
    this.scheduler = scheduler;
    this.timeoutMillis = timeout.toMillis();
  }

  @Override
  public void onOpened(Connection connection) {
    State s = new State();
    states.put(connection, s);
    arm(connection, s);
  }

  @Override
  public void onClosed(Connection connection) {
    State s = states.remove(connection);
    if (s != null) {
      synchronized (s) {
        s.generation++;
        cancel(s);
      }
    }
  }

  /** A request's headers arrived: no deadline until it is answered. */
  void requestStarted(Connection connection) {
    State s = states.get(connection);
    if (s != null) {
      synchronized (s) {
        s.busy = true;
        s.generation++;
        cancel(s);
      }
    }
  }

  /** A request was answered: the next one has the timeout to arrive. */
  void requestEnded(Connection connection) {
    State s = states.get(connection);
    if (s != null) {
      arm(connection, s);
    }
  }

  private void arm(Connection connection, State s) {
    synchronized (s) {
      s.busy = false;
      long generation = ++s.generation;
      s.bytesInAtArm = connection.getBytesIn();
      cancel(s);
      s.task =
          scheduler.schedule(
              () -> expire(connection, s, generation), timeoutMillis, TimeUnit.MILLISECONDS);
    }
  }

  private void expire(Connection connection, State s, long generation) {
    boolean partial;
    synchronized (s) {
      if (s.busy || s.generation != generation) {
        return;
      }
      s.generation++;
      partial = connection.getBytesIn() > s.bytesInAtArm;
    }
    EndPoint endPoint = connection.getEndPoint();
    LOG.info(
        "ended a connection from {}: {} within {} ms",
        endPoint.getRemoteSocketAddress(),
        partial ? "408, the request did not arrive" : "no request",
        timeoutMillis);
    if (partial) {
      endPoint.write(
          Callback.from(endPoint::close, x -> endPoint.close()), ByteBuffer.wrap(TIMEOUT));
    } else {
      endPoint.close();
    }
  }

  private static void cancel(State s) {
    Scheduler.Task t = s.task;
    if (t != null) {
      t.cancel();
      s.task = null;
    }
  }
}
