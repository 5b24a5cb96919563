package io.trainproof.reporting.report;

import io.trainproof.core.attestation.AttestationState;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.core.domain.WorkforceType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything recorded for one member up to the as-of date: assignments (with reasons, due-date
 * extensions and closures), completions (with provenance and the policy versions covered),
 * attestations and certificates. The 164.530(b)(2)(ii) and (j)(1) documentation of one person.
 * Immutable.
 *
 * @param header the header
 * @param memberId the member's id
 * @param externalId the host's HR id
 * @param displayName the member's name
 * @param engagedOn the engagement date
 * @param type workforce type on the as-of date
 * @param roles roles on the as-of date
 * @param department department on the as-of date
 * @param status engagement status on the as-of date
 * @param assignments assignments existing on the as-of date, oldest first
 * @param completions completions and failed attempts on or before the as-of date
 * @param attestations attestation requests existing on the as-of date
 * @param certificates certificates issued on or before the as-of date
 */
public record MemberTranscript(
    ReportHeader header,
    String memberId,
    String externalId,
    String displayName,
    LocalDate engagedOn,
    WorkforceType type,
    Set<String> roles,
    String department,
    String status,
    List<AssignmentEntry> assignments,
    List<CompletionEntry> completions,
    List<AttestationEntry> attestations,
    List<CertificateEntry> certificates)
    implements Report {

  /** Copies the collections. */
  public MemberTranscript {
    roles = Set.copyOf(roles);
    assignments = List.copyOf(assignments);
    completions = List.copyOf(completions);
    attestations = List.copyOf(attestations);
    certificates = List.copyOf(certificates);
  }

  /**
   * One assignment as it stood on the as-of date.
   *
   * @param id the assignment id
   * @param course the course code
   * @param requirement the requirement's name, or null for manual ones
   * @param reason why it was assigned
   * @param policyVersion for retraining, the material policy version (code and number)
   * @param assignedOn when assigned
   * @param assignedBy who assigned it
   * @param originalDueOn the original due date
   * @param dueOn the due date that day, after extensions granted by then
   * @param state the state that day
   * @param extensions extensions granted by then
   * @param closedOn when it was closed, if by then
   * @param closedBy who closed it (the approver of a waiver)
   * @param closureReason why it was closed
   */
  public record AssignmentEntry(
      String id,
      String course,
      @Nullable String requirement,
      AssignmentReason reason,
      @Nullable String policyVersion,
      LocalDate assignedOn,
      String assignedBy,
      LocalDate originalDueOn,
      LocalDate dueOn,
      AssignmentState state,
      List<Extension> extensions,
      @Nullable LocalDate closedOn,
      @Nullable String closedBy,
      @Nullable String closureReason) {
    /** Copies the extensions. */
    public AssignmentEntry {
      extensions = List.copyOf(extensions);
    }
  }

  /**
   * A due-date extension.
   *
   * @param grantedOn when granted
   * @param newDueOn the new due date
   * @param approvedBy who approved it
   * @param reason why
   */
  public record Extension(
      LocalDate grantedOn, LocalDate newDueOn, String approvedBy, String reason) {}

  /**
   * One completion or failed attempt: the minimum evidence record.
   *
   * @param id the completion id
   * @param course the course code
   * @param courseVersion the course version label
   * @param contentSha256 the content hash, if known
   * @param policyVersions the policy versions covered (code and number)
   * @param reason why it was assigned
   * @param changeVersion for retraining, the material policy version
   * @param changeEffectiveOn for retraining, when the change took effect
   * @param roles the member's roles at the time
   * @param assignedOn when assigned
   * @param dueOn the due date in force when completed
   * @param completedOn when completed
   * @param score the score, if scored
   * @param passed whether it passed
   * @param method how it was obtained
   * @param recordedBy who recorded it
   * @param source the source system, for imports
   * @param sourceRef the reference in the source
   * @param justification why it was entered by hand
   * @param evidence evidence files as {@code name sha256}
   * @param retentionUntil the earliest date it may be purged
   */
  public record CompletionEntry(
      String id,
      String course,
      String courseVersion,
      @Nullable String contentSha256,
      List<String> policyVersions,
      AssignmentReason reason,
      @Nullable String changeVersion,
      @Nullable LocalDate changeEffectiveOn,
      Set<String> roles,
      LocalDate assignedOn,
      LocalDate dueOn,
      LocalDate completedOn,
      @Nullable Integer score,
      boolean passed,
      CompletionMethod method,
      String recordedBy,
      @Nullable String source,
      @Nullable String sourceRef,
      @Nullable String justification,
      List<String> evidence,
      LocalDate retentionUntil) {
    /** Copies the collections. */
    public CompletionEntry {
      policyVersions = List.copyOf(policyVersions);
      roles = Set.copyOf(roles);
      evidence = List.copyOf(evidence);
    }
  }

  /**
   * One attestation request and its evidence.
   *
   * @param id the attestation id
   * @param policyVersion the policy version (code and number)
   * @param requestedOn when requested
   * @param dueOn when due
   * @param state its state that day
   * @param attestedOn when attested, if by then
   * @param method how
   * @param recordedBy who recorded it
   * @param statementSha256 the statement's hash
   * @param policyTextSha256 the policy text's hash
   * @param credentialId the sealed credential's id, if sealed
   */
  public record AttestationEntry(
      String id,
      String policyVersion,
      LocalDate requestedOn,
      LocalDate dueOn,
      AttestationState state,
      @Nullable LocalDate attestedOn,
      @Nullable String method,
      @Nullable String recordedBy,
      @Nullable String statementSha256,
      @Nullable String policyTextSha256,
      @Nullable String credentialId) {}

  /**
   * One certificate and its status that day.
   *
   * @param id the certificate id
   * @param course the course code
   * @param verificationCode the verification code
   * @param credentialId the credential's id
   * @param validFrom first valid date
   * @param validUntil last valid date, if it expires
   * @param status valid, expired, superseded or revoked, that day
   * @param statusReason the reason for revocation or supersession
   */
  public record CertificateEntry(
      String id,
      String course,
      String verificationCode,
      String credentialId,
      LocalDate validFrom,
      @Nullable LocalDate validUntil,
      String status,
      @Nullable String statusReason) {}

  /**
   * Who assigned it, in words: a person's id, or for what the engine decided, the system and why
   * (its reason; the audit entry names the call that set the engine off and its caller).
   */
  private static String assignedBy(AssignmentEntry a, Labels labels) {
    return "system".equals(a.assignedBy())
        ? labels.phrase("assigned_by_system", labels.of(a.reason()))
        : labels.phrase("assigned_by", a.assignedBy());
  }

  @Override
  public String title(Labels labels) {
    return labels.title(MemberTranscript.class, externalId);
  }

  @Override
  public Table table(Labels labels) {
    List<List<String>> rows = new ArrayList<>();
    for (AssignmentEntry a : assignments) {
      StringBuilder detail =
          new StringBuilder(assignedBy(a, labels))
              .append(", ")
              .append(labels.phrase("originally_due", a.originalDueOn()));
      for (Extension e : a.extensions()) {
        detail
            .append("; ")
            .append(
                labels.phrase("extended", e.grantedOn(), e.newDueOn(), e.approvedBy(), e.reason()));
      }
      if (a.closedOn() != null) {
        detail
            .append("; ")
            .append(
                labels.phrase(
                    "closed",
                    a.closedOn(),
                    Cells.of(a.closedBy()),
                    a.closureReason() == null ? "" : labels.closureReason(a.closureReason())));
      }
      rows.add(
          List.of(
              labels.word("assignment"),
              Cells.of(a.assignedOn()),
              a.course(),
              labels.of(a.reason())
                  + (a.policyVersion() == null ? "" : " (" + a.policyVersion() + ")"),
              labels.of(a.state()),
              labels.phrase("due", a.dueOn()),
              detail.toString()));
    }
    for (CompletionEntry c : completions) {
      StringBuilder how =
          new StringBuilder(labels.phrase("recorded", labels.of(c.method()), c.recordedBy()));
      if (c.source() != null) {
        how.append(' ').append(labels.phrase("from", c.source(), Cells.of(c.sourceRef())).strip());
      }
      if (c.justification() != null) {
        how.append(" (").append(c.justification()).append(')');
      }
      if (!c.policyVersions().isEmpty()) {
        how.append("; ").append(labels.phrase("covers", Cells.of(c.policyVersions())));
      }
      if (!c.roles().isEmpty()) {
        how.append("; ").append(labels.phrase("roles", Cells.of(c.roles())));
      }
      how.append("; ").append(labels.phrase("keep_until", c.retentionUntil()));
      rows.add(
          List.of(
              labels.word("completion"),
              Cells.of(c.completedOn()),
              c.course() + " v" + c.courseVersion(),
              labels.of(c.reason()),
              labels.word(c.passed() ? "passed" : "failed"),
              (c.score() == null ? "" : labels.phrase("score", c.score()) + ", ")
                  + labels.phrase("due", c.dueOn()),
              how.toString()));
    }
    for (AttestationEntry t : attestations) {
      rows.add(
          List.of(
              labels.word("attestation"),
              Cells.of(t.requestedOn()),
              t.policyVersion(),
              labels.word("requested"),
              labels.of(t.state()),
              labels.phrase("due", t.dueOn()),
              t.attestedOn() == null
                  ? ""
                  : labels.phrase(
                      "attested",
                      t.attestedOn(),
                      t.method() == null ? "" : labels.code("AttestationMethod", t.method()),
                      Cells.of(t.recordedBy()),
                      Cells.of(t.statementSha256()))));
    }
    for (CertificateEntry c : certificates) {
      rows.add(
          List.of(
              labels.word("certificate"),
              Cells.of(c.validFrom()),
              c.course(),
              labels.phrase("code", c.verificationCode()),
              labels.code("CertificateStatus", c.status()),
              c.validUntil() == null
                  ? labels.word("no_expiry")
                  : labels.phrase("valid_until", c.validUntil()),
              c.credentialId() + (c.statusReason() == null ? "" : "; " + c.statusReason())));
    }
    return new Table(
        labels.columns(
            "record", "date", "course / policy", "reason", "state", "due / result", "detail"),
        rows);
  }
}
