package io.trainproof.core.internal.engine;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.DueDateChange;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.internal.Work;
import java.time.LocalDate;
import java.util.Map;

/**
 * The documented leave rule: time on leave does not count against a due date, so a member returning
 * from leave has each open assignment that was not yet due when the leave began extended by the
 * length of the leave. Stateless; thread-safe.
 */
final class Leave {
  /** The actor id recorded on an extension the engine grants on its own. */
  private static final String SYSTEM = "system";

  /** As {@link AssignmentEngine#extendForLeave}, which documents it. */
  int extend(Work w, WorkforceMember member, LocalDate leaveStart, LocalDate returnOn) {
    long days = returnOn.toEpochDay() - leaveStart.toEpochDay();
    if (days <= 0) {
      return 0;
    }
    int extended = 0;
    for (Assignment a : w.tx().assignments().forMember(w.org().id(), member.id())) {
      if (a.isOpen() && !a.currentDueOn().isBefore(leaveStart)) {
        LocalDate newDue = a.currentDueOn().plusDays(days);
        w.memberChanged(a.member());
        w.tx()
            .assignments()
            .update(
                a.extended(
                    new DueDateChange(returnOn, newDue, SYSTEM, "leave of " + days + " days")));
        w.audit(
            "ASSIGNMENT_EXTENDED",
            "Assignment",
            a.id(),
            Map.of("newDueOn", newDue.toString(), "reason", "leave"));
        extended++;
      }
    }
    return extended;
  }
}
