package io.trainproof.core.audit;

import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * The hash chain of the audit trail: how an entry is hashed, and how a list of entries is verified.
 * The canonical form is plain text a third party can rebuild in any language:
 *
 * <pre>
 * trainproof-audit-v1
 * org=&lt;uuid&gt;
 * seq=&lt;decimal&gt;
 * at=&lt;ISO-8601 instant, UTC, as Instant.toString&gt;
 * actor=&lt;length&gt;:&lt;actor id&gt;
 * role=&lt;length&gt;:&lt;role&gt;
 * action=&lt;length&gt;:&lt;action&gt;
 * subject=&lt;length&gt;:&lt;type&gt;,&lt;length&gt;:&lt;id&gt;
 * details=&lt;count&gt;
 * &lt;length&gt;:&lt;key&gt;=&lt;length&gt;:&lt;value&gt;      (one line per detail, keys in UTF-16 order)
 * prev=&lt;64 hex digits&gt;
 * </pre>
 *
 * <p>Lengths count UTF-16 code units; lines end with a single LF; the hash is the lowercase hex
 * SHA-256 of the UTF-8 bytes. The first entry's {@code prev} is {@link #GENESIS}. Stateless and
 * thread-safe.
 */
public final class AuditChain {
  /** The previous hash of an organization's first entry. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  /**
   * The canonical form of an entry's facts.
   *
   * @param organization organization id
   * @param sequence sequence number
   * @param at time
   * @param actorId actor id
   * @param actorRole actor role
   * @param action action
   * @param subjectType subject type
   * @param subjectId subject id
   * @param details details
   * @param previousHash previous hash
   * @return the text that is hashed
   */
  public static String canonicalForm(
      Id<Organization> organization,
      long sequence,
      Instant at,
      String actorId,
      String actorRole,
      String action,
      String subjectType,
      String subjectId,
      SortedMap<String, String> details,
      String previousHash) {
    StringBuilder sb = new StringBuilder(256);
    sb.append("trainproof-audit-v1\n");
    sb.append("org=").append(organization).append('\n');
    sb.append("seq=").append(sequence).append('\n');
    sb.append("at=").append(at).append('\n');
    sb.append("actor=").append(lp(actorId)).append('\n');
    sb.append("role=").append(lp(actorRole)).append('\n');
    sb.append("action=").append(lp(action)).append('\n');
    sb.append("subject=").append(lp(subjectType)).append(',').append(lp(subjectId)).append('\n');
    sb.append("details=").append(details.size()).append('\n');
    for (Map.Entry<String, String> d : details.entrySet()) {
      sb.append(lp(d.getKey())).append('=').append(lp(d.getValue())).append('\n');
    }
    sb.append("prev=").append(previousHash).append('\n');
    return sb.toString();
  }

  private static String lp(String s) {
    return s.length() + ":" + s;
  }

  /**
   * The hash of an entry's facts.
   *
   * @param e the entry (its own hash is ignored)
   * @return lowercase hex SHA-256 of its canonical form
   */
  public static String hashOf(AuditEntry e) {
    return sha256(
        canonicalForm(
            e.organization(),
            e.sequence(),
            e.at(),
            e.actorId(),
            e.actorRole(),
            e.action(),
            e.subjectType(),
            e.subjectId(),
            e.details(),
            e.previousHash()));
  }

  /**
   * SHA-256 of a text's UTF-8 bytes, in lowercase hex.
   *
   * @param text the text
   * @return the hash
   */
  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  /**
   * Verifies a run of entries in the order given, starting from the entry before the run. Detects
   * modified entries (hash does not match the facts), deleted entries (a gap in sequence numbers),
   * inserted entries (a second entry claiming a sequence number, the one the next entry does not
   * link to), reordered entries (sequence going backwards) and broken links (an entry that does not
   * link to the one before it), and says which entry each time.
   *
   * @param entries the entries, in chain order
   * @param previousSequence the sequence of the entry before the run (0 from the start)
   * @param previousHash the hash of the entry before the run ({@link #GENESIS} from the start)
   * @return the result, with every problem found
   */
  public static ChainVerification verify(
      List<AuditEntry> entries, long previousSequence, String previousHash) {
    List<ChainVerification.Problem> problems = new ArrayList<>();
    long prevSeq = previousSequence;
    String prevHash = previousHash;
    for (int i = 0; i < entries.size(); i++) {
      AuditEntry e = entries.get(i);
      @Nullable AuditEntry next = i + 1 < entries.size() ? entries.get(i + 1) : null;
      if (e.sequence() == prevSeq && i > 0) {
        // Two entries claim one sequence number: the intruder is the one the chain skips.
        boolean nextLinksToThis = next != null && next.previousHash().equals(e.hash());
        problems.add(
            new ChainVerification.Problem(
                e.sequence(),
                ChainVerification.Kind.INSERTED,
                "a second entry claims sequence " + e.sequence()));
        if (nextLinksToThis) { // the earlier entry is the intruder: the chain continues from this
          // one
          prevHash = e.hash();
        }
        continue;
      }
      if (e.sequence() < prevSeq) {
        problems.add(
            new ChainVerification.Problem(
                e.sequence(),
                ChainVerification.Kind.REORDERED,
                "sequence " + e.sequence() + " comes after " + prevSeq));
      } else if (e.sequence() > prevSeq + 1) {
        problems.add(
            new ChainVerification.Problem(
                prevSeq + 1,
                ChainVerification.Kind.DELETED,
                "sequence "
                    + (prevSeq + 1)
                    + (e.sequence() - 1 > prevSeq + 1 ? " to " + (e.sequence() - 1) : "")
                    + " missing"));
      } else if (!e.previousHash().equals(prevHash)) {
        problems.add(
            new ChainVerification.Problem(
                e.sequence(),
                ChainVerification.Kind.BROKEN_LINK,
                "does not link to the entry before it"));
      }
      if (!e.tombstone() && !hashOf(e).equals(e.hash())) {
        problems.add(
            new ChainVerification.Problem(
                e.sequence(),
                ChainVerification.Kind.MODIFIED,
                "its content does not match its hash"));
      }
      prevSeq = Math.max(prevSeq, e.sequence());
      prevHash = e.hash();
    }
    return new ChainVerification(entries.size(), prevSeq, prevHash, problems);
  }

  /**
   * Verifies the newest entries of a chain on their own, without the entries before them: the first
   * entry is the anchor (its hash must still match its facts, its link is taken as given), each
   * later entry must link to the one before it and match its own hash, sequences must run without
   * gaps, and a tombstone among them must be covered by a later purge entry among them. A cheap
   * check of the head, for a health probe; it cannot see tampering older than the run (only {@link
   * AuditService#verify} does).
   *
   * @param newest the newest entries, in chain order (as {@code AuditRepository.latest} returns
   *     them)
   * @return the result; for an empty list, intact with nothing checked
   */
  public static ChainVerification verifyHead(List<AuditEntry> newest) {
    if (newest.isEmpty()) {
      return new ChainVerification(0, 0, GENESIS, List.of());
    }
    AuditEntry first = newest.get(0);
    ChainVerification chain = verify(newest, first.sequence() - 1, first.previousHash());
    List<ChainVerification.Problem> problems = new ArrayList<>(chain.problems());
    for (int i = 0; i < newest.size(); i++) {
      AuditEntry e = newest.get(i);
      if (e.tombstone() && !purgedLater(newest, i)) {
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

  /** Whether an entry after {@code index} records the purge of the entry at {@code index}. */
  private static boolean purgedLater(List<AuditEntry> entries, int index) {
    long sequence = entries.get(index).sequence();
    for (int j = index + 1; j < entries.size(); j++) {
      AuditEntry e = entries.get(j);
      if (!e.tombstone() && e.action().equals("AUDIT_PURGED")) {
        try {
          long from = Long.parseLong(e.details().getOrDefault("fromSequence", "0"));
          long to = Long.parseLong(e.details().getOrDefault("toSequence", "-1"));
          if (sequence >= from && sequence <= to) {
            return true;
          }
        } catch (NumberFormatException notANumber) {
          // why: a purge entry with unreadable bounds accounts for nothing (its hash still holds)
        }
      }
    }
    return false;
  }
}
