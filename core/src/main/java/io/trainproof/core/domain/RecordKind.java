package io.trainproof.core.domain;

/** The kinds of record a purge may remove once their retention has passed. */
public enum RecordKind {
  /** Completions (training evidence). */
  COMPLETION,
  /** Closed assignments. */
  ASSIGNMENT,
  /** Attestations. */
  ATTESTATION,
  /** Audit entries (they become tombstones, so the chain still verifies). */
  AUDIT_ENTRY,
  /** Delivered notifications. */
  NOTIFICATION
}
