package io.trainproof.core.audit;

import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import java.time.Instant;
import java.util.List;

/**
 * A date range of the audit trail with what a third party needs to check it on its own: the
 * entries, the sequence and hash of the entry before the range (the anchor), the head hash at
 * export time, the hashing rules ({@link AuditChain}) and the verification result. Immutable.
 *
 * @param organization the organization
 * @param from start of the range (inclusive)
 * @param to end of the range (exclusive)
 * @param anchorSequence sequence of the entry before the first exported one (0 if none)
 * @param anchorHash hash of that entry ({@link AuditChain#GENESIS} if none)
 * @param entries the entries in the range, in chain order
 * @param chainHeadSequence the sequence of the newest entry when exported
 * @param chainHeadHash the hash of the newest entry when exported
 * @param algorithm how entries are hashed: {@code "trainproof-audit-v1, SHA-256"}
 * @param verification the result of verifying the whole chain at export time
 * @param exportedAt when the export was made
 */
public record AuditExport(
    Id<Organization> organization,
    Instant from,
    Instant to,
    long anchorSequence,
    String anchorHash,
    List<AuditEntry> entries,
    long chainHeadSequence,
    String chainHeadHash,
    String algorithm,
    ChainVerification verification,
    Instant exportedAt) {

  /** Makes the list immutable. */
  public AuditExport {
    entries = List.copyOf(entries);
  }
}
