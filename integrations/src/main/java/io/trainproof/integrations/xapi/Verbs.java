package io.trainproof.integrations.xapi;

/** The verb IRIs the importers understand. */
public final class Verbs {
  /** ADL completed. */
  public static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";

  /** ADL passed. */
  public static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";

  /** ADL failed. */
  public static final String FAILED = "http://adlnet.gov/expapi/verbs/failed";

  /** ADL voided (not supported: reported as skipped). */
  public static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

  /** cmi5 satisfied, issued by the LMS. */
  public static final String SATISFIED = "https://w3id.org/xapi/adl/verbs/satisfied";

  /** cmi5 waived, issued by the LMS. */
  public static final String WAIVED = "https://w3id.org/xapi/adl/verbs/waived";

  /** The cmi5 result extension holding a waiver's reason. */
  public static final String REASON_EXTENSION =
      "https://w3id.org/xapi/cmi5/result/extensions/reason";

  private Verbs() {}
}
