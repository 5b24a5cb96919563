/**
 * The reports as typed, immutable models, each computed as of a date and scoped to the calling
 * actor by {@link io.trainproof.reporting.report.ReportService}. Every report also offers a {@link
 * io.trainproof.reporting.report.Table} view, which the CSV, HTML and PDF renderers use; JSON
 * renders the model itself.
 */
@NullMarked
package io.trainproof.reporting.report;

import org.jspecify.annotations.NullMarked;
