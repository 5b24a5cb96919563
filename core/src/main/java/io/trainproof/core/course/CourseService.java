package io.trainproof.core.course;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.RegulatoryTopic;
import java.time.Period;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Courses and their versions. Thread-safe. */
public interface CourseService {

  /**
   * A new course.
   *
   * @param code a short code unique in the organization
   * @param title its title
   */
  record NewCourse(String code, String title) {}

  /**
   * A new version of a course's content.
   *
   * @param label version label, unique per course
   * @param policies the policies it teaches
   * @param topics the regulatory topics it covers
   * @param passMark lowest passing score, 0 to 100
   * @param issuesCertificate whether a pass issues a certificate
   * @param contentSha256 SHA-256 of the content package, if known
   * @param certificateValidity how long its certificates are valid from the completion date (a
   *     positive period, e.g. {@code Period.ofMonths(24)}); null: until the requirement's next due
   *     date, the default
   */
  record NewVersion(
      String label,
      Set<Id<Policy>> policies,
      Set<RegulatoryTopic> topics,
      int passMark,
      boolean issuesCertificate,
      @Nullable String contentSha256,
      @Nullable Period certificateValidity) {

    /**
     * A new version whose certificates are valid until the requirement's next due date.
     *
     * @param label version label, unique per course
     * @param policies the policies it teaches
     * @param topics the regulatory topics it covers
     * @param passMark lowest passing score, 0 to 100
     * @param issuesCertificate whether a pass issues a certificate
     * @param contentSha256 SHA-256 of the content package, if known
     */
    public NewVersion(
        String label,
        Set<Id<Policy>> policies,
        Set<RegulatoryTopic> topics,
        int passMark,
        boolean issuesCertificate,
        @Nullable String contentSha256) {
      this(label, policies, topics, passMark, issuesCertificate, contentSha256, null);
    }
  }

  /**
   * Creates a course (with no version yet; it cannot be required or assigned until released).
   *
   * @param actor the caller
   * @param request the course
   * @return the course
   */
  Course create(Actor actor, NewCourse request);

  /**
   * Releases a version; completions recorded from now on use it.
   *
   * @param actor the caller
   * @param course the course
   * @param request the version
   * @return the version
   */
  CourseVersion release(Actor actor, Id<Course> course, NewVersion request);

  /**
   * A course's versions, oldest first.
   *
   * @param actor the caller
   * @param course the course
   * @return its versions
   */
  List<CourseVersion> versions(Actor actor, Id<Course> course);

  /**
   * Lists courses.
   *
   * @param actor the caller
   * @return the courses, ordered by code
   */
  List<Course> list(Actor actor);
}
