package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.ValidationException;
import io.trainproof.core.access.Operation;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Certification;
import io.trainproof.core.domain.CertificationKind;
import io.trainproof.core.domain.Closure;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.external.CertificationService;
import io.trainproof.core.internal.engine.AssignmentEngine;
import io.trainproof.core.spi.Transaction;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Implements {@link CertificationService}. Thread-safe. Not API. */
public final class CertificationServiceImpl implements CertificationService {
  private final Context ctx;
  private final AssignmentEngine engine;

  /**
   * Creates the service.
   *
   * @param ctx shared collaborators
   * @param engine the assignment engine
   */
  public CertificationServiceImpl(Context ctx, AssignmentEngine engine) {
    this.ctx = ctx;
    this.engine = engine;
  }

  @Override
  public CertificationKind defineKind(
      Actor actor, String code, String name, Set<Id<Course>> satisfies) {
    String c = Check.notBlank("code", code);
    String n = Check.notBlank("name", name);
    Check.notNull("satisfies", satisfies);
    if (satisfies.isEmpty()) {
      throw new ValidationException("satisfies", satisfies, "must name at least one course");
    }
    return ctx.run(
        actor,
        Operation.CERTIFICATION_WRITE,
        w -> {
          for (Id<Course> course : satisfies) {
            Validate.releasedCourse(w.tx(), w.org(), "satisfies", course);
          }
          CertificationKind kind =
              new CertificationKind(Id.random(), w.org().id(), c, n, satisfies, w.now());
          w.tx().certifications().insertKind(kind);
          w.organizationChanged();
          w.audit(
              "CERTIFICATION_KIND_DEFINED",
              "CertificationKind",
              kind.id(),
              Map.of(
                  "code",
                  c,
                  "satisfies",
                  String.join(",", satisfies.stream().map(Id::toString).sorted().toList())));
          return kind;
        });
  }

  @Override
  public List<CertificationKind> kinds(Actor actor) {
    return ctx.run(
        actor, Operation.CERTIFICATION_READ, w -> w.tx().certifications().kinds(w.org().id()));
  }

  @Override
  public Certification record(Actor actor, NewCertification request) {
    Check.notNull("certification", request);
    Check.notNull("member", request.member());
    String kindCode = Check.notBlank("kindCode", request.kindCode());
    String issuer = Check.notBlank("issuer", request.issuer());
    String credentialId = Check.notBlank("credentialId", request.credentialId());
    LocalDate issuedOn = Check.notNull("issuedOn", request.issuedOn());
    if (request.expiresOn() != null && request.expiresOn().isBefore(issuedOn)) {
      throw new ValidationException(
          "expiresOn", request.expiresOn(), "is before the issue date (" + issuedOn + ")");
    }
    if (request.evidenceSha256() != null) {
      Check.sha256Hex("evidenceSha256", request.evidenceSha256());
    }
    return ctx.run(
        actor,
        Operation.CERTIFICATION_WRITE,
        w -> {
          WorkforceMember member = Validate.member(w, request.member());
          CertificationKind kind =
              w.tx().certifications().kinds(w.org().id()).stream()
                  .filter(k -> k.code().equals(kindCode))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new ValidationException(
                              "kindCode",
                              kindCode,
                              "is not a certification kind of this organization"));
          if (issuedOn.isAfter(w.today())) {
            throw new ValidationException(
                "issuedOn", issuedOn, "is in the future (today is " + w.today() + ")");
          }
          Certification cert =
              new Certification(
                  Id.random(),
                  w.org().id(),
                  member.id(),
                  kind.id(),
                  issuer,
                  credentialId,
                  issuedOn,
                  request.expiresOn(),
                  request.evidenceSha256(),
                  request.verification(),
                  w.now(),
                  actor.id());
          w.tx().certifications().insert(cert);
          w.memberChanged(member.id());
          Map<String, String> facts =
              new TreeMap<>(
                  Map.of(
                      "member",
                      member.id().toString(),
                      "kind",
                      kind.code(),
                      "issuer",
                      issuer,
                      "credentialId",
                      credentialId,
                      "issuedOn",
                      issuedOn.toString()));
          if (request.expiresOn() != null) {
            facts.put("expiresOn", request.expiresOn().toString());
          }
          if (request.verification() != null) {
            facts.put("verified", String.valueOf(request.verification().verified()));
          }
          w.audit("CERTIFICATION_RECORDED", "Certification", cert.id(), facts);
          if (cert.validOn(w.today())) {
            for (Assignment a : w.tx().assignments().forMember(w.org().id(), member.id())) {
              if (a.isOpen() && kind.satisfies().contains(a.course())) {
                w.tx()
                    .assignments()
                    .update(
                        a.closed(
                            new Closure(
                                AssignmentState.COMPLETED,
                                Dates.max(w.today(), a.assignedOn()),
                                w.now(),
                                actor.id(),
                                Closure.CERTIFICATION_PREFIX + kind.code() + " " + credentialId,
                                null)));
                w.audit(
                    "ASSIGNMENT_COMPLETED",
                    "Assignment",
                    a.id(),
                    Map.of("certification", cert.id().toString()));
              }
            }
          }
          engine.reconcileMember(w, member, w.today());
          return cert;
        });
  }

  @Override
  public List<Certification> forMember(Actor actor, Id<WorkforceMember> member) {
    return ctx.run(
        actor,
        Operation.CERTIFICATION_READ,
        w -> w.tx().certifications().forMember(w.org().id(), Validate.member(w, member).id()));
  }

  /**
   * The certification that covers a course for a member on a date, if any: valid that day, of a
   * kind that satisfies the course, the one lasting longest.
   *
   * @param tx the transaction
   * @param org the organization
   * @param member the member
   * @param course the course
   * @param on the date
   * @return the certification, or null
   */
  static @Nullable Certification covering(
      Transaction tx,
      Organization org,
      Id<WorkforceMember> member,
      Id<Course> course,
      LocalDate on) {
    List<Certification> held = tx.certifications().forMember(org.id(), member);
    if (held.isEmpty()) {
      return null;
    }
    return covering(held, tx.certifications().kinds(org.id()), course, on);
  }

  /**
   * The same over lists already read.
   *
   * @param held the member's certifications
   * @param kinds the organization's kinds
   * @param course the course
   * @param on the date
   * @return the certification, or null
   */
  public static @Nullable Certification covering(
      List<Certification> held, List<CertificationKind> kinds, Id<Course> course, LocalDate on) {
    Certification best = null;
    for (Certification c : held) {
      boolean satisfies =
          kinds.stream().anyMatch(k -> k.id().equals(c.kind()) && k.satisfies().contains(course));
      if (satisfies && c.validOn(on) && (best == null || outlasts(c, best))) {
        best = c;
      }
    }
    return best;
  }

  private static boolean outlasts(Certification a, Certification b) {
    if (b.expiresOn() == null) {
      return false;
    }
    return a.expiresOn() == null || a.expiresOn().isAfter(b.expiresOn());
  }
}
