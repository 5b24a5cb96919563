package io.trainproof.examples.boot;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.course.CourseService.NewCourse;
import io.trainproof.core.course.CourseService.NewVersion;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.Recurrence.CountFrom;
import io.trainproof.core.domain.ReminderSchedule;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.organization.OrganizationService.NewOrganization;
import io.trainproof.core.workforce.WorkforceService.NewMember;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The demo's clinic, created in the host's database when the application starts: a yearly HIPAA
 * course every member owes within 30 days of hire, and three members hired today. The signed-in
 * officer acts as {@link #officer()}.
 */
@Component
class DemoClinic {
  /** The officer's user name, and the actor id the audit trail shows for what they do. */
  static final String OFFICER = "officer";

  private final Trainproof trainproof;
  private final Organization organization;
  private final Course course;

  DemoClinic(Trainproof trainproof) {
    this.trainproof = trainproof;
    this.organization =
        trainproof
            .organizations()
            .create(
                Actor.platform("boot-demo"),
                NewOrganization.of("Lakeside Clinic", ZoneId.of("America/Chicago")));
    Actor officer = officer();
    LocalDate today = today();
    this.course = trainproof.courses().create(officer, new NewCourse("HIPAA-101", "HIPAA basics"));
    trainproof
        .courses()
        .release(officer, course.id(), new NewVersion("1", Set.of(), Set.of(), 80, true, null));
    trainproof
        .requirements()
        .create(
            officer,
            "HIPAA annual",
            "Everyone may see PHI",
            RequirementTerms.builder()
                .effectiveFrom(today)
                .audience(Audience.everyone())
                .course(course.id())
                .initialDueDays(30)
                .recurrence(Recurrence.every(Period.ofYears(1), CountFrom.COMPLETION))
                .renewalWindow(Period.ofDays(30))
                .minimumActive(Period.ZERO)
                .graceDays(7)
                .retrainWithinDays(30)
                .reminders(ReminderSchedule.standard())
                .build());
    List<NewMember> staff =
        List.of(
            new NewMember(
                "HR-100", "Ana Reyes", WorkforceType.EMPLOYEE, Set.of("nurse"), "ICU", null, today),
            new NewMember(
                "HR-101",
                "Ben Okafor",
                WorkforceType.EMPLOYEE,
                Set.of("front-desk"),
                "Front office",
                null,
                today),
            new NewMember(
                "HR-102",
                "Chen Li",
                WorkforceType.CONTRACTOR,
                Set.of("billing"),
                "Billing",
                null,
                today));
    trainproof.workforce().hireAll(officer, staff);
  }

  /**
   * @return the clinic
   */
  Organization organization() {
    return organization;
  }

  /**
   * @return the course every member owes
   */
  Course course() {
    return course;
  }

  /**
   * @return the signed-in officer as the SDK's actor
   */
  Actor officer() {
    return Actor.complianceOfficer(OFFICER, organization.id());
  }

  /**
   * @return today in the clinic's zone
   */
  LocalDate today() {
    return organization.dateOf(trainproof.clock().instant());
  }
}
