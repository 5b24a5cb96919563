package io.trainproof.integrations.external;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.Certification;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.external.CertificationService;
import io.trainproof.integrations.ErrorKind;
import io.trainproof.integrations.ImportOptions;
import io.trainproof.integrations.RowError;
import io.trainproof.integrations.internal.Batch;
import io.trainproof.integrations.internal.CsvTable;
import io.trainproof.integrations.internal.RowFailure;
import io.trainproof.integrations.internal.Values;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Imports third-party certifications from a CSV (UTF-8) with the header {@code
 * member_external_id,kind_code,issuer,credential_id,issued_on} and optionally {@code
 * expires_on,evidence_sha256,credential_json}. A row with {@code credential_json} is verified with
 * the {@link CredentialCheck} first and recorded with the outcome (a failed verification is kept as
 * evidence and satisfies nothing, as core decides). A certification already recorded for the member
 * with the same kind, issuer and credential id is not recorded again. Thread-safe.
 */
public final class CertificationImporter {
  /** Required columns. */
  public static final Set<String> REQUIRED_COLUMNS =
      Values.orderedSet("member_external_id", "kind_code", "issuer", "credential_id", "issued_on");

  /** Optional columns. */
  public static final Set<String> OPTIONAL_COLUMNS =
      Values.orderedSet("expires_on", "evidence_sha256", "credential_json");

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Trainproof trainproof;
  private final @Nullable CredentialCheck check;

  /**
   * An importer.
   *
   * @param trainproof the instance
   * @param check verifies credentials, or null to refuse rows that carry one
   */
  public CertificationImporter(Trainproof trainproof, @Nullable CredentialCheck check) {
    if (trainproof == null) {
      throw new ValidationException("trainproof", null, "is required");
    }
    this.trainproof = trainproof;
    this.check = check;
  }

  /**
   * What an import did. Immutable.
   *
   * @param options how it ran
   * @param committed whether anything was written
   * @param recorded the certifications recorded (or that would be, in a dry run)
   * @param alreadyRecorded how many rows were already on record
   * @param errors every row error
   */
  public record Result(
      ImportOptions options,
      boolean committed,
      List<Certification> recorded,
      int alreadyRecorded,
      List<RowError> errors) {
    /** Makes the lists immutable. */
    public Result {
      recorded = List.copyOf(recorded);
      errors = List.copyOf(errors);
    }
  }

  /**
   * Imports a file's bytes.
   *
   * @param actor who runs the import
   * @param csv the bytes
   * @param options mode and dry run
   * @return what was done
   */
  public Result importCsv(Actor actor, byte[] csv, ImportOptions options) {
    CsvTable table = CsvTable.read(csv, REQUIRED_COLUMNS, OPTIONAL_COLUMNS);
    List<RowError> errors = new ArrayList<>(table.errors());
    List<Pending> rows = new ArrayList<>();
    for (CsvTable.Row row : table.rows()) {
      int before = errors.size();
      String ref = row.get("credential_id");
      String member = Values.requiredColumn(row, "member_external_id", ref, errors);
      String kind = Values.requiredColumn(row, "kind_code", ref, errors);
      String issuer = Values.requiredColumn(row, "issuer", ref, errors);
      String credentialId = Values.requiredColumn(row, "credential_id", ref, errors);
      LocalDate issuedOn = date(row, "issued_on", ref, true, errors);
      LocalDate expiresOn = date(row, "expires_on", ref, false, errors);
      String sha = row.get("evidence_sha256");
      if (sha != null && !SHA256.matcher(sha).matches()) {
        errors.add(
            new RowError(
                row.line(),
                ref,
                "evidence_sha256",
                ErrorKind.INVALID_VALUE,
                "must be 64 lowercase hex digits"));
      }
      Certification.Verification verification = null;
      String json = row.get("credential_json");
      if (json != null) {
        if (check == null) {
          errors.add(
              new RowError(
                  row.line(),
                  ref,
                  "credential_json",
                  ErrorKind.UNSUPPORTED,
                  "no credential check is configured to verify it"));
        } else {
          verification = check.verify(json);
        }
      }
      if (errors.size() > before
          || member == null
          || kind == null
          || issuer == null
          || credentialId == null
          || issuedOn == null) {
        continue;
      }
      rows.add(
          new Pending(
              row.line(),
              member,
              kind,
              issuer,
              credentialId,
              issuedOn,
              expiresOn,
              sha,
              verification));
    }
    Batch batch = Batch.forImport(trainproof, options.mode(), options.dryRun(), !errors.isEmpty());
    List<Certification> recorded = new ArrayList<>();
    int[] already = new int[1];
    Batch.Outcome outcome =
        batch.run(
            () -> {
              for (Pending c : rows) {
                int line = c.line();
                String ext = c.memberExternalId();
                batch.row(
                    line,
                    c.credentialId(),
                    () -> {
                      // why: not getByExternalId and a caught NotFoundException: inside the batch's
                      // unit of
                      // work the JPA store fails the whole transaction on any failed nested call.
                      WorkforceMember m =
                          trainproof
                              .workforce()
                              .findByExternalId(actor, ext)
                              .orElseThrow(
                                  () ->
                                      new RowFailure(
                                          new RowError(
                                              line,
                                              c.credentialId(),
                                              "member_external_id",
                                              ErrorKind.UNKNOWN_MEMBER,
                                              "no workforce member has this external id")));
                      boolean known =
                          trainproof.certifications().forMember(actor, m.id()).stream()
                              .anyMatch(
                                  existing ->
                                      existing.issuer().equals(c.issuer())
                                          && existing.credentialId().equals(c.credentialId()));
                      if (known) {
                        already[0]++;
                        return Boolean.TRUE;
                      }
                      recorded.add(
                          trainproof
                              .certifications()
                              .record(
                                  actor,
                                  new CertificationService.NewCertification(
                                      m.id(),
                                      c.kindCode(),
                                      c.issuer(),
                                      c.credentialId(),
                                      c.issuedOn(),
                                      c.expiresOn(),
                                      c.evidenceSha256(),
                                      c.verification())));
                      return Boolean.TRUE;
                    },
                    errors::add);
              }
            },
            errors);
    if (outcome == Batch.Outcome.DISCARDED) {
      recorded.clear();
    }
    errors.sort(Comparator.comparingInt(RowError::line));
    return new Result(options, outcome == Batch.Outcome.COMMITTED, recorded, already[0], errors);
  }

  private static @Nullable LocalDate date(
      CsvTable.Row row,
      String column,
      @Nullable String ref,
      boolean required,
      List<RowError> errors) {
    String v = required ? Values.requiredColumn(row, column, ref, errors) : row.get(column);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      errors.add(
          new RowError(
              row.line(), ref, column, ErrorKind.INVALID_VALUE, "'" + v + "' is not an ISO date"));
      return null;
    }
  }

  /** A row read, waiting for its member to be resolved. */
  private record Pending(
      int line,
      String memberExternalId,
      String kindCode,
      String issuer,
      String credentialId,
      LocalDate issuedOn,
      @Nullable LocalDate expiresOn,
      @Nullable String evidenceSha256,
      Certification.@Nullable Verification verification) {}
}
