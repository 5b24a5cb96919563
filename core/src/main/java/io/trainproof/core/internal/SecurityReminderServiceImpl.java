package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.ValidationException;
import io.trainproof.core.access.Operation;
import io.trainproof.core.audit.AuditChain;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.NotificationKind;
import io.trainproof.core.domain.SecurityReminder;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.notification.SecurityReminderService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Implements {@link SecurityReminderService}. Thread-safe. Not API. */
public final class SecurityReminderServiceImpl implements SecurityReminderService {
  private final Context ctx;

  /**
   * Creates the service.
   *
   * @param ctx shared collaborators
   */
  public SecurityReminderServiceImpl(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public SecurityReminder send(
      Actor actor,
      String title,
      String content,
      String channel,
      Audience audience,
      boolean acknowledgementRequired) {
    String t = Check.notBlank("title", title);
    String c = Check.notBlank("content", content);
    String ch = Check.notBlank("channel", channel);
    Check.notNull("audience", audience);
    return ctx.run(
        actor,
        Operation.SECURITY_REMINDER_SEND,
        w -> {
          LocalDate today = w.today();
          List<SecurityReminder.Recipient> recipients = new ArrayList<>();
          for (WorkforceMember m : w.tx().members().list(w.org().id())) {
            if (m.termsOn(today)
                .map(terms -> m.activeOn(today) && audience.matches(terms))
                .orElse(false)) {
              recipients.add(new SecurityReminder.Recipient(m.id(), null));
            }
          }
          if (recipients.isEmpty()) {
            throw new ValidationException("audience", audience, "has no active member");
          }
          SecurityReminder reminder =
              new SecurityReminder(
                  Id.random(),
                  w.org().id(),
                  t,
                  c,
                  AuditChain.sha256(c),
                  ch,
                  today,
                  w.now(),
                  actor.id(),
                  acknowledgementRequired,
                  recipients);
          w.tx().documentation().saveReminder(reminder);
          for (SecurityReminder.Recipient r : recipients) {
            w.notify(
                "security:" + reminder.id() + ":" + r.member(),
                NotificationKind.SECURITY_REMINDER,
                r.member(),
                Map.of(
                    "reminder",
                    reminder.id().toString(),
                    "title",
                    t,
                    "acknowledgementRequired",
                    String.valueOf(acknowledgementRequired)));
          }
          w.audit(
              "SECURITY_REMINDER_SENT",
              "SecurityReminder",
              reminder.id(),
              Map.of(
                  "channel",
                  ch,
                  "contentSha256",
                  reminder.contentSha256(),
                  "recipients",
                  String.valueOf(recipients.size())));
          return reminder;
        });
  }

  @Override
  public SecurityReminder acknowledge(Actor actor, Id<SecurityReminder> reminderId) {
    Check.notNull("reminder", reminderId);
    return ctx.run(
        actor,
        Operation.SECURITY_REMINDER_ACKNOWLEDGE,
        w -> {
          SecurityReminder reminder =
              w.tx()
                  .documentation()
                  .findReminder(w.org().id(), reminderId)
                  .orElseThrow(() -> new NotFoundException("SecurityReminder", reminderId));
          Id<WorkforceMember> me = actor.member();
          SecurityReminder.Recipient mine =
              reminder.recipients().stream()
                  .filter(r -> r.member().equals(me))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new ValidationException(
                              "reminder", reminderId, "was not sent to this member"));
          if (mine.acknowledgedAt() != null) {
            return reminder;
          }
          SecurityReminder updated = reminder.acknowledged(mine.member(), w.now());
          w.tx().documentation().saveReminder(updated);
          w.audit(
              "SECURITY_REMINDER_ACKNOWLEDGED",
              "SecurityReminder",
              reminder.id(),
              Map.of("member", mine.member().toString()));
          return updated;
        });
  }

  @Override
  public List<SecurityReminder> log(Actor actor, LocalDate from, LocalDate to) {
    Check.notNull("from", from);
    Check.notNull("to", to);
    if (to.isBefore(from)) {
      throw new ValidationException("to", to, "is before from (" + from + ")");
    }
    return ctx.run(
        actor,
        Operation.SECURITY_REMINDER_READ,
        w ->
            w.tx().documentation().reminders(w.org().id()).stream()
                .filter(r -> !r.sentOn().isBefore(from) && !r.sentOn().isAfter(to))
                .toList());
  }
}
