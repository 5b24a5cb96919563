package io.trainproof.integrations.roster;

import io.trainproof.core.ValidationException;
import io.trainproof.integrations.ImportMode;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * How a roster is applied. Immutable.
 *
 * @param mode all-or-nothing or apply the valid rows
 * @param scope whether the roster lists the whole workforce
 * @param dryRun when true, everything is applied and rolled back: the result tells what would
 *     change and nothing is written
 * @param effectiveOn the date changes of roles, department, manager and type take effect (and
 *     statuses without a date begin); null for today in the organization's zone
 */
public record RosterOptions(
    ImportMode mode, RosterScope scope, boolean dryRun, @Nullable LocalDate effectiveOn) {

  /** Checks the values. */
  public RosterOptions {
    if (mode == null) {
      throw new ValidationException("mode", null, "is required");
    }
    if (scope == null) {
      throw new ValidationException("scope", null, "is required");
    }
  }

  /**
   * A full roster, applied for real, effective today.
   *
   * @param mode the mode
   * @return the options
   */
  public static RosterOptions full(ImportMode mode) {
    return new RosterOptions(mode, RosterScope.FULL, false, null);
  }

  /**
   * A partial roster, applied for real, effective today.
   *
   * @param mode the mode
   * @return the options
   */
  public static RosterOptions partial(ImportMode mode) {
    return new RosterOptions(mode, RosterScope.PARTIAL, false, null);
  }

  /**
   * @return these options as a dry run
   */
  public RosterOptions asDryRun() {
    return new RosterOptions(mode, scope, true, effectiveOn);
  }

  /**
   * These options effective on a date.
   *
   * @param date the date
   * @return the options
   */
  public RosterOptions effectiveOn(LocalDate date) {
    return new RosterOptions(mode, scope, dryRun, date);
  }
}
