package io.trainproof.integrations.internal;

import io.trainproof.core.ConflictException;
import io.trainproof.core.ForbiddenException;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.TrainproofException;
import io.trainproof.core.ValidationException;
import io.trainproof.integrations.ErrorKind;
import io.trainproof.integrations.ImportMode;
import io.trainproof.integrations.RowError;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs a batch of rows in the chosen mode over core's units of work: all-or-nothing is one {@link
 * Trainproof#atomically} rolled back when any row failed; apply-valid-rows gives each row its own
 * unit; a dry run is one {@link Trainproof#dryRun}. Thread-safe. Not API.
 */
public final class Batch {
  private final Trainproof trainproof;
  private final ImportMode mode;
  private final boolean dryRun;
  private final boolean forced;

  private Batch(Trainproof trainproof, ImportMode mode, boolean dryRun, boolean forced) {
    this.trainproof = trainproof;
    this.mode = mode;
    this.dryRun = dryRun;
    this.forced = forced;
  }

  /**
   * A runner for one import. An all-or-nothing import that has failed before any row is applied
   * still runs, as a dry run, so the result lists every error core would find too; it just cannot
   * commit.
   *
   * @param trainproof the instance
   * @param mode the mode
   * @param dryRun whether the caller asked to roll everything back
   * @param failedAlready whether reading the input already found errors (or could not finish)
   * @return the runner
   */
  public static Batch forImport(
      Trainproof trainproof, ImportMode mode, boolean dryRun, boolean failedAlready) {
    boolean forced = !dryRun && mode == ImportMode.ALL_OR_NOTHING && failedAlready;
    return new Batch(trainproof, mode, dryRun || forced, forced);
  }

  /** How a batch ended, and so what its result may show. */
  public enum Outcome {
    /** Committed: the writes stand. */
    COMMITTED,
    /**
     * A dry run the caller asked for: rolled back, the result shows what would have been written.
     */
    PREVIEWED,
    /**
     * Rolled back (a forced dry run or a failed all-or-nothing batch): the result shows nothing
     * written.
     */
    DISCARDED
  }

  /**
   * Whether each row gets its own unit of work: applying valid rows for real. A row that fails in
   * its own unit leaves nothing behind; elsewhere its partial writes stay visible to later rows
   * until the batch ends, as they would to a store read.
   *
   * @return true when each row has its own unit
   */
  public boolean ownUnits() {
    return !dryRun && mode == ImportMode.APPLY_VALID_ROWS;
  }

  /**
   * Runs the whole batch.
   *
   * @param body the rows, applied one by one through {@link #row}
   * @param errors the import's errors; any added while the body runs means a row failed
   * @return how it ended
   */
  public Outcome run(Runnable body, List<RowError> errors) {
    int before = errors.size();
    if (run(body, () -> errors.size() > before)) {
      return Outcome.COMMITTED;
    }
    return dryRun && !forced ? Outcome.PREVIEWED : Outcome.DISCARDED;
  }

  private boolean run(Runnable body, BooleanSupplier failed) {
    if (dryRun) {
      trainproof.dryRun(
          () -> {
            body.run();
            return Boolean.TRUE;
          });
      return false;
    }
    if (mode == ImportMode.APPLY_VALID_ROWS) {
      body.run();
      return true;
    }
    try {
      trainproof.atomically(
          () -> {
            body.run();
            if (failed.getAsBoolean()) {
              throw new Abort();
            }
            return Boolean.TRUE;
          });
      return true;
    } catch (Abort abort) {
      return false;
    }
  }

  /**
   * Applies one row: in its own transaction when applying valid rows for real, otherwise inside the
   * batch's transaction. A typed refusal from core becomes a row error; a {@link
   * ForbiddenException} ends the whole batch, since no row would fare better.
   *
   * @param line the row's line
   * @param ref the row's reference
   * @param work the calls for the row
   * @param <T> the result type
   * @return the result, or null when the row failed (the error is passed to {@code errors})
   */
  public <T> @Nullable T row(
      int line, @Nullable String ref, Supplier<T> work, Consumer<RowError> errors) {
    try {
      if (ownUnits()) {
        return trainproof.atomically(work);
      }
      return work.get();
    } catch (ForbiddenException e) {
      throw e;
    } catch (TrainproofException e) {
      errors.accept(toRowError(line, ref, e));
      return null;
    }
  }

  /**
   * A core refusal as a row error.
   *
   * @param line the line
   * @param ref the reference
   * @param e the refusal
   * @return the row error
   */
  public static RowError toRowError(int line, @Nullable String ref, TrainproofException e) {
    if (e instanceof RowFailure failure) {
      return failure.error();
    }
    if (e instanceof ValidationException v) {
      return new RowError(line, ref, v.field(), ErrorKind.REJECTED, String.valueOf(v.getMessage()));
    }
    if (e instanceof NotFoundException) {
      return new RowError(
          line, ref, "reference", ErrorKind.NOT_FOUND, String.valueOf(e.getMessage()));
    }
    if (e instanceof ConflictException) {
      return new RowError(line, ref, "row", ErrorKind.CONFLICT, String.valueOf(e.getMessage()));
    }
    return new RowError(line, ref, "row", ErrorKind.REJECTED, String.valueOf(e.getMessage()));
  }

  /** Rolls an all-or-nothing batch back once every row has been tried. */
  private static final class Abort extends TrainproofException {
    private static final long serialVersionUID = 1L;

    Abort() {
      super("a row failed; the all-or-nothing batch is rolled back");
    }
  }
}
