package io.trainproof.core.access;

import io.trainproof.core.ActorRole;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every operation a service performs for an actor, with the scope each role has for it. This enum
 * is the single source of the authorization table in {@code docs/AUTHORIZATION.md}; a test
 * regenerates the table from it and another calls every operation as every role.
 *
 * <p>Vendor support acts only in organizations it holds an explicit cross-organization grant for,
 * reads only, and every call it makes is audited. Auditors read only, and every read is audited.
 */
public enum Operation {
  /** Read the organization's profile. */
  ORGANIZATION_READ(
      true,
      s(
          Scope.ORGANIZATION,
          Scope.ORGANIZATION,
          Scope.ORGANIZATION,
          Scope.ORGANIZATION,
          Scope.ORGANIZATION)),
  /** Record a hire. */
  MEMBER_HIRE(false, s(Scope.ORGANIZATION, Scope.NONE, Scope.NONE, Scope.NONE, Scope.ORGANIZATION)),
  /** Record a change of roles, department, manager or type. */
  MEMBER_CHANGE(
      false, s(Scope.ORGANIZATION, Scope.NONE, Scope.NONE, Scope.NONE, Scope.ORGANIZATION)),
  /** Record a leave or a return. */
  MEMBER_LEAVE(
      false, s(Scope.ORGANIZATION, Scope.NONE, Scope.NONE, Scope.NONE, Scope.ORGANIZATION)),
  /** Record a termination. */
  MEMBER_TERMINATE(
      false, s(Scope.ORGANIZATION, Scope.NONE, Scope.NONE, Scope.NONE, Scope.ORGANIZATION)),
  /** Read members. */
  MEMBER_READ(
      true, s(Scope.ORGANIZATION, Scope.TEAM, Scope.ORGANIZATION, Scope.SELF, Scope.ORGANIZATION)),
  /** Create, publish, retire or review policies. */
  POLICY_WRITE(false, s(Scope.ORGANIZATION, Scope.NONE, Scope.NONE, Scope.NONE, Scope.NONE)),
  /** Read policies and their versions. */
  POLICY_READ(
      true,
      s(
          Scope.ORGANIZATION,
          Scope.ORGANIZATION,
          Scope.ORGANIZATION,
          Scope.ORGANIZATION,
          Scope.ORGANIZATION)),
  /** Create courses and release versions. */
  COURSE_WRITE(false, s(Scope.ORGANIZATION, Scope.NONE, Scope.NONE, Scope.NONE, Scope.NONE)),
  /** Read courses. */
  COURSE_READ(
      true,
      s(
          Scope.ORGANIZATION,
          Scope.ORGANIZATION,
          Scope.ORGANIZATION,
          Scope.ORGANIZATION,
          Scope.ORGANIZATION)),
  /** Create, change or retire requirements, and record addressable-item decisions. */
  REQUIREMENT_WRITE(false, s(Scope.ORGANIZATION, Scope.NONE, Scope.NONE, Scope.NONE, Scope.NONE)),
  /** Read requirements and addressable-item decisions. */
  REQUIREMENT_READ(
      true,
      s(
          Scope.ORGANIZATION,
          Scope.ORGANIZATION,
          Scope.ORGANIZATION,
          Scope.ORGANIZATION,
          Scope.ORGANIZATION)),
  /** Assign a course by hand, or extend a due date. */
  ASSIGNMENT_WRITE(
      false, s(Scope.ORGANIZATION, Scope.TEAM, Scope.NONE, Scope.NONE, Scope.ORGANIZATION)),
  /** Waive an assignment. */
  ASSIGNMENT_WAIVE(false, s(Scope.ORGANIZATION, Scope.NONE, Scope.NONE, Scope.NONE, Scope.NONE)),
  /** Mark one's own assignment as started. */
  ASSIGNMENT_START(
      false, s(Scope.ORGANIZATION, Scope.TEAM, Scope.NONE, Scope.SELF, Scope.ORGANIZATION)),
  /** Read assignments. */
  ASSIGNMENT_READ(
      true, s(Scope.ORGANIZATION, Scope.TEAM, Scope.ORGANIZATION, Scope.SELF, Scope.ORGANIZATION)),
  /** Record a completion. */
  COMPLETION_RECORD(
      false, s(Scope.ORGANIZATION, Scope.TEAM, Scope.NONE, Scope.SELF, Scope.ORGANIZATION)),
  /** Read completions. */
  COMPLETION_READ(
      true, s(Scope.ORGANIZATION, Scope.TEAM, Scope.ORGANIZATION, Scope.SELF, Scope.ORGANIZATION)),
  /** Define certification kinds and record members' outside certifications. */
  CERTIFICATION_WRITE(
      false, s(Scope.ORGANIZATION, Scope.NONE, Scope.NONE, Scope.NONE, Scope.ORGANIZATION)),
  /** Read outside certifications. */
  CERTIFICATION_READ(
      true, s(Scope.ORGANIZATION, Scope.TEAM, Scope.ORGANIZATION, Scope.SELF, Scope.ORGANIZATION)),
  /** Revoke a certificate. */
  CERTIFICATE_REVOKE(false, s(Scope.ORGANIZATION, Scope.NONE, Scope.NONE, Scope.NONE, Scope.NONE)),
  /** Read certificates and the status lists. */
  CERTIFICATE_READ(
      true, s(Scope.ORGANIZATION, Scope.TEAM, Scope.ORGANIZATION, Scope.SELF, Scope.ORGANIZATION)),
  /**
   * Offer a certificate for delivery to a digital wallet, and redeem such an offer (the wallet's
   * steps run as the organization's system actor): officers for anyone, members for their own.
   */
  CERTIFICATE_DELIVER(
      false, s(Scope.ORGANIZATION, Scope.NONE, Scope.NONE, Scope.SELF, Scope.ORGANIZATION)),
  /**
   * Sign a credential the host assembled (a VC API issuing endpoint, say) with the organization's
   * issuer key; every signature is audited.
   */
  CREDENTIAL_SIGN(
      false, s(Scope.ORGANIZATION, Scope.NONE, Scope.NONE, Scope.NONE, Scope.ORGANIZATION)),
  /**
   * Revoke a credential the SDK signed that is not a certificate (a host-signed credential or a
   * sealed attestation): whoever may sign one may revoke one.
   */
  CREDENTIAL_REVOKE(
      false, s(Scope.ORGANIZATION, Scope.NONE, Scope.NONE, Scope.NONE, Scope.ORGANIZATION)),
  /** Run the renewal sweep and the reminder schedule. */
  SCHEDULER_RUN(false, s(Scope.NONE, Scope.NONE, Scope.NONE, Scope.NONE, Scope.ORGANIZATION)),
  /** Read compliance status. */
  STATUS_READ(
      true, s(Scope.ORGANIZATION, Scope.TEAM, Scope.ORGANIZATION, Scope.SELF, Scope.ORGANIZATION)),
  /** Request an attestation by hand. */
  ATTESTATION_REQUEST(
      false, s(Scope.ORGANIZATION, Scope.NONE, Scope.NONE, Scope.NONE, Scope.ORGANIZATION)),
  /** Record an attestation (one's own, or on behalf of a member with a justification). */
  ATTESTATION_RECORD(false, s(Scope.ORGANIZATION, Scope.NONE, Scope.NONE, Scope.SELF, Scope.NONE)),
  /** Read attestations. */
  ATTESTATION_READ(
      true, s(Scope.ORGANIZATION, Scope.TEAM, Scope.ORGANIZATION, Scope.SELF, Scope.ORGANIZATION)),
  /** Read, verify and export the audit trail. */
  AUDIT_READ(true, s(Scope.ORGANIZATION, Scope.NONE, Scope.ORGANIZATION, Scope.NONE, Scope.NONE)),
  /** Place or release a legal hold, and purge eligible records. */
  RETENTION_WRITE(false, s(Scope.ORGANIZATION, Scope.NONE, Scope.NONE, Scope.NONE, Scope.NONE)),
  /** Read retention dates and legal holds. */
  RETENTION_READ(
      true, s(Scope.ORGANIZATION, Scope.NONE, Scope.ORGANIZATION, Scope.NONE, Scope.NONE)),
  /** Send a security reminder. */
  SECURITY_REMINDER_SEND(
      false, s(Scope.ORGANIZATION, Scope.NONE, Scope.NONE, Scope.NONE, Scope.ORGANIZATION)),
  /** Acknowledge a security reminder one received. */
  SECURITY_REMINDER_ACKNOWLEDGE(
      false, s(Scope.NONE, Scope.NONE, Scope.NONE, Scope.SELF, Scope.NONE)),
  /** Read the security reminder log. */
  SECURITY_REMINDER_READ(
      true, s(Scope.ORGANIZATION, Scope.NONE, Scope.ORGANIZATION, Scope.NONE, Scope.ORGANIZATION));

  private final boolean read;

  @SuppressWarnings("ImmutableEnumChecker") // why: an unmodifiable map built once by s(...)
  private final Map<ActorRole, Scope> scopes;

  Operation(boolean read, Map<ActorRole, Scope> scopes) {
    this.read = read;
    this.scopes = scopes;
  }

  /** Officer, manager, auditor, member, system; vendor support reads what an auditor reads. */
  private static Map<ActorRole, Scope> s(
      Scope officer, Scope manager, Scope auditor, Scope member, Scope system) {
    Map<ActorRole, Scope> m = new EnumMap<>(ActorRole.class);
    m.put(ActorRole.COMPLIANCE_OFFICER, officer);
    m.put(ActorRole.MANAGER, manager);
    m.put(ActorRole.AUDITOR, auditor);
    m.put(ActorRole.MEMBER, member);
    m.put(ActorRole.SYSTEM, system);
    return Collections.unmodifiableMap(m);
  }

  /**
   * @return true for an operation that changes nothing
   */
  public boolean isRead() {
    return read;
  }

  /**
   * The scope a role has for this operation.
   *
   * @param role the role
   * @return its scope ({@link Scope#NONE} when not allowed)
   */
  public Scope scopeFor(ActorRole role) {
    if (role == ActorRole.VENDOR_SUPPORT) {
      // Vendor support reads like an auditor, only where an explicit grant lets it in.
      return read ? scopes.getOrDefault(ActorRole.AUDITOR, Scope.NONE) : Scope.NONE;
    }
    return scopes.getOrDefault(role, Scope.NONE);
  }
}
