package io.trainproof.reporting.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * What every report states about itself: whose records, as of which date, over which period, when
 * and for whom it was made. Immutable.
 *
 * @param title the report's title
 * @param citation the 45 CFR citation(s) the report answers
 * @param organization the organization's name
 * @param zone the organization's zone, in which every date is counted
 * @param asOf the date the report describes; later records are left out
 * @param period the period it covers, for reports that have one
 * @param generatedAt when it was made
 * @param generatedBy the id of the actor it was made for (its scope)
 */
public record ReportHeader(
    String title,
    String citation,
    String organization,
    ZoneId zone,
    LocalDate asOf,
    @Nullable DateRange period,
    Instant generatedAt,
    String generatedBy) {}
