package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Actor;
import io.trainproof.core.IntegrityException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.LegalHold;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.RecordKind;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.organization.OrganizationService;
import io.trainproof.core.retention.RetentionService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Retention: nothing inside its window or under a hold is ever purged; purges leave tombstones. */
class RetentionPropertiesTest {
  static final ZoneId ZONE = ZoneId.of("Asia/Kathmandu");

  @Provide
  Arbitrary<LocalDate> dates() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            LocalDate.of(2020, 2, 29),
            LocalDate.of(2024, 2, 29),
            LocalDate.of(2019, 12, 31),
            LocalDate.of(2021, 3, 1)),
        Arbitraries.longs()
            .between(LocalDate.of(2018, 1, 1).toEpochDay(), LocalDate.of(2026, 12, 31).toEpochDay())
            .map(LocalDate::ofEpochDay));
  }

  @Property(tries = 300)
  void nothingInsideTheWindowOrUnderAHoldIsEverPurged(
      @ForAll("dates") LocalDate recordedOn,
      @ForAll @IntRange(min = 0, max = 4000) int daysLater,
      @ForAll @IntRange(min = 0, max = 3) int holdKind,
      @ForAll @IntRange(min = 6, max = 10) int retentionYears) {
    SettableClock clock =
        SettableClock.at(ZonedDateTime.of(recordedOn.atTime(12, 0), ZONE).toInstant());
    Trainproof tp = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();
    Organization org =
        tp.organizations()
            .create(
                Actor.platform("p"),
                new OrganizationService.NewOrganization(
                    "Org", ZONE, Period.ofYears(retentionYears)));
    Fixtures fx = Fixtures.organizationFor(tp, org);
    Course course = fx.course("C");
    fx.requirement("R", Fixtures.terms(course, recordedOn.minusYears(1)).build());
    WorkforceMember m = fx.hire(recordedOn, "D", "nurse");
    Assignment a = tp.assignments().forMember(fx.officer(), m.id()).get(0);
    Completion c =
        tp.completions()
            .record(fx.officer(), CompletionService.Request.inApp(a.id(), recordedOn, 90, "o"))
            .completion();

    LocalDate today = recordedOn.plusDays(daysLater);
    LegalHold hold =
        switch (holdKind) {
          case 1 -> tp.retention().placeHold(fx.officer(), "Matter A", m.id(), null, null);
          case 2 ->
              tp.retention()
                  .placeHold(
                      fx.officer(),
                      "Matter B",
                      null,
                      recordedOn.minusDays(3),
                      recordedOn.plusDays(3));
          case 3 ->
              tp.retention()
                  .placeHold(fx.officer(), "Matter C", null, recordedOn.plusDays(10), null);
          default -> null;
        };
    clock.set(ZonedDateTime.of(today.atTime(12, 0), ZONE).toInstant());
    LocalDate until = org.keepUntil(recordedOn);
    assertThat(until).isAfterOrEqualTo(recordedOn.plusYears(retentionYears));
    boolean held = hold != null && hold.covers(m.id(), recordedOn);
    boolean eligible = today.isAfter(until) && !held;

    RetentionService.PurgeRequest request =
        new RetentionService.PurgeRequest(
            Set.of(RecordKind.COMPLETION, RecordKind.ASSIGNMENT), m.id(), null);
    if (eligible) {
      RetentionService.PurgeReport report = tp.retention().purge(fx.officer(), request);
      assertThat(report.purged())
          .containsEntry(RecordKind.COMPLETION, 1)
          .containsEntry(RecordKind.ASSIGNMENT, 1);
      assertThat(tp.completions().forMember(fx.officer(), m.id())).isEmpty();
      assertThat(tp.retention().tombstones(fx.officer()))
          .extracting(t -> t.subjectId())
          .contains(c.id().toString());
    } else {
      int auditBefore =
          tp.audit()
              .entries(fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
              .size();
      assertThatThrownBy(() -> tp.retention().purge(fx.officer(), request))
          .isInstanceOf(IntegrityException.class)
          .hasMessageContaining("nothing removed");
      assertThat(tp.completions().forMember(fx.officer(), m.id())).containsExactly(c);
      assertThat(tp.assignments().forMember(fx.officer(), m.id())).hasSize(1);
      assertThat(tp.retention().tombstones(fx.officer())).isEmpty();
      assertThat(
              tp.audit()
                  .entries(fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")))
          .hasSize(auditBefore);
    }
    assertThat(tp.audit().verify(fx.officer()).intact()).isTrue();
  }

  @Property(tries = 1000)
  void retentionNeverEndsBeforeTheFullPeriod(
      @ForAll("dates") LocalDate start, @ForAll @IntRange(min = 6, max = 12) int years) {
    Organization org =
        new Organization(Id.random(), "O", ZONE, Period.ofYears(years), Instant.EPOCH);
    LocalDate until = org.keepUntil(start);
    // At least as many days as the same span starting on any later anniversary-safe date.
    assertThat(until).isAfterOrEqualTo(start.plusYears(years));
    assertThat(until.minusYears(years)).isAfterOrEqualTo(start.minusDays(1));
    if (start.getMonthValue() == 2 && start.getDayOfMonth() == 29 && !until.isLeapYear()) {
      assertThat(until).isEqualTo(LocalDate.of(until.getYear(), 3, 1));
    }
  }

  @Test
  void auditEntriesArePurgedAsTombstonesAndTheChainStillVerifies() {
    LocalDate start = LocalDate.of(2018, 1, 10);
    SettableClock clock = SettableClock.at(ZonedDateTime.of(start.atTime(9, 0), ZONE).toInstant());
    Trainproof tp = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();
    Fixtures fx = Fixtures.organization(tp, ZONE);
    fx.course("OLD");
    clock.set(ZonedDateTime.of(LocalDate.of(2026, 1, 10).atTime(9, 0), ZONE).toInstant());
    fx.course("NEW");
    List<AuditEntry> before =
        new ArrayList<>(
            tp.audit().entries(fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")));
    RetentionService.PurgeReport report =
        tp.retention()
            .purge(
                fx.officer(),
                new RetentionService.PurgeRequest(
                    Set.of(RecordKind.AUDIT_ENTRY), null, LocalDate.of(2019, 1, 1)));
    assertThat(report.purged().get(RecordKind.AUDIT_ENTRY)).isPositive();
    var after =
        tp.audit().entries(fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
    assertThat(after.get(0).tombstone()).isTrue();
    assertThat(after.get(0).hash()).isEqualTo(before.get(0).hash());
    assertThat(after.get(0).actorId()).isEmpty();
    assertThat(tp.audit().verify(fx.officer()).intact()).isTrue();
  }

  @Test
  void aPurgeWithNoCriteriaIsBadInput() {
    SettableClock clock = SettableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    Trainproof tp = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();
    Fixtures fx = Fixtures.organization(tp, ZONE);
    assertThatThrownBy(
            () ->
                tp.retention()
                    .purge(
                        fx.officer(),
                        new RetentionService.PurgeRequest(
                            Set.of(RecordKind.COMPLETION), null, null)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("request"));
    assertThatThrownBy(
            () ->
                tp.retention()
                    .purge(
                        fx.officer(),
                        new RetentionService.PurgeRequest(
                            Set.of(), null, LocalDate.of(2020, 1, 1))))
        .isInstanceOf(ValidationException.class);
  }
}
