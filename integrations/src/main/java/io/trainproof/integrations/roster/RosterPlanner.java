package io.trainproof.integrations.roster;

import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.workforce.WorkforceService;
import io.trainproof.integrations.ErrorKind;
import io.trainproof.integrations.RowError;
import io.trainproof.integrations.internal.RowFailure;
import io.trainproof.integrations.roster.RosterInput.Keyed;
import io.trainproof.integrations.roster.RosterInput.Numbered;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Decides what a roster asks for, without writing anything: which rows are duplicates, in which
 * order rows apply (managers first), which rows are plain hires that may be hired in bulk, and for
 * each row the steps that bring the member's terms in line with it, plus the notices for
 * differences core cannot apply. {@link RosterApplier} carries the steps out. One per run; reads
 * the members known so far, a map the applier adds each hire to. Not thread-safe.
 */
final class RosterPlanner {
  private final LocalDate today;
  private final Map<String, WorkforceMember> known;

  /**
   * A planner for one run.
   *
   * @param today the sync's effective date
   * @param known the members by external id, as the applier keeps them
   */
  RosterPlanner(LocalDate today, Map<String, WorkforceMember> known) {
    this.today = today;
    this.known = known;
  }

  /** A step that changes a member; the applier runs a row's steps in order on the same member. */
  sealed interface Step permits Hire, StartLeave, Return, Terminate, ChangeTerms {}

  /**
   * Hire a new member.
   *
   * @param request the hire
   */
  record Hire(WorkforceService.NewMember request) implements Step {}

  /**
   * Start a leave.
   *
   * @param on its first day
   */
  record StartLeave(LocalDate on) implements Step {}

  /**
   * Return from leave.
   *
   * @param on the day
   */
  record Return(LocalDate on) implements Step {}

  /**
   * Terminate.
   *
   * @param on the day
   */
  record Terminate(LocalDate on) implements Step {}

  /**
   * Change terms; null components keep the current value. Its date is the sync's effective date, or
   * the member's latest terms' date when that is later, which the applier reads from the member as
   * it is once the row's earlier steps ran.
   *
   * @param notBefore the sync's effective date
   * @param roles new roles, or null
   * @param department new department, or null
   * @param manager new manager, or null
   * @param type new type, or null
   * @param changed what changed, for the result ({@code roles, department, ...})
   */
  record ChangeTerms(
      LocalDate notBefore,
      @Nullable Set<String> roles,
      @Nullable String department,
      @Nullable Id<WorkforceMember> manager,
      @Nullable WorkforceType type,
      String changed)
      implements Step {}

  /**
   * What one row asks for.
   *
   * @param member the member the row names, or null when it is not one yet
   * @param steps the changes, in order
   * @param notices differences not applied
   */
  record RowPlan(@Nullable WorkforceMember member, List<Step> steps, List<RosterNotice> notices) {}

  /**
   * Plans a row against the member's latest terms.
   *
   * @param numbered the row
   * @return the plan
   * @throws RowFailure when the row cannot be applied (its manager is unknown or itself, or it
   *     would rehire a terminated member)
   */
  RowPlan plan(Numbered numbered) {
    RosterRow row = numbered.row();
    int line = numbered.line();
    String ext = row.externalId().strip();
    WorkforceMember member = known.get(ext);
    Id<WorkforceMember> manager = null;
    if (row.managerExternalId() != null && !row.managerExternalId().isBlank()) {
      String managerExt = row.managerExternalId().strip();
      if (managerExt.equals(ext)) {
        throw failure(
            line,
            ext,
            "manager_external_id",
            ErrorKind.INVALID_VALUE,
            "a member cannot manage themself");
      }
      WorkforceMember m = known.get(managerExt);
      if (m == null) {
        throw failure(
            line,
            ext,
            "manager_external_id",
            ErrorKind.NOT_FOUND,
            "no member has the manager's external id (and it is not hired by this roster)");
      }
      manager = m.id();
    }
    List<Step> steps = new ArrayList<>();
    List<RosterNotice> notices = new ArrayList<>();
    if (member == null) {
      if (row.status() == MemberStatus.TERMINATED) {
        notices.add(
            new RosterNotice(
                line, ext, "status", "terminated in HR and never known to Trainproof: not hired"));
      } else {
        steps.add(new Hire(newMember(row, manager)));
        if (row.status() == MemberStatus.ON_LEAVE) {
          steps.add(
              new StartLeave(
                  row.statusDate() != null ? row.statusDate() : max(today, row.engagedOn())));
        }
      }
      return new RowPlan(null, steps, notices);
    }
    if (!member.displayName().equals(row.displayName().strip())) {
      notices.add(
          new RosterNotice(
              line,
              ext,
              "display_name",
              "differs from Trainproof's; core has no rename, not changed"));
    }
    if (!member.engagedOn().equals(row.engagedOn())) {
      notices.add(
          new RosterNotice(
              line,
              ext,
              "engaged_on",
              "differs from Trainproof's ("
                  + member.engagedOn()
                  + "); the engagement date is fixed, not changed"));
    }
    MemberTerms latest = member.latestTerms();
    if (latest.status() == MemberStatus.TERMINATED) {
      if (row.status() != MemberStatus.TERMINATED) {
        throw failure(
            line,
            ext,
            "status",
            ErrorKind.UNSUPPORTED,
            "the member was terminated on "
                + latest.effectiveFrom()
                + "; core cannot rehire a terminated member (hire under a new external id)");
      }
      return new RowPlan(member, steps, notices);
    }
    LocalDate statusOn = row.statusDate() != null ? row.statusDate() : today;
    if (row.status() == MemberStatus.TERMINATED) {
      steps.add(new Terminate(statusOn));
      return new RowPlan(member, steps, notices);
    }
    if (row.status() != latest.status()) {
      steps.add(
          row.status() == MemberStatus.ON_LEAVE ? new StartLeave(statusOn) : new Return(statusOn));
    }
    List<String> changed = new ArrayList<>();
    Set<String> roles = row.roles().equals(latest.roles()) ? null : row.roles();
    if (roles != null) {
      changed.add("roles");
    }
    String department =
        row.department().strip().equals(latest.department()) ? null : row.department().strip();
    if (department != null) {
      changed.add("department");
    }
    WorkforceType type = row.type() == latest.type() ? null : row.type();
    if (type != null) {
      changed.add("type");
    }
    Id<WorkforceMember> newManager = null;
    if (manager == null && latest.manager() != null) {
      notices.add(
          new RosterNotice(
              line,
              ext,
              "manager_external_id",
              "is empty but the member has a manager; core cannot remove a manager, not changed"));
    } else if (manager != null && !manager.equals(latest.manager())) {
      newManager = manager;
      changed.add("manager");
    }
    if (!changed.isEmpty()) {
      steps.add(
          new ChangeTerms(today, roles, department, newManager, type, String.join(", ", changed)));
    }
    return new RowPlan(member, steps, notices);
  }

  /**
   * Whether a row only hires an active member whose manager, if any, is already known, so it may be
   * hired in bulk.
   *
   * @param row the row
   * @param managerExt its manager's external id, from {@link #managerExt}
   * @return true for a plain hire
   */
  boolean plainHire(RosterRow row, String managerExt) {
    String ext = row.externalId().strip();
    return !known.containsKey(ext)
        && row.status() == MemberStatus.ACTIVE
        && (managerExt.isEmpty() || (!managerExt.equals(ext) && known.containsKey(managerExt)));
  }

  /**
   * The row's manager's external id, stripped.
   *
   * @param row the row
   * @return the id; empty when the row names none
   */
  static String managerExt(RosterRow row) {
    return row.managerExternalId() == null ? "" : row.managerExternalId().strip();
  }

  /**
   * The hire request for a row (the single and the bulk hire send the same).
   *
   * @param row the row
   * @param manager the manager, if any
   * @return the request
   */
  static WorkforceService.NewMember newMember(
      RosterRow row, @Nullable Id<WorkforceMember> manager) {
    return new WorkforceService.NewMember(
        row.externalId().strip(),
        row.displayName().strip(),
        row.type(),
        row.roles(),
        row.department().strip(),
        manager,
        row.engagedOn());
  }

  /**
   * The later of two dates.
   *
   * @param a one
   * @param b the other
   * @return the later
   */
  static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * Rows whose manager is hired by the same roster come after the manager's row. A manager who is
   * already a member needs no ordering, so a cycle (A manages B, B manages A) with one of them
   * already on record applies the new one first and then links the other.
   *
   * @param rows the rows, in file order
   * @param onRecord whether an external id is already a member's
   * @return the rows in the order to apply them
   */
  static List<Numbered> managersFirst(List<Numbered> rows, Predicate<String> onRecord) {
    Map<String, Numbered> byExt = new HashMap<>();
    for (Numbered r : rows) {
      byExt.put(r.row().externalId().strip(), r);
    }
    List<Numbered> ordered = new ArrayList<>();
    Set<Numbered> done = new HashSet<>();
    for (Numbered r : rows) {
      visit(r, byExt, onRecord, done, new HashSet<>(), ordered);
    }
    return ordered;
  }

  private static void visit(
      Numbered r,
      Map<String, Numbered> byExt,
      Predicate<String> onRecord,
      Set<Numbered> done,
      Set<Numbered> path,
      List<Numbered> ordered) {
    if (done.contains(r) || !path.add(r)) {
      return; // why: a manager cycle is left in file order; core reports what it cannot resolve
    }
    String manager = r.row().managerExternalId();
    Numbered m =
        manager == null || onRecord.test(manager.strip()) ? null : byExt.get(manager.strip());
    if (m != null) {
      visit(m, byExt, onRecord, done, path, ordered);
    }
    done.add(r);
    ordered.add(r);
  }

  /**
   * Reports every row whose external id appears more than once; none of them is applied.
   *
   * @param keys every external id named, with its line
   * @param errors where the errors go
   * @return the lines of the duplicates
   */
  static Set<Integer> duplicates(List<Keyed> keys, List<RowError> errors) {
    Map<String, List<Integer>> lines = new HashMap<>();
    for (Keyed k : keys) {
      lines.computeIfAbsent(k.externalId(), x -> new ArrayList<>()).add(k.line());
    }
    Set<Integer> dup = new HashSet<>();
    for (Keyed k : keys) {
      // why: the loop above puts every key's external id in lines
      List<Integer> at = Objects.requireNonNull(lines.get(k.externalId()));
      if (at.size() > 1) {
        dup.add(k.line());
        errors.add(
            new RowError(
                k.line(),
                k.externalId(),
                "external_id",
                ErrorKind.DUPLICATE,
                "appears on lines "
                    + at.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + "; none of them is applied"));
      }
    }
    return dup;
  }

  private static RowFailure failure(
      int line, String ref, String field, ErrorKind kind, String reason) {
    return new RowFailure(new RowError(line, ref, field, kind, reason));
  }
}
