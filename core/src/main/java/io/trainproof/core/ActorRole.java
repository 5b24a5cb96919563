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
  /**
   * The vendor's support staff: acts in one organization at a time, reading like an auditor, and
   * only while an explicit grant from the platform lets it in.
   */
  VENDOR_SUPPORT,
  /**
   * The vendor's platform itself: creates organizations and grants vendor support. It belongs to no
   * organization and may do nothing inside one.
   */
  PLATFORM
}
