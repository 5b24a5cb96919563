package io.trainproof.core.spi;

import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.LegalHold;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Tombstone;
import java.util.List;

/** Legal holds and tombstones, always scoped by organization. */
public interface RetentionRepository {
  /**
   * Adds or replaces a hold.
   *
   * @param hold the hold
   */
  void saveHold(LegalHold hold);

  /**
   * Lists holds, by placement time.
   *
   * @param organization the organization
   * @return the holds
   */
  List<LegalHold> holds(Id<Organization> organization);

  /**
   * Adds a tombstone.
   *
   * @param tombstone the tombstone
   */
  void insertTombstone(Tombstone tombstone);

  /**
   * Lists tombstones, by purge time.
   *
   * @param organization the organization
   * @return the tombstones
   */
  List<Tombstone> tombstones(Id<Organization> organization);
}
