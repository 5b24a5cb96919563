package io.trainproof.persistence.jpa.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Row of {@code tp_security_reminder} with its recipients in {@code
 * tp_security_reminder_recipient}. Not thread-safe (a JPA entity). Not API.
 */
@Entity(name = "TpSecurityReminder")
@Table(name = "tp_security_reminder")
@IdClass(OrgScopedId.class)
public class ReminderEntity {
  @Id
  @Column(name = "id", nullable = false)
  UUID id = new UUID(0, 0);

  @Id
  @Column(name = "org_id", nullable = false)
  UUID orgId = new UUID(0, 0);

  @Column(name = "title", nullable = false, length = 500)
  String title = "";

  @Column(name = "content", nullable = false, length = 1000000)
  String content = "";

  @Column(name = "content_sha256", nullable = false, length = 64)
  String contentSha256 = "";

  @Column(name = "channel", nullable = false, length = 100)
  String channel = "";

  @Column(name = "sent_on", nullable = false)
  LocalDate sentOn = LocalDate.EPOCH;

  @Column(name = "sent_at", nullable = false)
  Instant sentAt = Instant.EPOCH;

  @Column(name = "sent_by", nullable = false, length = 200)
  String sentBy = "";

  @Column(name = "ack_required", nullable = false)
  boolean acknowledgementRequired;

  @ElementCollection
  @CollectionTable(
      name = "tp_security_reminder_recipient",
      joinColumns = {
        @JoinColumn(name = "org_id", referencedColumnName = "org_id"),
        @JoinColumn(name = "reminder_id", referencedColumnName = "id")
      })
  @OrderColumn(name = "seq")
  List<Recipient> recipients = new ArrayList<>();

  /** For JPA. */
  protected ReminderEntity() {}

  ReminderEntity(UUID id) {
    this.id = id;
  }

  /**
   * One recipient.
   *
   * @param member the member
   * @param acknowledgedAt when acknowledged, if so
   */
  @Embeddable
  public record Recipient(
      @Column(name = "member_id", nullable = false) UUID member,
      @Column(name = "acknowledged_at") @Nullable Instant acknowledgedAt) {}
}
