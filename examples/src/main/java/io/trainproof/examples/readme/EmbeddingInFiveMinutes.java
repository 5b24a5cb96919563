// snippet:imports
package io.trainproof.examples.readme;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.completion.CompletionService.CourseCompletion;
import io.trainproof.core.course.CourseService.NewCourse;
import io.trainproof.core.course.CourseService.NewVersion;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.Recurrence.CountFrom;
import io.trainproof.core.domain.ReminderSchedule;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.organization.OrganizationService.NewOrganization;
import io.trainproof.core.status.RequirementStatus;
import io.trainproof.core.workforce.WorkforceService.NewMember;
import io.trainproof.reporting.ReportFormat;
import io.trainproof.reporting.Reporting;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Set;

// end:imports

/**
 * README.md's "Embedding in five minutes", whole: a clinic, a yearly rule, a hire; then the
 * everyday tasks: record a completion, print the member's status, write one CSV report. {@code
 * DocSnippetsTest} checks that the README shows exactly this file's regions and runs it.
 */
public final class EmbeddingInFiveMinutes {
  private EmbeddingInFiveMinutes() {}

  /**
   * Runs the example.
   *
   * @param args the CSV file to write (default {@code organization-summary.csv})
   * @throws IOException when the report cannot be written
   */
  public static void main(String[] args) throws IOException {
    // snippet:embed
    Trainproof trainproof = Trainproof.builder().store(new InMemoryStore()).build();
    Organization clinic =
        trainproof
            .organizations()
            .create(
                Actor.platform("vendor-admin"),
                NewOrganization.of("Lakeside Clinic", ZoneId.of("America/Chicago")));
    Actor officer = Actor.complianceOfficer("u-42", clinic.id());
    // "Today" is the clinic's date: at 7 p.m. in Chicago it is already tomorrow in UTC.
    LocalDate today = clinic.dateOf(trainproof.clock().instant());

    Course course =
        trainproof.courses().create(officer, new NewCourse("HIPAA-101", "HIPAA basics"));
    trainproof
        .courses()
        .release(officer, course.id(), new NewVersion("1", Set.of(), Set.of(), 80, false, null));
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
                .initialDueDays(30) // a new hire has 30 days
                .recurrence(Recurrence.every(Period.ofYears(1), CountFrom.COMPLETION))
                .renewalWindow(Period.ofDays(30)) // renewal opens 30 days before the due date
                .minimumActive(Period.ZERO)
                .graceDays(7)
                .retrainWithinDays(30) // after a material policy change
                .reminders(ReminderSchedule.standard())
                .build());
    WorkforceMember nurse =
        trainproof
            .workforce()
            .hire(
                officer,
                new NewMember(
                    "HR-100",
                    "A. Nurse",
                    WorkforceType.EMPLOYEE,
                    Set.of("nurse"),
                    "ICU",
                    null,
                    today));
    // end:embed
    everydayTasks(
        trainproof,
        officer,
        nurse,
        course,
        today,
        Path.of(args.length > 0 ? args[0] : "organization-summary.csv"));
  }

  // snippet:everyday
  static void everydayTasks(
      Trainproof trainproof,
      Actor officer,
      WorkforceMember nurse,
      Course course,
      LocalDate today,
      Path csv)
      throws IOException {
    // Record a completion: the member finished the course today with a score of 92 (it answers
    // the member's open assignment for the course that is due first).
    trainproof
        .completions()
        .recordForCourse(
            officer, CourseCompletion.inApp(nurse.id(), course.id(), today, 92, officer.id()));

    // Print where the member stands, in words.
    for (RequirementStatus s : trainproof.status().forMember(officer, nurse.id(), today)) {
      System.out.printf(
          "%s: %s, valid until %s%n",
          nurse.displayName(), s.status().description(), s.validUntil());
    }

    // Write one report as CSV.
    Reporting reporting = Reporting.builder(trainproof).build();
    try (OutputStream out = Files.newOutputStream(csv)) {
      reporting.render(
          reporting.reports().organizationSummary(officer, today), ReportFormat.CSV, out);
    }
  }
  // end:everyday
}
