package io.trainproof.integrations.roster;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.workforce.WorkforceService;
import io.trainproof.integrations.ErrorKind;
import io.trainproof.integrations.ImportMode;
import io.trainproof.integrations.RowError;
import io.trainproof.integrations.internal.Batch;
import io.trainproof.integrations.internal.CsvTable;
import io.trainproof.integrations.internal.RowFailure;
import io.trainproof.integrations.internal.StrictText;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Syncs the host's HR roster into Trainproof. Each row is matched to a member by external id
 * and compared with the member's latest terms; only differences are sent to the workforce
 * service (a hire, a change of roles, department, manager or type, a leave, a return, a
 * termination), so applying the same roster twice changes nothing. Members missing from a
 * {@link RosterScope#FULL} roster are flagged in {@link RosterResult#missing()}, never
 * terminated. In {@link ImportMode#APPLY_VALID_ROWS} mode rows that only hire a new active member
 * are hired 500 at a time with {@link WorkforceService#hireAll} (one transaction and a few
 * statements for the lot); if core refuses such a call, its rows are applied one by one, so the
 * outcome of every row is what applying it alone would give. Thread-safe.
 *
 * <p>CSV files have the header {@code external_id,display_name,workforce_type,roles,department,
 * engaged_on,status} and optionally {@code manager_external_id} and {@code status_date}; roles
 * are separated by {@code ;}; dates are ISO ({@code 2026-08-03}); {@code workforce_type} is one
 * of EMPLOYEE, CONTRACTOR, VOLUNTEER, TRAINEE and {@code status} one of ACTIVE, ON_LEAVE,
 * TERMINATED (any case). Other columns, a missing required column, duplicate external ids and
 * bytes that are not UTF-8 are row errors.
 *
 * <pre>{@code
 * RosterSync sync = new RosterSync(trainproof);
 * RosterResult preview = sync.applyCsv(officer, "hr-2026-08-03.csv", csv,
 *     RosterOptions.full(ImportMode.ALL_OR_NOTHING).asDryRun());
 * }</pre>
 */
public final class RosterSync {
  /** The columns a roster file must have. */
  public static final Set<String> REQUIRED_COLUMNS = orderedSet(
      "external_id", "display_name", "workforce_type", "roles", "department", "engaged_on", "status");
  /** The columns a roster file may have. */
  public static final Set<String> OPTIONAL_COLUMNS = orderedSet("manager_external_id", "status_date");

  private final Trainproof trainproof;

  /**
   * A sync over an instance.
   *
   * @param trainproof the instance
   */
  public RosterSync(Trainproof trainproof) {
    if (trainproof == null) {
      throw new ValidationException("trainproof", null, "is required");
    }
    this.trainproof = trainproof;
  }

  /**
   * Applies a roster CSV file.
   *
   * @param actor who runs the sync (a compliance officer, or {@code Actor.system} for a job)
   * @param fileName the file's name, for the result
   * @param csv the file (read fully, not closed)
   * @param options how to apply it
   * @return what changed
   */
  public RosterResult applyCsv(Actor actor, String fileName, InputStream csv, RosterOptions options) {
    return applyCsv(actor, fileName, StrictText.readAll(csv), options);
  }

  /**
   * Applies a roster CSV file's bytes.
   *
   * @param actor who runs the sync
   * @param fileName the file's name
   * @param csv the bytes
   * @param options how to apply it
   * @return what changed
   */
  public RosterResult applyCsv(Actor actor, String fileName, byte[] csv, RosterOptions options) {
    CsvTable table = CsvTable.read(csv, REQUIRED_COLUMNS, OPTIONAL_COLUMNS);
    List<RowError> errors = new ArrayList<>(table.errors());
    List<Numbered> rows = new ArrayList<>();
    List<Keyed> keys = new ArrayList<>();
    for (CsvTable.Row r : table.rows()) {
      String ext = r.get("external_id");
      if (ext != null) {
        keys.add(new Keyed(r.line(), ext));
      }
      RosterRow row = fromCsv(r, errors);
      if (row != null) {
        rows.add(new Numbered(r.line(), row));
      }
    }
    return run(actor, options, rows, keys, errors, table.complete() && table.headerOk());
  }

  /**
   * Applies a roster given as rows (the programmatic bulk API). Row errors name the 1-based
   * position of the row in the list as their line.
   *
   * @param actor who runs the sync
   * @param rows the roster
   * @param options how to apply it
   * @return what changed
   */
  public RosterResult apply(Actor actor, List<RosterRow> rows, RosterOptions options) {
    if (rows == null) {
      throw new ValidationException("rows", null, "is required");
    }
    List<RowError> errors = new ArrayList<>();
    List<Numbered> valid = new ArrayList<>();
    List<Keyed> keys = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      RosterRow row = rows.get(i);
      int line = i + 1;
      if (row == null) {
        errors.add(new RowError(line, null, "row", ErrorKind.INVALID_VALUE, "is null"));
        continue;
      }
      if (row.externalId() != null && !row.externalId().isBlank()) {
        keys.add(new Keyed(line, row.externalId().strip()));
      }
      if (check(line, row, errors)) {
        valid.add(new Numbered(line, row));
      }
    }
    return run(actor, options, valid, keys, errors, true);
  }

  private RosterResult run(Actor actor, RosterOptions options, List<Numbered> rows, List<Keyed> keys,
      List<RowError> readErrors, boolean complete) {
    List<RowError> errors = new ArrayList<>(readErrors);
    Set<Integer> duplicateLines = duplicates(keys, errors);
    List<Numbered> unique = rows.stream().filter(r -> !duplicateLines.contains(r.line)).toList();
    Organization org = trainproof.organizations().get(actor);
    LocalDate today = options.effectiveOn() != null ? options.effectiveOn() : org.dateOf(trainproof.clock().instant());
    // why: an all-or-nothing roster that already has errors is still tried, as a dry run, so the
    // result lists every error core would find too; it just cannot commit
    boolean forcedDryRun = !options.dryRun() && options.mode() == ImportMode.ALL_OR_NOTHING && !errors.isEmpty();
    Batch batch = new Batch(trainproof, options.mode(), options.dryRun() || forcedDryRun);
    State state = new State();
    int before = errors.size();
    Set<String> named = keys.stream().map(k -> k.externalId).collect(Collectors.toSet());
    // A row that fails in its own unit leaves nothing behind; elsewhere its partial writes stay
    // visible to later rows until the batch ends, as they would to a store read.
    boolean ownUnits = !(options.dryRun() || forcedDryRun) && options.mode() == ImportMode.APPLY_VALID_ROWS;
    boolean committed = batch.run(() -> {
      // why: one read of the members, not a look-up per row (two service calls per row, and on
      // the JPA store a not-found inside a unit of work dooms it, so every new member failed)
      Map<String, WorkforceMember> known = new HashMap<>();
      for (WorkforceMember m : trainproof.workforce().list(actor)) {
        known.put(m.externalId(), m);
      }
      Rows apply = new Rows(actor, today, state, known, batch, errors, ownUnits);
      for (Numbered r : managersFirst(unique, known::containsKey)) {
        apply.next(r);
      }
      apply.flushHires();
      if (options.scope() == RosterScope.FULL && complete) {
        for (WorkforceMember m : trainproof.workforce().list(actor)) {
          MemberStatus status = m.latestTerms().status();
          if (status != MemberStatus.TERMINATED && !named.contains(m.externalId())) {
            state.missing.add(new MissingMember(m.id(), m.externalId(), status));
          }
        }
      }
    }, () -> errors.size() > before);
    if (forcedDryRun || (!committed && !options.dryRun())) {
      committed = false;
      state.changes.clear();
      state.unchanged = 0;
    }
    errors.sort(Comparator.comparingInt(RowError::line));
    state.changes.sort(Comparator.comparingInt(RosterChange::line));
    state.notices.sort(Comparator.comparingInt(RosterNotice::line));
    return new RosterResult(options, committed && !options.dryRun(), state.changes, state.unchanged, state.notices,
        state.missing, errors);
  }

  /** Hires queued for one {@link WorkforceService#hireAll} call. */
  private static final int HIRES_PER_CALL = 500;

  /**
   * Applies the rows in order. When each row gets its own unit of work, rows that only hire an
   * active member are queued and hired {@value #HIRES_PER_CALL} at a time with one
   * {@link WorkforceService#hireAll} call (one transaction and a few statements for the lot
   * instead of a transaction and some thirty statements per row); if core refuses such a call,
   * its rows are applied one by one, so one bad row never costs the others. Every other row,
   * and every row in a shared unit (all-or-nothing, dry run), is applied on its own.
   */
  private final class Rows {
    private final Actor actor;
    private final LocalDate today;
    private final State state;
    private final Map<String, WorkforceMember> known;
    private final Batch batch;
    private final List<RowError> errors;
    private final boolean ownUnits;
    private final List<Numbered> hires = new ArrayList<>();
    private final Set<String> queued = new HashSet<>();

    Rows(Actor actor, LocalDate today, State state, Map<String, WorkforceMember> known, Batch batch,
        List<RowError> errors, boolean ownUnits) {
      this.actor = actor;
      this.today = today;
      this.state = state;
      this.known = known;
      this.batch = batch;
      this.errors = errors;
      this.ownUnits = ownUnits;
    }

    void next(Numbered r) {
      String managerExt = managerExt(r.row);
      if (queued.contains(managerExt)) {
        flushHires(); // why: the manager must be a member before their report is hired
      }
      if (ownUnits && plainHire(r.row, managerExt)) {
        hires.add(r);
        queued.add(r.row.externalId().strip());
        if (hires.size() == HIRES_PER_CALL) {
          flushHires();
        }
        return;
      }
      one(r);
    }

    /** The row's manager's external id, stripped; empty when it names none. */
    private static String managerExt(RosterRow row) {
      return row.managerExternalId() == null ? "" : row.managerExternalId().strip();
    }

    /** A row that hires an active member whose manager, if any, is already known. */
    private boolean plainHire(RosterRow row, String managerExt) {
      String ext = row.externalId().strip();
      return !known.containsKey(ext) && row.status() == MemberStatus.ACTIVE
          && (managerExt.isEmpty() || (!managerExt.equals(ext) && known.containsKey(managerExt)));
    }

    void flushHires() {
      if (hires.isEmpty()) {
        return;
      }
      List<Numbered> rows = List.copyOf(hires);
      hires.clear();
      queued.clear();
      List<WorkforceService.NewMember> requests = new ArrayList<>(rows.size());
      for (Numbered r : rows) {
        RosterRow row = r.row;
        String managerExt = managerExt(row);
        requests.add(new WorkforceService.NewMember(row.externalId().strip(), row.displayName().strip(), row.type(),
            row.roles(), row.department().strip(), managerExt.isEmpty() ? null : known.get(managerExt).id(),
            row.engagedOn()));
      }
      List<WorkforceMember> hired;
      try {
        hired = trainproof.workforce().hireAll(actor, requests);
      } catch (io.trainproof.core.ForbiddenException e) {
        throw e;
      } catch (io.trainproof.core.TrainproofException e) {
        // why: the call wrote nothing; each row alone gets its own outcome and error
        for (Numbered r : rows) {
          one(r);
        }
        return;
      }
      for (int i = 0; i < rows.size(); i++) {
        Numbered r = rows.get(i);
        WorkforceMember member = hired.get(i);
        known.put(member.externalId(), member);
        commit(state, List.of(new RosterChange(r.line, member.externalId(), member.id(), RosterChange.Kind.HIRED,
            r.row.engagedOn(), "")), List.of());
      }
    }

    private void one(Numbered r) {
      Map<String, WorkforceMember> hired = new HashMap<>();
      Boolean applied = batch.row(r.line, r.row.externalId(), () -> {
        hired.clear();
        applyRow(actor, r, today, state, known, hired);
        return Boolean.TRUE;
      }, errors::add);
      if (applied != null || !ownUnits) {
        known.putAll(hired);
      }
    }
  }

  private void applyRow(Actor actor, Numbered numbered, LocalDate today, State state,
      Map<String, WorkforceMember> known, Map<String, WorkforceMember> hiredByRow) {
    RosterRow row = numbered.row;
    int line = numbered.line;
    String ext = row.externalId().strip();
    WorkforceService workforce = trainproof.workforce();
    WorkforceMember member = known.get(ext);
    Id<WorkforceMember> manager = null;
    if (row.managerExternalId() != null && !row.managerExternalId().isBlank()) {
      String managerExt = row.managerExternalId().strip();
      if (managerExt.equals(ext)) {
        throw failure(line, ext, "manager_external_id", ErrorKind.INVALID_VALUE, "a member cannot manage themself");
      }
      WorkforceMember m = known.get(managerExt);
      if (m == null) {
        throw failure(line, ext, "manager_external_id", ErrorKind.NOT_FOUND,
            "no member has the manager's external id (and it is not hired by this roster)");
      }
      manager = m.id();
    }
    List<RosterChange> changes = new ArrayList<>();
    List<RosterNotice> notices = new ArrayList<>();
    if (member == null) {
      if (row.status() == MemberStatus.TERMINATED) {
        notices.add(new RosterNotice(line, ext, "status", "terminated in HR and never known to Trainproof: not hired"));
      } else {
        WorkforceMember hired = workforce.hire(actor, new WorkforceService.NewMember(ext, row.displayName().strip(),
            row.type(), row.roles(), row.department().strip(), manager, row.engagedOn()));
        hiredByRow.put(ext, hired);
        changes.add(new RosterChange(line, ext, hired.id(), RosterChange.Kind.HIRED, row.engagedOn(), ""));
        if (row.status() == MemberStatus.ON_LEAVE) {
          LocalDate from = row.statusDate() != null ? row.statusDate() : max(today, row.engagedOn());
          workforce.startLeave(actor, hired.id(), from);
          changes.add(new RosterChange(line, ext, hired.id(), RosterChange.Kind.LEAVE_STARTED, from, ""));
        }
      }
      commit(state, changes, notices);
      return;
    }
    if (!member.displayName().equals(row.displayName().strip())) {
      notices.add(new RosterNotice(line, ext, "display_name", "differs from Trainproof's; core has no rename, not changed"));
    }
    if (!member.engagedOn().equals(row.engagedOn())) {
      notices.add(new RosterNotice(line, ext, "engaged_on",
          "differs from Trainproof's (" + member.engagedOn() + "); the engagement date is fixed, not changed"));
    }
    MemberTerms latest = member.latestTerms();
    if (latest.status() == MemberStatus.TERMINATED) {
      if (row.status() != MemberStatus.TERMINATED) {
        throw failure(line, ext, "status", ErrorKind.UNSUPPORTED, "the member was terminated on "
            + latest.effectiveFrom() + "; core cannot rehire a terminated member (hire under a new external id)");
      }
      commit(state, changes, notices);
      return;
    }
    WorkforceMember current = member;
    LocalDate statusOn = row.statusDate() != null ? row.statusDate() : today;
    if (row.status() == MemberStatus.TERMINATED) {
      current = workforce.terminate(actor, current.id(), statusOn);
      changes.add(new RosterChange(line, ext, current.id(), RosterChange.Kind.TERMINATED, statusOn, ""));
      commit(state, changes, notices);
      return;
    }
    if (row.status() != latest.status()) {
      if (row.status() == MemberStatus.ON_LEAVE) {
        current = workforce.startLeave(actor, current.id(), statusOn);
        changes.add(new RosterChange(line, ext, current.id(), RosterChange.Kind.LEAVE_STARTED, statusOn, ""));
      } else {
        current = workforce.returnFromLeave(actor, current.id(), statusOn);
        changes.add(new RosterChange(line, ext, current.id(), RosterChange.Kind.RETURNED, statusOn, ""));
      }
    }
    List<String> changed = new ArrayList<>();
    Set<String> roles = row.roles().equals(latest.roles()) ? null : row.roles();
    if (roles != null) {
      changed.add("roles");
    }
    String department = row.department().strip().equals(latest.department()) ? null : row.department().strip();
    if (department != null) {
      changed.add("department");
    }
    WorkforceType type = row.type() == latest.type() ? null : row.type();
    if (type != null) {
      changed.add("type");
    }
    Id<WorkforceMember> newManager = null;
    if (manager == null && latest.manager() != null) {
      notices.add(new RosterNotice(line, ext, "manager_external_id",
          "is empty but the member has a manager; core cannot remove a manager, not changed"));
    } else if (manager != null && !manager.equals(latest.manager())) {
      newManager = manager;
      changed.add("manager");
    }
    if (!changed.isEmpty()) {
      LocalDate on = max(today, current.latestTerms().effectiveFrom());
      current = workforce.change(actor, current.id(),
          new WorkforceService.MemberChange(on, roles, department, newManager, type));
      changes.add(new RosterChange(line, ext, current.id(), RosterChange.Kind.TERMS_CHANGED, on, String.join(", ", changed)));
    }
    commit(state, changes, notices);
  }

  private static void commit(State state, List<RosterChange> changes, List<RosterNotice> notices) {
    // why: only once the whole row went through, so a failed row leaves nothing in the result
    if (changes.isEmpty()) {
      state.unchanged++;
    }
    state.changes.addAll(changes);
    state.notices.addAll(notices);
  }

  /**
   * Rows whose manager is hired by the same roster come after the manager's row. A manager who
   * is already a member needs no ordering, so a cycle (A manages B, B manages A) with one of
   * them already on record applies the new one first and then links the other.
   */
  private static List<Numbered> managersFirst(List<Numbered> rows, java.util.function.Predicate<String> onRecord) {
    Map<String, Numbered> byExt = new HashMap<>();
    for (Numbered r : rows) {
      byExt.put(r.row.externalId().strip(), r);
    }
    List<Numbered> ordered = new ArrayList<>();
    Set<Numbered> done = new HashSet<>();
    for (Numbered r : rows) {
      visit(r, byExt, onRecord, done, new HashSet<>(), ordered);
    }
    return ordered;
  }

  private static void visit(Numbered r, Map<String, Numbered> byExt, java.util.function.Predicate<String> onRecord,
      Set<Numbered> done, Set<Numbered> path, List<Numbered> ordered) {
    if (done.contains(r) || !path.add(r)) {
      return; // why: a manager cycle is left in file order; core reports what it cannot resolve
    }
    String manager = r.row.managerExternalId();
    Numbered m = manager == null || onRecord.test(manager.strip()) ? null : byExt.get(manager.strip());
    if (m != null) {
      visit(m, byExt, onRecord, done, path, ordered);
    }
    done.add(r);
    ordered.add(r);
  }

  private static Set<Integer> duplicates(List<Keyed> keys, List<RowError> errors) {
    Map<String, List<Integer>> lines = new HashMap<>();
    for (Keyed k : keys) {
      lines.computeIfAbsent(k.externalId, x -> new ArrayList<>()).add(k.line);
    }
    Set<Integer> dup = new HashSet<>();
    for (Keyed k : keys) {
      List<Integer> at = lines.get(k.externalId);
      if (at.size() > 1) {
        dup.add(k.line);
        errors.add(new RowError(k.line, k.externalId, "external_id", ErrorKind.DUPLICATE, "appears on lines "
            + at.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "; none of them is applied"));
      }
    }
    return dup;
  }

  private static boolean check(int line, RosterRow row, List<RowError> errors) {
    int before = errors.size();
    String ref = row.externalId();
    blank(line, ref, "external_id", row.externalId(), errors);
    blank(line, ref, "display_name", row.displayName(), errors);
    blank(line, ref, "department", row.department(), errors);
    if (row.type() == null) {
      errors.add(new RowError(line, ref, "workforce_type", ErrorKind.INVALID_VALUE, "is required"));
    }
    if (row.engagedOn() == null) {
      errors.add(new RowError(line, ref, "engaged_on", ErrorKind.INVALID_VALUE, "is required"));
    }
    if (row.status() == null) {
      errors.add(new RowError(line, ref, "status", ErrorKind.INVALID_VALUE, "is required"));
    }
    for (String role : row.roles()) {
      if (role == null || role.isBlank()) {
        errors.add(new RowError(line, ref, "roles", ErrorKind.INVALID_VALUE, "must not contain a blank role"));
        break;
      }
    }
    return errors.size() == before;
  }

  private static void blank(int line, @Nullable String ref, String field, @Nullable String value, List<RowError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new RowError(line, ref, field, ErrorKind.INVALID_VALUE, "is required"));
    }
  }

  private static @Nullable RosterRow fromCsv(CsvTable.Row r, List<RowError> errors) {
    int before = errors.size();
    int line = r.line();
    String ext = r.get("external_id");
    String name = r.get("display_name");
    String department = r.get("department");
    blank(line, ext, "external_id", ext, errors);
    blank(line, ext, "display_name", name, errors);
    blank(line, ext, "department", department, errors);
    WorkforceType type = enumValue(WorkforceType.class, line, ext, "workforce_type", r.get("workforce_type"), errors);
    MemberStatus status = enumValue(MemberStatus.class, line, ext, "status", r.get("status"), errors);
    LocalDate engagedOn = date(line, ext, "engaged_on", r.get("engaged_on"), true, errors);
    LocalDate statusDate = date(line, ext, "status_date", r.get("status_date"), false, errors);
    Set<String> roles = new LinkedHashSet<>();
    String rolesText = r.get("roles");
    if (rolesText != null) {
      for (String role : rolesText.split(";")) {
        if (!role.isBlank()) {
          roles.add(role.strip());
        }
      }
    }
    if (errors.size() > before) {
      return null;
    }
    return new RosterRow(Objects.requireNonNull(ext), Objects.requireNonNull(name), Objects.requireNonNull(type), roles,
        Objects.requireNonNull(department), r.get("manager_external_id"), Objects.requireNonNull(engagedOn),
        Objects.requireNonNull(status), statusDate);
  }

  private static <E extends Enum<E>> @Nullable E enumValue(Class<E> type, int line, @Nullable String ref, String field,
      @Nullable String value, List<RowError> errors) {
    if (value == null) {
      errors.add(new RowError(line, ref, field, ErrorKind.INVALID_VALUE, "is required"));
      return null;
    }
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace(' ', '_'));
    } catch (IllegalArgumentException e) {
      errors.add(new RowError(line, ref, field, ErrorKind.INVALID_VALUE, "'" + value + "' is not one of "
          + Arrays.toString(type.getEnumConstants())));
      return null;
    }
  }

  private static @Nullable LocalDate date(int line, @Nullable String ref, String field, @Nullable String value,
      boolean required, List<RowError> errors) {
    if (value == null) {
      if (required) {
        errors.add(new RowError(line, ref, field, ErrorKind.INVALID_VALUE, "is required"));
      }
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(new RowError(line, ref, field, ErrorKind.INVALID_VALUE, "'" + value + "' is not an ISO date (YYYY-MM-DD)"));
      return null;
    }
  }

  private static RowFailure failure(int line, String ref, String field, ErrorKind kind, String reason) {
    return new RowFailure(new RowError(line, ref, field, kind, reason));
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static Set<String> orderedSet(String... values) {
    return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(values)));
  }

  /** A row and its line. */
  private record Numbered(int line, RosterRow row) {}

  /** An external id and the line naming it. */
  private record Keyed(int line, String externalId) {}

  /** What the rows did, gathered as they run. */
  private static final class State {
    final List<RosterChange> changes = new ArrayList<>();
    final List<RosterNotice> notices = new ArrayList<>();
    final List<MissingMember> missing = new ArrayList<>();
    int unchanged;
  }
}
