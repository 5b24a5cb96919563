package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.ValidationException;
import io.trainproof.core.access.Operation;
import io.trainproof.core.audit.AuditChain;
import io.trainproof.core.audit.AuditExport;
import io.trainproof.core.audit.AuditService;
import io.trainproof.core.audit.ChainVerification;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.spi.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Implements {@link AuditService}. Thread-safe. Not API. */
public final class AuditServiceImpl implements AuditService {
  private static final int MAX_HEAD_ENTRIES = 100_000;

  private final Context ctx;

  /**
   * Creates the service.
   *
   * @param ctx shared collaborators
   */
  public AuditServiceImpl(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public List<AuditEntry> entries(Actor actor, Instant from, Instant to) {
    range(from, to);
    return ctx.run(
        actor, Operation.AUDIT_READ, w -> w.tx().audit().between(w.org().id(), from, to));
  }

  @Override
  public ChainVerification verify(Actor actor) {
    return ctx.run(actor, Operation.AUDIT_READ, w -> verifyAll(w.tx(), w.org().id()));
  }

  @Override
  public ChainVerification verifyHead(Actor actor, int entries) {
    if (entries < 1 || entries > MAX_HEAD_ENTRIES) {
      throw new ValidationException("entries", entries, "must be 1 to " + MAX_HEAD_ENTRIES);
    }
    return ctx.run(
        actor,
        Operation.AUDIT_READ,
        w -> AuditChain.verifyHead(w.tx().audit().latest(w.org().id(), entries)));
  }

  /**
   * Verifies an organization's whole chain, and that every tombstone is covered by a later purge
   * entry (otherwise turning an entry into a tombstone would hide a modification).
   */
  static ChainVerification verifyAll(Transaction tx, Id<Organization> org) {
    List<AuditEntry> all = tx.audit().range(org, 1, Long.MAX_VALUE);
    ChainVerification chain = AuditChain.verify(all, 0, AuditChain.GENESIS);
    List<ChainVerification.Problem> problems = new ArrayList<>(chain.problems());
    Set<Long> purged = new HashSet<>();
    for (AuditEntry e : all) {
      if (!e.tombstone() && e.action().equals("AUDIT_PURGED")) {
        long from = Long.parseLong(e.details().getOrDefault("fromSequence", "0"));
        long to = Long.parseLong(e.details().getOrDefault("toSequence", "-1"));
        for (long s = from; s <= to; s++) {
          purged.add(s);
        }
      }
    }
    for (AuditEntry e : all) {
      if (e.tombstone() && !purged.contains(e.sequence())) {
        problems.add(
            new ChainVerification.Problem(
                e.sequence(),
                ChainVerification.Kind.MODIFIED,
                "a tombstone that no purge entry accounts for"));
      }
    }
    problems.sort(Comparator.comparingLong(ChainVerification.Problem::sequence));
    return new ChainVerification(
        chain.entriesChecked(), chain.lastSequence(), chain.headHash(), problems);
  }

  @Override
  public AuditExport export(Actor actor, Instant from, Instant to) {
    range(from, to);
    return ctx.run(
        actor,
        Operation.AUDIT_READ,
        w -> {
          List<AuditEntry> entries = w.tx().audit().between(w.org().id(), from, to);
          long anchorSequence = entries.isEmpty() ? 0 : entries.get(0).sequence() - 1;
          String anchorHash =
              anchorSequence == 0
                  ? AuditChain.GENESIS
                  : w.tx()
                      .audit()
                      .range(w.org().id(), anchorSequence, anchorSequence)
                      .get(0)
                      .hash();
          ChainVerification verification = verifyAll(w.tx(), w.org().id());
          w.audit(
              "AUDIT_EXPORTED",
              "AuditTrail",
              w.org().id(),
              Map.of(
                  "from",
                  from.toString(),
                  "to",
                  to.toString(),
                  "entries",
                  String.valueOf(entries.size())));
          return new AuditExport(
              w.org().id(),
              from,
              to,
              anchorSequence,
              anchorHash,
              entries,
              verification.lastSequence(),
              verification.headHash(),
              "trainproof-audit-v1, SHA-256",
              verification,
              w.now());
        });
  }

  private static void range(Instant from, Instant to) {
    Check.notNull("from", from);
    Check.notNull("to", to);
    if (!to.isAfter(from)) {
      throw new ValidationException("to", to, "is not after from (" + from + ")");
    }
  }
}
