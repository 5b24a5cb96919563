package io.trainproof.integrations.roster;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.workforce.WorkforceService;
import io.trainproof.integrations.ImportMode;
import io.trainproof.integrations.RowError;
import io.trainproof.integrations.internal.Batch;
import io.trainproof.integrations.internal.StrictText;
import io.trainproof.integrations.internal.Values;
import io.trainproof.integrations.roster.RosterInput.Numbered;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Syncs the host's HR roster into Trainproof. Each row is matched to a member by external id and
 * compared with the member's latest terms; only differences are sent to the workforce service (a
 * hire, a change of roles, department, manager or type, a leave, a return, a termination), so
 * applying the same roster twice changes nothing. Members missing from a {@link RosterScope#FULL}
 * roster are flagged in {@link RosterResult#missing()}, never terminated. In {@link
 * ImportMode#APPLY_VALID_ROWS} mode rows that only hire a new active member are hired 500 at a time
 * with {@link WorkforceService#hireAll} (one transaction and a few statements for the lot); if core
 * refuses such a call, its rows are applied one by one, so the outcome of every row is what
 * applying it alone would give. Thread-safe.
 *
 * <p>CSV files have the header {@code external_id,display_name,workforce_type,roles,department,
 * engaged_on,status} and optionally {@code manager_external_id} and {@code status_date}; roles are
 * separated by {@code ;}; dates are ISO ({@code 2026-08-03}); {@code workforce_type} is one of
 * EMPLOYEE, CONTRACTOR, VOLUNTEER, TRAINEE and {@code status} one of ACTIVE, ON_LEAVE, TERMINATED
 * (any case). Other columns, a missing required column, duplicate external ids and bytes that are
 * not UTF-8 are row errors.
 *
 * <pre>{@code
 * RosterSync sync = new RosterSync(trainproof);
 * RosterResult preview = sync.applyCsv(officer, "hr-2026-08-03.csv", csv,
 *     RosterOptions.full(ImportMode.ALL_OR_NOTHING).asDryRun());
 * }</pre>
 */
public final class RosterSync {
  /** The columns a roster file must have. */
  public static final Set<String> REQUIRED_COLUMNS =
      Values.orderedSet(
          "external_id",
          "display_name",
          "workforce_type",
          "roles",
          "department",
          "engaged_on",
          "status");

  /** The columns a roster file may have. */
  public static final Set<String> OPTIONAL_COLUMNS =
      Values.orderedSet("manager_external_id", "status_date");

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
  public RosterResult applyCsv(
      Actor actor, String fileName, InputStream csv, RosterOptions options) {
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
    return run(actor, options, RosterCsvReader.read(csv));
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
    return run(actor, options, RosterInput.of(rows));
  }

  private RosterResult run(Actor actor, RosterOptions options, RosterInput input) {
    List<RowError> errors = new ArrayList<>(input.errors());
    Set<Integer> duplicateLines = RosterPlanner.duplicates(input.keys(), errors);
    List<Numbered> unique =
        input.rows().stream().filter(r -> !duplicateLines.contains(r.line())).toList();
    Organization org = trainproof.organizations().get(actor);
    LocalDate today =
        options.effectiveOn() != null
            ? options.effectiveOn()
            : org.dateOf(trainproof.clock().instant());
    Batch batch = Batch.forImport(trainproof, options.mode(), options.dryRun(), !errors.isEmpty());
    RosterApplier.Tally tally = new RosterApplier.Tally();
    Set<String> named =
        input.keys().stream().map(RosterInput.Keyed::externalId).collect(Collectors.toSet());
    Batch.Outcome outcome =
        batch.run(
            () -> {
              // why: one read of the members, not a look-up per row (two service calls per row, and
              // on
              // the JPA store a not-found inside a unit of work dooms it, so every new member
              // failed)
              Map<String, WorkforceMember> known = new HashMap<>();
              for (WorkforceMember m : trainproof.workforce().list(actor)) {
                known.put(m.externalId(), m);
              }
              RosterPlanner planner = new RosterPlanner(today, known);
              RosterApplier apply =
                  new RosterApplier(trainproof, actor, planner, tally, known, batch, errors);
              for (Numbered r : RosterPlanner.managersFirst(unique, known::containsKey)) {
                apply.next(r);
              }
              apply.flushHires();
              if (options.scope() == RosterScope.FULL && input.complete()) {
                for (WorkforceMember m : trainproof.workforce().list(actor)) {
                  MemberStatus status = m.latestTerms().status();
                  if (status != MemberStatus.TERMINATED && !named.contains(m.externalId())) {
                    tally.missing.add(new MissingMember(m.id(), m.externalId(), status));
                  }
                }
              }
            },
            errors);
    if (outcome == Batch.Outcome.DISCARDED) {
      tally.changes.clear();
      tally.unchanged = 0;
    }
    errors.sort(Comparator.comparingInt(RowError::line));
    tally.changes.sort(Comparator.comparingInt(RosterChange::line));
    tally.notices.sort(Comparator.comparingInt(RosterNotice::line));
    return new RosterResult(
        options,
        outcome == Batch.Outcome.COMMITTED,
        tally.changes,
        tally.unchanged,
        tally.notices,
        tally.missing,
        errors);
  }
}
