package io.trainproof.examples.features;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.course.CourseService;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.ReminderSchedule;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.organization.OrganizationService;
import io.trainproof.core.workforce.WorkforceService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Set;

/**
 * The smallest useful embedding: the thread-safe in-memory store, one rule, one hire, and the
 * member's status. Good for tests and for hosts that keep their own durable copy.
 */
public final class InMemoryEmbedding {
  private InMemoryEmbedding() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Clock clock = Clock.systemUTC();
    Trainproof trainproof = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();
    Organization org =
        trainproof
            .organizations()
            .create(
                Actor.platform("vendor-admin"),
                OrganizationService.NewOrganization.of(
                    "Pine Street Pharmacy", ZoneId.of("America/Denver")));
    Actor officer = Actor.complianceOfficer("u-1", org.id());
    Course course =
        trainproof
            .courses()
            .create(officer, new CourseService.NewCourse("HIPAA-101", "HIPAA basics"));
    trainproof
        .courses()
        .release(
            officer,
            course.id(),
            new CourseService.NewVersion("1", Set.of(), Set.of(), 80, false, null));
    LocalDate today = LocalDate.now(clock.withZone(org.zone()));
    trainproof
        .requirements()
        .create(
            officer,
            "HIPAA yearly",
            "Everyone may see PHI",
            new RequirementTerms(
                today.minusYears(1),
                Audience.everyone(),
                course.id(),
                30,
                Recurrence.every(Period.ofYears(1), Recurrence.CountFrom.COMPLETION),
                Period.ofDays(30),
                Period.ZERO,
                0,
                null,
                ReminderSchedule.standard(),
                true));
    WorkforceMember m =
        trainproof
            .workforce()
            .hire(
                officer,
                new WorkforceService.NewMember(
                    "HR-7",
                    "A. Pharmacist",
                    WorkforceType.EMPLOYEE,
                    Set.of("pharmacist"),
                    "Pharmacy",
                    null,
                    today));
    System.out.println(
        m.displayName()
            + " on "
            + today
            + ": "
            + trainproof.status().forMember(officer, m.id(), today));
  }
}
