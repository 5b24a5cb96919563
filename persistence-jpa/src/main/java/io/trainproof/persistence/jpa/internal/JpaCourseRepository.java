package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.spi.CourseRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Courses and their versions in the JPA store. Not thread-safe: bound to one transaction. */
final class JpaCourseRepository implements CourseRepository {
  private final JpaSession session;

  JpaCourseRepository(JpaSession session) {
    this.session = session;
  }

  @Override
  public void insert(Course course) {
    if (JpaSession.any(
        session
            .em()
            .createQuery(
                "select c.id from TpCourse c where c.orgId = :org and c.code = :code", UUID.class)
            .setParameter("org", course.organization().value())
            .setParameter("code", course.code()))) {
      throw new ConflictException("Course", "code=" + course.code(), "code already exists");
    }
    session.persistAndFlush(CatalogMapper.toEntity(course), "Course", "code=" + course.code());
  }

  @Override
  public Optional<Course> find(Id<Organization> organization, Id<Course> id) {
    return session
        .findInOrg(CourseEntity.class, id.value(), organization, e -> e.orgId)
        .map(CatalogMapper::course);
  }

  @Override
  public List<Course> list(Id<Organization> organization) {
    return session
        .em()
        .createQuery(
            "select c from TpCourse c where c.orgId = :org order by c.code", CourseEntity.class)
        .setParameter("org", organization.value())
        .getResultList()
        .stream()
        .map(session.detached(CatalogMapper::course))
        .toList();
  }

  @Override
  public void insertVersion(CourseVersion version) {
    String key = "course=" + version.course() + ",label=" + version.label();
    if (JpaSession.any(
        session
            .em()
            .createQuery(
                "select v.id from TpCourseVersion v where v.orgId = :org and v.courseId = :course"
                    + " and v.label = :label",
                UUID.class)
            .setParameter("org", version.organization().value())
            .setParameter("course", version.course().value())
            .setParameter("label", version.label()))) {
      throw new ConflictException("CourseVersion", key, "label already exists");
    }
    session.persistAndFlush(CatalogMapper.toEntity(version), "CourseVersion", key);
  }

  @Override
  public Optional<CourseVersion> findVersion(Id<Organization> organization, Id<CourseVersion> id) {
    return session
        .findInOrg(CourseVersionEntity.class, id.value(), organization, e -> e.orgId)
        .map(CatalogMapper::courseVersion);
  }

  @Override
  public List<CourseVersion> versions(Id<Organization> organization, Id<Course> course) {
    return session
        .em()
        .createQuery(
            "select v from TpCourseVersion v where v.orgId = :org and v.courseId = :course"
                + " order by v.releasedAt, v.id",
            CourseVersionEntity.class)
        .setParameter("org", organization.value())
        .setParameter("course", course.value())
        .getResultList()
        .stream()
        .map(session.detached(CatalogMapper::courseVersion))
        .toList();
  }
}
