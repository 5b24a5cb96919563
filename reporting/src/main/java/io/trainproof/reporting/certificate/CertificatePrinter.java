package io.trainproof.reporting.certificate;

import io.trainproof.core.Actor;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.reporting.ReportOutputException;
import io.trainproof.reporting.internal.CertificatePdf;
import io.trainproof.reporting.internal.Scope;
import io.trainproof.reporting.internal.Statuses;
import io.trainproof.reporting.report.Labels;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Prints a certificate as a one-page PDF: who, which course and version, when, until when, its
 * status today, its credential id and verification code, and a QR code carrying the verification
 * URL with the code. Thread-safe.
 */
public final class CertificatePrinter {
  private final Trainproof trainproof;
  private final Clock clock;
  private final @Nullable String verificationUrl;
  private final Labels labels;

  /**
   * Creates the printer.
   *
   * @param trainproof the instance to read
   * @param clock the clock (today's status)
   * @param verificationUrl the host's verification page, e.g. {@code https://verify.example/c}; the
   *     code is appended as the {@code code} query parameter; null when not configured
   */
  public CertificatePrinter(Trainproof trainproof, Clock clock, @Nullable String verificationUrl) {
    this(trainproof, clock, verificationUrl, Labels.english());
  }

  /**
   * Creates a printer whose certificates read in a language and print on the paper its locale uses
   * (US Letter in the United States, A4 where the locale prints on it).
   *
   * @param trainproof the instance to read
   * @param clock the clock (today's status)
   * @param verificationUrl the host's verification page, or null when not configured
   * @param labels the readers' labels ({@link Labels#of})
   */
  public CertificatePrinter(
      Trainproof trainproof, Clock clock, @Nullable String verificationUrl, Labels labels) {
    this.trainproof = trainproof;
    this.clock = clock;
    this.verificationUrl = verificationUrl;
    this.labels = labels;
  }

  /**
   * The verification URL of a code.
   *
   * @param verificationCode the code
   * @return the URL the QR code carries
   * @throws ValidationException when no verification URL is configured
   */
  public String verificationUrl(String verificationCode) {
    if (verificationUrl == null) {
      throw new ValidationException(
          "verificationUrl", null, "is not configured on the Reporting builder");
    }
    return verificationUrl
        + (verificationUrl.contains("?") ? "&" : "?")
        + "code="
        + URLEncoder.encode(verificationCode, StandardCharsets.UTF_8);
  }

  /**
   * Prints the certificate with a verification code.
   *
   * @param actor the caller (needs to be allowed to read the certificate and its member)
   * @param verificationCode the certificate's code
   * @param out where to write the PDF; not closed
   * @throws NotFoundException when no certificate the actor may see has that code
   * @throws io.trainproof.core.ForbiddenException when the actor may not read it
   * @throws ReportOutputException when writing fails
   */
  public void pdf(Actor actor, String verificationCode, OutputStream out) {
    String url = verificationUrl(verificationCode);
    Certificate c =
        trainproof
            .certificates()
            .findByCode(actor, verificationCode)
            .orElseThrow(() -> new NotFoundException("Certificate", verificationCode));
    Organization org = trainproof.organizations().get(actor);
    LocalDate today = org.dateOf(clock.instant());
    Scope scope = Scope.open(trainproof, clock, actor, today, null);
    WorkforceMember member = trainproof.workforce().get(actor, c.member());
    Course course =
        trainproof.courses().list(actor).stream()
            .filter(x -> x.id().equals(c.course()))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("Course", c.course()));
    String versionLabel =
        trainproof.courses().versions(actor, c.course()).stream()
            .filter(v -> v.id().equals(c.courseVersion()))
            .map(CourseVersion::label)
            .findFirst()
            .orElse("");
    // In words, as the verification page says it: "Valid", "Revoked", "Expired".
    String code = labels.code("CertificateStatus", Statuses.certificate(c, scope));
    String status = Character.toUpperCase(code.charAt(0)) + code.substring(1);
    try {
      CertificatePdf.write(
          new CertificatePdf.Content(
              org.name(),
              member.displayName(),
              member.externalId(),
              course.title(),
              course.code(),
              versionLabel,
              c.validFrom(),
              c.validUntil(),
              status,
              today,
              c.credentialId(),
              c.verificationCode(),
              url,
              org.zone()),
          labels,
          out);
    } catch (IOException e) {
      throw new ReportOutputException("writing certificate " + verificationCode + " failed", e);
    }
  }
}
