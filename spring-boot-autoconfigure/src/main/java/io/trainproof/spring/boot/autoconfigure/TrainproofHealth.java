package io.trainproof.spring.boot.autoconfigure;

import io.trainproof.core.ValidationException;
import io.trainproof.core.audit.AuditChain;
import io.trainproof.core.audit.ChainVerification;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.spi.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the starters' actuator health indicators report, independent of the Boot line: the store
 * answers, the notifications not delivered yet are no more than {@code
 * trainproof.health.outbox-backlog-threshold}, the renewal sweep succeeded within {@code
 * trainproof.health.max-sweep-age}, and the head of each watched organization's audit chain
 * verifies ({@code trainproof.health.audit-organizations}, else {@code
 * trainproof.issuer.organization}): its newest {@code trainproof.health.audit-head-entries} entries
 * match their hashes and link to each other ({@link AuditChain#verifyHead}), read without the chain
 * lock and without writing anything, so a probe stays cheap however long the chain is. Error
 * details name the failure's type and message, never a credential; an audit problem names the
 * organization's id and the entry's sequence number, never the entry's content. Thread-safe.
 */
public final class TrainproofHealth {
  /** How many of the newest audit entries a probe checks unless configured. */
  public static final int DEFAULT_AUDIT_HEAD_ENTRIES = 100;

  /** The most audit entries a probe may be configured to check. */
  public static final int MAX_AUDIT_HEAD_ENTRIES = 10_000;

  private final Store store;
  private final @Nullable TrainproofSweep sweep;
  private final Duration maxSweepAge;
  private final long outboxBacklogThreshold;
  private final List<Id<Organization>> auditOrganizations;
  private final int auditHeadEntries;
  private final Clock clock;

  /**
   * The outcome of one check.
   *
   * @param up whether every check passed
   * @param details what each check found, for the health endpoint
   */
  public record Report(boolean up, Map<String, Object> details) {
    /** Copies the details. */
    public Report {
      details = Map.copyOf(details);
    }
  }

  /**
   * Checks no audit chain.
   *
   * @param store the store
   * @param sweep the scheduled sweep, or null when the sweep is off on this node
   * @param maxSweepAge the longest time since the last successful sweep
   * @param outboxBacklogThreshold the most notifications not delivered yet
   * @param clock Trainproof's clock
   * @throws TrainproofPropertyException when {@code maxSweepAge} is not positive or the threshold
   *     is negative
   */
  public TrainproofHealth(
      Store store,
      @Nullable TrainproofSweep sweep,
      Duration maxSweepAge,
      long outboxBacklogThreshold,
      Clock clock) {
    this(
        store,
        sweep,
        maxSweepAge,
        outboxBacklogThreshold,
        List.of(),
        DEFAULT_AUDIT_HEAD_ENTRIES,
        clock);
  }

  /**
   * @param store the store
   * @param sweep the scheduled sweep, or null when the sweep is off on this node
   * @param maxSweepAge the longest time since the last successful sweep
   * @param outboxBacklogThreshold the most notifications not delivered yet
   * @param auditOrganizations the organizations whose audit chain head is checked
   * @param auditHeadEntries how many of each chain's newest entries are checked
   * @param clock Trainproof's clock
   * @throws TrainproofPropertyException when {@code maxSweepAge} is not positive, the threshold is
   *     negative, or {@code auditHeadEntries} is not 1 to {@value #MAX_AUDIT_HEAD_ENTRIES}
   */
  public TrainproofHealth(
      Store store,
      @Nullable TrainproofSweep sweep,
      Duration maxSweepAge,
      long outboxBacklogThreshold,
      List<Id<Organization>> auditOrganizations,
      int auditHeadEntries,
      Clock clock) {
    if (auditHeadEntries < 1 || auditHeadEntries > MAX_AUDIT_HEAD_ENTRIES) {
      throw new TrainproofPropertyException(
          "trainproof.health.audit-head-entries",
          auditHeadEntries,
          "must be 1 to " + MAX_AUDIT_HEAD_ENTRIES);
    }
    this.auditHeadEntries = auditHeadEntries;
    this.auditOrganizations = List.copyOf(auditOrganizations);
    if (outboxBacklogThreshold < 0) {
      throw new TrainproofPropertyException(
          "trainproof.health.outbox-backlog-threshold",
          outboxBacklogThreshold,
          "must not be negative");
    }
    this.outboxBacklogThreshold = outboxBacklogThreshold;
    if (maxSweepAge == null || maxSweepAge.isNegative() || maxSweepAge.isZero()) {
      throw new TrainproofPropertyException(
          "trainproof.health.max-sweep-age", maxSweepAge, "must be a positive duration");
    }
    this.store = Objects.requireNonNull(store, "store");
    this.sweep = sweep;
    this.maxSweepAge = maxSweepAge;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The health checks the {@code trainproof.*} properties ask for.
   *
   * @param store the store
   * @param sweep the scheduled sweep, or null when the sweep is off on this node
   * @param properties the properties
   * @param clock Trainproof's clock
   * @return the checks
   * @throws TrainproofPropertyException when a {@code trainproof.health.*} value is wrong, or an
   *     organization to watch is not an organization id
   */
  public static TrainproofHealth from(
      Store store, @Nullable TrainproofSweep sweep, TrainproofProperties properties, Clock clock) {
    TrainproofProperties.Health health = properties.getHealth();
    return new TrainproofHealth(
        store,
        sweep,
        health.getMaxSweepAge(),
        health.getOutboxBacklogThreshold(),
        auditOrganizations(properties),
        health.getAuditHeadEntries(),
        clock);
  }

  /**
   * {@code trainproof.health.audit-organizations} when set, else {@code
   * trainproof.issuer.organization} when set, else none.
   */
  private static List<Id<Organization>> auditOrganizations(TrainproofProperties properties) {
    List<String> listed = properties.getHealth().getAuditOrganizations();
    String property = "trainproof.health.audit-organizations";
    List<String> given = listed;
    if (listed.isEmpty()) {
      String issuer = properties.getIssuer().getOrganization();
      property = TrainproofWebIssuerAutoConfiguration.ORGANIZATION;
      given = issuer == null || issuer.isBlank() ? List.of() : List.of(issuer);
    }
    List<Id<Organization>> ids = new ArrayList<>(given.size());
    for (int i = 0; i < given.size(); i++) {
      String text = given.get(i);
      try {
        ids.add(Id.parse(text == null ? null : text.strip()));
      } catch (ValidationException e) {
        throw new TrainproofPropertyException(
            listed.isEmpty() ? property : property + "[" + i + "]",
            text,
            "is not an organization id (a UUID)",
            e);
      }
    }
    return List.copyOf(ids);
  }

  /**
   * Checks now (opens a transaction on the store).
   *
   * @return the outcome
   */
  public Report check() {
    Map<String, Object> details = new LinkedHashMap<>();
    boolean up = true;
    try {
      long backlog = store.inTransaction(tx -> tx.outbox().countPending());
      details.put("store", "reachable");
      details.put("outboxBacklog", backlog);
      if (backlog > outboxBacklogThreshold) {
        up = false;
        details.put(
            "outbox",
            backlog
                + " notifications not delivered, more than "
                + outboxBacklogThreshold
                + " (trainproof.health.outbox-backlog-threshold)");
      }
    } catch (RuntimeException e) {
      up = false;
      details.put("store", "unreachable: " + describe(e));
    }
    TrainproofSweep scheduled = sweep;
    if (scheduled != null) {
      Instant now = clock.instant();
      Instant last = scheduled.lastSuccess().orElse(null);
      Instant since = last == null ? scheduled.createdAt() : last;
      details.put("lastSweep", last == null ? "none yet" : last.toString());
      details.put("sweepFailuresInARow", scheduled.consecutiveFailures());
      if (Duration.between(since, now).compareTo(maxSweepAge) > 0) {
        up = false;
        details.put(
            "sweep",
            "no successful sweep for more than "
                + maxSweepAge
                + " (trainproof.health.max-sweep-age)");
      }
    }
    if (!auditOrganizations.isEmpty()) {
      Map<String, String> chains = new LinkedHashMap<>();
      for (Id<Organization> organization : auditOrganizations) {
        String found;
        try {
          ChainVerification head =
              store.inTransaction(
                  tx -> AuditChain.verifyHead(tx.audit().latest(organization, auditHeadEntries)));
          if (head.intact()) {
            long last = head.lastSequence();
            long first = last - head.entriesChecked() + 1;
            found =
                head.entriesChecked() == 0
                    ? "no entries yet"
                    : first == last
                        ? "entry " + last + " verifies"
                        : "entries " + first + " to " + last + " verify";
          } else {
            up = false;
            ChainVerification.Problem first = head.problems().get(0);
            found =
                "does not verify: entry "
                    + first.sequence()
                    + ": "
                    + first.detail()
                    + (head.problems().size() > 1
                        ? " (" + head.problems().size() + " problems in the newest entries)"
                        : "");
          }
        } catch (RuntimeException e) {
          up = false;
          found = "cannot be read: " + describe(e);
        }
        chains.put(organization.value().toString(), found);
      }
      details.put("auditChain", Collections.unmodifiableMap(chains));
    }
    return new Report(up, details);
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    for (Throwable cause = root.getCause();
        cause != null && cause != root;
        cause = root.getCause()) {
      root = cause;
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
