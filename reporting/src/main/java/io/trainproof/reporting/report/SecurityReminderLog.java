package io.trainproof.reporting.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The security reminders sent in the period: content hash, date, channel, recipients and
 * acknowledgements by the as-of date (164.308(a)(5)(ii)(A)). Immutable.
 *
 * @param header the header
 * @param rows one per reminder, oldest first
 */
public record SecurityReminderLog(ReportHeader header, List<Row> rows) implements Report {
  /** Copies the rows. */
  public SecurityReminderLog {
    rows = List.copyOf(rows);
  }

  /**
   * One reminder.
   *
   * @param id the reminder's id
   * @param sentOn the date sent
   * @param sentAt the instant sent
   * @param sentBy who sent it
   * @param title its title
   * @param channel the channel
   * @param contentSha256 SHA-256 of the content
   * @param acknowledgementRequired whether recipients had to acknowledge
   * @param recipients how many members it went to
   * @param acknowledged how many had acknowledged by the as-of date
   */
  public record Row(
      String id,
      LocalDate sentOn,
      Instant sentAt,
      String sentBy,
      String title,
      String channel,
      String contentSha256,
      boolean acknowledgementRequired,
      int recipients,
      int acknowledged) {}

  @Override
  public Table table(Labels labels) {
    return new Table(
        labels.columns(
            "sent on",
            "title",
            "channel",
            "sent by",
            "recipients",
            "acknowledgement required",
            "acknowledged",
            "content sha-256"),
        rows.stream()
            .map(
                r ->
                    List.of(
                        Cells.of(r.sentOn()),
                        r.title(),
                        r.channel(),
                        r.sentBy(),
                        Cells.of(r.recipients()),
                        labels.yesNo(r.acknowledgementRequired()),
                        Cells.of(r.acknowledged()),
                        r.contentSha256()))
            .toList());
  }
}
