package io.trainproof.reporting.report;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every waiver and due-date extension granted by the as-of date, with its approver and reason.
 * Immutable.
 *
 * @param header the header
 * @param rows one per waiver or extension, by date
 */
public record WaiversAndExtensions(ReportHeader header, List<Row> rows) implements Report {
  /** Copies the rows. */
  public WaiversAndExtensions {
    rows = List.copyOf(rows);
  }

  /** A waiver or an extension. */
  public enum Kind {
    /** The assignment was waived. */
    WAIVER,
    /** The due date was moved. */
    EXTENSION
  }

  /**
   * One waiver or extension.
   *
   * @param kind which
   * @param on the date granted
   * @param externalId the member's HR id
   * @param member the member's name
   * @param course the course code
   * @param assignment the assignment id
   * @param previousDueOn the due date before it
   * @param newDueOn the new due date, for an extension
   * @param approvedBy who approved it
   * @param reason why
   */
  public record Row(
      Kind kind,
      LocalDate on,
      String externalId,
      String member,
      String course,
      String assignment,
      LocalDate previousDueOn,
      @Nullable LocalDate newDueOn,
      String approvedBy,
      String reason) {}

  @Override
  public Table table(Labels labels) {
    return new Table(
        labels.columns(
            "kind",
            "date",
            "external id",
            "member",
            "course",
            "previous due",
            "new due",
            "approved by",
            "reason",
            "assignment"),
        rows.stream()
            .map(
                r ->
                    List.of(
                        labels.of(r.kind()),
                        Cells.of(r.on()),
                        r.externalId(),
                        r.member(),
                        r.course(),
                        Cells.of(r.previousDueOn()),
                        Cells.of(r.newDueOn()),
                        r.approvedBy(),
                        r.reason(),
                        r.assignment()))
            .toList());
  }
}
