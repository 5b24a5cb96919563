package io.trainproof.core.audit;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.AuditEntry;
import java.time.Instant;
import java.util.List;

/** Reads, verifies and exports the audit trail. Every call is itself audited. Thread-safe. */
public interface AuditService {

  /**
   * Entries written in a time range.
   *
   * @param actor the caller
   * @param from start (inclusive)
   * @param to end (exclusive)
   * @return the entries in chain order
   */
  List<AuditEntry> entries(Actor actor, Instant from, Instant to);

  /**
   * Verifies the organization's whole chain.
   *
   * @param actor the caller
   * @return what was found
   */
  ChainVerification verify(Actor actor);

  /**
   * Exports a time range with what a third party needs to check it.
   *
   * @param actor the caller
   * @param from start (inclusive)
   * @param to end (exclusive)
   * @return the export
   */
  AuditExport export(Actor actor, Instant from, Instant to);
}
