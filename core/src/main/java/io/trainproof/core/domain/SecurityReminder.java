package io.trainproof.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A periodic security update (164.308(a)(5)(ii)(A)), kept as evidence: content, date, channel,
 * recipients and, when asked for, each recipient's acknowledgement. Immutable.
 *
 * @param id the reminder's id
 * @param organization the organization
 * @param title a short title
 * @param content the content sent
 * @param contentSha256 SHA-256 of the content
 * @param channel the channel (e.g. {@code email}, {@code intranet banner})
 * @param sentOn the date
 * @param sentAt the instant
 * @param sentBy who sent it
 * @param acknowledgementRequired whether recipients must acknowledge it
 * @param recipients each recipient and when they acknowledged
 */
public record SecurityReminder(
    Id<SecurityReminder> id,
    Id<Organization> organization,
    String title,
    String content,
    String contentSha256,
    String channel,
    LocalDate sentOn,
    Instant sentAt,
    String sentBy,
    boolean acknowledgementRequired,
    List<Recipient> recipients) {

  /**
   * One recipient.
   *
   * @param member the member
   * @param acknowledgedAt when they acknowledged, or null until they do
   */
  public record Recipient(Id<WorkforceMember> member, @Nullable Instant acknowledgedAt) {}

  /** Makes the recipients immutable. */
  public SecurityReminder {
    recipients = List.copyOf(recipients);
  }

  /**
   * This reminder with one more acknowledgement.
   *
   * @param member who acknowledged
   * @param at when
   * @return the new value
   */
  public SecurityReminder acknowledged(Id<WorkforceMember> member, Instant at) {
    List<Recipient> next =
        recipients.stream()
            .map(
                r ->
                    r.member().equals(member) && r.acknowledgedAt() == null
                        ? new Recipient(member, at)
                        : r)
            .toList();
    return new SecurityReminder(
        id,
        organization,
        title,
        content,
        contentSha256,
        channel,
        sentOn,
        sentAt,
        sentBy,
        acknowledgementRequired,
        next);
  }
}
