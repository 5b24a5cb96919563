package io.trainproof.reporting.export;

/**
 * What a streaming export wrote. Immutable.
 *
 * @param rows data rows written (the header row not counted)
 * @param pagesRead pages read from core
 * @param pageSize the page size asked for; no more than this many records were held at once
 */
public record ExportResult(long rows, long pagesRead, int pageSize) {}
