package io.trainproof.benchmarks;

import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.renewal.RenewalScheduler;
import io.trainproof.testkit.Fixtures;
import io.trainproof.testkit.SettableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Row 4: the assignment engine's evaluation of members x requirements on the in-memory store,
 * reached through the public path a host uses, {@code trainproof.scheduler().sweep()}. The engine
 * is internal; the sweep is the only public call that runs it over every member and requirement (it
 * reconciles each member against every requirement and checks reminders, a batch of 500 members per
 * transaction). Every member already holds an open onboarding assignment for each requirement, so a
 * sweep decides for each pair and writes nothing but the per-day sweep marks: the evaluation rate,
 * not an insert rate.
 *
 * <p>Size: {@value #MEMBERS} members x {@value #REQUIREMENTS} requirements (the 100,000
 * members takes several minutes just to hire through the services on 2 cores; the rate is per pair,
 * and the in-memory store's lookups are hashed, so it scales linearly). The score is evaluations
 * (member x requirement pairs) per second on one thread, i.e. per core. {@code
 * -Dtrainproof.bench.members=N} shrinks the population for the smoke test (the score is then not
 * meaningful).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AssignmentBenchmarks {
  /** Members hired. */
  public static final int MEMBERS = 10_000;

  /** Requirements, each on its own course, each for everyone. */
  public static final int REQUIREMENTS = 10;

  static final ZoneId ZONE = ZoneId.of("America/Chicago");
  static final LocalDate START = LocalDate.of(2026, 1, 5);

  private SettableClock clock;
  private Trainproof trainproof;
  private int members;

  /** Hires the workforce and creates the requirements; the first sweep runs here. */
  @Setup(Level.Trial)
  public void setUp() {
    members = Integer.getInteger("trainproof.bench.members", MEMBERS);
    clock = SettableClock.at(START.atTime(9, 0).atZone(ZONE).toInstant());
    trainproof = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();
    Fixtures fx = Fixtures.organization(trainproof, ZONE);
    for (int r = 0; r < REQUIREMENTS; r++) {
      Course course = fx.course("COURSE-" + r);
      fx.requirement(
          "Requirement " + r,
          Fixtures.terms(course, START.minusYears(1))
              .recurrence(
                  Recurrence.every(Period.ofYears(1), Recurrence.CountFrom.COMPLETION),
                  Period.ofDays(60))
              .initialDueDays(365)
              .build());
    }
    for (int m = 0; m < members; m++) {
      fx.hire(START.minusDays(m % 200), "Dept-" + (m % 20), "staff");
    }
    RenewalScheduler.SweepResult first = trainproof.scheduler().sweep();
    if (first.members() != members) {
      throw new IllegalStateException(
          "the first sweep visited " + first.members() + " of " + members);
    }
  }

  /** A sweep visits each member once a day: each invocation is the next day. */
  @Setup(Level.Invocation)
  public void nextDay() {
    clock.advance(Duration.ofDays(1));
  }

  /**
   * One sweep over every member x requirement pair.
   *
   * @return the sweep's counts
   */
  @Benchmark
  @OperationsPerInvocation(MEMBERS * REQUIREMENTS)
  public RenewalScheduler.SweepResult sweepEvaluations() {
    // why: the full sweep; the incremental sweep() would visit only the members whose next change
    // date has come (none, on most days of this steady population) and measure nothing
    RenewalScheduler.SweepResult sweep = trainproof.scheduler().sweep(true);
    if (sweep.members() != members) {
      throw new IllegalStateException("the sweep visited " + sweep.members() + " of " + members);
    }
    return sweep;
  }
}
