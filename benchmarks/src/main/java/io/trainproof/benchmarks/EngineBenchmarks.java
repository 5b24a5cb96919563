package io.trainproof.benchmarks;

import io.trainproof.core.Trainproof;
import io.trainproof.core.assignment.AssignmentRules;
import io.trainproof.core.assignment.Obligation;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Certification;
import io.trainproof.core.domain.CertificationKind;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * Row 4: the assignment engine's decision ({@link AssignmentRules#decide}, the pure function the
 * scheduler sweep and every reconciling service carry out) over {@value #MEMBERS} preloaded members
 * x {@value #REQUIREMENTS} requirements, on one thread. The population is in steady state ({@link
 * Population}: everyone trained once within the last year, a twelfth in the renewal window):
 * {@value #TEMPLATE} members are built through the services on the in-memory store, then copied
 * (fresh ids, own records) to {@value #MEMBERS}. Each invocation decides every pair as of {@link
 * Population#START}; the score is decisions per second (per core). {@code
 * -Dtrainproof.bench.decisionMembers=N} shrinks it for the smoke test.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmarks {
  /** Members evaluated. */
  public static final int MEMBERS = 100_000;

  /** Requirements, each for everyone. */
  public static final int REQUIREMENTS = 10;

  static final int TEMPLATE = 1_000;

  /** One member's preloaded facts. */
  record Loaded(
      WorkforceMember member, List<Assignment> assignments, List<Completion> completions) {}

  private Loaded[] loaded;
  private Requirement[] requirements;
  private final List<Certification> noCertifications = List.of();
  private final List<CertificationKind> noKinds = List.of();
  private final LocalDate on = Population.START;
  private AssignmentRules rules;

  /** Builds the template through the services and copies it. */
  @Setup(Level.Trial)
  public void setUp() {
    int members = Integer.getInteger("trainproof.bench.decisionMembers", MEMBERS);
    int template = Math.min(TEMPLATE, members);
    Population p =
        Population.build(Trainproof.builder().store(new InMemoryStore()), template, REQUIREMENTS);
    rules = p.trainproof.assignmentRules();
    requirements = p.trainproof.requirements().list(p.fx.officer()).toArray(new Requirement[0]);
    List<Loaded> base = new ArrayList<>();
    for (WorkforceMember m : p.members) {
      base.add(
          new Loaded(
              m,
              p.trainproof.assignments().forMember(p.fx.officer(), m.id()),
              p.trainproof.completions().forMember(p.fx.officer(), m.id())));
    }
    loaded = new Loaded[members];
    for (int i = 0; i < members; i++) {
      loaded[i] = i < template ? base.get(i) : copy(base.get(i % template), i);
    }
    int owed = decideAll();
    // About a twelfth of the members are in the renewal window, for every requirement.
    if (owed == 0 || owed > members * REQUIREMENTS / 6) {
      throw new IllegalStateException(
          owed + " renewals owed of " + members * REQUIREMENTS + " pairs");
    }
  }

  private static Loaded copy(Loaded l, int n) {
    WorkforceMember m = l.member();
    Id<WorkforceMember> id = Id.random();
    WorkforceMember member =
        new WorkforceMember(
            id,
            m.organization(),
            m.externalId() + "-" + n,
            m.displayName(),
            m.engagedOn(),
            m.history(),
            m.version());
    List<Assignment> assignments = new ArrayList<>();
    for (Assignment a : l.assignments()) {
      assignments.add(
          new Assignment(
              Id.random(),
              a.organization(),
              id,
              a.course(),
              a.requirement(),
              a.reason(),
              a.policyVersion(),
              a.dedupeKey() + "#" + n,
              a.assignedOn(),
              a.assignedAt(),
              a.assignedBy(),
              a.anchorOn(),
              a.dueOn(),
              a.dueChanges(),
              a.startedOn(),
              a.closure(),
              a.version()));
    }
    List<Completion> completions = new ArrayList<>();
    for (Completion c : l.completions()) {
      completions.add(
          new Completion(
              Id.random(),
              c.organization(),
              id,
              c.roles(),
              c.workforceType(),
              c.assignment(),
              c.course(),
              c.courseVersion(),
              c.contentSha256(),
              c.policyVersions(),
              c.reason(),
              c.changeVersion(),
              c.changeEffectiveOn(),
              c.assignedOn(),
              c.dueOn(),
              c.completedOn(),
              c.recordedAt(),
              c.score(),
              c.passed(),
              c.provenance(),
              c.evidence(),
              c.retentionUntil()));
    }
    return new Loaded(member, List.copyOf(assignments), List.copyOf(completions));
  }

  private int decideAll() {
    int owed = 0;
    for (Loaded l : loaded) {
      for (Requirement r : requirements) {
        Obligation o =
            rules.decide(
                l.member(), r, l.assignments(), l.completions(), noCertifications, noKinds, on);
        if (o.kind() == Obligation.Kind.CREATE) {
          owed++;
        }
      }
    }
    return owed;
  }

  /**
   * Decides every member x requirement pair once.
   *
   * @return how many renewals are owed
   */
  @Benchmark
  @OperationsPerInvocation(MEMBERS * REQUIREMENTS)
  public int decide() {
    return decideAll();
  }
}
