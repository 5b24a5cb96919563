package io.trainproof.persistence.jpa.internal;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The identifier of every distributed entity: the organization and the record's id, the columns of
 * its primary key {@code (org_id, id)} (migration V7). With the organization in the identifier,
 * Hibernate's own updates, deletes and collection statements filter by {@code org_id}, so on a
 * database distributed by organization each goes to one shard. A plain class rather than a record:
 * JPA wants an {@code @IdClass} with a no-argument constructor and settable fields. Not API.
 */
public final class OrgScopedId implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The organization (the entity's {@code orgId}). */
  UUID orgId = new UUID(0, 0);

  /** The record's id (the entity's {@code id}). */
  UUID id = new UUID(0, 0);

  /** For JPA. */
  public OrgScopedId() {}

  OrgScopedId(UUID orgId, UUID id) {
    this.orgId = orgId;
    this.id = id;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof OrgScopedId other && orgId.equals(other.orgId) && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(orgId, id);
  }

  @Override
  public String toString() {
    return orgId + "/" + id;
  }
}
