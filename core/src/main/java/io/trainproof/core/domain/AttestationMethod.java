package io.trainproof.core.domain;

/** How a member acknowledged a policy version. */
public enum AttestationMethod {
  /** Ticked a box under the statement. */
  CLICK_THROUGH,
  /** Typed their name under the statement. */
  TYPED_NAME,
  /** Recorded on the member's behalf by an officer, with a justification. */
  ON_BEHALF
}
