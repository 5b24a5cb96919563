package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.workforce.WorkforceService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A member's changes, leave and termination as the audit trail records them, and the order they
 * must come in.
 */
class WorkforceTrailTest {
  static final ZoneId ZONE = ZoneId.of("America/Denver");
  static final LocalDate TODAY = LocalDate.of(2026, 5, 4);

  Trainproof tp;
  Fixtures fx;
  WorkforceMember boss;
  WorkforceMember m;

  @BeforeEach
  void setUp() {
    SettableClock clock = SettableClock.at(ZonedDateTime.of(TODAY.atTime(9, 0), ZONE).toInstant());
    tp = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();
    fx = Fixtures.organization(tp, ZONE);
    boss = fx.hire(TODAY.minusYears(2), "Ward", "lead");
    m = fx.hire(TODAY.minusYears(1), "Ward", "nurse");
  }

  AuditEntry last(String action) {
    return tp
        .audit()
        .entries(fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
        .stream()
        .filter(e -> e.action().equals(action))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  @Test
  void aChangeRecordsTheNewTermsInFull() {
    tp.workforce()
        .change(
            fx.officer(),
            m.id(),
            new WorkforceService.MemberChange(
                TODAY, Set.of("nurse", "charge"), "ICU", boss.id(), WorkforceType.CONTRACTOR));
    AuditEntry e = last("MEMBER_CHANGED");
    assertThat(e.subjectId()).isEqualTo(m.id().toString());
    assertThat(e.details())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "effectiveFrom",
                TODAY.toString(),
                "type",
                "CONTRACTOR",
                "roles",
                "charge,nurse",
                "department",
                "ICU",
                "status",
                "ACTIVE",
                "manager",
                boss.id().toString()));
    // Only what changes needs to be given; the rest carries over.
    tp.workforce()
        .change(
            fx.officer(),
            m.id(),
            new WorkforceService.MemberChange(TODAY.plusDays(1), null, null, null, null));
    assertThat(last("MEMBER_CHANGED").details())
        .containsEntry("department", "ICU")
        .containsEntry("type", "CONTRACTOR")
        .containsEntry("manager", boss.id().toString());
    assertThatThrownBy(
            () ->
                tp.workforce()
                    .change(
                        fx.officer(),
                        m.id(),
                        new WorkforceService.MemberChange(
                            TODAY.plusDays(1), null, null, m.id(), null)))
        .isInstanceOfSatisfying(
            ValidationException.class, e2 -> assertThat(e2.field()).isEqualTo("manager"));
  }

  @Test
  void leaveStartsOnlyForAnActiveMemberAndEndsOnlyAfterItBegan() {
    assertThatThrownBy(() -> tp.workforce().returnFromLeave(fx.officer(), m.id(), TODAY))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("member"));
    assertThatThrownBy(() -> tp.workforce().startLeave(fx.officer(), m.id(), TODAY.minusYears(2)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("effectiveOn"));
    WorkforceMember away = tp.workforce().startLeave(fx.officer(), m.id(), TODAY);
    assertThat(away.latestTerms().status()).isEqualTo(MemberStatus.ON_LEAVE);
    assertThat(last("MEMBER_LEAVE_STARTED").details())
        .containsExactlyEntriesOf(Map.of("from", TODAY.toString()));
    assertThatThrownBy(() -> tp.workforce().startLeave(fx.officer(), m.id(), TODAY.plusDays(1)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("member"));
    assertThatThrownBy(() -> tp.workforce().returnFromLeave(fx.officer(), m.id(), TODAY))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("on"));
    WorkforceMember back = tp.workforce().returnFromLeave(fx.officer(), m.id(), TODAY.plusDays(30));
    assertThat(back.latestTerms().status()).isEqualTo(MemberStatus.ACTIVE);
    assertThat(last("MEMBER_RETURNED").details())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("on", TODAY.plusDays(30).toString(), "leaveStart", TODAY.toString()));
  }

  @Test
  void aTerminationIsAuditedAndMemberLookupsByExternalIdWork() {
    tp.workforce().terminate(fx.officer(), m.id(), TODAY);
    assertThat(last("MEMBER_TERMINATED").details())
        .containsExactlyEntriesOf(Map.of("on", TODAY.toString()));
    assertThat(tp.workforce().findByExternalId(fx.officer(), m.externalId()))
        .map(WorkforceMember::id)
        .contains(m.id());
    assertThat(tp.workforce().findByExternalId(fx.officer(), "EMP-NONE")).isEmpty();
  }
}
