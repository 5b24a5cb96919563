package io.trainproof.reliability;

import io.trainproof.core.audit.AuditChain;
import io.trainproof.core.audit.ChainVerification;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.Transaction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What must hold in the store whatever happened to it: every dedupe key, status index (of a
 * certificate or another issued credential: one index space), credential id of an issued
 * credential, outbox idempotency key and audit sequence held once per organization; no assignment
 * closed by a completion that does not exist; no completion without its assignment; and every
 * organization's audit chain verifies from genesis. Stateless; thread-safe.
 */
final class Invariants {
  private static final String[][] UNIQUE = {
    {
      "dedupe key",
      "SELECT org_id, dedupe_key, COUNT(*) FROM tp_assignment GROUP BY org_id, dedupe_key HAVING COUNT(*) > 1"
    },
    {
      "status index",
      "SELECT org_id, status_index, COUNT(*) FROM (SELECT org_id, status_index FROM tp_certificate"
          + " UNION ALL SELECT org_id, status_index FROM tp_issued_credential) AS held"
          + " GROUP BY org_id, status_index HAVING COUNT(*) > 1"
    },
    {
      "issued credential id",
      "SELECT org_id, credential_id, COUNT(*) FROM tp_issued_credential GROUP BY org_id, credential_id HAVING COUNT(*) > 1"
    },
    {
      "outbox idempotency key",
      "SELECT org_id, idempotency_key, COUNT(*) FROM tp_outbox GROUP BY org_id, idempotency_key HAVING COUNT(*) > 1"
    },
    {
      "audit sequence",
      "SELECT org_id, seq_no, COUNT(*) FROM tp_audit_entry GROUP BY org_id, seq_no HAVING COUNT(*) > 1"
    },
    {
      "completion per certificate",
      "SELECT org_id, completion_id, COUNT(*) FROM tp_certificate WHERE status <> 'SUPERSEDED'"
          + " GROUP BY org_id, completion_id HAVING COUNT(*) > 1"
    },
  };

  private Invariants() {}

  /**
   * Checks every invariant.
   *
   * @param dataSource a plain data source on the schema (not the one under test)
   * @param store the store, to read the audit trail through the SPI
   * @return the violations found; empty when all hold
   */
  static List<String> violations(DataSource dataSource, Store store) {
    List<String> problems = new ArrayList<>();
    List<Id<Organization>> orgs;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String[] check : UNIQUE) {
        try (ResultSet rs = s.executeQuery(check[1])) {
          while (rs.next()) {
            problems.add(
                check[0]
                    + " "
                    + rs.getString(2)
                    + " held "
                    + rs.getInt(3)
                    + " times in "
                    + rs.getString(1));
          }
        }
      }
      orgs = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT id FROM tp_organization")) {
        while (rs.next()) {
          orgs.add(Id.parse(rs.getString(1)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot check the invariants: " + e.getMessage(), e);
    }
    for (Id<Organization> org : orgs) {
      List<AuditEntry> trail =
          store.inTransaction((Transaction tx) -> tx.audit().range(org, 1, Long.MAX_VALUE));
      ChainVerification verification = AuditChain.verify(trail, 0, AuditChain.GENESIS);
      if (!verification.intact()) {
        problems.add("audit chain of " + org + " does not verify: " + verification.problems());
      }
      for (int i = 0; i < trail.size(); i++) {
        if (trail.get(i).sequence() != i + 1) {
          problems.add("audit chain of " + org + " has a gap at " + (i + 1));
          break;
        }
      }
    }
    return problems;
  }
}
