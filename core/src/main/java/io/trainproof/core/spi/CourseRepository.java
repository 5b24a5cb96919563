package io.trainproof.core.spi;

import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import java.util.List;
import java.util.Optional;

/** Courses and their versions, always scoped by organization. */
public interface CourseRepository {
  /**
   * Adds a course.
   *
   * @param course the course
   * @throws io.trainproof.core.ConflictException when its code is taken
   */
  void insert(Course course);

  /**
   * Finds a course.
   *
   * @param organization the organization
   * @param id the course id
   * @return it, or empty
   */
  Optional<Course> find(Id<Organization> organization, Id<Course> id);

  /**
   * Lists courses ordered by code.
   *
   * @param organization the organization
   * @return the courses
   */
  List<Course> list(Id<Organization> organization);

  /**
   * Adds a version.
   *
   * @param version the version
   * @throws io.trainproof.core.ConflictException when its label is taken for the course
   */
  void insertVersion(CourseVersion version);

  /**
   * Finds a version.
   *
   * @param organization the organization
   * @param id the version id
   * @return it, or empty
   */
  Optional<CourseVersion> findVersion(Id<Organization> organization, Id<CourseVersion> id);

  /**
   * A course's versions ordered by release time.
   *
   * @param organization the organization
   * @param course the course
   * @return its versions, oldest first
   */
  List<CourseVersion> versions(Id<Organization> organization, Id<Course> course);
}
