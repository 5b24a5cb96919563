package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.ValidationException;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Closure;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.EvidenceFile;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Provenance;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.Transaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Implements {@link CompletionService}. Thread-safe. Not API. */
public final class CompletionServiceImpl implements CompletionService {
  private final Context ctx;
  private final AssignmentEngine engine;

  /**
   * Creates the service.
   *
   * @param ctx shared collaborators
   * @param engine the assignment engine
   */
  public CompletionServiceImpl(Context ctx, AssignmentEngine engine) {
    this.ctx = ctx;
    this.engine = engine;
  }

  @Override
  public Outcome record(Actor actor, Request request) {
    Check.notNull("request", request);
    Check.notNull("assignment", request.assignment());
    LocalDate completedOn = Check.notNull("completedOn", request.completedOn());
    Provenance provenance = provenance(request.provenance());
    if (request.score() != null) {
      Check.inRange("score", request.score(), 0, 100);
    }
    List<EvidenceFile> evidence = Check.notNull("evidence", request.evidence());
    for (EvidenceFile f : evidence) {
      Check.notNull("evidence[]", f);
      Check.notBlank("evidence.name", f.name());
      Check.sha256Hex("evidence.sha256", f.sha256());
    }
    return ctx.store().inTransaction(tx -> {
      Organization org = ctx.organization(tx, actor, "record completion");
      Assignment assignment = AssignmentServiceImpl.find(tx, org, request.assignment());
      if (!assignment.isOpen()) {
        throw new ValidationException("assignment", assignment.id(),
            "is " + assignment.state() + "; only an open assignment can be completed");
      }
      WorkforceMember member = Validate.member(tx, org, assignment.member());
      Check.notBefore("completedOn", completedOn, member.engagedOn(), "the member's engagement date");
      Instant now = ctx.clock().instant();
      LocalDate today = org.dateOf(now);
      if (completedOn.isAfter(today)) {
        throw new ValidationException("completedOn", completedOn, "is in the future (today is " + today + ")");
      }
      CourseVersion version = courseVersion(tx, org, assignment, request.courseVersion());
      boolean passed = request.score() == null || request.score() >= version.passMark();
      MemberTerms terms = member.termsOn(completedOn).orElse(member.latestTerms());
      PolicyVersion change = assignment.policyVersion() == null
          ? null : tx.policies().findVersion(org.id(), assignment.policyVersion()).orElse(null);
      Completion completion = new Completion(
          Id.random(), org.id(), member.id(), terms.roles(), terms.type(), assignment.id(), assignment.course(),
          version.id(), version.contentSha256(), coveredVersions(tx, org, version, completedOn),
          assignment.reason(), assignment.policyVersion(), change == null ? null : change.effectiveFrom(),
          assignment.assignedOn(), assignment.dueOn(completedOn),
          completedOn, now, request.score(), passed, provenance, evidence, today.plus(org.retention()));
      tx.completions().insert(completion);
      List<Assignment> closed = new ArrayList<>();
      if (passed) {
        for (Assignment a : tx.assignments().forMember(org.id(), member.id())) {
          if (a.isOpen() && a.course().equals(assignment.course())) {
            closed.add(tx.assignments().update(a.closed(new Closure(
                AssignmentState.COMPLETED, completedOn, now, actor.id(), "completed", completion.id()))));
          }
        }
        engine.reconcileMember(tx, org, member, today, actor.id());
      }
      return new Outcome(completion, closed);
    });
  }

  @Override
  public List<Completion> forMember(Actor actor, Id<WorkforceMember> memberId) {
    return ctx.store().inTransaction(tx -> {
      Organization org = ctx.organization(tx, actor, "read completions");
      return tx.completions().forMember(org.id(), Validate.member(tx, org, memberId).id());
    });
  }

  private static Provenance provenance(Provenance p) {
    Check.notNull("provenance", p);
    Check.notNull("provenance.method", p.method());
    Check.notBlank("provenance.recordedBy", p.recordedBy());
    if (p.method() == CompletionMethod.MANUAL_ENTRY && (p.justification() == null || p.justification().isBlank())) {
      throw new ValidationException("provenance.justification", p.justification(), "is required for a manual entry");
    }
    return p;
  }

  private CourseVersion courseVersion(Transaction tx, Organization org, Assignment assignment, Id<CourseVersion> requested) {
    if (requested == null) {
      return Validate.releasedCourse(tx, org, "course", assignment.course());
    }
    CourseVersion v = tx.courses().findVersion(org.id(), requested)
        .orElseThrow(() -> new ValidationException("courseVersion", requested, "is not a course version of this organization"));
    if (!v.course().equals(assignment.course())) {
      throw new ValidationException("courseVersion", requested, "is a version of another course");
    }
    return v;
  }

  /**
   * The policy versions a completion covered: for each policy the content teaches, the newest
   * version that was either in effect or already published on the completion date.
   */
  private static Set<Id<PolicyVersion>> coveredVersions(Transaction tx, Organization org, CourseVersion cv, LocalDate on) {
    Set<Id<PolicyVersion>> covered = new HashSet<>();
    for (Id<Policy> policy : cv.policies()) {
      PolicyVersion newest = null;
      for (PolicyVersion v : tx.policies().versions(org.id(), policy)) {
        LocalDate known = AssignmentEngine.min(v.effectiveFrom(), org.dateOf(v.publishedAt()));
        if (!known.isAfter(on)) {
          newest = v;
        }
      }
      if (newest != null) {
        covered.add(newest.id());
      }
    }
    return covered;
  }
}
