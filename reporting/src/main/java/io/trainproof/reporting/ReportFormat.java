package io.trainproof.reporting;

/** The formats a report renders to. */
public enum ReportFormat {
  /** Comma-separated values, spreadsheet-safe (formula injection escaped), UTF-8. */
  CSV("text/csv", "csv"),
  /** The typed report model as JSON. */
  JSON("application/json", "json"),
  /** One self-contained HTML page: no external resources. */
  HTML("text/html", "html"),
  /** A printable PDF. */
  PDF("application/pdf", "pdf");

  private final String mediaType;
  private final String extension;

  ReportFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  /**
   * @return the media type
   */
  public String mediaType() {
    return mediaType;
  }

  /**
   * @return the usual file extension, without the dot
   */
  public String extension() {
    return extension;
  }
}
