package io.trainproof.persistence.jpa.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Row of {@code tp_member} with its effective-dated history in {@code tp_member_terms}. The sweep
 * mark ({@code swept_on}) is deliberately unmapped: only native SQL touches it. Not thread-safe (a
 * JPA entity). Not API.
 */
@Entity(name = "TpMember")
@Table(name = "tp_member")
@IdClass(OrgScopedId.class)
public class MemberEntity {
  @Id
  @Column(name = "id", nullable = false)
  UUID id = new UUID(0, 0);

  @Id
  @Column(name = "org_id", nullable = false)
  UUID orgId = new UUID(0, 0);

  /** The id as 32 hex digits with both halves' sign bits flipped: sorts as {@code Id.compareTo}. */
  @Column(name = "id_order", nullable = false, length = 32)
  String idOrder = "";

  @Column(name = "external_id", nullable = false, length = 200)
  String externalId = "";

  @Column(name = "display_name", nullable = false, length = 500)
  String displayName = "";

  @Column(name = "engaged_on", nullable = false)
  LocalDate engagedOn = LocalDate.EPOCH;

  @Version
  @Column(name = "version", nullable = false)
  long version;

  @ElementCollection
  @CollectionTable(
      name = "tp_member_terms",
      joinColumns = {
        @JoinColumn(name = "org_id", referencedColumnName = "org_id"),
        @JoinColumn(name = "member_id", referencedColumnName = "id")
      })
  @OrderColumn(name = "seq")
  List<Terms> history = new ArrayList<>();

  /** For JPA. */
  protected MemberEntity() {}

  MemberEntity(UUID id) {
    this.id = id;
  }

  /**
   * One row of a member's history. Roles are a JSON array of strings in one column: a collection
   * inside an element collection cannot be mapped as a table by JPA, role sets are small, and the
   * column stays queryable with each database's JSON functions.
   *
   * @param effectiveFrom first day in effect
   * @param type workforce type name
   * @param roles JSON array of role codes, sorted
   * @param department department
   * @param manager manager id
   * @param status status name
   */
  @Embeddable
  public record Terms(
      @Column(name = "effective_from", nullable = false) LocalDate effectiveFrom,
      @Column(name = "workforce_type", nullable = false, length = 20) String type,
      @Column(name = "roles", nullable = false, length = 4000) String roles,
      @Column(name = "department", nullable = false, length = 200) String department,
      @Column(name = "manager_id") @Nullable UUID manager,
      @Column(name = "status", nullable = false, length = 20) String status) {}
}
