package io.trainproof.core.internal;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Closure;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.DueDateChange;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.ReminderSchedule;
import io.trainproof.core.notification.NotificationKind;
import io.trainproof.core.spi.Transaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Turns rules × people into assignments. Every method is idempotent: it looks at what exists
 * and creates only what is missing, and every assignment it creates carries a dedupe key that
 * the store keeps unique, so two threads or nodes racing create it once. Everything it does is
 * audited and announced through the unit of work. Stateless; thread-safe. Not API.
 */
public final class AssignmentEngine {
  /** The actor id recorded for what the engine does on its own. */
  public static final String SYSTEM = "system";

  /** Creates the engine. */
  public AssignmentEngine() {}

  /**
   * Brings one member's assignments in line with every requirement of the organization, as of
   * a date. The member's assignments, completions and certifications are read once for all
   * requirements: a decision under one requirement depends only on that requirement's
   * assignments, so what is created or cancelled under one never changes another's decision.
   *
   * @param w the unit of work (transaction, organization, actor)
   * @param member the member
   * @param on the date to evaluate (today, or a later effective date)
   * @return the number of assignments created
   */
  public int reconcileMember(Work w, WorkforceMember member, LocalDate on) {
    return reconcileMember(w, member, w.tx().requirements().list(w.org().id()), on);
  }

  /**
   * Brings one member's assignments in line with the given requirements (the organization's,
   * read once by a caller that reconciles many members in one transaction), as of a date.
   *
   * @param w the unit of work (transaction, organization, actor)
   * @param member the member
   * @param requirements every requirement of the organization
   * @param on the date to evaluate
   * @return the number of assignments created
   */
  public int reconcileMember(Work w, WorkforceMember member, List<Requirement> requirements, LocalDate on) {
    Optional<MemberTerms> terms = member.termsOn(on);
    if (terms.isEmpty() || terms.get().status() == MemberStatus.TERMINATED) {
      return 0; // why: decide owes nothing here under any requirement; skip the reads
    }
    if (requirements.isEmpty()) {
      return 0;
    }
    return reconcileMember(w, member, requirements, Facts.load(w, member), on);
  }

  /**
   * Brings many members' assignments in line with the given requirements, reading their
   * assignments, completions and certifications with one bulk read each (the sweep's batch).
   *
   * @param w the unit of work (transaction, organization, actor)
   * @param members the members
   * @param requirements every requirement of the organization
   * @param on the date to evaluate
   * @return the number of assignments created
   */
  public int reconcileMembers(Work w, List<WorkforceMember> members, List<Requirement> requirements, LocalDate on) {
    if (members.isEmpty() || requirements.isEmpty()) {
      return 0;
    }
    return reconcileBatch(w, members, requirements, on).created();
  }

  /**
   * What reconciling a batch did.
   *
   * @param created how many assignments it created
   * @param assignments each member's assignments as they stand after it (every member a key)
   */
  public record BatchResult(int created, Map<Id<WorkforceMember>, List<Assignment>> assignments) {}

  /**
   * As {@link #reconcileMembers}, also giving each member's assignments as they now stand (what
   * was read, with what was cancelled and created), so the sweep's reminders need no second read.
   *
   * @param w the unit of work (transaction, organization, actor)
   * @param members the members
   * @param requirements every requirement of the organization
   * @param on the date to evaluate
   * @return what it created, and the members' assignments now
   */
  public BatchResult reconcileBatch(Work w, List<WorkforceMember> members, List<Requirement> requirements, LocalDate on) {
    return reconcileBatch(w, members, requirements, on, Facts.loadAll(w, members));
  }

  /**
   * Assigns what the requirements ask of members inserted in this unit of work (a bulk hire):
   * as {@link #reconcileMembers}, without reading their assignments, completions and
   * certifications, since nothing can refer to a member that did not exist before this unit.
   *
   * @param w the unit of work (transaction, organization, actor)
   * @param members members inserted in this unit of work
   * @param requirements every requirement of the organization
   * @param on the date to evaluate
   * @return the number of assignments created
   */
  public int reconcileNewMembers(Work w, List<WorkforceMember> members, List<Requirement> requirements, LocalDate on) {
    Map<Id<WorkforceMember>, Facts> none = new java.util.HashMap<>();
    for (WorkforceMember member : members) {
      none.put(member.id(), Facts.NONE);
    }
    return reconcileBatch(w, members, requirements, on, none).created();
  }

  private BatchResult reconcileBatch(Work w, List<WorkforceMember> members, List<Requirement> requirements, LocalDate on,
      Map<Id<WorkforceMember>, Facts> facts) {
    List<Create> creates = new java.util.ArrayList<>();
    Map<Id<Assignment>, Assignment> cancelled = new java.util.HashMap<>();
    if (!requirements.isEmpty()) {
      for (WorkforceMember member : members) {
        Optional<MemberTerms> terms = member.termsOn(on);
        if (terms.isPresent() && terms.get().status() != MemberStatus.TERMINATED) {
          for (Requirement requirement : requirements) {
            carryOut(w, member, requirement, facts.get(member.id()), on, creates, cancelled);
          }
        }
      }
    }
    // why: what the whole batch creates is written with a few store calls, not several per assignment
    List<Assignment> created = createAll(w, creates);
    Map<Id<WorkforceMember>, List<Assignment>> now = new java.util.LinkedHashMap<>();
    for (WorkforceMember member : members) {
      List<Assignment> mine = new java.util.ArrayList<>();
      for (Assignment a : facts.get(member.id()).assignments()) {
        mine.add(cancelled.getOrDefault(a.id(), a));
      }
      now.put(member.id(), mine);
    }
    for (Assignment a : created) {
      now.get(a.member()).add(a);
    }
    return new BatchResult(created.size(), now);
  }

  private int reconcileMember(Work w, WorkforceMember member, List<Requirement> requirements, Facts facts, LocalDate on) {
    List<Create> creates = new java.util.ArrayList<>();
    for (Requirement requirement : requirements) {
      carryOut(w, member, requirement, facts, on, creates, new java.util.HashMap<>());
    }
    return createAll(w, creates).size();
  }

  /**
   * Brings one member's assignments under one requirement in line, as of a date: cancels
   * what is no longer required, creates the initial or next-cycle assignment when missing.
   * What to do is {@link #decide}'s decision over the member's stored facts.
   *
   * @param w the unit of work (transaction, organization, actor)
   * @param member the member
   * @param requirement the requirement
   * @param on the date to evaluate
   * @return 1 when an assignment was created, else 0
   */
  public int reconcile(Work w, WorkforceMember member, Requirement requirement, LocalDate on) {
    Optional<MemberTerms> terms = member.termsOn(on);
    if (terms.isEmpty() || terms.get().status() == MemberStatus.TERMINATED) {
      return 0;
    }
    List<Create> creates = new java.util.ArrayList<>();
    carryOut(w, member, requirement, Facts.load(w, member), on, creates, new java.util.HashMap<>());
    return createAll(w, creates).size();
  }

  /** A member's stored facts the decision reads, loaded once per member. */
  private record Facts(List<Assignment> assignments, List<Completion> completions,
      List<io.trainproof.core.certification.Certification> certifications,
      List<io.trainproof.core.certification.CertificationKind> kinds) {
    /** A member with no records yet. */
    static final Facts NONE = new Facts(List.of(), List.of(), List.of(), List.of());

    static Facts load(Work w, WorkforceMember member) {
      Transaction tx = w.tx();
      Id<Organization> org = w.org().id();
      List<io.trainproof.core.certification.Certification> held = tx.certifications().forMember(org, member.id());
      return new Facts(tx.assignments().forMember(org, member.id()), tx.completions().forMember(org, member.id()),
          held, held.isEmpty() ? List.of() : tx.certifications().kinds(org));
    }

    static Map<Id<WorkforceMember>, Facts> loadAll(Work w, List<WorkforceMember> members) {
      Transaction tx = w.tx();
      Id<Organization> org = w.org().id();
      List<Id<WorkforceMember>> ids = new java.util.ArrayList<>(members.size());
      for (WorkforceMember m : members) {
        ids.add(m.id());
      }
      Map<Id<WorkforceMember>, List<Assignment>> assignments = tx.assignments().forMembers(org, ids);
      Map<Id<WorkforceMember>, List<Completion>> completions = tx.completions().forMembers(org, ids);
      Map<Id<WorkforceMember>, List<io.trainproof.core.certification.Certification>> held =
          tx.certifications().forMembers(org, ids);
      boolean anyHeld = held.values().stream().anyMatch(list -> !list.isEmpty());
      List<io.trainproof.core.certification.CertificationKind> kinds = anyHeld ? tx.certifications().kinds(org) : List.of();
      Map<Id<WorkforceMember>, Facts> facts = new java.util.HashMap<>();
      for (Id<WorkforceMember> id : ids) {
        List<io.trainproof.core.certification.Certification> mine = held.getOrDefault(id, List.of());
        facts.put(id, new Facts(assignments.getOrDefault(id, List.of()), completions.getOrDefault(id, List.of()),
            mine, mine.isEmpty() ? List.of() : kinds));
      }
      return facts;
    }
  }

  /**
   * Carries out the decision: a cancellation at once (each cancelled assignment, as stored, put
   * in {@code cancelled}), a creation added to {@code creates}.
   */
  private void carryOut(Work w, WorkforceMember member, Requirement requirement, Facts facts, LocalDate on,
      List<Create> creates, Map<Id<Assignment>, Assignment> cancelled) {
    Obligation owed = decide(member, requirement, facts.assignments(), facts.completions(), facts.certifications(),
        facts.kinds(), on);
    switch (owed.kind()) {
      case CANCEL_OPEN -> {
        List<Assignment> mine = new java.util.ArrayList<>();
        for (Assignment a : facts.assignments()) {
          if (requirement.id().equals(a.requirement())) {
            mine.add(a);
          }
        }
        for (Assignment a : cancelOpen(w, mine, on, owed.cancelReason())) {
          cancelled.put(a.id(), a);
        }
      }
      case CREATE -> {
        String key = "R:" + requirement.id() + ":M:" + member.id() + ":cycle:" + owed.cycle();
        creates.add(new Create(member, requirement.id(), owed.terms(), owed.reason(), null, key, owed.anchorOn(),
            owed.dueOn()));
      }
      default -> {
        // nothing owed
      }
    }
  }

  /**
   * What a member owes under one requirement as of a date: the engine's whole decision, as a
   * pure function of dated facts. The sweep and every service that reconciles carry out this
   * decision; nothing else decides. Allocation-light: it walks the lists once, allocates no
   * stream, and returns a shared constant unless an assignment is to be created.
   *
   * @param member the member
   * @param requirement the requirement
   * @param assignments the member's assignments, any requirement (as the store lists them)
   * @param completions the member's completions, any course, ordered by completion date
   * @param certifications the member's outside certifications
   * @param kinds the organization's certification kinds (may be empty when the member holds none)
   * @param on the date to evaluate
   * @return the decision; {@link Obligation#NOTHING} when nothing is owed beyond what exists
   */
  public static Obligation decide(
      WorkforceMember member, Requirement requirement, List<Assignment> assignments, List<Completion> completions,
      List<io.trainproof.core.certification.Certification> certifications,
      List<io.trainproof.core.certification.CertificationKind> kinds, LocalDate on) {
    MemberTerms mt = member.termsOn(on).orElse(null);
    if (mt == null || mt.status() == MemberStatus.TERMINATED) {
      return Obligation.NOTHING;
    }
    Id<Requirement> rid = requirement.id();
    RequirementTerms rt = requirement.termsOn(on).orElse(null);
    if (rt == null || !rt.active() || !rt.audience().matches(mt)) {
      for (Assignment a : assignments) {
        if (a.isOpen() && rid.equals(a.requirement())) {
          return rt != null && !rt.active() ? Obligation.CANCEL_RETIRED : Obligation.CANCEL_OUTSIDE_AUDIENCE;
        }
      }
      return Obligation.NOTHING;
    }
    if (mt.status() != MemberStatus.ACTIVE) {
      return Obligation.NOTHING;
    }
    int cycles = 0;
    Assignment lastCycle = null;
    for (Assignment a : assignments) {
      if (!rid.equals(a.requirement())) {
        continue;
      }
      Closure closure = a.closure();
      if (closure == null) {
        return Obligation.NOTHING; // one is open
      }
      if (a.reason() == AssignmentReason.POLICY_CHANGE) {
        continue;
      }
      cycles++;
      if ((closure.state() == AssignmentState.COMPLETED || closure.state() == AssignmentState.WAIVED)
          && (lastCycle == null || laterCycle(a, lastCycle))) {
        lastCycle = a;
      }
    }
    Completion last = null;
    for (Completion c : completions) {
      if (c.passed() && c.course().equals(rt.course())) {
        last = c; // ordered by completion date, so the last one wins
      }
    }
    boolean waivedLast = lastCycle != null && lastCycle.closure().state() == AssignmentState.WAIVED
        && (last == null || last.completedOn().isBefore(lastCycle.closure().on()));

    io.trainproof.core.certification.Certification cert = certifications.isEmpty() ? null
        : CertificationServiceImpl.covering(certifications, kinds, rt.course(), on);
    if (cert != null) {
      LocalDate completionUntil = last == null ? null : DueDates.nextDue(rt, last.completedOn(), lastCycle);
      boolean completionCovers = last != null && (completionUntil == null || !completionUntil.isBefore(on));
      LocalDate certUntil = cert.expiresOn();
      if (!completionCovers || certUntil == null || (completionUntil != null && certUntil.isAfter(completionUntil))) {
        // The certification stands in for the course: renew before it expires, as for training.
        if (certUntil == null || on.isBefore(DueDates.windowOpens(rt, certUntil))) {
          return Obligation.NOTHING;
        }
        return Obligation.create(rt, AssignmentReason.PERIODIC, cert.issuedOn(), certUntil, cycles);
      }
    }
    if (last == null && !waivedLast) {
      LocalDate entry = audienceEntry(member, rt, on);
      LocalDate anchor = max(entry, requirement.startsOn());
      return Obligation.create(rt, initialReason(member, requirement, entry), anchor, DueDates.initialDue(rt, anchor), cycles);
    }
    LocalDate satisfiedOn = waivedLast ? lastCycle.currentDueOn() : last.completedOn();
    LocalDate nextDue = DueDates.nextDue(rt, satisfiedOn, lastCycle);
    if (nextDue == null || on.isBefore(DueDates.windowOpens(rt, nextDue))) {
      return Obligation.NOTHING;
    }
    return Obligation.create(rt, AssignmentReason.PERIODIC, satisfiedOn, nextDue, cycles);
  }

  /** Whether a closed cycle is later than another: by closure date, then creation instant. */
  private static boolean laterCycle(Assignment a, Assignment than) {
    int byClosure = a.closure().on().compareTo(than.closure().on());
    return byClosure > 0 || (byClosure == 0 && a.assignedAt().compareTo(than.assignedAt()) > 0);
  }

  /**
   * Assigns retraining after a material policy version to every active member in the
   * audience of each requirement whose course covers the policy and who is affected by the
   * change, unless already trained on that version.
   *
   * @param w the unit of work (transaction, organization, actor)
   * @param version the material version
   * @param on the date to evaluate (the later of today and the effective date)
   * @return the number of assignments created
   */
  public int retrain(Work w, PolicyVersion version, LocalDate on) {
    Transaction tx = w.tx();
    Organization org = w.org();
    int created = 0;
    for (Requirement requirement : tx.requirements().list(org.id())) {
      Optional<RequirementTerms> terms = requirement.termsOn(on);
      if (terms.isEmpty() || !terms.get().active() || terms.get().retrainWithinDays() == null) {
        continue;
      }
      RequirementTerms rt = terms.get();
      if (!courseCovers(tx, org, rt, version)) {
        continue;
      }
      LocalDate due = version.effectiveFrom().plusDays(rt.retrainWithinDays());
      List<Create> creates = new java.util.ArrayList<>();
      for (WorkforceMember member : tx.members().list(org.id())) {
        Optional<MemberTerms> mt = member.termsOn(on);
        if (mt.isEmpty() || mt.get().status() != MemberStatus.ACTIVE || !rt.audience().matches(mt.get())) {
          continue;
        }
        if (!version.affectedRoles().isEmpty()
            && mt.get().roles().stream().noneMatch(version.affectedRoles()::contains)) {
          continue;
        }
        boolean trained = tx.completions().forMember(org.id(), member.id()).stream()
            .anyMatch(c -> c.passed() && c.policyVersions().contains(version.id()));
        if (trained) {
          continue;
        }
        String key = "R:" + requirement.id() + ":M:" + member.id() + ":pv:" + version.id();
        creates.add(new Create(member, requirement.id(), rt, AssignmentReason.POLICY_CHANGE, version.id(), key,
            version.effectiveFrom(), due));
      }
      created += createAll(w, creates).size();
    }
    return created;
  }

  /**
   * Cancels every open assignment of a member (termination).
   *
   * @param w the unit of work (transaction, organization, actor)
   * @param member the member
   * @param on the date it takes effect
   * @param why the reason recorded on each assignment
   * @return how many were cancelled
   */
  public int cancelAll(Work w, WorkforceMember member, LocalDate on, String why) {
    return cancelOpen(w, w.tx().assignments().forMember(w.org().id(), member.id()), on, why).size();
  }

  /**
   * Extends the open assignments of a member returning from leave by the length of the leave
   * (the documented leave rule: time on leave does not count against a due date).
   *
   * @param w the unit of work (transaction, organization, actor)
   * @param member the member
   * @param leaveStart the first day of leave
   * @param returnOn the first day back
   * @return how many were extended
   */
  public int extendForLeave(Work w, WorkforceMember member, LocalDate leaveStart, LocalDate returnOn) {
    Transaction tx = w.tx();
    Organization org = w.org();
    long days = returnOn.toEpochDay() - leaveStart.toEpochDay();
    if (days <= 0) {
      return 0;
    }
    int extended = 0;
    for (Assignment a : tx.assignments().forMember(org.id(), member.id())) {
      if (a.isOpen() && !a.currentDueOn().isBefore(leaveStart)) {
        LocalDate newDue = a.currentDueOn().plusDays(days);
        tx.assignments().update(a.extended(new DueDateChange(returnOn, newDue, SYSTEM, "leave of " + days + " days")));
        w.audit("ASSIGNMENT_EXTENDED", "Assignment", a.id(), Map.of("newDueOn", newDue.toString(), "reason", "leave"));
        extended++;
      }
    }
    return extended;
  }

  /** Cancels the open ones; returns them as stored. */
  private List<Assignment> cancelOpen(Work w, List<Assignment> assignments, LocalDate on, String why) {
    List<Assignment> cancelled = new java.util.ArrayList<>();
    for (Assignment a : assignments) {
      if (a.isOpen()) {
        LocalDate effective = max(on, a.assignedOn());
        cancelled.add(w.tx().assignments().update(
            a.closed(new Closure(AssignmentState.CANCELLED, effective, w.now(), w.actor().id(), why, null))));
        w.audit("ASSIGNMENT_CANCELLED", "Assignment", a.id(), Map.of("on", effective.toString(), "reason", why));
      }
    }
    return cancelled;
  }

  /** An assignment the engine decided to create, written by {@link #createAll}. */
  private record Create(WorkforceMember member, Id<Requirement> requirement, RequirementTerms rt,
      AssignmentReason reason, @Nullable Id<PolicyVersion> policyVersion, String key, LocalDate anchor, LocalDate due) {}

  /**
   * Writes decided assignments with one insert-if-absent call; each one the store added (its
   * dedupe key was free) is audited and announced, the announcements with one outbox call.
   *
   * @return those added, as stored
   */
  private static List<Assignment> createAll(Work w, List<Create> creates) {
    if (creates.isEmpty()) {
      return List.of();
    }
    Instant now = w.now();
    LocalDate today = w.org().dateOf(now);
    List<Assignment> assignments = new java.util.ArrayList<>(creates.size());
    for (Create c : creates) {
      assignments.add(new Assignment(Id.random(), w.org().id(), c.member().id(), c.rt().course(), c.requirement(),
          c.reason(), c.policyVersion(), c.key(), today, now, w.actor().id(), c.anchor(), c.due(), List.of(), null, null, 0));
    }
    java.util.Set<Id<Assignment>> added = w.tx().assignments().insertAllIfAbsent(assignments);
    List<io.trainproof.core.notification.Notification> messages = new java.util.ArrayList<>(added.size());
    List<Assignment> stored = new java.util.ArrayList<>(added.size());
    for (int i = 0; i < creates.size(); i++) {
      Assignment assignment = assignments.get(i);
      if (!added.contains(assignment.id())) {
        continue;
      }
      stored.add(assignment);
      Create c = creates.get(i);
      Map<String, String> facts = new TreeMap<>(Map.of("member", c.member().id().toString(),
          "course", c.rt().course().toString(), "requirement", c.requirement().toString(), "reason", c.reason().name(),
          "dueOn", c.due().toString(), "anchorOn", c.anchor().toString()));
      if (c.policyVersion() != null) {
        facts.put("policyVersion", c.policyVersion().toString());
      }
      w.audit("ASSIGNMENT_CREATED", "Assignment", assignment.id(), facts);
      messages.add(w.message("assigned:" + assignment.id(), NotificationKind.ASSIGNED, c.member().id(),
          Map.of("assignment", assignment.id().toString(), "course", c.rt().course().toString(),
              "dueOn", c.due().toString(), "reason", c.reason().name())));
    }
    w.notifyAll(messages);
    return stored;
  }

  /**
   * Writes the reminders, due notices, overdue notices and manager escalations that fall due
   * today for a member's open assignments, per each requirement's schedule (the standard
   * schedule for manual ones). Each has an idempotency key naming the assignment, the threshold
   * and the due date, so a second sweep writes nothing and an extension starts a new series.
   * Thresholds up to a week old are caught up; older ones are not sent late.
   *
   * @param w the unit of work
   * @param member the member
   * @param today today in the organization's zone
   * @return how many messages were written
   */
  public int remind(Work w, WorkforceMember member, LocalDate today) {
    return remind(w, member, w.tx().requirements().list(w.org().id()), today);
  }

  /**
   * As {@link #remind(Work, WorkforceMember, LocalDate)}, with the organization's requirements
   * read once by the caller.
   *
   * @param w the unit of work
   * @param member the member
   * @param requirements every requirement of the organization
   * @param today today in the organization's zone
   * @return how many messages were written
   */
  public int remind(Work w, WorkforceMember member, List<Requirement> requirements, LocalDate today) {
    if (!member.activeOn(today)) {
      return 0;
    }
    return remind(w, member, requirements, w.tx().assignments().forMember(w.org().id(), member.id()), today);
  }

  /**
   * As {@link #remind(Work, WorkforceMember, List, LocalDate)}, with the member's current
   * assignments read by the caller (the sweep reads a whole batch's at once).
   *
   * @param w the unit of work
   * @param member the member
   * @param requirements every requirement of the organization
   * @param assignments the member's assignments as they stand now
   * @param today today in the organization's zone
   * @return how many messages were written
   */
  public int remind(Work w, WorkforceMember member, List<Requirement> requirements, List<Assignment> assignments,
      LocalDate today) {
    List<io.trainproof.core.notification.Notification> messages = new java.util.ArrayList<>();
    reminders(w, member, schedules(requirements, today), assignments, today, messages);
    return w.notifyAll(messages);
  }

  /**
   * As {@link #remind(Work, WorkforceMember, List, List, LocalDate)} for a sweep batch: every
   * member's messages are written with one outbox call.
   *
   * @param w the unit of work
   * @param members the members
   * @param requirements every requirement of the organization
   * @param assignments each member's assignments as they stand now
   * @param today today in the organization's zone
   * @return how many messages were written
   */
  public int remindAll(Work w, List<WorkforceMember> members, List<Requirement> requirements,
      Map<Id<WorkforceMember>, List<Assignment>> assignments, LocalDate today) {
    Map<Id<Requirement>, ReminderSchedule> schedules = schedules(requirements, today);
    List<io.trainproof.core.notification.Notification> messages = new java.util.ArrayList<>();
    for (WorkforceMember member : members) {
      reminders(w, member, schedules, assignments.getOrDefault(member.id(), List.of()), today, messages);
    }
    return w.notifyAll(messages);
  }

  private static Map<Id<Requirement>, ReminderSchedule> schedules(List<Requirement> requirements, LocalDate today) {
    Map<Id<Requirement>, ReminderSchedule> schedules = new java.util.HashMap<>();
    for (Requirement r : requirements) {
      r.termsOn(today).ifPresent(t -> schedules.put(r.id(), t.reminders()));
    }
    return schedules;
  }

  /** Adds the messages that fall due today for a member's open assignments to {@code messages}. */
  private static void reminders(Work w, WorkforceMember member, Map<Id<Requirement>, ReminderSchedule> schedules,
      List<Assignment> assignments, LocalDate today, List<io.trainproof.core.notification.Notification> messages) {
    if (!member.activeOn(today)) {
      return;
    }
    Id<WorkforceMember> manager = member.termsOn(today).map(MemberTerms::manager).orElse(null);
    for (Assignment a : assignments) {
      if (!a.isOpen()) {
        continue;
      }
      ReminderSchedule schedule = a.requirement() == null
          ? ReminderSchedule.standard() : schedules.getOrDefault(a.requirement(), ReminderSchedule.none());
      LocalDate due = a.currentDueOn();
      Map<String, String> payload = Map.of("assignment", a.id().toString(), "course", a.course().toString(), "dueOn", due.toString());
      for (int days : schedule.daysBeforeDue()) {
        remindOn(w, a, due.minusDays(days), today, "before:" + days, NotificationKind.REMINDER, member.id(), payload, messages);
      }
      if (schedule.onDueDate()) {
        remindOn(w, a, due, today, "due", NotificationKind.DUE, member.id(), payload, messages);
      }
      for (int days : schedule.daysOverdue()) {
        remindOn(w, a, due.plusDays(days), today, "overdue:" + days, NotificationKind.OVERDUE, member.id(), payload, messages);
      }
      if (schedule.escalateAfterDaysOverdue() > 0) {
        remindOn(w, a, due.plusDays(schedule.escalateAfterDaysOverdue()), today, "escalation",
            NotificationKind.ESCALATION, manager, payload, messages);
      }
    }
  }

  private static void remindOn(Work w, Assignment a, LocalDate on, LocalDate today, String what, NotificationKind kind,
      @Nullable Id<WorkforceMember> recipient, Map<String, String> payload,
      List<io.trainproof.core.notification.Notification> messages) {
    if (on.isAfter(today) || on.isBefore(today.minusDays(7)) || on.isBefore(a.assignedOn())) {
      return;
    }
    messages.add(w.message("A:" + a.id() + ":" + what + ":" + a.currentDueOn(), kind, recipient, payload));
  }

  private static boolean courseCovers(Transaction tx, Organization org, RequirementTerms rt, PolicyVersion version) {
    List<CourseVersion> versions = tx.courses().versions(org.id(), rt.course());
    return !versions.isEmpty() && versions.get(versions.size() - 1).policies().contains(version.policy());
  }

  /**
   * The first day of the member's latest continuous stay in the audience (leave does not
   * interrupt it; termination does), as of a date.
   */
  static LocalDate audienceEntry(WorkforceMember member, RequirementTerms rt, LocalDate on) {
    LocalDate entry = null;
    for (MemberTerms t : member.history()) {
      if (t.effectiveFrom().isAfter(on)) {
        break;
      }
      boolean inside = t.status() != MemberStatus.TERMINATED && rt.audience().matches(t);
      if (inside && entry == null) {
        entry = t.effectiveFrom();
      } else if (!inside) {
        entry = null;
      }
    }
    return entry == null ? on : max(entry, member.engagedOn());
  }

  private static AssignmentReason initialReason(WorkforceMember member, Requirement requirement, LocalDate entry) {
    if (requirement.startsOn().isAfter(entry)) {
      return AssignmentReason.NEW_REQUIREMENT;
    }
    // Entry at engagement, or right after a termination (a rehire), is onboarding.
    MemberTerms before = null;
    for (MemberTerms t : member.history()) {
      if (!t.effectiveFrom().isBefore(entry)) {
        break;
      }
      before = t;
    }
    return before == null || before.status() == MemberStatus.TERMINATED
        ? AssignmentReason.ONBOARDING
        : AssignmentReason.ROLE_CHANGE;
  }

  /**
   * The later of two dates.
   *
   * @param a a date
   * @param b another
   * @return the later
   */
  public static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * The earlier of two dates.
   *
   * @param a a date
   * @param b another
   * @return the earlier
   */
  public static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
