package io.trainproof.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Row 2 on a host whose speed drifts from minute to minute (as this project's 2-core machine does,
 * where JMH runs of one benchmark after the other disagree by a factor of two): the three
 * operations of {@link SigningBenchmarks} (Bouncy Castle's bare verify, the verifier from JSON, and
 * the floor of a verifier that parses and canonicalizes once) alternate in one JVM, in rounds of
 * {@code n} each, rotating which goes first; each round's ratios of thread CPU time are taken, and
 * the medians printed. Drift then moves all three of a round alike.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.trainproof.benchmarks.VerifyCpuRatio
 * [rounds] [n] [warm-up]} (defaults 101 rounds of 400, after 30,000 warm-up triples).
 */
public final class VerifyCpuRatio {
  private static int sink;

  private VerifyCpuRatio() {}

  /**
   * Runs the rounds and prints the medians.
   *
   * @param args rounds, operations per round, warm-up triples
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 101;
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 30_000;
    SigningBenchmarks b = new SigningBenchmarks();
    b.setUp();
    BooleanSupplier bc = b::bcEd25519Verify;
    BooleanSupplier json = b::verifyFromJson;
    BooleanSupplier floor = b::verifyFloor;
    for (int i = 0; i < warmUp; i++) {
      run(bc, 1);
      run(json, 1);
      run(floor, 1);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] fromJson = new double[rounds];
    double[] ofFloor = new double[rounds];
    double bcMicros = 0;
    double jsonMicros = 0;
    double floorMicros = 0;
    for (int r = 0; r < rounds; r++) {
      long tb;
      long tj;
      long tf;
      if (r % 3 == 0) {
        tb = cpu(threads, bc, n);
        tj = cpu(threads, json, n);
        tf = cpu(threads, floor, n);
      } else if (r % 3 == 1) {
        tj = cpu(threads, json, n);
        tf = cpu(threads, floor, n);
        tb = cpu(threads, bc, n);
      } else {
        tf = cpu(threads, floor, n);
        tb = cpu(threads, bc, n);
        tj = cpu(threads, json, n);
      }
      fromJson[r] = (double) tb / tj;
      ofFloor[r] = (double) tb / tf;
      bcMicros += tb / 1e3 / n / rounds;
      jsonMicros += tj / 1e3 / n / rounds;
      floorMicros += tf / 1e3 / n / rounds;
    }
    Arrays.sort(fromJson);
    Arrays.sort(ofFloor);
    System.out.printf(
        Locale.ROOT,
        "%d rounds of %d: mean CPU per operation: Bouncy Castle verify %.1f us, verifyFromJson"
            + " %.1f us, verifyFloor %.1f us%n",
        rounds,
        n,
        bcMicros,
        jsonMicros,
        floorMicros);
    System.out.printf(
        Locale.ROOT,
        "median ratio to Bouncy Castle's verify: verifyFromJson %.3f (rounds from %.3f to %.3f),"
            + " verifyFloor %.3f (from %.3f to %.3f)%n",
        fromJson[rounds / 2],
        fromJson[0],
        fromJson[rounds - 1],
        ofFloor[rounds / 2],
        ofFloor[0],
        ofFloor[rounds - 1]);
    if (sink != (warmUp + rounds * n) * 3) {
      throw new IllegalStateException("an operation did not verify");
    }
  }

  private static long cpu(ThreadMXBean threads, BooleanSupplier op, int n) {
    long start = threads.getCurrentThreadCpuTime();
    run(op, n);
    return threads.getCurrentThreadCpuTime() - start;
  }

  private static void run(BooleanSupplier op, int n) {
    for (int i = 0; i < n; i++) {
      if (op.getAsBoolean()) {
        sink++;
      }
    }
  }
}
