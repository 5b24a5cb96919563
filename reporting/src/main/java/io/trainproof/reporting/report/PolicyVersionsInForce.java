package io.trainproof.reporting.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The policy versions in force on the as-of date with the SHA-256 of their text, and each policy's
 * review log up to then (164.316(b)(2)(i) and (iii)). Immutable.
 *
 * @param header the header
 * @param rows one per policy in force
 */
public record PolicyVersionsInForce(ReportHeader header, List<Row> rows) implements Report {
  /** Copies the rows. */
  public PolicyVersionsInForce {
    rows = List.copyOf(rows);
  }

  /**
   * One version in force.
   *
   * @param policy the policy code
   * @param title the policy title
   * @param versionId the version's id
   * @param number the version number
   * @param effectiveFrom when it took effect
   * @param lastInEffectOn its last day in effect, if known by now
   * @param textSha256 SHA-256 of its exact text
   * @param material whether the change was material
   * @param affectedRoles roles the change affected
   * @param changeNotes what changed
   * @param lastReviewedOn the last review on or before the as-of date
   * @param reviewDueOn the next review date set by that review
   */
  public record Row(
      String policy,
      String title,
      String versionId,
      int number,
      LocalDate effectiveFrom,
      @Nullable LocalDate lastInEffectOn,
      String textSha256,
      boolean material,
      Set<String> affectedRoles,
      String changeNotes,
      @Nullable LocalDate lastReviewedOn,
      @Nullable LocalDate reviewDueOn) {
    /** Copies the roles. */
    public Row {
      affectedRoles = Set.copyOf(affectedRoles);
    }
  }

  @Override
  public Table table(Labels labels) {
    return new Table(
        labels.columns(
            "policy",
            "title",
            "version",
            "effective from",
            "last in effect",
            "text sha-256",
            "material",
            "affected roles",
            "change notes",
            "last reviewed",
            "review due"),
        rows.stream()
            .map(
                r ->
                    List.of(
                        r.policy(),
                        r.title(),
                        Cells.of(r.number()),
                        Cells.of(r.effectiveFrom()),
                        Cells.of(r.lastInEffectOn()),
                        r.textSha256(),
                        labels.yesNo(r.material()),
                        Cells.of(r.affectedRoles()),
                        r.changeNotes(),
                        r.lastReviewedOn() == null
                            ? labels.word("no_review_recorded")
                            : Cells.of(r.lastReviewedOn()),
                        Cells.of(r.reviewDueOn())))
            .toList());
  }
}
