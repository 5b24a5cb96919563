package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.ForbiddenException;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.ValidationException;
import io.trainproof.core.access.Operation;
import io.trainproof.core.attestation.AttestationService;
import io.trainproof.core.attestation.AttestationStatus;
import io.trainproof.core.audit.AuditChain;
import io.trainproof.core.domain.Attestation;
import io.trainproof.core.domain.AttestationMethod;
import io.trainproof.core.domain.AttestationTrigger;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.IssuedCredential;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.NotificationKind;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.CredentialIssuer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Implements {@link AttestationService}. Thread-safe. Not API. */
public final class AttestationServiceImpl implements AttestationService {
  private final Context ctx;

  /**
   * Creates the service.
   *
   * @param ctx shared collaborators
   */
  public AttestationServiceImpl(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Attestation request(
      Actor actor, Id<WorkforceMember> memberId, Id<PolicyVersion> versionId, LocalDate dueOn) {
    Check.notNull("dueOn", dueOn);
    return ctx.run(
        actor,
        Operation.ATTESTATION_REQUEST,
        w -> {
          WorkforceMember member = Validate.notTerminated(Validate.member(w, memberId));
          PolicyVersion version = version(w, versionId);
          Check.notBefore("dueOn", dueOn, w.today(), "today");
          requireNotSuperseded(w, version);
          return request(w, member, version, dueOn, false)
              .orElseGet(
                  () ->
                      w.tx()
                          .attestations()
                          .find(w.org().id(), member.id(), version.id())
                          .orElseThrow());
        });
  }

  /** Requests from every active member of the policy's audience (publication). */
  void requestForAudience(Work w, Policy policy, PolicyVersion version, LocalDate dueOn) {
    LocalDate on = Dates.max(w.today(), version.effectiveFrom());
    for (WorkforceMember m : w.tx().members().list(w.org().id())) {
      boolean inAudience =
          m.termsOn(on)
              .map(t -> t.status() == MemberStatus.ACTIVE && policy.audience().matches(t))
              .orElse(false);
      if (inAudience) {
        request(w, m, version, dueOn, true);
      }
    }
  }

  /** Requests attestations of the versions in force for a new hire, per each policy's setting. */
  void requestInForce(Work w, WorkforceMember member, LocalDate on) {
    requestInForce(w, List.of(member), on);
  }

  /**
   * As {@link #requestInForce(Work, WorkforceMember, LocalDate)} for many members, the policies
   * read once.
   */
  void requestInForce(Work w, List<WorkforceMember> members, LocalDate on) {
    List<PolicyVersion> versions = new ArrayList<>();
    List<Policy> policies = new ArrayList<>();
    for (PolicyVersion v : PolicyServiceImpl.inForce(w, on)) {
      Policy p = w.tx().policies().find(w.org().id(), v.policy()).orElseThrow();
      if (p.attestOn() != AttestationTrigger.NONE) {
        versions.add(v);
        policies.add(p);
      }
    }
    for (WorkforceMember member : members) {
      for (int i = 0; i < versions.size(); i++) {
        Policy p = policies.get(i);
        if (member.termsOn(on).map(p.audience()::matches).orElse(false)) {
          request(w, member, versions.get(i), on.plusDays(p.attestWithinDays()), true);
        }
      }
    }
  }

  private Optional<Attestation> request(
      Work w, WorkforceMember member, PolicyVersion version, LocalDate dueOn, boolean automatic) {
    Attestation a =
        new Attestation(
            Id.random(),
            w.org().id(),
            member.id(),
            version.policy(),
            version.id(),
            w.today(),
            dueOn,
            w.actor().id(),
            automatic,
            null,
            0);
    w.memberChanged(a.member());
    if (!w.tx().attestations().insertIfAbsent(a)) {
      return Optional.empty();
    }
    w.audit(
        "ATTESTATION_REQUESTED",
        "Attestation",
        a.id(),
        Map.of(
            "member",
            member.id().toString(),
            "policyVersion",
            version.id().toString(),
            "dueOn",
            dueOn.toString(),
            "automatic",
            String.valueOf(automatic)));
    w.notify(
        "attest:" + a.id(),
        NotificationKind.ATTESTATION_REQUESTED,
        member.id(),
        Map.of(
            "attestation",
            a.id().toString(),
            "policyVersion",
            version.id().toString(),
            "dueOn",
            dueOn.toString()));
    return Optional.of(a);
  }

  @Override
  public Attestation record(Actor actor, Submission submission) {
    Check.notNull("submission", submission);
    Check.notNull("attestation", submission.attestation());
    String statement = Check.notBlank("statementText", submission.statementText());
    AttestationMethod method = Check.notNull("method", submission.method());
    String typedName = null;
    String justification = null;
    if (method == AttestationMethod.TYPED_NAME) {
      typedName = Check.notBlank("typedName", submission.typedName());
    }
    if (method == AttestationMethod.ON_BEHALF) {
      justification = Check.notBlank("justification", submission.justification());
    }
    String finalTypedName = typedName;
    String finalJustification = justification;
    return ctx.run(
        actor,
        Operation.ATTESTATION_RECORD,
        w -> {
          Attestation a =
              w.tx()
                  .attestations()
                  .find(w.org().id(), submission.attestation())
                  .orElseThrow(
                      () -> new NotFoundException("Attestation", submission.attestation()));
          WorkforceMember member = Validate.member(w, a.member());
          boolean self = member.id().equals(actor.member());
          if (method == AttestationMethod.ON_BEHALF
              ? self || actor.role() != ActorRole.COMPLIANCE_OFFICER
              : !self) {
            throw new ForbiddenException(
                actor.id(),
                Operation.ATTESTATION_RECORD.name(),
                method == AttestationMethod.ON_BEHALF
                    ? "only a compliance officer attests on a member's behalf"
                    : "a member attests only for themself; use ON_BEHALF with a justification");
          }
          if (a.evidence() != null) {
            throw new ValidationException("attestation", a.id(), "is already attested");
          }
          PolicyVersion version = version(w, a.policyVersion());
          requireNotSuperseded(w, version);
          if (version.effectiveFrom().isAfter(w.today())) {
            throw new ValidationException(
                "policyVersion",
                version.id(),
                "is a future version: it takes effect on "
                    + version.effectiveFrom()
                    + " and can be attested from then");
          }
          String statementHash = AuditChain.sha256(statement);
          String recordHash =
              AuditChain.sha256(
                  String.join(
                      "\n",
                      "trainproof-attestation-v1",
                      a.id().toString(),
                      member.id().toString(),
                      version.id().toString(),
                      version.textSha256(),
                      statementHash,
                      w.now().toString(),
                      method.name(),
                      actor.id()));
          String credentialId = null;
          String credentialJson = null;
          String verificationMethod = null;
          Integer statusIndex = null;
          CredentialIssuer issuer = ctx.issuer();
          if (issuer != null) {
            Policy policy = w.tx().policies().find(w.org().id(), version.policy()).orElseThrow();
            int index = StatusIndexes.free(w, issuer.statusListSize());
            CredentialIssuer.Issued sealed =
                issuer.sealAttestation(
                    new CredentialIssuer.AttestationClaims(
                        w.org().id(),
                        w.org().name(),
                        a.id().toString(),
                        member.id().toString(),
                        policy.code(),
                        version.id().toString(),
                        version.number(),
                        version.textSha256(),
                        statementHash,
                        method.name(),
                        w.now(),
                        index));
            StatusIndexes.keep(w, IssuedCredential.Kind.ATTESTATION, sealed, index);
            statusIndex = index;
            credentialId = sealed.credentialId();
            credentialJson = sealed.json();
            verificationMethod = sealed.verificationMethod();
          }
          Attestation.Evidence evidence =
              new Attestation.Evidence(
                  statement,
                  statementHash,
                  version.textSha256(),
                  w.now(),
                  w.today(),
                  method,
                  actor.id(),
                  finalTypedName,
                  finalJustification,
                  recordHash,
                  credentialId,
                  credentialJson);
          w.memberChanged(a.member());
          Attestation attested = w.tx().attestations().update(a.attested(evidence));
          Map<String, String> facts =
              new TreeMap<>(
                  Map.of(
                      "member",
                      member.id().toString(),
                      "policyVersion",
                      version.id().toString(),
                      "statementSha256",
                      statementHash,
                      "policyTextSha256",
                      version.textSha256(),
                      "method",
                      method.name(),
                      "recordHash",
                      recordHash));
          if (credentialId != null
              && credentialJson != null) { // why: a sealed attestation sets both
            facts.put("credentialId", credentialId);
            facts.put("credentialSha256", AuditChain.sha256(credentialJson));
            facts.put("verificationMethod", String.valueOf(verificationMethod));
            facts.put("statusIndex", String.valueOf(statusIndex));
          }
          if (finalJustification != null) {
            facts.put("justification", finalJustification);
          }
          w.audit("ATTESTATION_RECORDED", "Attestation", a.id(), facts);
          return attested;
        });
  }

  @Override
  public List<AttestationStatus> forMember(
      Actor actor, Id<WorkforceMember> memberId, LocalDate asOf) {
    Check.notNull("asOf", asOf);
    return ctx.run(
        actor,
        Operation.ATTESTATION_READ,
        w -> {
          WorkforceMember member = Validate.member(w, memberId);
          return statuses(w, w.tx().attestations().forMember(w.org().id(), member.id()), asOf);
        });
  }

  @Override
  public List<AttestationStatus> forVersion(
      Actor actor, Id<PolicyVersion> versionId, LocalDate asOf) {
    Check.notNull("asOf", asOf);
    return ctx.run(
        actor,
        Operation.ATTESTATION_READ,
        w -> {
          PolicyVersion version = version(w, versionId);
          List<Attestation> visible = new ArrayList<>();
          for (Attestation a : w.tx().attestations().forVersion(w.org().id(), version.id())) {
            w.tx()
                .members()
                .find(w.org().id(), a.member())
                .filter(w::canSee)
                .ifPresent(m -> visible.add(a));
          }
          return statuses(w, visible, asOf);
        });
  }

  private static List<AttestationStatus> statuses(
      Work w, List<Attestation> attestations, LocalDate asOf) {
    List<AttestationStatus> result = new ArrayList<>();
    for (Attestation a : attestations) {
      if (!a.requestedOn().isAfter(asOf)) {
        result.add(AttestationStatus.of(a, asOf, supersededOn(w, a.policyVersion())));
      }
    }
    return result;
  }

  /** The date a newer version of the policy took effect, if any. */
  private static @Nullable LocalDate supersededOn(Work w, Id<PolicyVersion> versionId) {
    PolicyVersion v = w.tx().policies().findVersion(w.org().id(), versionId).orElseThrow();
    return w.tx().policies().versions(w.org().id(), v.policy()).stream()
        .filter(x -> x.number() > v.number())
        .map(PolicyVersion::effectiveFrom)
        .min(LocalDate::compareTo)
        .orElse(null);
  }

  private static PolicyVersion version(Work w, Id<PolicyVersion> id) {
    Check.notNull("policyVersion", id);
    return w.tx()
        .policies()
        .findVersion(w.org().id(), id)
        .orElseThrow(() -> new NotFoundException("PolicyVersion", id));
  }

  /** A version stops being attestable once a newer one takes effect. */
  private static void requireNotSuperseded(Work w, PolicyVersion version) {
    LocalDate superseded = supersededOn(w, version.id());
    if (superseded != null && !superseded.isAfter(w.today())) {
      throw new ValidationException(
          "policyVersion",
          version.id(),
          "is superseded by a newer version in effect since " + superseded);
    }
  }
}
