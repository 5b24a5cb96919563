package io.trainproof.persistence.jpa.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Row of {@code tp_course_version}, with the policies and topics it covers in their own tables. Not
 * thread-safe (a JPA entity). Not API.
 */
@Entity(name = "TpCourseVersion")
@Table(name = "tp_course_version")
@IdClass(OrgScopedId.class)
public class CourseVersionEntity {
  @Id
  @Column(name = "id", nullable = false)
  UUID id = new UUID(0, 0);

  @Column(name = "course_id", nullable = false)
  UUID courseId = new UUID(0, 0);

  @Id
  @Column(name = "org_id", nullable = false)
  UUID orgId = new UUID(0, 0);

  @Column(name = "label", nullable = false, length = 100)
  String label = "";

  @ElementCollection
  @CollectionTable(
      name = "tp_course_version_policy",
      joinColumns = {
        @JoinColumn(name = "org_id", referencedColumnName = "org_id"),
        @JoinColumn(name = "course_version_id", referencedColumnName = "id")
      })
  @Column(name = "policy_id", nullable = false)
  Set<UUID> policies = new HashSet<>();

  @ElementCollection
  @CollectionTable(
      name = "tp_course_version_topic",
      joinColumns = {
        @JoinColumn(name = "org_id", referencedColumnName = "org_id"),
        @JoinColumn(name = "course_version_id", referencedColumnName = "id")
      })
  @Column(name = "topic", nullable = false, length = 40)
  Set<String> topics = new HashSet<>();

  @Column(name = "pass_mark", nullable = false)
  int passMark;

  @Column(name = "issues_certificate", nullable = false)
  boolean issuesCertificate;

  @Column(name = "content_sha256", length = 64)
  @Nullable String contentSha256;

  @Column(name = "released_at", nullable = false)
  Instant releasedAt = Instant.EPOCH;

  /** ISO-8601 period, or null for the default (the requirement's next due date). */
  @Column(name = "certificate_validity", length = 32)
  @Nullable String certificateValidity;

  /** For JPA. */
  protected CourseVersionEntity() {}

  CourseVersionEntity(UUID id) {
    this.id = id;
  }
}
