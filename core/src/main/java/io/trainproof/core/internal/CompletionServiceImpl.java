package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.ValidationException;
import io.trainproof.core.access.Operation;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Closure;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.EvidenceFile;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Page;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Provenance;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.internal.engine.AssignmentEngine;
import io.trainproof.core.spi.CredentialIssuer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

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
    score(request.score());
    List<EvidenceFile> evidence = evidence(request.evidence());
    return ctx.run(
        actor,
        Operation.COMPLETION_RECORD,
        w -> {
          Assignment assignment = AssignmentServiceImpl.find(w, request.assignment());
          return complete(
              w,
              assignment,
              completedOn,
              request.score(),
              null,
              request.courseVersion(),
              provenance,
              evidence);
        });
  }

  @Override
  public Outcome recordForCourse(Actor actor, CourseCompletion request) {
    Check.notNull("request", request);
    Check.notNull("member", request.member());
    Check.notNull("course", request.course());
    LocalDate completedOn = Check.notNull("completedOn", request.completedOn());
    Provenance provenance = provenance(request.provenance());
    score(request.score());
    List<EvidenceFile> evidence = evidence(request.evidence());
    return ctx.run(
        actor,
        Operation.COMPLETION_RECORD,
        w -> {
          WorkforceMember member = Validate.member(w, request.member());
          Set<Id<PolicyVersion>> covered =
              coveredVersions(
                  w,
                  courseVersion(w, request.course(), request.courseVersion(), completedOn),
                  completedOn);
          Assignment assignment =
              openDueFirst(w, member, request.course(), covered)
                  .orElseThrow(
                      () ->
                          new ValidationException(
                              "course",
                              request.course(),
                              openDueFirst(w, member, request.course(), null).isPresent()
                                  ? "has only retraining open for this member, and this"
                                      + " completion does not cover the changed policy version"
                                      + " (completed before its publication, or of content"
                                      + " released before it)"
                                  : "has no open assignment for this member; record training"
                                      + " nobody assigned with importCompletion"));
          return complete(
              w,
              assignment,
              completedOn,
              request.score(),
              null,
              request.courseVersion(),
              provenance,
              evidence);
        });
  }

  /**
   * The rule {@link CompletionService#recordForCourse} documents: among the member's open
   * assignments for the course that the completion can close (a retraining only when the completion
   * covers its policy version, see {@link Coverage}), the one due first, then assigned first, then
   * by id.
   *
   * @param covered the policy versions the completion covers; null to consider every open one
   */
  private static Optional<Assignment> openDueFirst(
      Work w, WorkforceMember member, Id<Course> course, @Nullable Set<Id<PolicyVersion>> covered) {
    return w.tx().assignments().forMember(w.org().id(), member.id()).stream()
        .filter(a -> a.isOpen() && a.course().equals(course))
        .filter(a -> covered == null || satisfiedBy(w, a, covered))
        .min(
            Comparator.comparing(Assignment::currentDueOn)
                .thenComparing(Assignment::assignedOn)
                .thenComparing(a -> a.id().toString()));
  }

  @Override
  public Outcome importCompletion(Actor actor, Import request) {
    Check.notNull("request", request);
    Check.notNull("member", request.member());
    Check.notNull("course", request.course());
    LocalDate completedOn = Check.notNull("completedOn", request.completedOn());
    Provenance provenance = provenance(request.provenance());
    String source = Check.notBlank("provenance.source", provenance.source());
    String sourceRef = Check.notBlank("provenance.sourceRef", provenance.sourceRef());
    score(request.score());
    List<EvidenceFile> evidence = evidence(request.evidence());
    return ctx.run(
        actor,
        Operation.COMPLETION_RECORD,
        w -> {
          Optional<Completion> existing =
              w.tx().completions().findBySource(w.org().id(), source, sourceRef);
          if (existing.isPresent()) {
            Validate.member(w, existing.get().member());
            return new Outcome(existing.get(), List.of());
          }
          WorkforceMember member = Validate.member(w, request.member());
          Validate.releasedCourse(w.tx(), w.org(), "course", request.course());
          Set<Id<PolicyVersion>> covered =
              coveredVersions(
                  w,
                  courseVersion(w, request.course(), request.courseVersion(), completedOn),
                  completedOn);
          Assignment assignment = openDueFirst(w, member, request.course(), covered).orElse(null);
          if (assignment == null) {
            Check.notBefore(
                "completedOn", completedOn, member.engagedOn(), "the member's engagement date");
            // why: history may predate today; the assignment is dated no later than the completion
            Assignment draft =
                engine
                    .draft(w)
                    .member(member.id())
                    .course(request.course())
                    .reason(AssignmentReason.MANUAL)
                    .dedupeKey("IMPORT:" + source + ":" + sourceRef)
                    .assignedOn(Dates.min(w.today(), completedOn))
                    .anchorOn(completedOn)
                    .dueOn(completedOn)
                    .build();
            // A taken key (a purged import of the same source row) writes nothing; as before, the
            // completion is then recorded against the unwritten draft.
            assignment =
                engine
                    .assign(w, draft, "created for an imported completion from " + source)
                    .orElse(draft);
          }
          return complete(
              w,
              assignment,
              completedOn,
              request.score(),
              request.success(),
              request.courseVersion(),
              provenance,
              evidence);
        });
  }

  @Override
  public Page<Completion> page(Actor actor, @Nullable String after, int limit) {
    return ctx.run(
        actor,
        Operation.COMPLETION_READ,
        w ->
            w.page(
                after,
                limit,
                (cursor, n) -> w.tx().completions().page(w.org().id(), cursor, n),
                Completion::id,
                Completion::member));
  }

  /** A score, when given, is 0 to 100. */
  private static void score(@Nullable Integer score) {
    if (score != null) {
      Check.inRange("score", score, 0, 100);
    }
  }

  private static List<EvidenceFile> evidence(List<EvidenceFile> evidence) {
    Check.notNull("evidence", evidence);
    for (EvidenceFile f : evidence) {
      Check.notNull("evidence[]", f);
      Check.notBlank("evidence.name", f.name());
      Check.sha256Hex("evidence.sha256", f.sha256());
    }
    return evidence;
  }

  private Outcome complete(
      Work w,
      Assignment assignment,
      LocalDate completedOn,
      @Nullable Integer score,
      @Nullable Boolean success,
      @Nullable Id<CourseVersion> requestedVersion,
      Provenance provenance,
      List<EvidenceFile> evidence) {
    Actor actor = w.actor();
    if (!assignment.isOpen()) {
      throw new ValidationException(
          "assignment",
          assignment.id(),
          "is " + assignment.state() + "; only an open assignment can be completed");
    }
    WorkforceMember member = Validate.member(w, assignment.member());
    Check.notBefore("completedOn", completedOn, member.engagedOn(), "the member's engagement date");
    LocalDate today = w.today();
    if (completedOn.isAfter(today)) {
      throw new ValidationException(
          "completedOn", completedOn, "is in the future (today is " + today + ")");
    }
    CourseVersion version = courseVersion(w, assignment.course(), requestedVersion, completedOn);
    boolean passed = score != null ? score >= version.passMark() : success == null || success;
    MemberTerms terms = member.termsOn(completedOn).orElse(member.latestTerms());
    PolicyVersion change =
        assignment.policyVersion() == null
            ? null
            : w.tx().policies().findVersion(w.org().id(), assignment.policyVersion()).orElse(null);
    Set<Id<PolicyVersion>> covered = coveredVersions(w, version, completedOn);
    if (!satisfiedBy(w, assignment, covered)) {
      // why: training before the change was published, or on content released before it, did not
      // teach the change; counting it would close the retraining with nothing left to record the
      // real one on (issue 20)
      throw new ValidationException(
          "assignment",
          assignment.id(),
          "is retraining for a changed policy version"
              + (change == null
                  ? ""
                  : " (published "
                      + Coverage.publishedOn(w.org(), change)
                      + ", in effect from "
                      + change.effectiveFrom()
                      + ")")
              + "; a completion on "
              + completedOn
              + " of content released "
              + w.org().dateOf(version.releasedAt())
              + " does not cover it: both must be on or after the version's publication");
    }
    Completion completion =
        Completion.builder()
            .id(Id.random())
            .organization(w.org().id())
            .member(member.id())
            .roles(terms.roles())
            .workforceType(terms.type())
            .assignment(assignment.id())
            .course(assignment.course())
            .courseVersion(version.id())
            .contentSha256(version.contentSha256())
            .policyVersions(covered)
            .reason(assignment.reason())
            .changeVersion(assignment.policyVersion())
            .changeEffectiveOn(change == null ? null : change.effectiveFrom())
            .assignedOn(assignment.assignedOn())
            .dueOn(assignment.dueOn(completedOn))
            .completedOn(completedOn)
            .recordedAt(w.now())
            .score(score)
            .passed(passed)
            .provenance(provenance)
            .evidence(evidence)
            .retentionUntil(w.org().keepUntil(today))
            .build();
    w.tx().completions().insert(completion);
    w.memberChanged(member.id());
    Map<String, String> facts =
        new TreeMap<>(
            Map.of(
                "member",
                member.id().toString(),
                "assignment",
                assignment.id().toString(),
                "courseVersion",
                version.id().toString(),
                "completedOn",
                completedOn.toString(),
                "passed",
                String.valueOf(passed),
                "method",
                provenance.method().name(),
                "policyVersions",
                String.join(",", covered.stream().map(Id::toString).sorted().toList())));
    if (score != null) {
      facts.put("score", String.valueOf(score));
    }
    if (provenance.source() != null) {
      facts.put("source", provenance.source());
    }
    if (provenance.sourceRef() != null) {
      facts.put("sourceRef", provenance.sourceRef());
    }
    w.audit(
        passed ? "COMPLETION_RECORDED" : "ATTEMPT_FAILED", "Completion", completion.id(), facts);
    List<Assignment> closed = new ArrayList<>();
    if (passed) {
      for (Assignment a : w.tx().assignments().forMember(w.org().id(), member.id())) {
        if (a.isOpen() && a.course().equals(assignment.course()) && satisfiedBy(w, a, covered)) {
          closed.add(
              w.tx()
                  .assignments()
                  .update(
                      a.closed(
                          new Closure(
                              AssignmentState.COMPLETED,
                              completedOn,
                              w.now(),
                              actor.id(),
                              Closure.COMPLETED,
                              completion.id()))));
          w.audit(
              "ASSIGNMENT_COMPLETED",
              "Assignment",
              a.id(),
              Map.of("completion", completion.id().toString()));
        }
      }
      if (version.issuesCertificate() && ctx.issuer() != null) {
        issueCertificate(w, ctx.issuer(), member, completion, version, closed);
      }
      engine.reconcileMember(w, member, today);
    }
    return new Outcome(completion, closed);
  }

  private void issueCertificate(
      Work w,
      CredentialIssuer issuer,
      WorkforceMember member,
      Completion completion,
      CourseVersion version,
      List<Assignment> closed) {
    Course course = w.tx().courses().find(w.org().id(), version.course()).orElseThrow();
    // The course version's own validity when it sets one ("valid 24 months"), else the
    // requirement's next due date.
    LocalDate validUntil =
        version.certificateValidity() != null
            ? completion.completedOn().plus(version.certificateValidity())
            : validUntil(w, completion, closed);
    int index = StatusIndexes.free(w, issuer.statusListSize());
    Id<Certificate> id = Id.random();
    CredentialIssuer.CertificateClaims claims =
        CertificateIssuing.claims(
            w,
            id,
            member.id(),
            course,
            version,
            completion,
            completion.completedOn(),
            validUntil,
            index);
    CredentialIssuer.Issued issued = issuer.issueCertificate(claims);
    Certificate certificate =
        CertificateIssuing.record(
            w, claims, member.id(), course.id(), version.id(), completion.id(), issued);
    for (Certificate previous : w.tx().certificates().forMember(w.org().id(), member.id())) {
      if (previous.course().equals(course.id()) && previous.status() == Certificate.Status.VALID) {
        w.tx()
            .certificates()
            .update(previous.withStatus(Certificate.Status.SUPERSEDED, id.toString(), w.now()));
        w.audit(
            "CERTIFICATE_SUPERSEDED", "Certificate", previous.id(), Map.of("by", id.toString()));
      }
    }
    w.tx().certificates().insert(certificate);
    Map<String, String> facts = CertificateIssuing.issuedFacts(certificate, issued);
    w.audit("CERTIFICATE_ISSUED", "Certificate", id, facts);
  }

  /**
   * The certificate expires when the next cycle of the requirement the completion satisfied falls
   * due.
   */
  private static @Nullable LocalDate validUntil(
      Work w, Completion completion, List<Assignment> closed) {
    LocalDate earliest = null;
    for (Assignment a : closed) {
      if (a.requirement() == null) {
        continue;
      }
      Requirement r = w.tx().requirements().find(w.org().id(), a.requirement()).orElse(null);
      RequirementTerms t = r == null ? null : r.termsOn(completion.completedOn()).orElse(null);
      LocalDate next = t == null ? null : DueDates.nextDue(t, completion.completedOn(), a);
      if (next != null && (earliest == null || next.isBefore(earliest))) {
        earliest = next;
      }
    }
    return earliest;
  }

  @Override
  public List<Completion> forMember(Actor actor, Id<WorkforceMember> memberId) {
    return ctx.run(
        actor,
        Operation.COMPLETION_READ,
        w -> w.tx().completions().forMember(w.org().id(), Validate.member(w, memberId).id()));
  }

  private static Provenance provenance(Provenance p) {
    Check.notNull("provenance", p);
    Check.notNull("provenance.method", p.method());
    Check.notBlank("provenance.recordedBy", p.recordedBy());
    if (p.method() == CompletionMethod.MANUAL_ENTRY
        && (p.justification() == null || p.justification().isBlank())) {
      throw new ValidationException(
          "provenance.justification", p.justification(), "is required for a manual entry");
    }
    return p;
  }

  private static CourseVersion courseVersion(
      Work w, Id<Course> course, @Nullable Id<CourseVersion> requested, LocalDate on) {
    if (requested == null) {
      CourseVersion newest = Validate.releasedCourse(w.tx(), w.org(), "course", course);
      // The version released by the completion date (the first one for older history).
      CourseVersion atTheTime = null;
      for (CourseVersion v : w.tx().courses().versions(w.org().id(), course)) {
        if (atTheTime == null || !w.org().dateOf(v.releasedAt()).isAfter(on)) {
          atTheTime = v;
        }
      }
      return atTheTime == null ? newest : atTheTime;
    }
    CourseVersion v =
        w.tx()
            .courses()
            .findVersion(w.org().id(), requested)
            .orElseThrow(
                () ->
                    new ValidationException(
                        "courseVersion",
                        requested,
                        "is not a course version of this organization"));
    if (!v.course().equals(course)) {
      throw new ValidationException("courseVersion", requested, "is a version of another course");
    }
    return v;
  }

  /**
   * The policy versions a completion covered: for each policy the content teaches, the newest
   * version published by both the completion date and the content's release ({@link Coverage}).
   */
  private static Set<Id<PolicyVersion>> coveredVersions(Work w, CourseVersion cv, LocalDate on) {
    Set<Id<PolicyVersion>> covered = new HashSet<>();
    for (Id<Policy> policy : cv.policies()) {
      PolicyVersion newest =
          Coverage.covered(w.org(), cv, w.tx().policies().versions(w.org().id(), policy), on);
      if (newest != null) {
        covered.add(newest.id());
      }
    }
    return covered;
  }

  /**
   * Whether a completion covering these versions can close the assignment: any assignment but a
   * retraining, and a retraining when they cover its version or a later one ({@link Coverage}).
   */
  private static boolean satisfiedBy(Work w, Assignment a, Set<Id<PolicyVersion>> covered) {
    if (a.reason() != AssignmentReason.POLICY_CHANGE || a.policyVersion() == null) {
      return true;
    }
    PolicyVersion change =
        w.tx().policies().findVersion(w.org().id(), a.policyVersion()).orElse(null);
    if (change == null) {
      return covered.contains(a.policyVersion());
    }
    return Coverage.satisfies(
        covered, change, w.tx().policies().versions(w.org().id(), change.policy()));
  }
}
