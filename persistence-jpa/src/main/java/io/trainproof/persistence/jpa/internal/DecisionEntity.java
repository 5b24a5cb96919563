package io.trainproof.persistence.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Row of {@code tp_addressable_decision}. Not thread-safe (a JPA entity). Not API. */
@Entity(name = "TpDecision")
@Table(name = "tp_addressable_decision")
@IdClass(OrgScopedId.class)
public class DecisionEntity {
  @Id
  @Column(name = "id", nullable = false)
  UUID id = new UUID(0, 0);

  @Id
  @Column(name = "org_id", nullable = false)
  UUID orgId = new UUID(0, 0);

  @Column(name = "topic", nullable = false, length = 40)
  String topic = "";

  @Column(name = "number", nullable = false)
  int number;

  @Column(name = "implemented_as_training", nullable = false)
  boolean implementedAsTraining;

  @Column(name = "rationale", nullable = false, length = 4000)
  String rationale = "";

  @Column(name = "alternative_measure", length = 4000)
  @Nullable String alternativeMeasure;

  @Column(name = "decided_on", nullable = false)
  LocalDate decidedOn = LocalDate.EPOCH;

  @Column(name = "decided_by", nullable = false, length = 200)
  String decidedBy = "";

  @Column(name = "recorded_at", nullable = false)
  Instant recordedAt = Instant.EPOCH;

  /** For JPA. */
  protected DecisionEntity() {}

  DecisionEntity(UUID id) {
    this.id = id;
  }
}
