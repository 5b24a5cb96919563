package io.trainproof.persistence.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code tp_course}. Not thread-safe (a JPA entity). Not API. */
@Entity(name = "TpCourse")
@Table(name = "tp_course")
@IdClass(OrgScopedId.class)
public class CourseEntity {
  @Id
  @Column(name = "id", nullable = false)
  UUID id = new UUID(0, 0);

  @Id
  @Column(name = "org_id", nullable = false)
  UUID orgId = new UUID(0, 0);

  @Column(name = "code", nullable = false, length = 100)
  String code = "";

  @Column(name = "title", nullable = false, length = 500)
  String title = "";

  @Column(name = "created_at", nullable = false)
  Instant createdAt = Instant.EPOCH;

  /** For JPA. */
  protected CourseEntity() {}

  CourseEntity(UUID id) {
    this.id = id;
  }
}
