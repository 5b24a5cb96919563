package io.trainproof.reporting.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.Page;
import io.trainproof.core.status.MemberStanding;
import io.trainproof.reporting.report.DateRange;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What every report query shares: the instance it reads, the clock and the page size. It opens a
 * run (checking the actor, the as-of date and the period before anything is read), gives the run
 * its lookups and walks member standings page by page, so no query repeats those steps.
 * Authorization is core's: every read goes through core's services as the run's actor; reports
 * write nothing, so there is no audit entry to make here. Immutable and thread-safe.
 */
final class QueryContext {
  /** The most members one standings page may read. */
  private static final int STANDINGS_PAGE = 1_000;

  private final Trainproof tp;
  private final Clock clock;
  private final int pageSize;

  QueryContext(Trainproof trainproof, Clock clock, int pageSize) {
    this.tp = trainproof;
    this.clock = clock;
    this.pageSize = pageSize;
  }

  /**
   * @return the instance whose services are read
   */
  Trainproof trainproof() {
    return tp;
  }

  /**
   * Opens a run.
   *
   * @param actor the caller
   * @param asOf the date
   * @param period the period, if any
   * @return the scope
   */
  Scope open(Actor actor, LocalDate asOf, @Nullable DateRange period) {
    return Scope.open(tp, clock, actor, asOf, period);
  }

  /**
   * New lookups for a run (loaded on first use, so creating them reads nothing).
   *
   * @param s the run
   * @return the lookups
   */
  Lookups lookups(Scope s) {
    return new Lookups(tp, s, pageSize);
  }

  /**
   * Walks the standing of every member the actor may see who is active on a date, reading the store
   * a page of members at a time (a fixed number of queries per page).
   *
   * @param actor the caller
   * @param on the date
   * @param each called for each standing
   */
  void eachStanding(Actor actor, LocalDate on, Consumer<MemberStanding> each) {
    String cursor = null;
    do {
      Page<MemberStanding> page =
          tp.status().standings(actor, on, cursor, Math.min(pageSize, STANDINGS_PAGE));
      page.items().forEach(each);
      cursor = page.next();
    } while (cursor != null);
  }
}
