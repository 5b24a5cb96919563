package io.trainproof.reporting.report;

/** A computed report: a typed model that also flattens to a {@link Table}. */
public interface Report {
  /**
   * @return what the report states about itself
   */
  ReportHeader header();

  /**
   * @return the report as rows of text
   */
  Table table();
}
