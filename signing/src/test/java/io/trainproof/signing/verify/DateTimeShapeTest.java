package io.trainproof.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.jcs.StrictJson;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text that is almost {@code yyyy-MM-ddTHH:mm:ssZ} (one separator wrong, one character too many, a
 * letter in the year) is refused as {@link java.time.OffsetDateTime#parse} refuses it, and a
 * credential dated with it is reported malformed rather than read as some other date.
 */
class DateTimeShapeTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026x03-01T09:30:00Z", "2026-03x01T09:30:00Z", "2026-03-01x09:30:00Z",
            "2026-03-01T09x30:00Z",
        "2026-03-01T09:30x00Z", "2026-03-01T09:30:001", "2026-03-01T09:30:00Zx",
            "2026-03-01T09:30:00ZZ",
        "2x26-03-01T09:30:00Z", "-026-03-01T09:30:00Z", "2026-0x-01T09:30:00Z",
            "2026-03-0xT09:30:00Z",
        "2026-03-01T0x:30:00Z", "2026-03-01T09:3x:00Z", "2026-03-01T09:30:0xZ",
      })
  void almostTheUsualShapeIsRefused(String text) {
    assertThatThrownBy(() -> ProofChecker.parseDateTime(text))
        .isInstanceOf(DateTimeParseException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2x26-03-01T09:30:00Z", "2026-03-01T09:30:00Zx", "2026x03-01T09:30:00Z"})
  void aCredentialDatedThatWayIsMalformed(String validFrom) {
    Fixture f = new Fixture();
    ObjectNode vc =
        (ObjectNode) StrictJson.parse(f.issuer().issueCertificate(Fixture.certificate()).json());
    vc.put("validFrom", validFrom);

    assertThat(f.verifier().verify(vc.toString()).checks(CheckKind.VALIDITY_PERIOD))
        .singleElement()
        .satisfies(c -> assertThat(c.reason()).isEqualTo(FailureReason.MALFORMED_CREDENTIAL));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0000-01-01T00:00:00Z", "2026-10-10T10:10:10Z", "1999-09-09T19:09:59Z"})
  void zerosAndNinesInEveryFieldReadAsWritten(String text) {
    assertThat(ProofChecker.parseDateTime(text)).isEqualTo(Instant.parse(text));
  }
}
