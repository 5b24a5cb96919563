package io.trainproof.core.internal.engine;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Closure;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Notification;
import io.trainproof.core.domain.NotificationKind;
import io.trainproof.core.internal.Dates;
import io.trainproof.core.internal.Work;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The one place assignments are created and cancelled, whoever decided it (the engine, a person
 * assigning by hand, an import): so every created assignment gets the same {@code
 * ASSIGNMENT_CREATED} audit entry and the same "assigned" notice, and every cancellation the same
 * {@code ASSIGNMENT_CANCELLED} entry. Stateless; thread-safe.
 */
final class AssignmentWriter {

  /**
   * A builder for a new assignment with what the unit of work knows filled in: a fresh id, the
   * organization, today, now and the actor as its creator.
   */
  Assignment.Builder draft(Work w) {
    return Assignment.builder()
        .id(Id.random())
        .organization(w.org().id())
        .assignedOn(w.today())
        .assignedAt(w.now())
        .assignedBy(w.actor().id());
  }

  /**
   * A draft for an assignment the engine decided (onboarding, a new requirement, a renewal cycle, a
   * role change, retraining): its creator is {@link #SYSTEM}, whoever's call set the engine off;
   * the call and its caller are recorded in the audit entry as the trigger.
   */
  Assignment.Builder decided(Work w) {
    return draft(w).assignedBy(SYSTEM);
  }

  /** The creator of assignments the engine decided; the reason says why. */
  static final String SYSTEM = "system";

  /**
   * Writes new assignments with one insert-if-absent call; each one the store added (its dedupe key
   * was free) is audited and announced, the announcements with one outbox call.
   *
   * @param w the unit of work
   * @param drafts the new assignments, version 0
   * @param note a person's note recorded in each audit entry, or null
   * @return those added, as stored
   */
  List<Assignment> create(Work w, List<Assignment> drafts, @Nullable String note) {
    if (drafts.isEmpty()) {
      return List.of();
    }
    Set<Id<Assignment>> added = w.tx().assignments().insertAllIfAbsent(drafts);
    List<Notification> messages = new ArrayList<>(added.size());
    List<Assignment> stored = new ArrayList<>(added.size());
    for (Assignment a : drafts) {
      if (!added.contains(a.id())) {
        continue;
      }
      stored.add(a);
      w.memberChanged(a.member());
      Map<String, String> facts = facts(a, note);
      if (SYSTEM.equals(a.assignedBy())) {
        // why: the engine decided it, set off by this call: say which call and whose
        facts.put("trigger", w.operation().name());
        facts.put("triggeredBy", w.actor().id());
      }
      w.audit("ASSIGNMENT_CREATED", "Assignment", a.id(), facts);
      messages.add(
          w.message(
              "assigned:" + a.id(),
              NotificationKind.ASSIGNED,
              a.member(),
              Map.of(
                  "assignment",
                  a.id().toString(),
                  "course",
                  a.course().toString(),
                  "dueOn",
                  a.dueOn().toString(),
                  "reason",
                  a.reason().name())));
    }
    w.notifyAll(messages);
    return stored;
  }

  private static Map<String, String> facts(Assignment a, @Nullable String note) {
    Map<String, String> facts =
        new TreeMap<>(
            Map.of(
                "member",
                a.member().toString(),
                "course",
                a.course().toString(),
                "reason",
                a.reason().name(),
                "dueOn",
                a.dueOn().toString()));
    // why: a manual or imported assignment has no rule, and its anchor is simply the day it was
    // made, so its entry names neither; entries written before this writer existed read the same.
    if (a.requirement() != null) {
      facts.put("requirement", a.requirement().toString());
      facts.put("anchorOn", a.anchorOn().toString());
    }
    if (a.policyVersion() != null) {
      facts.put("policyVersion", a.policyVersion().toString());
    }
    if (note != null) {
      facts.put("note", note);
    }
    return facts;
  }

  /**
   * Cancels the open ones among {@code assignments}, each from the later of {@code on} and the day
   * it was made.
   *
   * @param w the unit of work
   * @param assignments assignments, open or not
   * @param on the date the cancellation takes effect
   * @param why the reason recorded on each
   * @return those cancelled, as stored
   */
  List<Assignment> cancelOpen(Work w, List<Assignment> assignments, LocalDate on, String why) {
    List<Assignment> cancelled = new ArrayList<>();
    for (Assignment a : assignments) {
      if (a.isOpen()) {
        LocalDate effective = Dates.max(on, a.assignedOn());
        w.memberChanged(a.member());
        cancelled.add(
            w.tx()
                .assignments()
                .update(
                    a.closed(
                        new Closure(
                            AssignmentState.CANCELLED,
                            effective,
                            w.now(),
                            w.actor().id(),
                            why,
                            null))));
        w.audit(
            "ASSIGNMENT_CANCELLED",
            "Assignment",
            a.id(),
            Map.of("on", effective.toString(), "reason", why));
      }
    }
    return cancelled;
  }
}
