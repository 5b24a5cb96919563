package io.trainproof.spring.boot.autoconfigure;

import io.trainproof.persistence.jpa.SqlDialect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The {@code trainproof.*} properties. Bound by Spring Boot at start-up and checked there: a wrong
 * value fails the start with a {@link TrainproofPropertyException} naming the property and the
 * value. Not thread-safe while being bound; read-only afterwards.
 */
@ConfigurationProperties("trainproof")
public class TrainproofProperties {
  /** Whether Trainproof is configured at all. */
  private boolean enabled = true;

  /**
   * The database behind the data source; detected from the connection's metadata when not set (set
   * it when the database may be down while the application starts).
   */
  private @Nullable SqlDialect dialect;

  /** How many days before a due date a status becomes due soon (0 to 365). */
  private int dueSoonDays = 30;

  private final Flyway flyway = new Flyway();
  private final Scheduler scheduler = new Scheduler();
  private final Issuer issuer = new Issuer();
  private final Health health = new Health();

  /**
   * @return whether Trainproof is configured
   */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * @param enabled whether Trainproof is configured
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * @return the database, or null to detect it
   */
  public @Nullable SqlDialect getDialect() {
    return dialect;
  }

  /**
   * @param dialect the database, or null to detect it
   */
  public void setDialect(@Nullable SqlDialect dialect) {
    this.dialect = dialect;
  }

  /**
   * @return days before a due date that count as due soon
   */
  public int getDueSoonDays() {
    return dueSoonDays;
  }

  /**
   * @param dueSoonDays days before a due date that count as due soon
   */
  public void setDueSoonDays(int dueSoonDays) {
    this.dueSoonDays = dueSoonDays;
  }

  /**
   * @return the migration settings
   */
  public Flyway getFlyway() {
    return flyway;
  }

  /**
   * @return the renewal sweep settings
   */
  public Scheduler getScheduler() {
    return scheduler;
  }

  /**
   * @return the credential issuer settings
   */
  public Issuer getIssuer() {
    return issuer;
  }

  /**
   * @return the health indicator settings
   */
  public Health getHealth() {
    return health;
  }

  /** {@code trainproof.flyway.*}: Trainproof's own migrations. */
  public static class Flyway {
    /**
     * Whether Trainproof migrates its tables with its own Flyway (its own history table; the host's
     * Flyway and its history are left alone). Off when a DBA applies the scripts (see {@code
     * TrainproofMigrations.exportScripts}).
     */
    private boolean enabled = true;

    /** The history table of Trainproof's migrations. */
    private String table = "trainproof_schema_history";

    /**
     * @return whether Trainproof runs its migrations
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * @param enabled whether Trainproof runs its migrations
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * @return the history table
     */
    public String getTable() {
      return table;
    }

    /**
     * @param table the history table
     */
    public void setTable(String table) {
      this.table = table;
    }
  }

  /** {@code trainproof.scheduler.*}: the renewal sweep. */
  public static class Scheduler {
    /** Whether the renewal sweep runs on the host's task scheduler. */
    private boolean enabled = true;

    /**
     * When the sweep runs (a Spring cron expression: second minute hour day month weekday). Safe on
     * many nodes at once: each member is claimed by one node.
     */
    private String cron = "0 7 * * * *";

    /**
     * @return whether the sweep runs
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * @param enabled whether the sweep runs
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * @return the cron expression
     */
    public String getCron() {
      return cron;
    }

    /**
     * @param cron the cron expression
     */
    public void setCron(String cron) {
      this.cron = cron;
    }
  }

  /** {@code trainproof.issuer.*}: who signs certificates and attestations. */
  public static class Issuer {
    /**
     * The issuer's private key, a PKCS#8 PEM file (e.g. {@code file:/etc/trainproof/issuer.pem}).
     * Without it no credential issuer is configured.
     */
    private @Nullable Resource keyLocation;

    /**
     * The issuer key history (JSON, as written by the {@code trainproof keys} command); its active
     * key is the one in {@code key-location}. Without it, a history of one key is made from {@code
     * did} and {@code key-id}.
     */
    private @Nullable Resource keyHistoryLocation;

    /** The issuer's DID ({@code did:web:...}); required unless a key history is given. */
    private @Nullable String did;

    /** The key's verification method id; default {@code <did>#key-1}. */
    private @Nullable String keyId;

    /**
     * The organization (its Trainproof id) whose certificates the web module's pages and VC API
     * issue and verify with this key; with {@code trainproof-web} on the class path, setting it is
     * what turns the web module on.
     */
    private @Nullable String organization;

    /**
     * @return the organization id, or null
     */
    public @Nullable String getOrganization() {
      return organization;
    }

    /**
     * @param organization the organization id
     */
    public void setOrganization(@Nullable String organization) {
      this.organization = organization;
    }

    /**
     * Where the status lists are published; default the DID's web origin followed by {@code
     * /status}. Written into every certificate: never change it once certificates are issued.
     */
    private @Nullable String statusListBaseUrl;

    /**
     * @return the private key file, or null
     */
    public @Nullable Resource getKeyLocation() {
      return keyLocation;
    }

    /**
     * @param keyLocation the private key file
     */
    public void setKeyLocation(@Nullable Resource keyLocation) {
      this.keyLocation = keyLocation;
    }

    /**
     * @return the key history file, or null
     */
    public @Nullable Resource getKeyHistoryLocation() {
      return keyHistoryLocation;
    }

    /**
     * @param keyHistoryLocation the key history file
     */
    public void setKeyHistoryLocation(@Nullable Resource keyHistoryLocation) {
      this.keyHistoryLocation = keyHistoryLocation;
    }

    /**
     * @return the DID, or null
     */
    public @Nullable String getDid() {
      return did;
    }

    /**
     * @param did the DID
     */
    public void setDid(@Nullable String did) {
      this.did = did;
    }

    /**
     * @return the key id, or null for the default
     */
    public @Nullable String getKeyId() {
      return keyId;
    }

    /**
     * @param keyId the key id
     */
    public void setKeyId(@Nullable String keyId) {
      this.keyId = keyId;
    }

    /**
     * @return the status list base URL, or null for the default
     */
    public @Nullable String getStatusListBaseUrl() {
      return statusListBaseUrl;
    }

    /**
     * @param statusListBaseUrl the status list base URL
     */
    public void setStatusListBaseUrl(@Nullable String statusListBaseUrl) {
      this.statusListBaseUrl = statusListBaseUrl;
    }
  }

  /** {@code trainproof.health.*}: when the health indicator reports DOWN. */
  public static class Health {
    /** The longest time since the last successful renewal sweep before health is DOWN. */
    private Duration maxSweepAge = Duration.ofDays(1);

    /** The most notifications waiting in the outbox before health is DOWN. */
    private long outboxBacklogThreshold = 10_000;

    /**
     * The organizations (their Trainproof ids) whose audit chain head the health indicator checks;
     * when empty, the organization in {@code trainproof.issuer.organization}, if set. Health is
     * DOWN when one of their chains' newest entries does not verify.
     */
    private List<String> auditOrganizations = new ArrayList<>();

    /**
     * How many of each watched audit chain's newest entries a health check verifies (1 to 10,000):
     * their hashes recompute and they link to each other. The full chain is verified by {@code
     * AuditService.verify}, not by each probe.
     */
    // why: a literal (TrainproofHealth.DEFAULT_AUDIT_HEAD_ENTRIES), so the metadata shows the
    // default
    private int auditHeadEntries = 100;

    /**
     * @return the organizations whose audit chain head is checked
     */
    public List<String> getAuditOrganizations() {
      return auditOrganizations;
    }

    /**
     * @param auditOrganizations the organizations whose audit chain head is checked
     */
    public void setAuditOrganizations(List<String> auditOrganizations) {
      this.auditOrganizations = auditOrganizations;
    }

    /**
     * @return how many of the newest audit entries are checked
     */
    public int getAuditHeadEntries() {
      return auditHeadEntries;
    }

    /**
     * @param auditHeadEntries how many of the newest audit entries are checked
     */
    public void setAuditHeadEntries(int auditHeadEntries) {
      this.auditHeadEntries = auditHeadEntries;
    }

    /**
     * @return the longest time since the last successful sweep
     */
    public Duration getMaxSweepAge() {
      return maxSweepAge;
    }

    /**
     * @param maxSweepAge the longest time since the last successful sweep
     */
    public void setMaxSweepAge(Duration maxSweepAge) {
      this.maxSweepAge = maxSweepAge;
    }

    /**
     * @return the most notifications waiting before DOWN
     */
    public long getOutboxBacklogThreshold() {
      return outboxBacklogThreshold;
    }

    /**
     * @param outboxBacklogThreshold the most notifications waiting before DOWN
     */
    public void setOutboxBacklogThreshold(long outboxBacklogThreshold) {
      this.outboxBacklogThreshold = outboxBacklogThreshold;
    }
  }
}
