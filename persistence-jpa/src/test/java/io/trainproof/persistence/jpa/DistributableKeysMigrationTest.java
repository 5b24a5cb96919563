package io.trainproof.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Migration V7 (distributable keys) on a database that already holds rows: written at V6 with plain
 * SQL for two organizations, then migrated. Every child row gets its parent's {@code org_id},
 * nothing is lost, the store reads the migrated rows, and an id is then unique per organization
 * only (the same member id in the other organization is a second row).
 */
@Tag("database")
class DistributableKeysMigrationTest {
  private static final Timestamp AT = Timestamp.valueOf("2026-01-05 10:00:00");
  private static final LocalDate DAY = LocalDate.of(2026, 1, 5);

  /** The child tables, their parent and the column naming it. */
  private static final String[][] CHILDREN = {
    {"tp_member_terms", "tp_member", "member_id"},
    {"tp_policy_version_role", "tp_policy_version", "policy_version_id"},
    {"tp_course_version_policy", "tp_course_version", "course_version_id"},
    {"tp_course_version_topic", "tp_course_version", "course_version_id"},
    {"tp_requirement_terms", "tp_requirement", "requirement_id"},
    {"tp_assignment_due_change", "tp_assignment", "assignment_id"},
    {"tp_completion_role", "tp_completion", "completion_id"},
    {"tp_completion_policy_version", "tp_completion", "completion_id"},
    {"tp_completion_evidence", "tp_completion", "completion_id"},
    {"tp_security_reminder_recipient", "tp_security_reminder", "reminder_id"},
    {"tp_certification_kind_course", "tp_certification_kind", "kind_id"},
  };

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void existingRowsKeepTheirDataAndChildRowsTheirParentsOrganization(SqlDialect dialect)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(dialect, "6")) {
      assertThat(db.migration().targetSchemaVersion).isEqualTo("6");
      UUID orgA = UUID.randomUUID();
      UUID orgB = UUID.randomUUID();
      Map<UUID, UUID> members = new LinkedHashMap<>();
      try (Connection c = db.dataSource().getConnection()) {
        for (UUID org : List.of(orgA, orgB)) {
          members.put(org, writeOrganization(c, dialect, org));
        }
      }
      Map<String, Long> before = new LinkedHashMap<>();
      try (Connection c = db.dataSource().getConnection()) {
        for (String[] child : CHILDREN) {
          before.put(child[0], count(c, "SELECT COUNT(*) FROM " + child[0]));
        }
      }
      assertThat(before.values()).as("rows in every child table").allMatch(n -> n == 2);

      assertThat(db.migrateToLatest().targetSchemaVersion).isEqualTo("7");

      try (Connection c = db.dataSource().getConnection()) {
        for (String[] child : CHILDREN) {
          assertThat(count(c, "SELECT COUNT(*) FROM " + child[0]))
              .as(child[0] + " keeps its rows")
              .isEqualTo(before.get(child[0]));
          assertThat(
                  count(
                      c,
                      "SELECT COUNT(*) FROM "
                          + child[0]
                          + " c JOIN "
                          + child[1]
                          + " p ON p.org_id = c.org_id AND p.id = c."
                          + child[2]))
              .as(child[0] + ": every row has its parent's org_id")
              .isEqualTo(before.get(child[0]));
        }
        // ids are unique per organization only: org B may now hold org A's member id
        UUID shared = members.get(orgA);
        insert(c, dialect, "tp_member", member(orgB, shared, "E-shared"));
        insert(
            c,
            dialect,
            "tp_member_terms",
            row(
                "org_id",
                orgB,
                "member_id",
                shared,
                "seq",
                0,
                "effective_from",
                DAY,
                "workforce_type",
                "EMPLOYEE",
                "roles",
                "[]",
                "department",
                "Shared",
                "status",
                "ACTIVE"));
        assertThat(count(c, "SELECT COUNT(*) FROM tp_member")).isEqualTo(3);
      }

      try (JpaStore store = db.newStore()) {
        for (UUID org : List.of(orgA, orgB)) {
          Optional<WorkforceMember> read =
              store.inTransaction(
                  t -> t.members().find(new Id<Organization>(org), new Id<>(members.get(org))));
          assertThat(read).as("the migrated member of " + org).isPresent();
          assertThat(read.orElseThrow().organization().value()).isEqualTo(org);
          assertThat(read.orElseThrow().history()).as("its terms").hasSize(1);
        }
        Optional<WorkforceMember> shared =
            store.inTransaction(
                t -> t.members().find(new Id<Organization>(orgB), new Id<>(members.get(orgA))));
        assertThat(shared.orElseThrow().externalId()).isEqualTo("E-shared");
        assertThat(shared.orElseThrow().history())
            .as("its own terms, none of org A's member")
            .singleElement()
            .satisfies(terms -> assertThat(terms.department()).isEqualTo("Shared"));
      }
    }
  }

  /** Writes one organization's rows of every table with children; returns its member's id. */
  private static UUID writeOrganization(Connection c, SqlDialect d, UUID org) throws SQLException {
    insert(
        c,
        d,
        "tp_organization",
        row("id", org, "name", "Org", "zone", "UTC", "retention", "P6Y", "created_at", AT));
    UUID member = UUID.randomUUID();
    insert(c, d, "tp_member", member(org, member, "E1"));
    insert(
        c,
        d,
        "tp_member_terms",
        row(
            "member_id",
            member,
            "seq",
            0,
            "effective_from",
            DAY,
            "workforce_type",
            "EMPLOYEE",
            "roles",
            "[\"nurse\"]",
            "department",
            "Ward",
            "status",
            "ACTIVE"));
    UUID policy = UUID.randomUUID();
    insert(
        c,
        d,
        "tp_policy",
        row(
            "id",
            policy,
            "org_id",
            org,
            "code",
            "P1",
            "title",
            "Policy",
            "audience_roles",
            "[]",
            "audience_departments",
            "[]",
            "audience_types",
            "[]",
            "attest_on",
            "PUBLISH",
            "attest_within_days",
            30,
            "created_at",
            AT,
            "version",
            0L));
    UUID policyVersion = UUID.randomUUID();
    insert(
        c,
        d,
        "tp_policy_version",
        row(
            "id",
            policyVersion,
            "policy_id",
            policy,
            "org_id",
            org,
            "number",
            1,
            "effective_from",
            DAY,
            "text_sha256",
            "00",
            "change_notes",
            "",
            "material",
            true,
            "published_at",
            AT));
    insert(
        c, d, "tp_policy_version_role", row("policy_version_id", policyVersion, "role", "nurse"));
    UUID course = UUID.randomUUID();
    insert(
        c,
        d,
        "tp_course",
        row("id", course, "org_id", org, "code", "C1", "title", "Course", "created_at", AT));
    UUID courseVersion = UUID.randomUUID();
    insert(
        c,
        d,
        "tp_course_version",
        row(
            "id",
            courseVersion,
            "course_id",
            course,
            "org_id",
            org,
            "label",
            "v1",
            "pass_mark",
            80,
            "issues_certificate",
            true,
            "released_at",
            AT));
    insert(
        c,
        d,
        "tp_course_version_policy",
        row("course_version_id", courseVersion, "policy_id", policy));
    insert(
        c, d, "tp_course_version_topic", row("course_version_id", courseVersion, "topic", "PHI"));
    UUID requirement = UUID.randomUUID();
    insert(
        c,
        d,
        "tp_requirement",
        row(
            "id",
            requirement,
            "org_id",
            org,
            "name",
            "R",
            "rationale",
            "why",
            "created_at",
            AT,
            "version",
            0L));
    insert(
        c,
        d,
        "tp_requirement_terms",
        row(
            "requirement_id",
            requirement,
            "seq",
            0,
            "effective_from",
            DAY,
            "audience_roles",
            "[]",
            "audience_departments",
            "[]",
            "audience_types",
            "[]",
            "course_id",
            course,
            "initial_due_days",
            30,
            "recurrence_kind",
            "ONCE",
            "renewal_window",
            "P0D",
            "minimum_active",
            "P0D",
            "grace_days",
            0,
            "reminder_days_before",
            "[]",
            "reminder_on_due",
            false,
            "reminder_days_overdue",
            "[]",
            "reminder_escalate_after",
            0,
            "active",
            true));
    UUID assignment = UUID.randomUUID();
    insert(
        c,
        d,
        "tp_assignment",
        row(
            "id",
            assignment,
            "org_id",
            org,
            "member_id",
            member,
            "course_id",
            course,
            "reason",
            "ONBOARDING",
            "dedupe_key",
            "K1",
            "assigned_on",
            DAY,
            "assigned_at",
            AT,
            "assigned_by",
            "system",
            "anchor_on",
            DAY,
            "due_on",
            DAY.plusDays(30),
            "version",
            0L,
            "id_order",
            "0"));
    insert(
        c,
        d,
        "tp_assignment_due_change",
        row(
            "assignment_id",
            assignment,
            "seq",
            0,
            "granted_on",
            DAY,
            "new_due_on",
            DAY.plusDays(60),
            "approved_by",
            "officer",
            "reason",
            "leave"));
    UUID completion = UUID.randomUUID();
    insert(
        c,
        d,
        "tp_completion",
        row(
            "id",
            completion,
            "org_id",
            org,
            "member_id",
            member,
            "workforce_type",
            "EMPLOYEE",
            "assignment_id",
            assignment,
            "course_id",
            course,
            "course_version_id",
            courseVersion,
            "reason",
            "ONBOARDING",
            "assigned_on",
            DAY,
            "due_on",
            DAY.plusDays(30),
            "completed_on",
            DAY,
            "recorded_at",
            AT,
            "passed",
            true,
            "method",
            "LMS",
            "recorded_by",
            "lms",
            "retention_until",
            DAY.plusYears(6),
            "id_order",
            "0"));
    insert(c, d, "tp_completion_role", row("completion_id", completion, "role", "nurse"));
    insert(
        c,
        d,
        "tp_completion_policy_version",
        row("completion_id", completion, "policy_version_id", policyVersion));
    insert(
        c,
        d,
        "tp_completion_evidence",
        row("completion_id", completion, "seq", 0, "name", "cert.pdf", "sha256", "00"));
    UUID reminder = UUID.randomUUID();
    insert(
        c,
        d,
        "tp_security_reminder",
        row(
            "id",
            reminder,
            "org_id",
            org,
            "title",
            "T",
            "content",
            "C",
            "content_sha256",
            "00",
            "channel",
            "email",
            "sent_on",
            DAY,
            "sent_at",
            AT,
            "sent_by",
            "officer",
            "ack_required",
            false));
    insert(
        c,
        d,
        "tp_security_reminder_recipient",
        row("reminder_id", reminder, "seq", 0, "member_id", member));
    UUID kind = UUID.randomUUID();
    insert(
        c,
        d,
        "tp_certification_kind",
        row("id", kind, "org_id", org, "code", "K", "name", "Kind", "created_at", AT));
    insert(c, d, "tp_certification_kind_course", row("kind_id", kind, "course_id", course));
    UUID certificate = UUID.randomUUID();
    insert(
        c,
        d,
        "tp_certificate",
        row(
            "id",
            certificate,
            "org_id",
            org,
            "member_id",
            member,
            "completion_id",
            completion,
            "course_id",
            course,
            "course_version_id",
            courseVersion,
            "credential_id",
            "urn:c",
            "verification_code",
            "ABCD",
            "credential_json",
            "{}",
            "status_index",
            1,
            "issued_at",
            AT,
            "valid_from",
            DAY,
            "status",
            "VALID",
            "version",
            0L));
    insert(
        c,
        d,
        "tp_wallet_exchange",
        row(
            "id",
            UUID.randomUUID(),
            "org_id",
            org,
            "certificate_id",
            certificate,
            "member_id",
            member,
            "secret_sha256",
            "00",
            "challenge",
            "c",
            "created_at",
            AT,
            "expires_at",
            AT,
            "created_by",
            "officer",
            "state",
            "OFFERED",
            "failures",
            0,
            "version",
            0L));
    return member;
  }

  private static Map<String, Object> member(UUID org, UUID id, String externalId) {
    return row(
        "id",
        id,
        "org_id",
        org,
        "external_id",
        externalId,
        "id_order",
        "0",
        "display_name",
        "M",
        "engaged_on",
        DAY,
        "version",
        0L);
  }

  private static Map<String, Object> row(Object... pairs) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put((String) pairs[i], pairs[i + 1]);
    }
    return row;
  }

  private static void insert(Connection c, SqlDialect d, String table, Map<String, Object> row)
      throws SQLException {
    List<String> marks = new ArrayList<>();
    row.keySet().forEach(k -> marks.add("?"));
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO "
                + table
                + " ("
                + String.join(", ", row.keySet())
                + ") VALUES ("
                + String.join(", ", marks)
                + ")")) {
      int i = 1;
      for (Object value : row.values()) {
        // why: MariaDB's driver binds a UUID as its text (as the store does)
        s.setObject(i++, value instanceof UUID u && d == SqlDialect.MARIADB ? u.toString() : value);
      }
      s.executeUpdate();
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }
}
