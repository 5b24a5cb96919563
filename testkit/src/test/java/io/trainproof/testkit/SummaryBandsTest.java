package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.internal.StatusEvaluator;
import io.trainproof.core.spi.AssignmentCountQuery;
import io.trainproof.core.status.ComplianceStatus;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The summary's due-date bands are the status rules' own: for an open assignment without a
 * requirement (so no grace period), the band its due date falls in on a date is the status {@link
 * StatusEvaluator#evaluateManual} gives it that day (first band overdue, second due soon, third
 * pending), for every window and on both sides of every cut-off.
 */
class SummaryBandsTest {
  private static final LocalDate D = LocalDate.of(2026, 3, 10);

  @Test
  void theSummaryBandsAreTheStatusOfAnOpenAssignment() {
    for (int window : new int[] {0, 1, 14, 30}) {
      StatusEvaluator rules = new StatusEvaluator(window);
      AssignmentCountQuery query = rules.summaryQuery(Id.random(), D);
      assertThat(query.asOf()).isEqualTo(D);
      assertThat(query.memberStatus()).isEqualTo(MemberStatus.ACTIVE);
      for (int offset = -5; offset <= window + 5; offset++) {
        LocalDate due = D.plusDays(offset);
        ComplianceStatus status = rules.evaluateManual(open(due), D).orElseThrow().status();
        ComplianceStatus band =
            !due.isAfter(query.firstBandEnd())
                ? ComplianceStatus.OVERDUE
                : !due.isAfter(query.secondBandEnd())
                    ? ComplianceStatus.DUE_SOON
                    : ComplianceStatus.PENDING;
        assertThat(band).as("window %d, due %s", window, due).isEqualTo(status);
      }
    }
  }

  private static Assignment open(LocalDate due) {
    return Assignment.builder()
        .id(Id.random())
        .organization(Id.random())
        .member(Id.random())
        .course(Id.random())
        .reason(AssignmentReason.MANUAL)
        .dedupeKey("k")
        .assignedOn(D.minusDays(60))
        .assignedAt(Instant.parse("2026-01-01T00:00:00Z"))
        .assignedBy("officer")
        .anchorOn(D.minusDays(60))
        .dueOn(due)
        .version(0)
        .build();
  }
}
