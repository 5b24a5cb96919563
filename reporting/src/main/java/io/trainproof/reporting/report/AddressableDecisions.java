package io.trainproof.reporting.report;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The documented decisions on the addressable items of 164.308(a)(5)(ii)(B)–(D) made by the as-of
 * date, every version, with which was in force that day. Immutable.
 *
 * @param header the header
 * @param rows by topic, then version
 */
public record AddressableDecisions(ReportHeader header, List<Row> rows) implements Report {
  /** Copies the rows. */
  public AddressableDecisions {
    rows = List.copyOf(rows);
  }

  /**
   * One decision version.
   *
   * @param topic the item
   * @param citation its citation
   * @param number the version number
   * @param inForce whether it was the newest decision on the as-of date
   * @param implementedAsTraining whether training covers it
   * @param rationale why
   * @param alternativeMeasure the alternative measure, when not training
   * @param decidedOn when decided
   * @param decidedBy who decided
   */
  public record Row(
      String topic,
      String citation,
      int number,
      boolean inForce,
      boolean implementedAsTraining,
      String rationale,
      @Nullable String alternativeMeasure,
      LocalDate decidedOn,
      String decidedBy) {}

  @Override
  public Table table(Labels labels) {
    return new Table(
        labels.columns(
            "topic",
            "citation",
            "version",
            "in force",
            "implemented as training",
            "rationale",
            "alternative measure",
            "decided on",
            "decided by"),
        rows.stream()
            .map(
                r ->
                    List.of(
                        labels.code("RegulatoryTopic", r.topic()),
                        r.citation(),
                        Cells.of(r.number()),
                        labels.yesNo(r.inForce()),
                        labels.yesNo(r.implementedAsTraining()),
                        r.rationale(),
                        Cells.of(r.alternativeMeasure()),
                        Cells.of(r.decidedOn()),
                        r.decidedBy()))
            .toList());
  }
}
