package io.trainproof.core.access;

/** How far a role's permission for an operation reaches. */
public enum Scope {
  /** Not allowed. */
  NONE,
  /** Only records about the actor's own workforce record. */
  SELF,
  /** Members of the manager's own department, and direct and indirect reports. */
  TEAM,
  /** The whole organization. */
  ORGANIZATION
}
