package io.trainproof.core;

/** The roles an {@link Actor} may hold; what each may do is enforced by the services. */
public enum ActorRole {
  /** Whole organization, read and write. */
  COMPLIANCE_OFFICER,
  /** Own department and direct or indirect reports. */
  MANAGER,
  /** Read-only; every read is audited. */
  AUDITOR,
  /** Self only. */
  MEMBER,
  /** The scheduler and other automated work. */
  SYSTEM,
  /** The vendor's support staff; may cross organizations only with an explicit grant. */
  VENDOR_SUPPORT
}
