package io.trainproof.integrations.external;

import static io.trainproof.integrations.World.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.trainproof.core.domain.Certification;
import io.trainproof.integrations.ErrorKind;
import io.trainproof.integrations.ImportOptions;
import io.trainproof.integrations.RowError;
import io.trainproof.integrations.World;
import io.trainproof.testkit.Fixtures;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CertificationImportTest {
  final World w = new World();

  @Test
  void certificationsAreRecordedWithTheVerificationOutcomeOnceAndBadRowsAreTyped() {
    w.hire("HR-1001", LocalDate.of(2020, 1, 6));
    w.tp
        .certifications()
        .defineKind(
            w.officer, "CHPC", "Certified HIPAA Privacy Compliance", Set.of(w.privacy.id()));
    CredentialCheck check =
        json ->
            new Certification.Verification(
                json.contains("\"proof\""),
                json.contains("\"proof\"") ? "proof: ok" : "proof: missing",
                w.clock.instant());
    CertificationImporter importer = new CertificationImporter(w.tp, check);
    String file =
        "member_external_id,kind_code,issuer,credential_id,issued_on,expires_on,evidence_sha256,credential_json\n"
            + "HR-1001,CHPC,Compliance Institute,CI-2026-0042,2026-02-01,2027-01-31,"
            + Fixtures.sha256("scan")
            + ",\n"
            + "HR-1001,CHPC,Badge Provider,OB-77,2026-03-01,2027-02-28,,\"{\"\"type\"\":[\"\"OpenBadgeCredential\"\"],\"\"proof\"\":{}}\"\n";

    CertificationImporter.Result first =
        importer.importCsv(w.officer, utf8(file), ImportOptions.allOrNothing());

    assertThat(first.errors()).isEmpty();
    assertThat(first.recorded())
        .extracting(Certification::credentialId)
        .containsExactly("CI-2026-0042", "OB-77");
    assertThat(first.recorded().get(1).verification())
        .isNotNull()
        .satisfies(v -> assertThat(v.verified()).isTrue());
    assertThat(
            importer
                .importCsv(w.officer, utf8(file), ImportOptions.allOrNothing())
                .alreadyRecorded())
        .isEqualTo(2);

    String bad =
        "member_external_id,kind_code,issuer,credential_id,issued_on\n"
            + "HR-404,CHPC,CI,X-1,2026-02-01\n"
            + "HR-1001,CHPC,CI,X-2,last year\n";
    CertificationImporter.Result result =
        importer.importCsv(w.officer, utf8(bad), ImportOptions.allOrNothing());
    assertThat(result.committed()).isFalse();
    assertThat(result.errors())
        .extracting(RowError::line, RowError::field, RowError::kind)
        .containsExactly(
            tuple(2, "member_external_id", ErrorKind.UNKNOWN_MEMBER),
            tuple(3, "issued_on", ErrorKind.INVALID_VALUE));
  }
}
