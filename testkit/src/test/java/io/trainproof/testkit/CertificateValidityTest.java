package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.course.CourseService;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A course version may say how long its certificates are valid ("valid 24 months"), whatever the
 * requirement's cycle; without it a certificate is valid until the requirement's next due date.
 */
class CertificateValidityTest {
  private static final ZoneId ZONE = ZoneId.of("America/Chicago");
  private static final LocalDate START = LocalDate.of(2026, 3, 2);

  private SettableClock clock;
  private Trainproof tp;
  private Fixtures fx;
  private Course course;
  private Policy policy;

  @BeforeEach
  void setUp() {
    clock = SettableClock.at(ZonedDateTime.of(START.atTime(9, 0), ZONE).toInstant());
    tp =
        Trainproof.builder()
            .store(new InMemoryStore())
            .clock(clock)
            .credentialIssuer(new StubIssuer())
            .notificationSink(n -> {})
            .build();
    fx = Fixtures.organization(tp, ZONE);
    policy = fx.policy("PRIV", START.minusYears(1));
    course = fx.course("HIPAA", policy);
    fx.requirement(
        "Yearly",
        Fixtures.terms(course, START.minusYears(1))
            .recurrence(
                Recurrence.every(Period.ofYears(1), Recurrence.CountFrom.COMPLETION),
                Period.ofDays(30))
            .build());
    // The version released next is the one completions from then on use.
    clock.advance(Duration.ofHours(1));
  }

  private Certificate completeOn(LocalDate day) {
    WorkforceMember m = fx.hire(START, "ICU", "nurse");
    tp.completions()
        .record(
            fx.officer(),
            CompletionService.Request.inApp(
                tp.assignments().forMember(fx.officer(), m.id()).get(0).id(), day, 90, "o"));
    return tp.certificates().forMember(fx.officer(), m.id()).get(0);
  }

  @Test
  void aCourseVersionSaysHowLongItsCertificatesAreValid() {
    tp.courses()
        .release(
            fx.officer(),
            course.id(),
            new CourseService.NewVersion(
                "2", Set.of(policy.id()), Set.of(), 70, true, null, Period.ofMonths(24)));
    Certificate cert = completeOn(START);
    assertThat(cert.validFrom()).isEqualTo(START);
    assertThat(cert.validUntil()).isEqualTo(START.plusMonths(24));
  }

  @Test
  void withoutItACertificateIsValidUntilTheRequirementsNextDueDate() {
    tp.courses()
        .release(
            fx.officer(),
            course.id(),
            new CourseService.NewVersion("2", Set.of(policy.id()), Set.of(), 70, true, null));
    Certificate cert = completeOn(START);
    assertThat(cert.validUntil()).isEqualTo(START.plusYears(1));
  }

  @Test
  void aValidityThatIsNotAPositivePeriodIsRefusedNamingTheField() {
    for (Period bad : new Period[] {Period.ZERO, Period.ofMonths(-1), Period.of(1, -13, 0)}) {
      assertThatThrownBy(
              () ->
                  tp.courses()
                      .release(
                          fx.officer(),
                          course.id(),
                          new CourseService.NewVersion(
                              "bad", Set.of(policy.id()), Set.of(), 70, true, null, bad)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("certificateValidity");
    }
    assertThat(tp.courses().versions(fx.officer(), course.id()))
        .noneMatch(v -> v.label().equals("bad"));
  }
}
