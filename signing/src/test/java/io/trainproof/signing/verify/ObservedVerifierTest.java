package io.trainproof.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.ValidationException;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.credential.IssuedCredential;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An observed verifier hands each verification to its observer exactly once and returns what the
 * verification found; the verifier it was made from stays unobserved.
 */
class ObservedVerifierTest {
  private final Fixture f = new Fixture();
  private final IssuedCredential certificate = f.issuer().issueCertificate(Fixture.certificate());
  private final List<Boolean> seen = new ArrayList<>();
  private final CredentialVerifier plain = f.verifier(f.bundle(), Fixture.VERIFIED);
  private final CredentialVerifier observed =
      plain.observedBy(
          verification -> {
            VerificationResult result = verification.get();
            seen.add(result.verified());
            return result;
          });

  @Test
  void eachVerificationIsObservedOnceWithItsResult() {
    assertThat(observed.verify(certificate.json()).verified()).isTrue();
    assertThat(observed.verify(certificate.json().getBytes(StandardCharsets.UTF_8)).verified())
        .isTrue();
    assertThat(observed.verify(new byte[] {(byte) 0xC3}).failureReasons())
        .containsExactly(FailureReason.MALFORMED_JSON);
    assertThat(observed.verify("{\"not\": json").verified()).isFalse();
    assertThat(seen).containsExactly(true, true, false, false);
  }

  @Test
  void theVerifierItWasMadeFromIsUnobservedAndFindsTheSame() {
    assertThat(plain.verify(certificate.json())).isEqualTo(observed.verify(certificate.json()));
    assertThat(seen).containsExactly(true);
  }

  @Test
  void aMissingObserverIsRefused() {
    assertThatThrownBy(() -> plain.observedBy(null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("observer");
  }
}
