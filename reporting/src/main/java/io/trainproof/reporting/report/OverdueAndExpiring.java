package io.trainproof.reporting.report;

import io.trainproof.core.status.ComplianceStatus;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What is overdue or expired on the as-of date, and what falls due or expires in the next 30, 60
 * and 90 days. Immutable.
 *
 * @param header the header
 * @param rows one row per member and requirement, most urgent first
 */
public record OverdueAndExpiring(ReportHeader header, List<Row> rows) implements Report {
  /** Copies the rows. */
  public OverdueAndExpiring {
    rows = List.copyOf(rows);
  }

  /** How urgent a row is. */
  public enum Bucket {
    /** Past due and grace. */
    OVERDUE,
    /** The last completion has expired. */
    EXPIRED,
    /** Falls due or expires within 30 days. */
    WITHIN_30_DAYS,
    /** Within 31 to 60 days. */
    WITHIN_60_DAYS,
    /** Within 61 to 90 days. */
    WITHIN_90_DAYS
  }

  /**
   * One member's standing on one requirement.
   *
   * @param externalId the member's HR id
   * @param member the member's name
   * @param department the department that day
   * @param course the course code
   * @param requirement the requirement's name, or null for a manual assignment
   * @param status the status that day
   * @param bucket how urgent
   * @param date the due date or expiry date the bucket counts from
   * @param days days from the as-of date to that date (negative when past)
   */
  public record Row(
      String externalId,
      String member,
      String department,
      String course,
      @Nullable String requirement,
      ComplianceStatus status,
      Bucket bucket,
      LocalDate date,
      long days) {}

  /**
   * How many rows fall in a bucket.
   *
   * @param bucket the bucket
   * @return the count
   */
  public long count(Bucket bucket) {
    return rows.stream().filter(r -> r.bucket() == bucket).count();
  }

  @Override
  public Table table(Labels labels) {
    return new Table(
        labels.columns(
            "bucket",
            "external id",
            "member",
            "department",
            "course",
            "requirement",
            "status",
            "date",
            "days"),
        rows.stream()
            .map(
                r ->
                    List.of(
                        labels.of(r.bucket()),
                        r.externalId(),
                        r.member(),
                        r.department(),
                        r.course(),
                        Cells.of(r.requirement()),
                        labels.of(r.status()),
                        Cells.of(r.date()),
                        Cells.of(r.days())))
            .toList());
  }
}
