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
   * Verifies the newest entries of the organization's chain only ({@link AuditChain#verifyHead}):
   * cheap however long the chain is, for a frequent check; {@link #verify} is the full one.
   *
   * @param actor the caller
   * @param entries how many of the newest entries to check, 1 to 100,000
   * @return what was found
   * @throws io.trainproof.core.ValidationException when {@code entries} is out of range
   */
  ChainVerification verifyHead(Actor actor, int entries);

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
