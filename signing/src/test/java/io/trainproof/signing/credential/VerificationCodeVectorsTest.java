package io.trainproof.signing.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * Fixed vectors for verification codes. A code is printed on certificates and typed back years
 * later, so the mapping from credential id to code must never change. The expected values were
 * computed outside this code base from the documented algorithm: the first 64 bits of SHA-256(id),
 * ten 5-bit groups from the top, Crockford base 32, and a GF(2^5) check character.
 */
class VerificationCodeVectorsTest {

  @Test
  void theCodeOfACredentialIdIsFixedForever() {
    assertThat(VerificationCode.forCredentialId("urn:uuid:0b8f7c52-2c1c-4a51-9a52-1f1b4c0f8f11"))
        .isEqualTo("3B95-RSWB-Q1V");
    assertThat(VerificationCode.forCredentialId("urn:uuid:00000000-0000-0000-0000-000000000000"))
        .isEqualTo("DS2H-V946-328");
    assertThat(
            VerificationCode.matches(
                "3b95 rswb q1v", "urn:uuid:0b8f7c52-2c1c-4a51-9a52-1f1b4c0f8f11"))
        .isTrue();
  }

  @Test
  void theShortestCheckedCodeIsOneDataCharacterAndItsCheck() {
    assertThat(VerificationCode.withCheckCharacter("7")).isEqualTo("7E");
    assertThat(VerificationCode.hasValidCheckCharacter("7E")).isTrue();
    assertThat(VerificationCode.hasValidCheckCharacter("7F")).isFalse();
    // One character alone is no code, even one whose check would hold.
    assertThat(VerificationCode.hasValidCheckCharacter("0")).isFalse();
    assertThat(VerificationCode.hasValidCheckCharacter("")).isFalse();
  }

  @Test
  void normalizingNeedsExactlyElevenCharacters() {
    assertThat(VerificationCode.normalize("3b95rswbq1v")).isEqualTo("3B95-RSWB-Q1V");
    assertThat(VerificationCode.normalize("3B95-RSWB-QIV"))
        .as("I reads as 1")
        .isEqualTo("3B95-RSWB-Q1V");
    assertThatThrownBy(() -> VerificationCode.normalize("3B95-RSWB-Q1"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("verificationCode"));
    assertThatThrownBy(() -> VerificationCode.normalize("3B95-RSWB-Q1VV"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> VerificationCode.normalize("3B95-RSWB-Q1U"))
        .isInstanceOf(ValidationException.class);
  }
}
