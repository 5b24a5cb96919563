package io.trainproof.reporting.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Policy acknowledgements as a matrix: each visible member against each policy version in effect on
 * or before the as-of date. Immutable.
 *
 * @param header the header
 * @param versions the columns
 * @param members the rows; each has one cell per column
 */
public record AcknowledgementMatrix(
    ReportHeader header, List<Version> versions, List<MemberRow> members) implements Report {
  /** Copies the lists. */
  public AcknowledgementMatrix {
    versions = List.copyOf(versions);
    members = List.copyOf(members);
  }

  /**
   * A policy version column.
   *
   * @param id the version's id
   * @param policy the policy code
   * @param number the version number
   * @param effectiveFrom when it took effect
   * @param inForce whether it was in force on the as-of date
   */
  public record Version(
      String id, String policy, int number, LocalDate effectiveFrom, boolean inForce) {
    /**
     * @return the column heading, e.g. {@code PRIV-01 v2}
     */
    public String label() {
      return policy + " v" + number;
    }
  }

  /**
   * A member's row.
   *
   * @param externalId the HR id
   * @param member the name
   * @param cells one per version column
   */
  public record MemberRow(String externalId, String member, List<Cell> cells) {
    /** Copies the cells. */
    public MemberRow {
      cells = List.copyOf(cells);
    }
  }

  /**
   * One member's standing on one version.
   *
   * @param state {@code ATTESTED}, {@code PENDING}, {@code OVERDUE}, {@code SUPERSEDED}, or {@code
   *     NOT_REQUESTED}
   * @param attestedOn when attested, if so
   */
  public record Cell(String state, @Nullable LocalDate attestedOn) {
    /**
     * @param labels the reader's labels
     * @return the state in words, with the date attested when there is one
     */
    public String text(Labels labels) {
      String words = labels.code("AttestationCell", state);
      return attestedOn == null ? words : words + " " + attestedOn;
    }
  }

  @Override
  public Table table(Labels labels) {
    List<String> columns = new ArrayList<>(labels.columns("external id", "member"));
    versions.forEach(v -> columns.add(v.label()));
    List<List<String>> rows = new ArrayList<>();
    for (MemberRow m : members) {
      List<String> row = new ArrayList<>(List.of(m.externalId(), m.member()));
      m.cells().forEach(c -> row.add(c.text(labels)));
      rows.add(row);
    }
    return new Table(columns, rows);
  }
}
