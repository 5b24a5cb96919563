package io.trainproof.reporting.export;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Page;
import io.trainproof.reporting.ReportOutputException;
import io.trainproof.reporting.internal.CsvRenderer;
import io.trainproof.reporting.internal.Scope;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams every assignment the actor may see, as it stood on the as-of date, to CSV. Walks {@code
 * assignments().page(...)} and writes each row as it is read: memory stays at one page (plus the
 * organization's course codes), however many assignments there are. Members appear by id, so no
 * member table is held either. Thread-safe.
 */
public final class AssignmentExport {
  /** The columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "assignment id",
          "member id",
          "course",
          "requirement id",
          "reason",
          "policy version id",
          "assigned on",
          "assigned by",
          "original due on",
          "due on",
          "state",
          "extensions",
          "closed on",
          "closed by",
          "closure reason");

  private final Trainproof trainproof;
  private final Clock clock;
  private final int pageSize;

  /**
   * Creates the export.
   *
   * @param trainproof the instance to read
   * @param clock the clock
   * @param pageSize records per page read, 1 to 10,000
   */
  public AssignmentExport(Trainproof trainproof, Clock clock, int pageSize) {
    this.trainproof = trainproof;
    this.clock = clock;
    this.pageSize = pageSize;
  }

  /**
   * Writes the CSV.
   *
   * @param actor the caller (scopes the rows)
   * @param asOf the date; assignments created later are left out
   * @param out where to write; flushed, not closed
   * @return how many rows and pages
   * @throws io.trainproof.core.ValidationException when {@code asOf} is in the future
   * @throws io.trainproof.core.ForbiddenException when the actor may not read assignments
   * @throws ReportOutputException when writing fails
   */
  public ExportResult csv(Actor actor, LocalDate asOf, Writer out) {
    Scope scope = Scope.open(trainproof, clock, actor, asOf, null);
    Map<Id<Course>, String> codes = new HashMap<>();
    trainproof.courses().list(actor).forEach(c -> codes.put(c.id(), c.code()));
    long rows = 0;
    long pages = 0;
    try {
      CsvRenderer.Printer printer = CsvRenderer.open(out, COLUMNS, false);
      String cursor = null;
      do {
        Page<Assignment> page = trainproof.assignments().page(actor, cursor, pageSize);
        pages++;
        for (Assignment a : page.items()) {
          if (!a.existsOn(scope.asOf())) {
            continue;
          }
          AssignmentState state = a.stateOn(asOf);
          boolean closed = a.closure() != null && !a.closure().on().isAfter(asOf);
          long extensions =
              a.dueChanges().stream().filter(c -> !c.grantedOn().isAfter(asOf)).count();
          printer.row(
              List.of(
                  a.id().toString(),
                  a.member().toString(),
                  codes.getOrDefault(a.course(), a.course().toString()),
                  a.requirement() == null ? "" : a.requirement().toString(),
                  a.reason().name(),
                  a.policyVersion() == null ? "" : a.policyVersion().toString(),
                  a.assignedOn().toString(),
                  a.assignedBy(),
                  a.dueOn().toString(),
                  a.dueOn(asOf).toString(),
                  state.name(),
                  Long.toString(extensions),
                  closed ? a.closed().on().toString() : "",
                  closed ? a.closed().by() : "",
                  closed ? a.closed().reason() : ""));
          rows++;
        }
        cursor = page.next();
      } while (cursor != null);
      printer.flush();
    } catch (IOException e) {
      throw new ReportOutputException(
          "writing the assignment export failed after " + rows + " rows", e);
    }
    return new ExportResult(rows, pages, pageSize);
  }
}
