package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.audit.AuditExport;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Notification;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.notification.NotificationDispatcher;
import io.trainproof.core.workforce.WorkforceService;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outbox retry timing as the stored messages show it, audit exports, and what a manager may see.
 */
class DeliveryAndVisibilityTest {
  static final ZoneId ZONE = ZoneId.of("UTC");
  static final LocalDate TODAY = LocalDate.of(2026, 2, 2);
  static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

  SettableClock clock;
  InMemoryStore store;
  Trainproof tp;
  Fixtures fx;
  AtomicInteger calls;
  int failFirst;

  @BeforeEach
  void setUp() {
    clock = SettableClock.at(ZonedDateTime.of(TODAY.atTime(9, 0), ZONE).toInstant());
    store = new InMemoryStore();
    calls = new AtomicInteger();
    tp =
        Trainproof.builder()
            .store(store)
            .clock(clock)
            .notificationSink(
                n -> {
                  if (calls.incrementAndGet() <= failFirst) {
                    throw new IOException("mail server unavailable");
                  }
                })
            .build();
    fx = Fixtures.organization(tp, ZONE);
    fx.requirement("R", Fixtures.terms(fx.course("C"), TODAY.minusYears(1)).build());
  }

  List<Notification> outbox() {
    return store.inTransaction(tx -> tx.outbox().between(fx.org().id(), Instant.EPOCH, FAR));
  }

  @Test
  void aFailingMessageIsRetriedAfter1_2_4_8_16_32_MinutesThenHourly() {
    failFirst = 9;
    fx.hire(TODAY, "D", "nurse");
    long[] waits = {1, 2, 4, 8, 16, 32, 60, 60, 60};
    for (int attempt = 1; attempt <= waits.length; attempt++) {
      NotificationDispatcher.DispatchResult result = tp.notifications().dispatch();
      assertThat(result.failed()).as("attempt %d", attempt).isEqualTo(1);
      assertThat(result.delivered()).isZero();
      Instant failedAt = clock.instant();
      assertThat(outbox())
          .singleElement()
          .satisfies(
              n -> {
                assertThat(n.deliveredAt()).isNull();
                assertThat(n.lastError()).isEqualTo("java.io.IOException");
              });
      int attempts = attempt;
      long wait = waits[attempt - 1];
      assertThat(outbox())
          .singleElement()
          .satisfies(
              n -> {
                assertThat(n.attempts()).isEqualTo(attempts);
                assertThat(n.nextAttemptAt()).isEqualTo(failedAt.plus(Duration.ofMinutes(wait)));
              });
      // Not offered again before its time.
      clock.set(failedAt.plus(Duration.ofMinutes(wait)).minusSeconds(1));
      assertThat(tp.notifications().dispatch().failed()).isZero();
      clock.advance(Duration.ofSeconds(1));
    }
    NotificationDispatcher.DispatchResult delivered = tp.notifications().dispatch();
    assertThat(delivered.delivered()).isEqualTo(1);
    assertThat(delivered.failed()).isZero();
    assertThat(outbox())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.attempts()).isEqualTo(10);
              assertThat(n.deliveredAt()).isEqualTo(clock.instant());
            });
    assertThat(calls.get()).isEqualTo(10);
  }

  @Test
  void oneDispatchDeliversEveryDueMessageBeyondOneBatch() {
    for (int i = 0; i < 60; i++) {
      fx.hire(TODAY, "D", "nurse");
    }
    NotificationDispatcher.DispatchResult result = tp.notifications().dispatch();
    assertThat(result.delivered()).isEqualTo(60);
    assertThat(outbox())
        .hasSize(60)
        .allSatisfy(
            n -> {
              assertThat(n.deliveredAt()).isNotNull();
              assertThat(n.attempts()).isEqualTo(1);
            });
  }

  @Test
  void anExportIsItselfAuditedAndNeedsAnOrderedRange() {
    Instant from = clock.instant().minusSeconds(60);
    Instant to = clock.instant().plusSeconds(60);
    AuditExport export = tp.audit().export(fx.officer(), from, to);
    assertThat(export.entries()).isNotEmpty();
    List<AuditEntry> after = tp.audit().entries(fx.officer(), Instant.EPOCH, FAR);
    assertThat(after)
        .last()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("AUDIT_EXPORTED");
              assertThat(e.details())
                  .containsExactlyInAnyOrderEntriesOf(
                      Map.of(
                          "from",
                          from.toString(),
                          "to",
                          to.toString(),
                          "entries",
                          String.valueOf(export.entries().size())));
            });
    assertThatThrownBy(() -> tp.audit().export(fx.officer(), to, from))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
    assertThatThrownBy(() -> tp.audit().export(fx.officer(), from, from))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
    assertThat(tp.audit().entries(fx.officer(), Instant.EPOCH, FAR)).hasSameSizeAs(after);
  }

  @Test
  void aManagerSeesTheirDepartmentAndTheirWholeReportingLineButNoOneElse() {
    WorkforceMember boss = fx.hire(TODAY, "Board", WorkforceType.EMPLOYEE, null, "director");
    WorkforceMember peer = fx.hire(TODAY, "Board", WorkforceType.EMPLOYEE, null, "director");
    WorkforceMember lead = fx.hire(TODAY, "Ward", WorkforceType.EMPLOYEE, boss.id(), "lead");
    WorkforceMember nurse = fx.hire(TODAY, "Ward", WorkforceType.EMPLOYEE, lead.id(), "nurse");
    WorkforceMember agency = fx.hire(TODAY, "Night", WorkforceType.CONTRACTOR, nurse.id(), "nurse");
    WorkforceMember stranger = fx.hire(TODAY, "Lab", WorkforceType.EMPLOYEE, null, "tech");
    Actor asBoss = new Actor("u-boss", ActorRole.MANAGER, fx.org().id(), boss.id());
    assertThat(tp.workforce().list(asBoss))
        .extracting(WorkforceMember::id)
        .containsExactlyInAnyOrder(boss.id(), peer.id(), lead.id(), nurse.id(), agency.id());
    Actor asLead = new Actor("u-lead", ActorRole.MANAGER, fx.org().id(), lead.id());
    // The lead's department is the Ward: the nurse is both a peer and a report.
    assertThat(tp.workforce().list(asLead))
        .extracting(WorkforceMember::id)
        .containsExactlyInAnyOrder(lead.id(), nurse.id(), agency.id());
    assertThat(tp.workforce().list(asLead))
        .extracting(WorkforceMember::id)
        .doesNotContain(stranger.id(), boss.id());
  }

  @Test
  void aCycleInTheReportingLinesDoesNotHangAManagersView() {
    WorkforceMember x = fx.hire(TODAY, "X", WorkforceType.EMPLOYEE, null, "lead");
    WorkforceMember y = fx.hire(TODAY, "Y", WorkforceType.EMPLOYEE, x.id(), "lead");
    // Bad data from an HR feed: x now reports to y, who reports to x.
    tp.workforce()
        .change(
            fx.officer(),
            x.id(),
            new WorkforceService.MemberChange(TODAY, null, null, y.id(), null));
    WorkforceMember outsider = fx.hire(TODAY, "Z", WorkforceType.EMPLOYEE, null, "lead");
    Actor asOutsider = new Actor("u-z", ActorRole.MANAGER, fx.org().id(), outsider.id());
    assertThat(tp.workforce().list(asOutsider))
        .extracting(WorkforceMember::id)
        .containsExactly(outsider.id());
    Actor asX = new Actor("u-x", ActorRole.MANAGER, fx.org().id(), x.id());
    assertThat(tp.workforce().list(asX))
        .extracting(WorkforceMember::id)
        .containsExactlyInAnyOrder(x.id(), y.id());
  }

  @Test
  void dryRunsOneAfterAnotherEachRunAndLeaveNothingBehind() {
    int before = tp.workforce().list(fx.officer()).size();
    for (int i = 0; i < 2; i++) {
      WorkforceMember would = tp.dryRun(() -> fx.hire(TODAY, "D", "nurse"));
      assertThat(would.latestTerms().department()).isEqualTo("D");
    }
    assertThat(tp.workforce().list(fx.officer())).hasSize(before);
  }
}
