package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.ForbiddenException;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.AddressableDecision;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.RecordKind;
import io.trainproof.core.domain.RegulatoryTopic;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.renewal.RenewalRunner;
import io.trainproof.core.renewal.RenewalScheduler;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Policy documentation duties, retention dates per record, unknown actors, and the provided runner.
 */
class DocumentationAndRunnerTest {
  static final ZoneId ZONE = ZoneId.of("America/St_Johns");
  static final LocalDate TODAY = LocalDate.of(2026, 7, 1);
  Trainproof tp;
  Fixtures fx;

  @BeforeEach
  void setUp() {
    SettableClock clock = SettableClock.at(ZonedDateTime.of(TODAY.atTime(9, 0), ZONE).toInstant());
    tp = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();
    fx = Fixtures.organization(tp, ZONE);
  }

  @Test
  void aPolicyReviewIsLoggedAndSetsTheNextReviewDate() {
    Policy p = fx.policy("PRIV", TODAY.minusYears(1));
    tp.documentation()
        .recordReview(fx.officer(), p.id(), TODAY, "Still accurate", false, TODAY.plusYears(1));
    assertThat(tp.documentation().reviews(fx.officer(), p.id()))
        .singleElement()
        .satisfies(r -> assertThat(r.nextReviewDueOn()).isEqualTo(TODAY.plusYears(1)));
    assertThat(tp.policies().list(fx.officer()))
        .singleElement()
        .satisfies(x -> assertThat(x.reviewDueOn()).isEqualTo(TODAY.plusYears(1)));
    assertThatThrownBy(
            () -> tp.documentation().recordReview(fx.officer(), p.id(), TODAY, "x", false, TODAY))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("nextReviewDueOn"));
  }

  @Test
  void addressableDecisionsAreVersionedAndNeedAnAlternativeWhenNotTrained() {
    assertThatThrownBy(
            () ->
                tp.documentation()
                    .decide(
                        fx.officer(),
                        RegulatoryTopic.LOG_IN_MONITORING,
                        false,
                        "Monitored by the SIEM",
                        null,
                        TODAY))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("alternativeMeasure"));
    assertThatThrownBy(
            () ->
                tp.documentation()
                    .decide(fx.officer(), RegulatoryTopic.PRIVACY_RULE, true, "x", null, TODAY))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("topic"));
    tp.documentation()
        .decide(
            fx.officer(),
            RegulatoryTopic.LOG_IN_MONITORING,
            false,
            "Monitored by the SIEM",
            "Automated alerts reviewed daily by IT",
            TODAY);
    tp.documentation()
        .decide(
            fx.officer(),
            RegulatoryTopic.LOG_IN_MONITORING,
            true,
            "Now part of annual training",
            null,
            TODAY.plusDays(1));
    assertThat(tp.documentation().decisions(fx.officer()))
        .extracting(AddressableDecision::number, AddressableDecision::implementedAsTraining)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, false),
            org.assertj.core.groups.Tuple.tuple(2, true));
  }

  @Test
  void everyRecordOfAMemberHasARetentionDateOnceOutOfEffect() {
    fx.requirement("R", Fixtures.terms(fx.course("C"), TODAY.minusYears(1)).build());
    WorkforceMember m = fx.hire(TODAY.minusDays(3), "D", "nurse");
    Assignment a = tp.assignments().forMember(fx.officer(), m.id()).get(0);
    assertThat(tp.retention().retentionDates(fx.officer(), m.id()))
        .doesNotContainKey(RecordKind.ASSIGNMENT);
    tp.completions().record(fx.officer(), CompletionService.Request.inApp(a.id(), TODAY, 90, "o"));
    Map<RecordKind, Map<String, LocalDate>> dates =
        tp.retention().retentionDates(fx.officer(), m.id());
    assertThat(dates.get(RecordKind.ASSIGNMENT))
        .containsEntry(a.id().toString(), TODAY.plusYears(6));
    assertThat(dates.get(RecordKind.COMPLETION)).containsValue(TODAY.plusYears(6));
  }

  @Test
  void anUnknownActorOrOrganizationGetsATypedError() {
    Actor ghost = new Actor("ghost", ActorRole.COMPLIANCE_OFFICER, Id.random(), null);
    assertThatThrownBy(() -> tp.workforce().list(ghost))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.entity()).isEqualTo("Organization"));
    assertThatThrownBy(() -> new Actor(" ", ActorRole.MEMBER, fx.org().id(), null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("actor.id"));
    Actor memberWithoutRecord = new Actor("u-1", ActorRole.MEMBER, fx.org().id(), null);
    assertThatThrownBy(() -> tp.workforce().list(memberWithoutRecord))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void theProvidedRunnerSweepsOnTheHostsExecutorAndStopsWhenClosed() throws Exception {
    CountDownLatch swept = new CountDownLatch(2);
    RenewalScheduler counting =
        () -> {
          swept.countDown();
          if (swept.getCount() == 1) {
            throw new IllegalStateException("a failing sweep is logged and retried");
          }
          return new RenewalScheduler.SweepResult(0, 0, 0);
        };
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try (RenewalRunner runner = new RenewalRunner(counting, executor, Duration.ofMillis(1))) {
      runner.start();
      runner.start();
      assertThat(swept.await(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      executor.shutdown();
      assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThatThrownBy(() -> new RenewalRunner(counting, executor, Duration.ZERO))
        .isInstanceOf(ValidationException.class);
  }
}
