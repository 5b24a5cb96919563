package io.trainproof.core.memory;

import static io.trainproof.core.memory.MemoryTables.key;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.spi.CourseRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The in-memory store's courses and course versions. Not thread-safe: used under the store's lock.
 */
final class MemoryCourseRepository implements CourseRepository {
  private final MemoryTables t;

  MemoryCourseRepository(MemoryTables tables) {
    this.t = tables;
  }

  @Override
  public void insert(Course course) {
    t.insertUnique(
        t.courses,
        course.id(),
        course,
        t.courseByCode,
        key(course.organization(), course.code()),
        () -> new ConflictException("Course", "code=" + course.code(), "code already exists"));
  }

  @Override
  public Optional<Course> find(Id<Organization> organization, Id<Course> id) {
    return MemoryTables.findInOrg(t.courses, id, organization, Course::organization);
  }

  @Override
  public List<Course> list(Id<Organization> organization) {
    return MemoryTables.listOf(
        t.courses.values(), Course::organization, organization, Comparator.comparing(Course::code));
  }

  @Override
  public void insertVersion(CourseVersion version) {
    t.insertUnique(
        t.courseVersions,
        version.id(),
        version,
        t.courseVersionByLabel,
        key(version.course(), version.label()),
        () ->
            new ConflictException(
                "CourseVersion",
                "course=" + version.course() + ",label=" + version.label(),
                "label already exists"));
  }

  @Override
  public Optional<CourseVersion> findVersion(Id<Organization> organization, Id<CourseVersion> id) {
    return MemoryTables.findInOrg(t.courseVersions, id, organization, CourseVersion::organization);
  }

  @Override
  public List<CourseVersion> versions(Id<Organization> organization, Id<Course> course) {
    return t.courseVersions.values().stream()
        .filter(v -> v.organization().equals(organization) && v.course().equals(course))
        .sorted(Comparator.comparing(CourseVersion::releasedAt).thenComparing(CourseVersion::id))
        .toList();
  }
}
