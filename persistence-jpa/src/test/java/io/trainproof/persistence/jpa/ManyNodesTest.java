package io.trainproof.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.Actor;
import io.trainproof.core.ConflictException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.audit.AuditChain;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.spi.Transaction;
import io.trainproof.core.workforce.WorkforceService;
import io.trainproof.testkit.Fixtures;
import io.trainproof.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Four application nodes on one database: four independent entity manager factories, each with its
 * own {@link Trainproof}, running the renewal sweep, completions and roster changes at once while a
 * shared clock moves forward in steps. Afterwards: every dedupe key is held once, no member has two
 * open cycle assignments under one requirement, every completion that was acknowledged is stored
 * and closed its assignment, an assignment all four nodes complete at the same moment is completed
 * once, the organization's audit chain verifies, and no operation ran out of retries. Conflicts are
 * expected; each is retried (the whole operation, as the exception advises) and counted. Bounded: 4
 * nodes x 6 rounds x 13 operations.
 */
@Tag("database")
abstract class ManyNodesTest {
  private static final Logger LOG = LoggerFactory.getLogger(ManyNodesTest.class);
  private static final int NODES = 4;
  private static final int ROUNDS = 6;
  private static final int OPS_PER_ROUND = 12;
  private static final int INITIAL_ROSTER = 40;
  private static final int MAX_ATTEMPTS = 25;
  private static final int HOT_SET = 6;

  private final AtomicInteger conflicts = new AtomicInteger();
  private final Map<String, AtomicInteger> conflictsByEntity = new ConcurrentHashMap<>();
  private final AtomicInteger exhausted = new AtomicInteger();
  private final List<String> rejections = new CopyOnWriteArrayList<>();

  /**
   * @return the database under test
   */
  abstract SqlDialect dialect();

  @Test
  void fourNodesSweepCompleteAndChangeTheRosterAtOnce() throws Exception {
    try (TestDatabase database = TestDatabase.create(dialect())) {
      SettableClock clock = SettableClock.at(Instant.parse("2026-01-05T15:00:00.250001Z"));
      List<JpaStore> stores = new ArrayList<>();
      List<Trainproof> nodes = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(NODES);
      try {
        for (int i = 0; i < NODES; i++) {
          JpaStore store = JpaStore.create(database.dataSource(), dialect());
          stores.add(store);
          nodes.add(Trainproof.builder().store(store).clock(clock).build());
        }
        Fixtures fx = Fixtures.organization(nodes.get(0), ZoneId.of("America/Chicago"));
        LocalDate start = fx.org().dateOf(clock.instant());
        Policy privacy = fx.policy("PRIV", start.minusDays(30));
        Course annual = fx.course("HIPAA", privacy);
        Course nursing = fx.course("NURSE-SEC", privacy);
        fx.requirement(
            "Annual HIPAA",
            Fixtures.terms(annual, start.minusDays(30))
                .recurrence(
                    Recurrence.every(Period.ofYears(1), Recurrence.CountFrom.COMPLETION),
                    Period.ofDays(60))
                .build());
        fx.requirement(
            "Nurse security",
            Fixtures.terms(nursing, start.minusDays(30))
                .audience(Audience.roles("nurse"))
                .recurrence(
                    Recurrence.every(Period.ofMonths(4), Recurrence.CountFrom.DUE_DATE),
                    Period.ofDays(30))
                .build());
        Actor officer = fx.officer();
        List<Id<WorkforceMember>> roster = new CopyOnWriteArrayList<>();
        for (int i = 0; i < INITIAL_ROSTER; i++) {
          roster.add(fx.hire(start, "ICU", i % 2 == 0 ? "nurse" : "clerk").id());
        }

        Map<Id<Completion>, Id<Assignment>> acknowledged = new ConcurrentHashMap<>();
        List<Id<Assignment>> contestedIds = new ArrayList<>();
        AtomicInteger hires = new AtomicInteger();
        int sweptMembers = 0;
        int sweptCreated = 0;
        for (int round = 0; round < ROUNDS; round++) {
          LocalDate today = fx.org().dateOf(clock.instant());
          // One assignment all four nodes try to complete at the same moment: exactly one wins.
          Assignment contested = firstOpen(nodes.get(0), officer, roster);
          if (contested != null) {
            contestedIds.add(contested.id());
          }
          CountDownLatch go = new CountDownLatch(1);
          List<Future<int[]>> work = new ArrayList<>();
          for (int n = 0; n < NODES; n++) {
            Trainproof node = nodes.get(n);
            Random random = new Random(31L * round + n);
            int nodeNo = n;
            int roundNo = round;
            work.add(
                pool.submit(
                    () -> {
                      go.await();
                      if (contested != null) {
                        attempt(
                                () ->
                                    node.completions()
                                        .record(
                                            officer,
                                            CompletionService.Request.inApp(
                                                contested.id(), today, 88, officer.id())))
                            .ifPresent(
                                outcome ->
                                    acknowledged.put(outcome.completion().id(), contested.id()));
                      }
                      int[] swept = {0, 0};
                      // Every node starts its day with a sweep, at the same moment as the others.
                      attempt(() -> node.scheduler().sweep())
                          .ifPresent(
                              r -> {
                                swept[0] += r.members();
                                swept[1] += r.created();
                              });
                      for (int op = 0; op < OPS_PER_ROUND; op++) {
                        // Half the operations hit a small hot set, so nodes really collide.
                        int pick =
                            random.nextBoolean()
                                ? random.nextInt(HOT_SET)
                                : random.nextInt(roster.size());
                        Id<WorkforceMember> member = roster.get(pick);
                        int dice = random.nextInt(100);
                        if (dice < 50) {
                          complete(node, officer, member, today, random, acknowledged);
                        } else if (dice < 70) {
                          Set<String> roles = Set.of(random.nextBoolean() ? "nurse" : "clerk");
                          attempt(
                              () ->
                                  node.workforce()
                                      .change(
                                          officer,
                                          member,
                                          WorkforceService.MemberChange.roles(today, roles)));
                        } else if (dice < 85) {
                          String externalId =
                              "N" + nodeNo + "-R" + roundNo + "-" + hires.incrementAndGet();
                          attempt(
                                  () ->
                                      node.workforce()
                                          .hire(
                                              officer,
                                              new WorkforceService.NewMember(
                                                  externalId,
                                                  "Hire " + externalId,
                                                  WorkforceType.EMPLOYEE,
                                                  Set.of("nurse"),
                                                  "ER",
                                                  null,
                                                  today)))
                              .ifPresent(m -> roster.add(m.id()));
                        } else if (dice < 93) {
                          attempt(() -> node.workforce().terminate(officer, member, today));
                        } else {
                          attempt(() -> node.scheduler().sweep())
                              .ifPresent(
                                  r -> {
                                    swept[0] += r.members();
                                    swept[1] += r.created();
                                  });
                        }
                      }
                      return swept;
                    }));
          }
          go.countDown();
          int roundMembers = 0;
          for (Future<int[]> f : work) {
            int[] swept = f.get(5, TimeUnit.MINUTES);
            roundMembers += swept[0];
            sweptCreated += swept[1];
          }
          // Claims are per day: however the nodes split the roster, nobody is visited twice.
          assertThat(roundMembers)
              .as("members claimed on %s across all nodes", today)
              .isLessThanOrEqualTo(roster.size());
          sweptMembers += roundMembers;
          clock.advance(Duration.ofDays(61).plusHours(5).plusNanos(1_000));
        }

        List<Assignment> assignments =
            stores.get(0).inTransaction((Transaction tx) -> tx.assignments().list(fx.org().id()));
        Map<String, Long> byKey =
            assignments.stream()
                .collect(Collectors.groupingBy(Assignment::dedupeKey, Collectors.counting()));
        assertThat(byKey.values())
            .as("every dedupe key is held once")
            .allMatch(count -> count == 1);
        Map<String, List<Assignment>> openCycles = new HashMap<>();
        for (Assignment a : assignments) {
          if (a.isOpen()
              && a.reason() != AssignmentReason.POLICY_CHANGE
              && a.requirement() != null) {
            openCycles
                .computeIfAbsent(a.member() + "/" + a.requirement(), k -> new ArrayList<>())
                .add(a);
          }
        }
        assertThat(openCycles.values())
            .as("at most one open cycle assignment per member and requirement")
            .allMatch(list -> list.size() == 1);
        Map<Id<Assignment>, Assignment> byId =
            assignments.stream().collect(Collectors.toMap(Assignment::id, a -> a));
        for (Map.Entry<Id<Completion>, Id<Assignment>> c : acknowledged.entrySet()) {
          Optional<Completion> stored =
              stores
                  .get(1)
                  .inTransaction(
                      (Transaction tx) -> tx.completions().find(fx.org().id(), c.getKey()));
          assertThat(stored).as("acknowledged completion %s is stored", c.getKey()).isPresent();
          Assignment closed = byId.get(c.getValue());
          assertThat(closed.closure()).as("assignment %s is closed", closed.id()).isNotNull();
          assertThat(closed.closure().state()).isEqualTo(AssignmentState.COMPLETED);
          assertThat(closed.closure().completion()).isEqualTo(c.getKey());
        }
        for (Id<Assignment> id : contestedIds) {
          assertThat(acknowledged.values().stream().filter(id::equals).count())
              .as("completions acknowledged for contested assignment %s", id)
              .isEqualTo(1);
        }
        assertThat(contestedIds).isNotEmpty();
        List<AuditEntry> trail =
            stores
                .get(2)
                .inTransaction(
                    (Transaction tx) -> tx.audit().range(fx.org().id(), 1, Long.MAX_VALUE));
        assertThat(trail).as("the audit trail of every change").isNotEmpty();
        assertThat(AuditChain.verify(trail, 0, AuditChain.GENESIS).intact())
            .as("the organization's audit chain, appended to by four nodes, verifies")
            .isTrue();
        assertThat(exhausted.get()).as("operations that ran out of retries").isZero();
        assertThat(rejections)
            .as("only stale choices are rejected")
            .allMatch(
                m ->
                    m.contains("only an open assignment can be completed")
                        || m.contains("is terminated"));
        assertThat(acknowledged).isNotEmpty();
        assertThat(sweptCreated).as("renewals created by the sweeps").isPositive();
        LOG.info(
            "{}: {} assignments, {} completions, {} members swept, {} renewals, {} conflicts retried {}, {} stale"
                + " choices rejected",
            dialect(),
            assignments.size(),
            acknowledged.size(),
            sweptMembers,
            sweptCreated,
            conflicts.get(),
            conflictsByEntity,
            rejections.size());
      } finally {
        pool.shutdownNow();
        stores.forEach(JpaStore::close);
      }
    }
  }

  private static @org.jspecify.annotations.Nullable Assignment firstOpen(
      Trainproof node, Actor officer, List<Id<WorkforceMember>> roster) {
    for (Id<WorkforceMember> member : roster) {
      for (Assignment a : node.assignments().forMember(officer, member)) {
        if (a.isOpen()) {
          return a;
        }
      }
    }
    return null;
  }

  private void complete(
      Trainproof node,
      Actor officer,
      Id<WorkforceMember> member,
      LocalDate today,
      Random random,
      Map<Id<Completion>, Id<Assignment>> acknowledged) {
    List<Assignment> open =
        attempt(() -> node.assignments().forMember(officer, member)).orElse(List.of()).stream()
            .filter(Assignment::isOpen)
            .toList();
    if (open.isEmpty()) {
      return;
    }
    Assignment target = open.get(random.nextInt(open.size()));
    attempt(
            () ->
                node.completions()
                    .record(
                        officer,
                        CompletionService.Request.inApp(target.id(), today, 95, officer.id())))
        .ifPresent(outcome -> acknowledged.put(outcome.completion().id(), target.id()));
  }

  /** Runs an operation, retrying it whole on a conflict; a stale choice is recorded and dropped. */
  private <T> Optional<T> attempt(Supplier<T> operation) {
    for (int i = 0; i < MAX_ATTEMPTS; i++) {
      try {
        return Optional.of(operation.get());
      } catch (ConflictException e) {
        conflicts.incrementAndGet();
        conflictsByEntity.computeIfAbsent(e.entity(), k -> new AtomicInteger()).incrementAndGet();
      } catch (ValidationException e) {
        rejections.add(e.getMessage());
        return Optional.empty();
      }
    }
    exhausted.incrementAndGet();
    return Optional.empty();
  }
}
