package io.trainproof.core.domain;

/** A member's engagement status, effective-dated in {@link MemberTerms}. */
public enum MemberStatus {
  /** Working; requirements apply. */
  ACTIVE,
  /**
   * On leave; no new assignments except retraining after a material policy change (the member still
   * holds their roles), open ones are extended on return.
   */
  ON_LEAVE,
  /** No longer engaged; open assignments were cancelled. */
  TERMINATED
}
