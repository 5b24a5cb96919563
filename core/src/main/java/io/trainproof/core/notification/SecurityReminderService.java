package io.trainproof.core.notification;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.SecurityReminder;
import java.time.LocalDate;
import java.util.List;

/** Security reminders: send, acknowledge, and the log kept as evidence. Thread-safe. */
public interface SecurityReminderService {

  /**
   * Sends a reminder to every active member in an audience (one outbox message each).
   *
   * @param actor the caller
   * @param title a short title
   * @param content the content
   * @param channel the channel
   * @param audience who receives it
   * @param acknowledgementRequired whether recipients must acknowledge
   * @return the reminder as kept
   */
  SecurityReminder send(
      Actor actor,
      String title,
      String content,
      String channel,
      Audience audience,
      boolean acknowledgementRequired);

  /**
   * Records the calling member's acknowledgement.
   *
   * @param actor the member
   * @param reminder the reminder
   * @return the reminder
   */
  SecurityReminder acknowledge(Actor actor, Id<SecurityReminder> reminder);

  /**
   * The reminders sent in a date range.
   *
   * @param actor the caller
   * @param from first date (inclusive)
   * @param to last date (inclusive)
   * @return the reminders, oldest first
   */
  List<SecurityReminder> log(Actor actor, LocalDate from, LocalDate to);
}
