package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.ValidationException;
import io.trainproof.core.course.CourseService;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Policy;
import java.util.List;

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
    return ctx.store().inTransaction(tx -> {
      Organization org = ctx.organization(tx, actor, "create course");
      Course course = new Course(Id.random(), org.id(), code, title, ctx.clock().instant());
      tx.courses().insert(course);
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
    return ctx.store().inTransaction(tx -> {
      Organization org = ctx.organization(tx, actor, "release course version");
      tx.courses().find(org.id(), courseId).orElseThrow(() -> new NotFoundException("Course", courseId));
      for (Id<Policy> p : request.policies()) {
        if (p == null || tx.policies().find(org.id(), p).isEmpty()) {
          throw new ValidationException("policies", p, "is not a policy of this organization");
        }
      }
      CourseVersion version = new CourseVersion(
          Id.random(), courseId, org.id(), label, request.policies(), request.topics(), request.passMark(),
          request.issuesCertificate(), request.contentSha256(), ctx.clock().instant());
      tx.courses().insertVersion(version);
      return version;
    });
  }

  @Override
  public List<CourseVersion> versions(Actor actor, Id<Course> courseId) {
    Check.notNull("course", courseId);
    return ctx.store().inTransaction(tx -> {
      Organization org = ctx.organization(tx, actor, "read course");
      tx.courses().find(org.id(), courseId).orElseThrow(() -> new NotFoundException("Course", courseId));
      return tx.courses().versions(org.id(), courseId);
    });
  }

  @Override
  public List<Course> list(Actor actor) {
    return ctx.store().inTransaction(tx -> tx.courses().list(ctx.organization(tx, actor, "list courses").id()));
  }
}
