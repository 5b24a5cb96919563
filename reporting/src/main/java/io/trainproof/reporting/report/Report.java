package io.trainproof.reporting.report;

/** A computed report: a typed model that also flattens to a {@link Table}. */
public interface Report {
  /**
   * @return what the report states about itself
   */
  ReportHeader header();

  /**
   * The report's title for a reader of a language ({@code title.<ReportType>} in {@link Labels});
   * {@link ReportHeader#title()} is the English one, kept in JSON for programs.
   *
   * @param labels the reader's labels
   * @return the title in that language
   */
  default String title(Labels labels) {
    return labels.title(getClass());
  }

  /**
   * The report as rows of text in English: what CSV, HTML and PDF print.
   *
   * @return the table
   */
  default Table table() {
    return table(Labels.english());
  }

  /**
   * The report as rows of text for a reader of a language: codes in words, columns named in it.
   *
   * @param labels the reader's labels
   * @return the table
   */
  Table table(Labels labels);
}
