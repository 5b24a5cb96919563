package io.trainproof.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Scanner;
import org.jspecify.annotations.Nullable;

/**
 * The machine's CPU time, all cores together, from {@code /proc/stat} (Linux), in clock ticks: to
 * tell how busy the cores were over an interval (row 10: whether more nodes could have had more
 * CPU), and how much of it the hypervisor took (steal).
 *
 * @param busy user, nice, system, irq and softirq time
 * @param idle idle and iowait time
 * @param steal time taken by the hypervisor for other guests
 */
record HostCpu(long busy, long idle, long steal) {

  /**
   * The counters now.
   *
   * @return them, or null where {@code /proc/stat} cannot be read
   */
  static @Nullable HostCpu now() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
      try (Scanner fields = new Scanner(lines.get(0))) {
        if (!fields.next().equals("cpu")) {
          return null;
        }
        long user = fields.nextLong();
        long nice = fields.nextLong();
        long system = fields.nextLong();
        long idle = fields.nextLong();
        long iowait = fields.nextLong();
        long irq = fields.nextLong();
        long softirq = fields.nextLong();
        long steal = fields.nextLong();
        return new HostCpu(user + nice + system + irq + softirq, idle + iowait, steal);
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The share of all cores' time that was busy since an earlier reading.
   *
   * @param earlier the reading at the interval's start
   * @return busy time over all time, 0 to 1
   */
  double busyShareSince(HostCpu earlier) {
    return share(busy - earlier.busy, earlier);
  }

  /**
   * The share of all cores' time the hypervisor took since an earlier reading.
   *
   * @param earlier the reading at the interval's start
   * @return steal time over all time, 0 to 1
   */
  double stealShareSince(HostCpu earlier) {
    return share(steal - earlier.steal, earlier);
  }

  private double share(long part, HostCpu earlier) {
    long total = busy + idle + steal - (earlier.busy + earlier.idle + earlier.steal);
    return total <= 0 ? Double.NaN : (double) part / total;
  }
}
