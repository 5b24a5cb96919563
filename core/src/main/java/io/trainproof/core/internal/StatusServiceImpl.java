package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.access.Operation;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.Transaction;
import io.trainproof.core.ForbiddenException;
import io.trainproof.core.access.Scope;
import io.trainproof.core.status.AssignmentSummary;
import io.trainproof.core.status.ComplianceStatus;
import io.trainproof.core.status.RequirementStatus;
import io.trainproof.core.status.StatusService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Implements {@link StatusService}. Thread-safe. Not API. */
public final class StatusServiceImpl implements StatusService {
  private final Context ctx;
  private final StatusEvaluator evaluator;

  /**
   * Creates the service.
   *
   * @param ctx shared collaborators
   * @param evaluator the status rules
   */
  public StatusServiceImpl(Context ctx, StatusEvaluator evaluator) {
    this.ctx = ctx;
    this.evaluator = evaluator;
  }

  @Override
  public List<RequirementStatus> forMember(Actor actor, Id<WorkforceMember> memberId, LocalDate asOf) {
    Check.notNull("asOf", asOf);
    return ctx.run(actor, Operation.STATUS_READ, w -> {
      WorkforceMember member = Validate.member(w, memberId);
      return memberStatus(w.tx(), w.org(), member, w.tx().requirements().list(w.org().id()), r -> true, asOf, true);
    });
  }

  @Override
  public ComplianceStatus overall(Actor actor, Id<WorkforceMember> member, LocalDate asOf) {
    return forMember(actor, member, asOf).stream()
        .map(RequirementStatus::status)
        .min(Enum::compareTo)
        .orElse(ComplianceStatus.COMPLIANT);
  }

  @Override
  public List<RequirementStatus> forRequirement(Actor actor, Id<Requirement> requirementId, LocalDate asOf) {
    Check.notNull("requirement", requirementId);
    Check.notNull("asOf", asOf);
    return ctx.run(actor, Operation.STATUS_READ, w -> {
      Requirement requirement = w.tx().requirements().find(w.org().id(), requirementId)
          .orElseThrow(() -> new NotFoundException("Requirement", requirementId));
      return everyone(w, List.of(requirement), r -> true, asOf);
    });
  }

  @Override
  public List<RequirementStatus> forCourse(Actor actor, Id<Course> courseId, LocalDate asOf) {
    Check.notNull("course", courseId);
    Check.notNull("asOf", asOf);
    return ctx.run(actor, Operation.STATUS_READ, w -> {
      w.tx().courses().find(w.org().id(), courseId).orElseThrow(() -> new NotFoundException("Course", courseId));
      Predicate<Requirement> forCourse = r -> r.termsOn(asOf).map(t -> t.course().equals(courseId)).orElse(false);
      return everyone(w, w.tx().requirements().list(w.org().id()), forCourse, asOf);
    });
  }

  @Override
  public List<AssignmentSummary> summary(Actor actor, LocalDate asOf) {
    Check.notNull("asOf", asOf);
    return ctx.run(actor, Operation.STATUS_READ, w -> {
      if (w.scope() != Scope.ORGANIZATION) {
        throw new ForbiddenException(actor.id(), Operation.STATUS_READ.name(),
            "the organization summary needs organization scope, not " + w.scope());
      }
      return w.tx().assignments().summarize(w.org().id(), asOf, evaluator.dueSoonDays());
    });
  }

  private List<RequirementStatus> everyone(Work w, List<Requirement> requirements, Predicate<Requirement> filter, LocalDate asOf) {
    List<RequirementStatus> result = new ArrayList<>();
    for (WorkforceMember member : w.visible(w.tx().members().list(w.org().id()))) {
      result.addAll(memberStatus(w.tx(), w.org(), member, requirements, filter, asOf, false));
    }
    return result;
  }

  private List<RequirementStatus> memberStatus(
      Transaction tx, Organization org, WorkforceMember member, List<Requirement> requirements,
      Predicate<Requirement> filter, LocalDate asOf, boolean withManual) {
    List<Assignment> assignments = tx.assignments().forMember(org.id(), member.id());
    List<Completion> completions = tx.completions().forMember(org.id(), member.id());
    var certifications = tx.certifications().forMember(org.id(), member.id());
    var kinds = certifications.isEmpty() ? List.<io.trainproof.core.certification.CertificationKind>of()
        : tx.certifications().kinds(org.id());
    List<RequirementStatus> result = new ArrayList<>();
    for (Requirement r : requirements) {
      if (filter.test(r)) {
        evaluator.evaluate(member, r, assignments, completions, certifications, kinds, asOf).ifPresent(result::add);
      }
    }
    if (withManual) {
      for (Assignment a : assignments) {
        if (a.requirement() == null) {
          evaluator.evaluateManual(a, asOf).ifPresent(result::add);
        }
      }
    }
    return result;
  }
}
