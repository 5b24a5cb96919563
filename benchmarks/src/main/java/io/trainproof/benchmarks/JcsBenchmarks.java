package io.trainproof.benchmarks;

import io.trainproof.signing.jcs.JsonCanonicalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Row 3: RFC 8785 canonicalization, JSON text in and canonical text out, by Trainproof and by
 * io.github.erdtman:java-json-canonicalization on the same documents: the RFC's test inputs (copied
 * from the cyberphone/json-canonicalization vectors, Apache-2.0) and a signed certificate as
 * Trainproof issues it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JcsBenchmarks {
  /** The document: an RFC 8785 input, or {@code credential}. */
  @Param({"credential", "arrays", "structures", "unicode"})
  public String document;

  private String json;

  /** Loads the document and checks both libraries agree on it. */
  @Setup
  public void setUp() throws IOException {
    json =
        "credential".equals(document)
            ? new SigningSetup().credentialJson
            : resource("rfc8785/" + document + ".json");
    String ours = trainproof();
    String theirs = erdtman();
    if (!ours.equals(theirs)) {
      throw new IllegalStateException(
          "canonical forms differ for " + document + ":\n" + ours + "\n" + theirs);
    }
  }

  /**
   * Trainproof's canonicalizer.
   *
   * @return the canonical text
   */
  @Benchmark
  public String trainproof() {
    return JsonCanonicalizer.canonicalize(json);
  }

  /**
   * The peer.
   *
   * @return the canonical text
   */
  @Benchmark
  public String erdtman() {
    try {
      return new org.erdtman.jcs.JsonCanonicalizer(json).getEncodedString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String resource(String name) {
    try (InputStream in = JcsBenchmarks.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
