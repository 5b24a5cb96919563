package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.ValidationException;
import io.trainproof.core.access.Operation;
import io.trainproof.core.course.CourseService;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Policy;
import java.time.Period;
import java.util.List;
import java.util.Map;

/** Implements {@link CourseService}. Thread-safe. Not API. */
public final class CourseServiceImpl implements CourseService {
  private final Context ctx;

  /**
   * Creates the service.
   *
   * @param ctx shared collaborators
   */
  public CourseServiceImpl(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Course create(Actor actor, NewCourse request) {
    Check.notNull("request", request);
    String code = Check.notBlank("code", request.code());
    String title = Check.notBlank("title", request.title());
    return ctx.run(
        actor,
        Operation.COURSE_WRITE,
        w -> {
          Course course = new Course(Id.random(), w.org().id(), code, title, w.now());
          w.tx().courses().insert(course);
          w.audit("COURSE_CREATED", "Course", course.id(), Map.of("code", code));
          return course;
        });
  }

  @Override
  public CourseVersion release(Actor actor, Id<Course> courseId, NewVersion request) {
    Check.notNull("course", courseId);
    Check.notNull("request", request);
    String label = Check.notBlank("label", request.label());
    Check.notNull("policies", request.policies());
    Check.notNull("topics", request.topics());
    Check.inRange("passMark", request.passMark(), 0, 100);
    if (request.contentSha256() != null) {
      Check.sha256Hex("contentSha256", request.contentSha256());
    }
    Period validity = request.certificateValidity();
    if (validity != null
        && (validity.isNegative()
            || validity.isZero()
            || validity.getYears() < 0
            || validity.getMonths() < 0
            || validity.getDays() < 0
            || validity.toTotalMonths() > 12L * 50)) {
      throw new ValidationException(
          "certificateValidity", validity, "must be a positive period of at most 50 years");
    }
    return ctx.run(
        actor,
        Operation.COURSE_WRITE,
        w -> {
          w.course(courseId);
          for (Id<Policy> p : request.policies()) {
            if (p == null || w.tx().policies().find(w.org().id(), p).isEmpty()) {
              throw new ValidationException("policies", p, "is not a policy of this organization");
            }
          }
          CourseVersion version =
              new CourseVersion(
                  Id.random(),
                  courseId,
                  w.org().id(),
                  label,
                  request.policies(),
                  request.topics(),
                  request.passMark(),
                  request.issuesCertificate(),
                  request.contentSha256(),
                  w.now(),
                  request.certificateValidity());
          w.tx().courses().insertVersion(version);
          w.organizationChanged();
          w.audit(
              "COURSE_VERSION_RELEASED",
              "CourseVersion",
              version.id(),
              Map.of(
                  "course",
                  courseId.toString(),
                  "label",
                  label,
                  "passMark",
                  String.valueOf(request.passMark())));
          return version;
        });
  }

  @Override
  public List<CourseVersion> versions(Actor actor, Id<Course> courseId) {
    Check.notNull("course", courseId);
    return ctx.run(
        actor,
        Operation.COURSE_READ,
        w -> {
          w.course(courseId);
          return w.tx().courses().versions(w.org().id(), courseId);
        });
  }

  @Override
  public List<Course> list(Actor actor) {
    return ctx.run(actor, Operation.COURSE_READ, w -> w.tx().courses().list(w.org().id()));
  }
}
