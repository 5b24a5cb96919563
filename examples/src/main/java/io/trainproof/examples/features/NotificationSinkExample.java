package io.trainproof.examples.features;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.Notification;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.notification.NotificationDispatcher;
import io.trainproof.core.notification.NotificationSink;
import io.trainproof.core.organization.OrganizationService;
import io.trainproof.core.workforce.WorkforceService;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

/**
 * A notification sink: Trainproof writes reminders, escalations, attestation requests and security
 * reminders to its outbox in the same transaction as the change; the host's sink delivers them.
 * Throwing means "retry later with backoff"; returning means delivered, and the message is never
 * offered again. The sink should drop a key it has already delivered, for the case where the
 * process died between delivering and recording it.
 */
public final class NotificationSinkExample {
  private NotificationSinkExample() {}

  /**
   * A sink that "emails" and remembers what it delivered (a host would keep this in its database).
   */
  static final class EmailSink implements NotificationSink {
    private final Set<String> delivered = new HashSet<>();
    private int calls;

    @Override
    public void deliver(Notification n) throws IOException {
      if (++calls == 1) {
        throw new IOException("mail server busy"); // the first attempt fails and is retried
      }
      if (delivered.add(n.organization() + "/" + n.idempotencyKey())) {
        System.out.println("email " + n.kind() + " to member " + n.recipient() + " " + n.payload());
      }
    }
  }

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Trainproof trainproof =
        Trainproof.builder()
            .store(new InMemoryStore())
            .clock(Clock.systemUTC())
            .notificationSink(new EmailSink())
            .build();
    Organization org =
        trainproof
            .organizations()
            .create(
                Actor.platform("vendor-admin"),
                OrganizationService.NewOrganization.of("Valley Clinic", ZoneId.of("UTC")));
    Actor officer = Actor.complianceOfficer("u-1", org.id());
    trainproof
        .workforce()
        .hire(
            officer,
            new WorkforceService.NewMember(
                "HR-1",
                "A. Nurse",
                WorkforceType.EMPLOYEE,
                Set.of("nurse"),
                "Clinic",
                null,
                LocalDate.now(Clock.systemUTC())));
    trainproof
        .securityReminders()
        .send(
            officer,
            "Phishing",
            "Report suspicious mail to IT.",
            "email",
            Audience.everyone(),
            true);
    NotificationDispatcher.DispatchResult first = trainproof.notifications().dispatch();
    System.out.println(
        "first dispatch: " + first + " (a failure waits for its backoff before the next try)");
  }
}
