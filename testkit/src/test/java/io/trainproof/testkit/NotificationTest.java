package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Notification;
import io.trainproof.core.domain.NotificationKind;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.SecurityReminder;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.event.TrainproofEvent;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.notification.NotificationDispatcher;
import io.trainproof.core.notification.NotificationSink;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The outbox: reminders on schedule, exactly-once delivery per key, events after commit only. */
class NotificationTest {
  static final ZoneId ZONE = ZoneId.of("Europe/London");

  /** A sink that fails at random and counts successful deliveries per key. */
  static final class FlakySink implements NotificationSink {
    final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
    final Random random;
    final double failureRate;

    FlakySink(long seed, double failureRate) {
      this.random = new Random(seed);
      this.failureRate = failureRate;
    }

    @Override
    public void deliver(Notification n) throws Exception {
      boolean fail;
      synchronized (random) {
        fail = random.nextDouble() < failureRate;
      }
      if (fail) {
        throw new IOException("mail server unavailable");
      }
      delivered
          .computeIfAbsent(n.organization() + "/" + n.idempotencyKey(), k -> new AtomicInteger())
          .incrementAndGet();
    }
  }

  @Property(tries = 100)
  void withASinkThatFailsAtRandomEveryMessageIsDeliveredExactlyOncePerKey(
      @ForAll @IntRange(min = 1, max = 30) int hires,
      @ForAll @DoubleRange(min = 0.0, max = 0.8) double failureRate,
      @ForAll long seed)
      throws Exception {
    SettableClock clock =
        SettableClock.at(ZonedDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZONE).toInstant());
    FlakySink sink = new FlakySink(seed, failureRate);
    InMemoryStore store = new InMemoryStore();
    Trainproof tp = Trainproof.builder().store(store).clock(clock).notificationSink(sink).build();
    // A second node on the same store dispatching at the same time.
    Trainproof other =
        Trainproof.builder().store(store).clock(clock).notificationSink(sink).build();
    Fixtures fx = Fixtures.organization(tp, ZONE);
    Course course = fx.course("C");
    fx.requirement("R", Fixtures.terms(course, LocalDate.of(2026, 1, 1)).build());
    for (int i = 0; i < hires; i++) {
      fx.hire(LocalDate.of(2026, 3, 1), "D", "nurse");
    }
    tp.securityReminders()
        .send(fx.officer(), "Phishing", "Check links", "email", Audience.everyone(), true);
    int expected = 2 * hires; // one assignment notice and one security reminder each
    for (int round = 0; round < 200 && sink.delivered.size() < expected; round++) {
      CompletableFuture<NotificationDispatcher.DispatchResult> a =
          CompletableFuture.supplyAsync(() -> tp.notifications().dispatch());
      CompletableFuture<NotificationDispatcher.DispatchResult> b =
          CompletableFuture.supplyAsync(() -> other.notifications().dispatch());
      a.get();
      b.get();
      clock.advance(Duration.ofMinutes(61)); // past the longest backoff
    }
    assertThat(sink.delivered).hasSize(expected);
    assertThat(sink.delivered.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    // Delivered messages are never offered again.
    clock.advance(Duration.ofDays(1));
    assertThat(tp.notifications().dispatch().delivered()).isZero();
  }

  @Test
  void messagesWrittenBeforeACrashAreDeliveredByTheNextProcess() {
    SettableClock clock =
        SettableClock.at(ZonedDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZONE).toInstant());
    InMemoryStore store = new InMemoryStore();
    Trainproof crashed = Trainproof.builder().store(store).clock(clock).build(); // never dispatches
    Fixtures fx = Fixtures.organization(crashed, ZONE);
    fx.requirement("R", Fixtures.terms(fx.course("C"), LocalDate.of(2026, 1, 1)).build());
    fx.hire(LocalDate.of(2026, 3, 1), "D", "nurse");
    List<Notification> received = Collections.synchronizedList(new ArrayList<>());
    Trainproof restarted =
        Trainproof.builder().store(store).clock(clock).notificationSink(received::add).build();
    assertThat(restarted.notifications().dispatch().delivered()).isEqualTo(1);
    assertThat(received)
        .singleElement()
        .satisfies(n -> assertThat(n.kind()).isEqualTo(NotificationKind.ASSIGNED));
  }

  @Test
  void remindersDueNoticesOverdueNoticesAndEscalationsFollowTheSchedule() {
    SettableClock clock =
        SettableClock.at(ZonedDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZONE).toInstant());
    List<Notification> received = Collections.synchronizedList(new ArrayList<>());
    Trainproof tp =
        Trainproof.builder()
            .store(new InMemoryStore())
            .clock(clock)
            .notificationSink(received::add)
            .build();
    Fixtures fx = Fixtures.organization(tp, ZONE);
    fx.requirement(
        "R", Fixtures.terms(fx.course("C"), LocalDate.of(2026, 1, 1)).initialDueDays(30).build());
    WorkforceMember boss =
        fx.hire(LocalDate.of(2026, 3, 1), "D", WorkforceType.EMPLOYEE, null, "lead");
    WorkforceMember m =
        fx.hire(LocalDate.of(2026, 3, 1), "D", WorkforceType.EMPLOYEE, boss.id(), "nurse");
    Assignment a = tp.assignments().forMember(fx.officer(), m.id()).get(0);
    LocalDate due = a.dueOn();
    // Standard schedule: 14 and 3 days before, on the due date, 7 days after, escalation at 14.
    for (LocalDate d = LocalDate.of(2026, 3, 2); !d.isAfter(due.plusDays(20)); d = d.plusDays(1)) {
      clock.set(ZonedDateTime.of(d.atTime(9, 0), ZONE).toInstant());
      tp.scheduler().sweep();
      tp.scheduler().sweep();
      tp.notifications().dispatch();
    }
    List<Notification> mine =
        received.stream()
            .filter(n -> a.id().toString().equals(n.payload().get("assignment")))
            .toList();
    assertThat(mine)
        .extracting(Notification::kind)
        .containsExactly(
            NotificationKind.ASSIGNED,
            NotificationKind.REMINDER,
            NotificationKind.REMINDER,
            NotificationKind.DUE,
            NotificationKind.OVERDUE,
            NotificationKind.ESCALATION);
    assertThat(mine).last().satisfies(n -> assertThat(n.recipient()).isEqualTo(boss.id()));
    assertThat(mine.get(1).createdAt())
        .isEqualTo(ZonedDateTime.of(due.minusDays(14).atTime(9, 0), ZONE).toInstant());
  }

  @Test
  void aRenewalTheSweepCreatesGetsTheReminderThatFallsDueTheSameDay() {
    SettableClock clock =
        SettableClock.at(ZonedDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZONE).toInstant());
    List<Notification> received = Collections.synchronizedList(new ArrayList<>());
    Trainproof tp =
        Trainproof.builder()
            .store(new InMemoryStore())
            .clock(clock)
            .notificationSink(received::add)
            .build();
    Fixtures fx = Fixtures.organization(tp, ZONE);
    // Renewals open 14 days before the due date: the day the standard schedule's first reminder
    // falls.
    fx.requirement(
        "R",
        Fixtures.terms(fx.course("C"), LocalDate.of(2026, 1, 1))
            .initialDueDays(30)
            .recurrence(
                Recurrence.every(Period.ofYears(1), Recurrence.CountFrom.COMPLETION),
                Period.ofDays(14))
            .build());
    WorkforceMember m = fx.hire(LocalDate.of(2026, 3, 1), "D", "nurse");
    Assignment first = tp.assignments().forMember(fx.officer(), m.id()).get(0);
    clock.set(ZonedDateTime.of(2026, 3, 5, 9, 0, 0, 0, ZONE).toInstant());
    tp.completions()
        .record(
            fx.officer(),
            CompletionService.Request.inApp(
                first.id(), LocalDate.of(2026, 3, 5), 95, fx.officer().id()));
    clock.set(ZonedDateTime.of(2027, 2, 19, 9, 0, 0, 0, ZONE).toInstant());

    assertThat(tp.scheduler().sweep().created()).isEqualTo(1);
    tp.notifications().dispatch();

    Assignment renewal =
        tp.assignments().forMember(fx.officer(), m.id()).stream()
            .filter(Assignment::isOpen)
            .findFirst()
            .orElseThrow();
    assertThat(renewal.dueOn()).isEqualTo(LocalDate.of(2027, 3, 5));
    assertThat(
            received.stream()
                .filter(n -> renewal.id().toString().equals(n.payload().get("assignment"))))
        .extracting(Notification::kind)
        .containsExactlyInAnyOrder(NotificationKind.ASSIGNED, NotificationKind.REMINDER);
  }

  @Test
  void securityRemindersAreKeptAsEvidenceWithAcknowledgements() {
    SettableClock clock =
        SettableClock.at(ZonedDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZONE).toInstant());
    Trainproof tp = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();
    Fixtures fx = Fixtures.organization(tp, ZONE);
    WorkforceMember m = fx.hire(LocalDate.of(2026, 3, 1), "D", "nurse");
    fx.hire(LocalDate.of(2026, 3, 1), "E", "clerk");
    SecurityReminder sent =
        tp.securityReminders()
            .send(
                fx.officer(),
                "Phishing",
                "Report suspicious mail",
                "email",
                Audience.roles("nurse"),
                true);
    assertThat(sent.recipients())
        .extracting(SecurityReminder.Recipient::member)
        .containsExactly(m.id());
    Actor self = new Actor("u-m", ActorRole.MEMBER, fx.org().id(), m.id());
    tp.securityReminders().acknowledge(self, sent.id());
    assertThat(
            tp.securityReminders()
                .log(fx.officer(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1)))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.contentSha256()).isEqualTo(Fixtures.sha256("Report suspicious mail"));
              assertThat(r.channel()).isEqualTo("email");
              assertThat(r.recipients().get(0).acknowledgedAt()).isEqualTo(clock.instant());
            });
  }

  @Test
  void eventsArePublishedAfterCommitOnlyAndAFailingListenerChangesNothing() {
    SettableClock clock =
        SettableClock.at(ZonedDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZONE).toInstant());
    List<TrainproofEvent> events = Collections.synchronizedList(new ArrayList<>());
    InMemoryStore store = new InMemoryStore();
    Trainproof tp =
        Trainproof.builder()
            .store(store)
            .clock(clock)
            .listener(events::add)
            .listener(
                e -> {
                  throw new IllegalStateException("a broken listener");
                })
            .build();
    Fixtures fx = Fixtures.organization(tp, ZONE);
    fx.requirement("R", Fixtures.terms(fx.course("C"), LocalDate.of(2026, 1, 1)).build());
    events.clear();
    WorkforceMember m = fx.hire(LocalDate.of(2026, 3, 1), "D", "nurse");
    assertThat(events)
        .extracting(TrainproofEvent::type)
        .containsExactly("MEMBER_HIRED", "ASSIGNMENT_CREATED");
    assertThat(tp.workforce().get(fx.officer(), m.id())).isNotNull();
    events.clear();
    // A refused change publishes nothing.
    try {
      tp.workforce().terminate(fx.officer(), m.id(), LocalDate.of(2020, 1, 1));
    } catch (ValidationException expected) {
      // history is not rewritten
    }
    assertThat(events).isEmpty();
  }
}
