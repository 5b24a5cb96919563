package io.trainproof.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The lexical check of statements against Citus's rule for tables distributed by org_id. */
class DistributableStatementsTest {
  @Test
  void anEntityUpdateByIdAloneGoesToEveryShard() {
    assertThat(
            DistributableStatements.violations(
                "update tp_assignment set due_on=?,version=? where id=? and version=?"))
        .containsExactly("tp_assignment: update without org_id (by id, version)");
    assertThat(
            DistributableStatements.violations(
                "update tp_assignment set due_on=?,version=? where org_id=? and id=? and version=?"))
        .isEmpty();
  }

  @Test
  void aSelectIsTiedByItsAlias() {
    assertThat(
            DistributableStatements.violations(
                "select ae1_0.id,ae1_0.due_on from tp_assignment ae1_0 where ae1_0.member_id=?"))
        .containsExactly("tp_assignment: select without org_id (by member_id)");
    assertThat(
            DistributableStatements.violations(
                "select ae1_0.id from tp_assignment ae1_0 where ae1_0.org_id=? and ae1_0.member_id=?"))
        .isEmpty();
    // Another alias's org_id does not tie this one.
    assertThat(
            DistributableStatements.violations(
                "select a.id from tp_assignment a join tp_member m on m.id = a.member_id"
                    + " where m.org_id = ?"))
        .containsExactly("tp_assignment: select without org_id (by org_id)");
  }

  @Test
  void aJoinOnOrgIdTiesBothTablesWhenOneIsBound() {
    assertThat(
            DistributableStatements.violations(
                "SELECT a.id FROM tp_assignment a JOIN tp_member m ON m.org_id = a.org_id AND"
                    + " m.id = a.member_id WHERE m.org_id = ? AND m.external_id = ?"))
        .isEmpty();
    assertThat(
            DistributableStatements.violations(
                "SELECT a.id FROM tp_assignment a JOIN tp_member m ON m.org_id = a.org_id AND"
                    + " m.id = a.member_id WHERE m.external_id = ?"))
        .containsExactly(
            "(statement): select ties tables by org_id but binds it to no value (by external_id)");
  }

  @Test
  void rowValuesAndParameterListsCount() {
    assertThat(
            DistributableStatements.violations(
                "delete from tp_member_terms where (org_id, member_id) in ((?,?),(?,?))"))
        .isEmpty();
    // Hibernate's batch load of a composite id writes the row value in the id class's order.
    assertThat(
            DistributableStatements.violations(
                "select ae1_0.id from tp_attestation ae1_0 where (ae1_0.id,ae1_0.org_id) in ((?,?))"))
        .isEmpty();
    assertThat(
            DistributableStatements.violations(
                "select ae1_0.id from tp_attestation ae1_0 where (ae1_0.id,ae1_0.member_id) in ((?,?))"))
        .containsExactly("tp_attestation: select without org_id (by nothing)");
    assertThat(
            DistributableStatements.violations(
                "select r.role from tp_completion_role r where r.org_id in (?,?) and r.completion_id in (?,?)"))
        .isEmpty();
    assertThat(
            DistributableStatements.violations(
                "select r.role from tp_completion_role r where r.completion_id in (?,?)"))
        .containsExactly("tp_completion_role: select without org_id (by completion_id)");
  }

  @Test
  void anInsertNamesOrgIdInItsColumns() {
    assertThat(
            DistributableStatements.violations(
                "insert into tp_completion_role (completion_id,role) values (?,?)"))
        .containsExactly("tp_completion_role: insert without org_id (by nothing)");
    assertThat(
            DistributableStatements.violations(
                "insert into tp_completion_role (org_id,completion_id,role) values (?,?,?)"))
        .isEmpty();
    assertThat(
            DistributableStatements.violations(
                "INSERT INTO tp_outbox (id, org_id) SELECT id, org_id FROM tp_assignment WHERE due_on < ?"))
        .containsExactly("tp_assignment: insert without org_id (by due_on)");
  }

  @Test
  void theReferenceTableAndOtherTablesAreExempt() {
    assertThat(DistributableStatements.violations("select o.id from tp_organization o")).isEmpty();
    assertThat(DistributableStatements.violations("select 1")).isEmpty();
    assertThat(
            DistributableStatements.violations(
                "select name from tp_organization where name = 'tp_member m'"))
        .isEmpty();
  }
}
