package io.trainproof.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.ConflictException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.attestation.AttestationService;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.Attestation;
import io.trainproof.core.domain.AttestationMethod;
import io.trainproof.core.domain.AttestationTrigger;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.policy.PolicyService;
import io.trainproof.core.spi.Transaction;
import io.trainproof.core.workforce.WorkforceService;
import io.trainproof.persistence.jpa.JpaStore;
import io.trainproof.persistence.jpa.SqlDialect;
import io.trainproof.testkit.Fixtures;
import io.trainproof.testkit.SettableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Four application nodes (four {@link JpaStore}s, each with its own entity manager factory and
 * connections, each its own {@link Trainproof}) on one PostgreSQL schema, for a bounded number of
 * rounds. In each round the four nodes start together and each runs a random mix: roster changes
 * (hire, role change, termination), completions (which issue signed certificates), attestations,
 * renewal sweeps, certificate revocations, notification dispatch, and now and then a material
 * policy change. Half the picks hit a small hot set of members, so nodes collide. A conflict is
 * retried (the whole operation, as {@link ConflictException} advises) and counted; a choice made
 * stale by another node (completing what was just completed) is rejected and counted. The shared
 * clock moves forward between rounds.
 *
 * <p>Afterwards: every dedupe key, certificate status index and outbox key is held once; at most
 * one open cycle assignment per member and requirement; every acknowledged completion is stored and
 * closed its assignment; every acknowledged revocation is stored; every audit chain verifies; and
 * once the four nodes dispatch at once, every outbox message is delivered exactly once. CI: 4
 * rounds; {@code -Dtrainproof.reliability.long=true}: 25 rounds.
 */
@Tag("database")
@Tag("slow")
class ManyNodesUnderLoadTest {
  private static final Logger LOG = LoggerFactory.getLogger(ManyNodesUnderLoadTest.class);
  private static final int NODES = 4;
  private static final int ROUNDS = Reports.longRun() ? 25 : 5;

  /** What another node can make stale between a read and the write that follows it. */
  private static final List<String> STALE =
      List.of(
          "is terminated",
          "is already attested",
          "is superseded by a newer version",
          "is not after version",
          "only an open assignment",
          "revoked");

  private static final int OPS_PER_ROUND = 14;
  private static final int INITIAL_ROSTER = 24;
  private static final int HOT_SET = 5;
  private static final int MAX_ATTEMPTS = 30;

  private final Map<String, AtomicInteger> done = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> conflicts = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> stale = new ConcurrentHashMap<>();
  private final AtomicInteger exhausted = new AtomicInteger();

  @Test
  void fourNodesDoEverythingAtOnceAndNothingIsLostOrDoubled() throws Exception {
    World.Ledger ledger = new World.Ledger();
    try (PostgresSchema schema = PostgresSchema.create()) {
      SettableClock clock = SettableClock.at(World.at(World.TODAY));
      List<FaultInjectingDataSource> pools = new ArrayList<>();
      List<JpaStore> stores = new ArrayList<>();
      List<Trainproof> nodes = new ArrayList<>();
      var issuer = World.issuer(clock);
      ExecutorService pool = Executors.newFixedThreadPool(NODES);
      try {
        for (int i = 0; i < NODES; i++) {
          // why: used as a plain pool here; nothing is armed.
          FaultInjectingDataSource connections = new FaultInjectingDataSource(schema.dataSource());
          pools.add(connections);
          JpaStore store = JpaStore.create(connections, SqlDialect.POSTGRESQL);
          stores.add(store);
          nodes.add(
              Trainproof.builder()
                  .store(store)
                  .clock(clock)
                  .credentialIssuer(issuer)
                  .notificationSink(ledger)
                  .build());
        }
        Trainproof first = nodes.get(0);
        Fixtures fx = Fixtures.organization(first, World.ZONE);
        Actor officer = fx.officer();
        LocalDate start = World.TODAY;
        Policy privacy =
            first
                .policies()
                .create(
                    officer,
                    new PolicyService.NewPolicy(
                        "PRIV",
                        "Privacy",
                        Audience.everyone(),
                        AttestationTrigger.EVERY_VERSION,
                        30,
                        null));
        first
            .policies()
            .publish(
                officer,
                privacy.id(),
                new PolicyService.NewVersion(
                    start.minusDays(30),
                    Fixtures.sha256("privacy v1"),
                    "Initial",
                    false,
                    Set.of()));
        Course annual = fx.course("HIPAA", privacy);
        Course security = fx.course("SEC", privacy);
        fx.requirement(
            "Annual HIPAA",
            Fixtures.terms(annual, start.minusDays(30))
                .recurrence(
                    Recurrence.every(Period.ofYears(1), Recurrence.CountFrom.COMPLETION),
                    Period.ofDays(60))
                .build());
        fx.requirement(
            "Nurse security",
            Fixtures.terms(security, start.minusDays(30))
                .audience(Audience.roles("nurse"))
                .recurrence(
                    Recurrence.every(Period.ofMonths(4), Recurrence.CountFrom.DUE_DATE),
                    Period.ofDays(30))
                .build());
        List<WorkforceMember> roster = new CopyOnWriteArrayList<>();
        for (int i = 0; i < INITIAL_ROSTER; i++) {
          roster.add(
              fx.hire(
                  start.minusDays(10), i % 3 == 0 ? "ER" : "ICU", i % 2 == 0 ? "nurse" : "clerk"));
        }

        Map<Id<Completion>, Id<Assignment>> acknowledged = new ConcurrentHashMap<>();
        Set<Id<Certificate>> revoked = ConcurrentHashMap.newKeySet();
        Set<Id<Attestation>> attested = ConcurrentHashMap.newKeySet();
        AtomicInteger hires = new AtomicInteger();
        for (int round = 0; round < ROUNDS; round++) {
          LocalDate today = fx.org().dateOf(clock.instant());
          CountDownLatch go = new CountDownLatch(1);
          List<Future<?>> work = new ArrayList<>();
          for (int n = 0; n < NODES; n++) {
            Trainproof node = nodes.get(n);
            Random random = new Random(1000L * round + n);
            int nodeNo = n;
            int roundNo = round;
            work.add(
                pool.submit(
                    () -> {
                      go.await();
                      attempt("sweep", () -> node.scheduler().sweep());
                      for (int op = 0; op < OPS_PER_ROUND; op++) {
                        int pick =
                            random.nextBoolean()
                                ? random.nextInt(HOT_SET)
                                : random.nextInt(roster.size());
                        WorkforceMember member = roster.get(pick);
                        int dice = random.nextInt(100);
                        if (dice < 30) {
                          complete(node, officer, member, today, random, acknowledged);
                        } else if (dice < 45) {
                          attest(node, fx, member, today, attested);
                        } else if (dice < 55) {
                          revoke(node, officer, member, revoked);
                        } else if (dice < 65) {
                          Set<String> roles = Set.of(random.nextBoolean() ? "nurse" : "clerk");
                          attempt(
                              "roster change",
                              () ->
                                  node.workforce()
                                      .change(
                                          officer,
                                          member.id(),
                                          WorkforceService.MemberChange.roles(today, roles)));
                        } else if (dice < 75) {
                          String externalId =
                              "N" + nodeNo + "-R" + roundNo + "-" + hires.incrementAndGet();
                          attempt(
                                  "hire",
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
                              .ifPresent(roster::add);
                        } else if (dice < 80) {
                          attempt(
                              "terminate",
                              () -> node.workforce().terminate(officer, member.id(), today));
                        } else if (dice < 90) {
                          attempt("sweep", () -> node.scheduler().sweep());
                        } else if (dice < 98) {
                          attempt("dispatch", () -> node.notifications().dispatch());
                        } else if (nodeNo == 0) {
                          attempt(
                              "policy change",
                              () ->
                                  node.policies()
                                      .publish(
                                          officer,
                                          privacy.id(),
                                          new PolicyService.NewVersion(
                                              today,
                                              Fixtures.sha256(
                                                  "privacy " + roundNo + " " + random.nextInt()),
                                              "Revised",
                                              true,
                                              Set.of("nurse"))));
                        }
                      }
                      return null;
                    }));
          }
          go.countDown();
          for (Future<?> f : work) {
            f.get(10, TimeUnit.MINUTES);
          }
          clock.advance(Duration.ofDays(41).plusHours(7));
        }
        // Every node dispatches at once, then once more after the leases ran out: each message
        // once.
        clock.advance(Duration.ofMinutes(10));
        List<Future<?>> dispatches = new ArrayList<>();
        for (Trainproof node : nodes) {
          dispatches.add(
              pool.submit(() -> attempt("dispatch", () -> node.notifications().dispatch())));
        }
        for (Future<?> f : dispatches) {
          f.get(10, TimeUnit.MINUTES);
        }
        clock.advance(Duration.ofMinutes(10));
        attempt("dispatch", () -> first.notifications().dispatch());

        JpaStore reader = stores.get(1);
        assertThat(Invariants.violations(schema.dataSource(), reader)).as("invariants").isEmpty();
        List<Assignment> assignments =
            reader.inTransaction((Transaction tx) -> tx.assignments().list(fx.org().id()));
        Map<String, Integer> openCycles = new HashMap<>();
        for (Assignment a : assignments) {
          if (a.isOpen()
              && a.requirement() != null
              && a.reason() != AssignmentReason.POLICY_CHANGE) {
            openCycles.merge(a.member() + "/" + a.requirement(), 1, Integer::sum);
          }
        }
        assertThat(openCycles.values())
            .as("at most one open cycle assignment per member and requirement")
            .allMatch(count -> count == 1);
        Map<Id<Assignment>, Assignment> byId = new HashMap<>();
        assignments.forEach(a -> byId.put(a.id(), a));
        for (Map.Entry<Id<Completion>, Id<Assignment>> c : acknowledged.entrySet()) {
          Optional<Completion> stored =
              reader.inTransaction(
                  (Transaction tx) -> tx.completions().find(fx.org().id(), c.getKey()));
          assertThat(stored).as("acknowledged completion %s is stored", c.getKey()).isPresent();
          Assignment closed = byId.get(c.getValue());
          assertThat(closed.closure()).as("assignment %s is closed", closed.id()).isNotNull();
          assertThat(closed.closure().completion()).isEqualTo(c.getKey());
        }
        for (Id<Certificate> id : revoked) {
          Optional<Certificate> stored =
              reader.inTransaction((Transaction tx) -> tx.certificates().find(fx.org().id(), id));
          assertThat(stored)
              .as("revoked certificate %s", id)
              .hasValueSatisfying(
                  c -> assertThat(c.status()).isEqualTo(Certificate.Status.REVOKED));
        }
        assertThat(
                Sql.strings(
                    schema.dataSource(),
                    "SELECT idempotency_key FROM tp_outbox WHERE delivered_at IS NULL"))
            .as("messages never delivered")
            .isEmpty();
        assertThat(
                Sql.strings(
                    schema.dataSource(),
                    "SELECT idempotency_key FROM tp_outbox WHERE attempts <> 1"))
            .as("messages recorded delivered more than once")
            .isEmpty();
        Map<String, Integer> offered = ledger.deliveries();
        assertThat(offered.values())
            .as("each message offered to the sink once")
            .allMatch(count -> count == 1);
        assertThat(offered)
            .hasSize((int) Sql.number(schema.dataSource(), "SELECT COUNT(*) FROM tp_outbox"));
        assertThat(exhausted.get()).as("operations that ran out of retries").isZero();
        assertThat(stale.keySet())
            .as("only choices another node made stale are rejected")
            .allMatch(reason -> STALE.stream().anyMatch(reason::contains));
        assertThat(acknowledged).isNotEmpty();
        assertThat(revoked).isNotEmpty();
        assertThat(attested).isNotEmpty();

        long certificates = Sql.number(schema.dataSource(), "SELECT COUNT(*) FROM tp_certificate");
        int operations = done.values().stream().mapToInt(AtomicInteger::get).sum();
        int retried = conflicts.values().stream().mapToInt(AtomicInteger::get).sum();
        int rejected = stale.values().stream().mapToInt(AtomicInteger::get).sum();
        String report =
            "nodes: "
                + NODES
                + ", rounds: "
                + ROUNDS
                + "\n"
                + "operations done: "
                + operations
                + " "
                + new TreeMap<>(counts(done))
                + "\n"
                + "conflicts retried: "
                + retried
                + " "
                + new TreeMap<>(counts(conflicts))
                + "\n"
                + "stale choices rejected: "
                + rejected
                + " "
                + new TreeMap<>(counts(stale))
                + "\n"
                + "assignments: "
                + assignments.size()
                + ", completions acknowledged: "
                + acknowledged.size()
                + ", certificates: "
                + certificates
                + ", revocations: "
                + revoked.size()
                + ", attestations: "
                + attested.size()
                + ", outbox messages delivered once: "
                + offered.size()
                + "\n";
        LOG.info("four nodes on PostgreSQL:\n{}", report);
        Reports.write("many-nodes.txt", report);
      } finally {
        pool.shutdownNow();
        stores.forEach(JpaStore::close);
        pools.forEach(FaultInjectingDataSource::closeIdle);
      }
    }
  }

  private static Map<String, Integer> counts(Map<String, AtomicInteger> map) {
    Map<String, Integer> copy = new TreeMap<>();
    map.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  private void complete(
      Trainproof node,
      Actor officer,
      WorkforceMember member,
      LocalDate today,
      Random random,
      Map<Id<Completion>, Id<Assignment>> acknowledged) {
    List<Assignment> open =
        attempt("read", () -> node.assignments().forMember(officer, member.id()))
            .orElse(List.of())
            .stream()
            .filter(Assignment::isOpen)
            .toList();
    if (open.isEmpty()) {
      return;
    }
    Assignment target = open.get(random.nextInt(open.size()));
    attempt(
            "completion",
            () ->
                node.completions()
                    .record(
                        officer,
                        CompletionService.Request.inApp(
                            target.id(), today, 90 + random.nextInt(10), officer.id())))
        .ifPresent(outcome -> acknowledged.put(outcome.completion().id(), target.id()));
  }

  private void attest(
      Trainproof node,
      Fixtures fx,
      WorkforceMember member,
      LocalDate today,
      Set<Id<Attestation>> attested) {
    Actor self =
        new Actor("u-" + member.externalId(), ActorRole.MEMBER, fx.org().id(), member.id());
    Optional<Attestation> pending =
        attempt("read", () -> node.attestations().forMember(fx.officer(), member.id(), today))
            .orElse(List.of())
            .stream()
            .map(s -> s.attestation())
            .filter(a -> a.evidence() == null)
            .findFirst();
    pending.ifPresent(
        a ->
            attempt(
                    "attestation",
                    () ->
                        node.attestations()
                            .record(
                                self,
                                new AttestationService.Submission(
                                    a.id(),
                                    "I have read the Privacy policy.",
                                    AttestationMethod.CLICK_THROUGH,
                                    null,
                                    null)))
                .ifPresent(done -> attested.add(done.id())));
  }

  private void revoke(
      Trainproof node, Actor officer, WorkforceMember member, Set<Id<Certificate>> revoked) {
    Optional<Certificate> valid =
        attempt("read", () -> node.certificates().forMember(officer, member.id()))
            .orElse(List.of())
            .stream()
            .filter(c -> c.status() == Certificate.Status.VALID)
            .findFirst();
    valid.ifPresent(
        c ->
            attempt(
                    "revocation",
                    () -> node.certificates().revoke(officer, c.id(), "issued in error"))
                .ifPresent(r -> revoked.add(r.id())));
  }

  /** Runs an operation, retrying it whole on a conflict; a stale choice is counted and dropped. */
  private <T> Optional<T> attempt(String what, Supplier<T> operation) {
    for (int i = 0; i < MAX_ATTEMPTS; i++) {
      try {
        T result = operation.get();
        done.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
        return Optional.of(result);
      } catch (ConflictException e) {
        conflicts
            .computeIfAbsent(what + " (" + e.entity() + ")", k -> new AtomicInteger())
            .incrementAndGet();
      } catch (ValidationException e) {
        String reason =
            String.valueOf(e.getMessage()).replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>");
        stale.computeIfAbsent(what + ": " + reason, k -> new AtomicInteger()).incrementAndGet();
        return Optional.empty();
      }
    }
    exhausted.incrementAndGet();
    return Optional.empty();
  }
}
