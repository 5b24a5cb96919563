package io.trainproof.signing.credential;

import io.trainproof.core.ValidationException;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What a policy attestation credential states: a member acknowledged one policy version, having
 * been shown an exact statement.
 *
 * @param issuer the organization
 * @param memberId the member who attested
 * @param policyId the policy
 * @param policyVersion the version attested
 * @param policyTextSha256 SHA-256 of the policy version's exact text, 64 lower-case hex
 * @param statementSha256 SHA-256 of the exact statement shown, 64 lower-case hex
 * @param attestedAt when
 * @param method how (e.g. {@code click-through}, {@code typed-name}, {@code on-behalf})
 */
public record AttestationRequest(
    IssuerProfile issuer,
    String memberId,
    String policyId,
    String policyVersion,
    String policyTextSha256,
    String statementSha256,
    Instant attestedAt,
    String method) {
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  /**
   * Validates.
   *
   * @param issuer the issuer
   * @param memberId the member
   * @param policyId the policy
   * @param policyVersion the version
   * @param policyTextSha256 the policy text hash
   * @param statementSha256 the statement hash
   * @param attestedAt when
   * @param method how
   */
  public AttestationRequest {
    AchievementInfo.requireText("memberId", memberId);
    AchievementInfo.requireText("policyId", policyId);
    AchievementInfo.requireText("policyVersion", policyVersion);
    AchievementInfo.requireText("method", method);
    if (!SHA256_HEX.matcher(policyTextSha256).matches()) {
      throw new ValidationException(
          "policyTextSha256", policyTextSha256, "must be 64 lower-case hex digits");
    }
    if (!SHA256_HEX.matcher(statementSha256).matches()) {
      throw new ValidationException(
          "statementSha256", statementSha256, "must be 64 lower-case hex digits");
    }
  }
}
