package io.trainproof.signing.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VerificationCodeTest {
  private static final String ALPHABET = VerificationCode.ALPHABET;

  @Test
  void detectsEverySingleCharacterErrorAndEveryAdjacentTransposition() {
    for (int n = 0; n < 2_000; n++) {
      String id = "urn:uuid:" + new UUID(n * 7919L, n * 104729L);
      String code = VerificationCode.forCredentialId(id).replace("-", "");
      assertThat(code).hasSize(11);
      assertThat(VerificationCode.hasValidCheckCharacter(code)).isTrue();
      for (int i = 0; i < code.length(); i++) {
        for (int s = 0; s < ALPHABET.length(); s++) {
          char c = ALPHABET.charAt(s);
          if (c == code.charAt(i)) {
            continue;
          }
          String wrong = code.substring(0, i) + c + code.substring(i + 1);
          assertThat(VerificationCode.hasValidCheckCharacter(wrong))
              .as(code + " -> " + wrong)
              .isFalse();
        }
      }
      for (int i = 0; i + 1 < code.length(); i++) {
        if (code.charAt(i) == code.charAt(i + 1)) {
          continue;
        }
        String swapped =
            code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
        assertThat(VerificationCode.hasValidCheckCharacter(swapped))
            .as(code + " -> " + swapped)
            .isFalse();
      }
    }
  }

  @Test
  void readsWhatPeopleTypeAndUsesNoAmbiguousLetters() {
    String id = "urn:uuid:0b8f7c52-2c1c-4a51-9a52-1f1b4c0f8f11";
    String code = VerificationCode.forCredentialId(id);

    assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{3}");
    assertThat(VerificationCode.matches(code.toLowerCase(Locale.ROOT).replace("-", " "), id))
        .isTrue();
    assertThat(VerificationCode.normalize(code.replace('0', 'O').replace('1', 'I')))
        .isEqualTo(code);
    assertThat(VerificationCode.matches(code, id + "x")).isFalse();
    assertThat(VerificationCode.hasValidCheckCharacter("not a code!")).isFalse();
    assertThat(
            VerificationCode.hasValidCheckCharacter(
                VerificationCode.withCheckCharacter("7K2MQ9XDR4")))
        .isTrue();
  }
}
