package io.trainproof.core.domain;

/** The regulatory topics a course may cover, with the citation each answers. */
public enum RegulatoryTopic {
  /** Privacy Rule policies and procedures. */
  PRIVACY_RULE("164.530(b)(1)"),
  /** Security awareness and training program. */
  SECURITY_AWARENESS("164.308(a)(5)(i)"),
  /** Periodic security updates. */
  SECURITY_REMINDERS("164.308(a)(5)(ii)(A)"),
  /** Protection from malicious software. */
  MALWARE_PROTECTION("164.308(a)(5)(ii)(B)"),
  /** Log-in monitoring. */
  LOG_IN_MONITORING("164.308(a)(5)(ii)(C)"),
  /** Password management. */
  PASSWORD_MANAGEMENT("164.308(a)(5)(ii)(D)"),
  /** Breach notification. */
  BREACH_NOTIFICATION("164.530(b)(1), 164.404");

  private final String citation;

  RegulatoryTopic(String citation) {
    this.citation = citation;
  }

  /**
   * @return the 45 CFR citation this topic answers
   */
  public String citation() {
    return citation;
  }
}
