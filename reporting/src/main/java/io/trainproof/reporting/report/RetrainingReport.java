package io.trainproof.reporting.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Retraining after each material policy change in effect by the as-of date: who was affected and
 * who was trained on the change (164.530(b)(2)(i)(C)). Affected: everyone in an affected role on
 * the effective date (on leave or not), and everyone who entered one (a hire, a role change) before
 * the retraining was due. A retraining is completed only by training on the new version: completed
 * on or after the version's publication, on course content released on or after it; training before
 * the change was published, or on older content, never closes it, so no row reads completed with a
 * date before the change was published. Immutable.
 *
 * @param header the header
 * @param changes one entry per material version, oldest first
 */
public record RetrainingReport(ReportHeader header, List<Change> changes) implements Report {
  /** Copies the changes. */
  public RetrainingReport {
    changes = List.copyOf(changes);
  }

  /** How one retraining assignment turned out by the as-of date. */
  public enum Outcome {
    /**
     * Completed by the due date, on content covering the new version, on or after its publication
     * (a member trained between publication and the effective date was trained ahead of it).
     */
    COMPLETED_ON_TIME,
    /** Completed after the due date. */
    COMPLETED_LATE,
    /**
     * Open, not yet due; or past due while the member is on leave that day (time on leave does not
     * count against a due date: the leave rule moves it by the leave's length on return).
     */
    OPEN,
    /** Open and past due, the member not on leave that day. */
    OPEN_OVERDUE,
    /** Waived. */
    WAIVED,
    /** Cancelled. */
    CANCELLED
  }

  /**
   * One material policy version and the members it affected.
   *
   * @param policy the policy code
   * @param version the version number
   * @param effectiveFrom when it took effect
   * @param changeNotes what changed
   * @param affectedRoles the roles named as affected (empty: every role in the audience)
   * @param members one row per affected member
   */
  public record Change(
      String policy,
      int version,
      LocalDate effectiveFrom,
      String changeNotes,
      Set<String> affectedRoles,
      List<Affected> members) {
    /** Copies the collections. */
    public Change {
      affectedRoles = Set.copyOf(affectedRoles);
      members = List.copyOf(members);
    }

    /**
     * @return how many affected members completed on or after the effective date
     */
    public long completedAfterEffectiveDate() {
      return members.stream()
          .filter(m -> m.completedOn() != null && !m.completedOn().isBefore(effectiveFrom))
          .count();
    }
  }

  /**
   * One affected member's retraining.
   *
   * @param externalId the HR id
   * @param member the name
   * @param course the course code
   * @param assignedOn when assigned
   * @param dueOn the due date that day
   * @param completedOn when completed, if by then
   * @param outcome how it turned out
   */
  public record Affected(
      String externalId,
      String member,
      String course,
      LocalDate assignedOn,
      LocalDate dueOn,
      @Nullable LocalDate completedOn,
      Outcome outcome) {}

  @Override
  public Table table(Labels labels) {
    List<List<String>> rows = new ArrayList<>();
    for (Change c : changes) {
      String version = c.policy() + " v" + c.version();
      if (c.members().isEmpty()) {
        rows.add(
            List.of(
                version,
                Cells.of(c.effectiveFrom()),
                Cells.of(c.affectedRoles()),
                "",
                "",
                "",
                "",
                "",
                "",
                labels.word("no_member_affected")));
      }
      for (Affected a : c.members()) {
        rows.add(
            List.of(
                version,
                Cells.of(c.effectiveFrom()),
                Cells.of(c.affectedRoles()),
                a.externalId(),
                a.member(),
                a.course(),
                Cells.of(a.assignedOn()),
                Cells.of(a.dueOn()),
                Cells.of(a.completedOn()),
                labels.of(a.outcome())));
      }
    }
    return new Table(
        labels.columns(
            "policy version",
            "effective from",
            "affected roles",
            "external id",
            "member",
            "course",
            "assigned on",
            "due on",
            "completed on",
            "outcome"),
        rows);
  }
}
