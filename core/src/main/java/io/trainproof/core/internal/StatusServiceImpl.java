package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.ForbiddenException;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.access.Operation;
import io.trainproof.core.access.Scope;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Certification;
import io.trainproof.core.domain.CertificationKind;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Page;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.AssignmentCounting;
import io.trainproof.core.spi.Transaction;
import io.trainproof.core.status.AssignmentSummary;
import io.trainproof.core.status.ComplianceStatus;
import io.trainproof.core.status.MemberStanding;
import io.trainproof.core.status.RequirementStatus;
import io.trainproof.core.status.StatusService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  public List<RequirementStatus> forMember(
      Actor actor, Id<WorkforceMember> memberId, LocalDate asOf) {
    Check.notNull("asOf", asOf);
    return ctx.run(
        actor,
        Operation.STATUS_READ,
        w -> {
          WorkforceMember member = Validate.member(w, memberId);
          return memberStatus(
              w.tx(),
              w.org(),
              member,
              w.tx().requirements().list(w.org().id()),
              r -> true,
              asOf,
              true);
        });
  }

  @Override
  public ComplianceStatus overall(Actor actor, Id<WorkforceMember> member, LocalDate asOf) {
    return worst(forMember(actor, member, asOf));
  }

  @Override
  public List<RequirementStatus> forRequirement(
      Actor actor, Id<Requirement> requirementId, LocalDate asOf) {
    Check.notNull("requirement", requirementId);
    Check.notNull("asOf", asOf);
    return ctx.run(
        actor,
        Operation.STATUS_READ,
        w -> {
          Requirement requirement =
              w.tx()
                  .requirements()
                  .find(w.org().id(), requirementId)
                  .orElseThrow(() -> new NotFoundException("Requirement", requirementId));
          return everyone(w, List.of(requirement), r -> true, asOf);
        });
  }

  @Override
  public List<RequirementStatus> forCourse(Actor actor, Id<Course> courseId, LocalDate asOf) {
    Check.notNull("course", courseId);
    Check.notNull("asOf", asOf);
    return ctx.run(
        actor,
        Operation.STATUS_READ,
        w -> {
          w.course(courseId);
          Predicate<Requirement> forCourse =
              r -> r.termsOn(asOf).map(t -> t.course().equals(courseId)).orElse(false);
          return everyone(w, w.tx().requirements().list(w.org().id()), forCourse, asOf);
        });
  }

  @Override
  public Page<MemberStanding> standings(
      Actor actor, LocalDate asOf, @org.jspecify.annotations.Nullable String after, int limit) {
    Check.notNull("asOf", asOf);
    Check.inRange("limit", limit, 1, 1_000);
    return ctx.run(
        actor,
        Operation.STATUS_READ,
        w -> {
          Id<Organization> org = w.org().id();
          Transaction tx = w.tx();
          Id<WorkforceMember> cursor = after == null ? null : Id.parse(after);
          List<WorkforceMember> raw = tx.members().page(org, cursor, limit);
          List<WorkforceMember> active =
              w.visible(raw).stream().filter(m -> m.activeOn(asOf)).toList();
          List<MemberStanding> result = new ArrayList<>(active.size());
          if (!active.isEmpty()) {
            List<Id<WorkforceMember>> ids = active.stream().map(WorkforceMember::id).toList();
            List<Requirement> requirements = tx.requirements().list(org);
            Map<Id<WorkforceMember>, List<Assignment>> assignments =
                tx.assignments().forMembers(org, ids);
            Map<Id<WorkforceMember>, List<Completion>> completions =
                tx.completions().forMembers(org, ids);
            Map<Id<WorkforceMember>, List<Certification>> certifications =
                tx.certifications().forMembers(org, ids);
            boolean anyCertification = certifications.values().stream().anyMatch(l -> !l.isEmpty());
            List<CertificationKind> kinds =
                anyCertification ? tx.certifications().kinds(org) : List.of();
            for (WorkforceMember member : active) {
              List<RequirementStatus> statuses =
                  memberStatus(
                      member,
                      requirements,
                      assignments.getOrDefault(member.id(), List.of()),
                      completions.getOrDefault(member.id(), List.of()),
                      certifications.getOrDefault(member.id(), List.of()),
                      kinds,
                      r -> true,
                      asOf,
                      true);
              result.add(
                  new MemberStanding(
                      member, member.termsOn(asOf).orElseThrow(), worst(statuses), statuses));
            }
          }
          String next = raw.size() < limit ? null : raw.get(raw.size() - 1).id().toString();
          return new Page<>(result, next);
        });
  }

  private static ComplianceStatus worst(List<RequirementStatus> statuses) {
    return statuses.stream()
        .map(RequirementStatus::status)
        .min(Enum::compareTo)
        .orElse(ComplianceStatus.COMPLIANT);
  }

  @Override
  public List<AssignmentSummary> summary(Actor actor, LocalDate asOf) {
    Check.notNull("asOf", asOf);
    return ctx.run(
        actor,
        Operation.STATUS_READ,
        w -> {
          if (w.scope() != Scope.ORGANIZATION) {
            throw new ForbiddenException(
                actor.id(),
                Operation.STATUS_READ.name(),
                "the organization summary needs organization scope, not " + w.scope());
          }
          // why: the store counts facts by the cut-offs the status rules set; what the counts mean
          // (and the order of the rows) is decided here, once for every store
          return AssignmentCounting.count(w.tx(), evaluator.summaryQuery(w.org().id(), asOf))
              .stream()
              .map(StatusEvaluator::summaryRow)
              .sorted(AssignmentSummary.ORDER)
              .toList();
        });
  }

  private List<RequirementStatus> everyone(
      Work w, List<Requirement> requirements, Predicate<Requirement> filter, LocalDate asOf) {
    List<RequirementStatus> result = new ArrayList<>();
    for (WorkforceMember member : w.visible(w.tx().members().list(w.org().id()))) {
      result.addAll(memberStatus(w.tx(), w.org(), member, requirements, filter, asOf, false));
    }
    return result;
  }

  private List<RequirementStatus> memberStatus(
      Transaction tx,
      Organization org,
      WorkforceMember member,
      List<Requirement> requirements,
      Predicate<Requirement> filter,
      LocalDate asOf,
      boolean withManual) {
    List<Certification> certifications = tx.certifications().forMember(org.id(), member.id());
    return memberStatus(
        member,
        requirements,
        tx.assignments().forMember(org.id(), member.id()),
        tx.completions().forMember(org.id(), member.id()),
        certifications,
        certifications.isEmpty() ? List.of() : tx.certifications().kinds(org.id()),
        filter,
        asOf,
        withManual);
  }

  private List<RequirementStatus> memberStatus(
      WorkforceMember member,
      List<Requirement> requirements,
      List<Assignment> assignments,
      List<Completion> completions,
      List<Certification> certifications,
      List<CertificationKind> kinds,
      Predicate<Requirement> filter,
      LocalDate asOf,
      boolean withManual) {
    List<RequirementStatus> result = new ArrayList<>();
    for (Requirement r : requirements) {
      if (filter.test(r)) {
        evaluator
            .evaluate(member, r, assignments, completions, certifications, kinds, asOf)
            .ifPresent(result::add);
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
