package io.trainproof.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.reporting.export.ExportResult;
import io.trainproof.testkit.Fixtures;
import io.trainproof.testkit.SettableClock;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class AssignmentExportTest {

  /** Counts what is written and keeps only the last line: the export can't lean on a buffer. */
  static final class CountingWriter extends Writer {
    long lines;
    long chars;
    final StringBuilder line = new StringBuilder();
    String first = "";
    String last = "";

    @Override
    public void write(char[] buf, int off, int len) {
      for (int i = off; i < off + len; i++) {
        chars++;
        if (buf[i] == '\n') {
          lines++;
          if (first.isEmpty()) {
            first = line.toString();
          }
          last = line.toString();
          line.setLength(0);
        } else {
          line.append(buf[i]);
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  void fiftyThousandAssignmentsStreamPageByPage() {
    SettableClock clock = SettableClock.at(Instant.parse("2026-06-30T12:00:00Z"));
    InMemoryStore store = new InMemoryStore();
    Trainproof tp = Trainproof.builder().store(store).clock(clock).build();
    Fixtures fx = Fixtures.organization(tp, ZoneOffset.UTC);
    Course course = fx.course("SEC-1", fx.policy("SEC", LocalDate.of(2026, 1, 1)));
    WorkforceMember m = fx.hire(LocalDate.of(2026, 1, 1), "IT", "admin");
    LocalDate day = LocalDate.of(2026, 3, 1);
    int total = 50_000;
    // why direct inserts: 50,000 hires through the services would test the engine, not the export
    store.inTransaction(
        tx -> {
          for (int i = 0; i < total; i++) {
            tx.assignments()
                .insertIfAbsent(
                    new Assignment(
                        Id.random(),
                        fx.org().id(),
                        m.id(),
                        course.id(),
                        null,
                        AssignmentReason.MANUAL,
                        null,
                        "bulk-" + i,
                        day,
                        Instant.parse("2026-03-01T12:00:00Z"),
                        "import",
                        day,
                        day.plusDays(30),
                        List.of(),
                        null,
                        null,
                        0));
          }
          return null;
        });

    Reporting reporting = Reporting.builder(tp).pageSize(1000).build();
    CountingWriter out = new CountingWriter();
    ExportResult result =
        reporting.assignmentExport().csv(fx.officer(), LocalDate.of(2026, 6, 30), out);

    // 50,000 rows read in pages of 1,000 (plus at most one empty last page) and written one by
    // one: the export never held more than one page. The 1M-row / 64 MB heap measurement is the
    // benchmarks module's job.
    assertThat(result.rows()).isEqualTo(total);
    assertThat(result.pagesRead()).isBetween((long) total / 1000, (long) total / 1000 + 1);
    assertThat(out.lines).isEqualTo(total + 1);
    assertThat(out.first).startsWith("assignment id,member id,course");
    assertThat(out.last).contains("SEC-1", "MANUAL", "2026-03-31", "ASSIGNED");

    // as of a date before the bulk rows existed, none of them is exported
    assertThat(
            reporting
                .assignmentExport()
                .csv(fx.officer(), LocalDate.of(2026, 2, 1), new CountingWriter())
                .rows())
        .isZero();
    // and a future date is refused before anything is written
    CountingWriter nothing = new CountingWriter();
    assertThatThrownBy(
            () -> reporting.assignmentExport().csv(fx.officer(), LocalDate.of(2026, 7, 1), nothing))
        .isInstanceOf(ValidationException.class);
    assertThat(nothing.chars).isZero();
  }
}
