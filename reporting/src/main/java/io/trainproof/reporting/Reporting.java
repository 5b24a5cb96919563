package io.trainproof.reporting;

import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.reporting.certificate.CertificatePrinter;
import io.trainproof.reporting.evidence.EvidencePackService;
import io.trainproof.reporting.evidence.ManifestSigner;
import io.trainproof.reporting.export.AssignmentExport;
import io.trainproof.reporting.internal.CsvRenderer;
import io.trainproof.reporting.internal.EvidencePackWriter;
import io.trainproof.reporting.internal.HtmlRenderer;
import io.trainproof.reporting.internal.JsonRenderer;
import io.trainproof.reporting.internal.PdfRenderer;
import io.trainproof.reporting.internal.ReportServiceImpl;
import io.trainproof.reporting.report.Labels;
import io.trainproof.reporting.report.Report;
import io.trainproof.reporting.report.ReportService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The reporting entry point: one per {@link Trainproof} instance, built once and shared.
 * Thread-safe.
 *
 * <pre>{@code
 * Reporting reporting = Reporting.builder(trainproof)
 *     .clock(clock)
 *     .verificationUrl("https://verify.example.com/certificates")
 *     .manifestSigner(signer)              // optional
 *     .build();
 * OrganizationSummary summary = reporting.reports().organizationSummary(officer, asOf);
 * reporting.render(summary, ReportFormat.PDF, out);
 * }</pre>
 */
public final class Reporting {
  /** The name an evidence pack is observed under ({@link ReportObserver}). */
  public static final String EVIDENCE_PACK = "evidence-pack";

  private final ReportServiceImpl reports;
  private final EvidencePackService evidencePacks;
  private final AssignmentExport assignmentExport;
  private final CertificatePrinter certificates;
  private final Labels labels;
  private final boolean csvByteOrderMark;
  private final ReportObserver observer;

  private Reporting(Builder b) {
    this.observer = b.observer;
    this.reports = new ReportServiceImpl(b.trainproof, b.clock, b.pageSize);
    this.labels = b.labels;
    this.csvByteOrderMark = b.csvByteOrderMark;
    EvidencePackService writer = new EvidencePackWriter(b.trainproof, reports, b.signer, b.labels);
    this.evidencePacks =
        (actor, request, target) ->
            observer.observe(EVIDENCE_PACK, "zip", () -> writer.build(actor, request, target));
    this.assignmentExport = new AssignmentExport(b.trainproof, b.clock, b.pageSize);
    this.certificates = new CertificatePrinter(b.trainproof, b.clock, b.verificationUrl, b.labels);
  }

  /**
   * Starts a builder.
   *
   * @param trainproof the instance whose records are reported
   * @return the builder
   */
  public static Builder builder(Trainproof trainproof) {
    if (trainproof == null) {
      throw new ValidationException("trainproof", null, "is required");
    }
    return new Builder(trainproof);
  }

  /**
   * @return the reports
   */
  public ReportService reports() {
    return reports;
  }

  /**
   * @return evidence packs
   */
  public EvidencePackService evidencePacks() {
    return evidencePacks;
  }

  /**
   * @return the streaming assignment export
   */
  public AssignmentExport assignmentExport() {
    return assignmentExport;
  }

  /**
   * @return printable certificates
   */
  public CertificatePrinter certificates() {
    return certificates;
  }

  /**
   * Renders a report. HTML of a {@link io.trainproof.reporting.report.Dashboard} has its charts.
   *
   * @param report the report
   * @param format the format
   * @param out where to write (UTF-8 for text formats); flushed, not closed
   * @throws ReportOutputException when writing fails
   */
  public void render(Report report, ReportFormat format, OutputStream out) {
    if (report == null) {
      throw new ValidationException("report", null, "is required");
    }
    if (format == null) {
      throw new ValidationException("format", null, "is required");
    }
    Boolean unused =
        observer.observe(
            reportName(report),
            format.name().toLowerCase(Locale.ROOT),
            () -> {
              write(report, format, out);
              return Boolean.TRUE;
            });
  }

  /**
   * The name a report is observed under: its type's name in lowercase words joined by hyphens
   * ({@code OrganizationSummary} is {@code organization-summary}).
   *
   * @param report the report
   * @return its name
   */
  public static String reportName(Report report) {
    String type = report.getClass().getSimpleName();
    if (type.isEmpty()) {
      return "report";
    }
    return type.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private void write(Report report, ReportFormat format, OutputStream out) {
    try {
      switch (format) {
        case CSV -> {
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          CsvRenderer.write(report.table(labels), w, csvByteOrderMark);
          w.flush();
        }
        case JSON -> JsonRenderer.write(report, out);
        case HTML -> out.write(HtmlRenderer.page(report, labels).getBytes(StandardCharsets.UTF_8));
        case PDF -> PdfRenderer.write(report, labels, out);
        default -> throw new ValidationException("format", format, "is not supported");
      }
      out.flush();
    } catch (IOException e) {
      throw new ReportOutputException(
          "rendering " + report.header().title() + " as " + format + " failed", e);
    }
  }

  /** Builds {@link Reporting}. Not thread-safe; use from one thread, then discard. */
  public static final class Builder {
    private final Trainproof trainproof;
    private Clock clock;
    private int pageSize = 1000;
    private @Nullable ManifestSigner signer;
    private @Nullable String verificationUrl;
    private Labels labels = Labels.english();
    private boolean csvByteOrderMark;
    private ReportObserver observer = ReportObserver.NONE;

    private Builder(Trainproof trainproof) {
      this.trainproof = trainproof;
      this.clock = trainproof.clock();
    }

    /**
     * The clock that says what "today" is (default: the Trainproof instance's clock).
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      if (value == null) {
        throw new ValidationException("clock", null, "is required");
      }
      this.clock = value;
      return this;
    }

    /**
     * How many records one page read asks core for (default 1,000).
     *
     * @param value 1 to 10,000
     * @return this builder
     */
    public Builder pageSize(int value) {
      if (value < 1 || value > 10_000) {
        throw new ValidationException("pageSize", value, "must be 1 to 10,000");
      }
      this.pageSize = value;
      return this;
    }

    /**
     * Signs evidence-pack manifests (the signing module or the host provides it).
     *
     * @param value the signer
     * @return this builder
     */
    public Builder manifestSigner(ManifestSigner value) {
      if (value == null) {
        throw new ValidationException("manifestSigner", null, "is required");
      }
      this.signer = value;
      return this;
    }

    /**
     * The host's certificate verification page; printed certificates carry it with the code.
     *
     * @param value an absolute http(s) URL
     * @return this builder
     */
    public Builder verificationUrl(String value) {
      if (value == null || !(value.startsWith("https://") || value.startsWith("http://"))) {
        throw new ValidationException("verificationUrl", value, "must be an absolute http(s) URL");
      }
      this.verificationUrl = value;
      return this;
    }

    /**
     * The language of what people read: the codes in words and the column headings of CSV, HTML and
     * PDF reports and evidence packs (default US English; Spanish ships too, {@code
     * Locale.forLanguageTag("es-US")}). JSON keeps the codes. See {@link Labels}.
     *
     * @param value the readers' locale
     * @return this builder
     */
    public Builder locale(Locale value) {
      this.labels = Labels.of(value);
      return this;
    }

    /**
     * Whether CSV from {@link Reporting#render} begins with a UTF-8 byte order mark, which Excel
     * needs to read names such as "Zoë" as UTF-8 (default off: most programs read UTF-8 without it;
     * an evidence pack's CSVs always have it).
     *
     * @param value true for the mark
     * @return this builder
     */
    public Builder csvByteOrderMark(boolean value) {
      this.csvByteOrderMark = value;
      return this;
    }

    /**
     * Wraps each rendering ({@link Reporting#render}) and evidence pack, e.g. to time and count
     * them (default: observes nothing).
     *
     * @param value the observer
     * @return this builder
     */
    public Builder observer(ReportObserver value) {
      if (value == null) {
        throw new ValidationException("observer", null, "is required");
      }
      this.observer = value;
      return this;
    }

    /**
     * @return the instance
     */
    public Reporting build() {
      return new Reporting(this);
    }
  }
}
