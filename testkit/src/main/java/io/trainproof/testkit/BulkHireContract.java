package io.trainproof.testkit;

import static io.trainproof.testkit.ContractRecords.CENTURY_ON;
import static io.trainproof.testkit.ContractRecords.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.ConflictException;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.audit.AuditChain;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.Transaction;
import io.trainproof.core.workforce.WorkforceService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The storage contract for bulk hires through the services: a bulk hire leaves what one-by-one
 * hires leave, and a refused one writes nothing. {@link StoreContract} implements this interface,
 * so every store's contract test runs these cases with the rest. Each case works in organizations
 * of its own.
 */
public interface BulkHireContract {
  /**
   * @return the store under test, fresh (or shared) per test
   */
  Store store();

  @Test
  default void bulkHiresGiveWhatOneByOneHiresGive() {
    Trainproof tp = Trainproof.builder().store(store()).clock(SettableClock.at(CENTURY_ON)).build();
    Fixtures one = hiringWorld(tp);
    Fixtures bulk = hiringWorld(tp);
    LocalDate today = one.org().dateOf(CENTURY_ON);
    WorkforceMember oneManager = one.hire(today.minusYears(1), "Dept-0", "lead");
    WorkforceMember bulkManager = bulk.hire(today.minusYears(1), "Dept-0", "lead");
    List<WorkforceMember> hiredOne = new ArrayList<>();
    for (var request : hires(today, oneManager.id())) {
      hiredOne.add(tp.workforce().hire(one.officer(), request));
    }
    List<WorkforceMember> hiredBulk =
        tp.workforce().hireAll(bulk.officer(), hires(today, bulkManager.id()));
    assertThat(hiredBulk)
        .extracting(WorkforceMember::externalId)
        .containsExactlyElementsOf(hiredOne.stream().map(WorkforceMember::externalId).toList());
    for (int i = 0; i < hiredOne.size(); i++) {
      assertThat(hiredBulk.get(i).latestTerms())
          .isEqualTo(
              hiredOne.get(i).latestTerms().manager() == null
                  ? hiredOne.get(i).latestTerms()
                  : new MemberTerms(
                      hiredOne.get(i).latestTerms().effectiveFrom(),
                      hiredOne.get(i).latestTerms().type(),
                      hiredOne.get(i).latestTerms().roles(),
                      hiredOne.get(i).latestTerms().department(),
                      bulkManager.id(),
                      hiredOne.get(i).latestTerms().status()));
      assertThat(footprint(bulk, hiredBulk.get(i)))
          .isNotEmpty()
          .isEqualTo(footprint(one, hiredOne.get(i)));
    }
    assertThat(auditActions(bulk))
        .isEqualTo(auditActions(one))
        .contains("MEMBER_HIRED", "ASSIGNMENT_CREATED");
    assertThat(outboxKinds(bulk)).isEqualTo(outboxKinds(one)).contains("ASSIGNED");
  }

  @Test
  default void aBulkHireWithABadRequestWritesNothing() {
    Trainproof tp = Trainproof.builder().store(store()).clock(SettableClock.at(CENTURY_ON)).build();
    Fixtures fx = hiringWorld(tp);
    LocalDate today = fx.org().dateOf(CENTURY_ON);
    WorkforceMember existing = fx.hire(today, "Dept-0", "nurse");
    List<WorkforceService.NewMember> requests = new ArrayList<>(hires(today, existing.id()));
    int auditBefore = auditActions(fx).size();
    var blank = requests.get(3);
    requests.set(
        3,
        new WorkforceService.NewMember(
            " ",
            blank.displayName(),
            blank.type(),
            blank.roles(),
            blank.department(),
            null,
            blank.engagedOn()));
    assertThatThrownBy(() -> tp.workforce().hireAll(fx.officer(), requests))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e -> assertThat(((ValidationException) e).field()).isEqualTo("requests[3].externalId"));
    requests.set(
        3,
        new WorkforceService.NewMember(
            existing.externalId(),
            blank.displayName(),
            blank.type(),
            blank.roles(),
            blank.department(),
            null,
            blank.engagedOn()));
    assertThatThrownBy(() -> tp.workforce().hireAll(fx.officer(), requests))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining(existing.externalId());
    requests.set(
        3,
        new WorkforceService.NewMember(
            "HR-3",
            blank.displayName(),
            blank.type(),
            blank.roles(),
            blank.department(),
            Id.random(),
            blank.engagedOn()));
    assertThatThrownBy(() -> tp.workforce().hireAll(fx.officer(), requests))
        .isInstanceOf(NotFoundException.class);
    assertThat(tp.workforce().list(fx.officer())).containsExactly(existing);
    assertThat(auditActions(fx)).hasSize(auditBefore);
    assertThat(read(store(), (Transaction t) -> t.assignments().list(fx.org().id())))
        .allMatch(a -> a.member().equals(existing.id()));
  }

  /**
   * A bulk hire that names one external id twice is refused by core before the store() is asked to
   * write (the store() only enforces that an external id is unique): the same conflict on every
   * store(), and nothing written.
   */
  @Test
  default void aBulkHireNamingAnExternalIdTwiceIsRefusedByCore() {
    Trainproof tp = Trainproof.builder().store(store()).clock(SettableClock.at(CENTURY_ON)).build();
    Fixtures fx = hiringWorld(tp);
    LocalDate today = fx.org().dateOf(CENTURY_ON);
    WorkforceMember existing = fx.hire(today, "Dept-0", "nurse");
    int auditBefore = auditActions(fx).size();
    List<WorkforceService.NewMember> requests = new ArrayList<>(hires(today, existing.id()));
    var again = requests.get(2);
    requests.add(
        new WorkforceService.NewMember(
            again.externalId(),
            "Someone else",
            again.type(),
            again.roles(),
            again.department(),
            null,
            again.engagedOn()));
    assertThatThrownBy(() -> tp.workforce().hireAll(fx.officer(), requests))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.entity()).isEqualTo("WorkforceMember");
              assertThat(e.key()).isEqualTo("externalId=" + again.externalId());
              assertThat(e.getMessage())
                  .isEqualTo("WorkforceMember externalId=" + again.externalId() + ": given twice");
            });
    assertThat(tp.workforce().list(fx.officer())).containsExactly(existing);
    assertThat(auditActions(fx)).hasSize(auditBefore);
  }

  /** An organization with a policy, two courses and two requirements (one for nurses only). */
  private static Fixtures hiringWorld(Trainproof tp) {
    Fixtures fx = Fixtures.organization(tp, ZoneId.of("America/Chicago"));
    Policy privacy = fx.policy("PRIV", LocalDate.of(2025, 1, 1));
    Course hipaa = fx.course("HIPAA", privacy);
    Course meds = fx.course("MEDS");
    fx.requirement(
        "Annual",
        Fixtures.terms(hipaa, LocalDate.of(2025, 1, 1))
            .recurrence(
                Recurrence.every(Period.ofYears(1), Recurrence.CountFrom.COMPLETION),
                Period.ofDays(30))
            .initialDueDays(30)
            .build());
    fx.requirement(
        "Meds",
        Fixtures.terms(meds, LocalDate.of(2025, 1, 1))
            .audience(Audience.roles("nurse"))
            .initialDueDays(14)
            .build());
    return fx;
  }

  private static List<WorkforceService.NewMember> hires(
      LocalDate today, Id<WorkforceMember> manager) {
    List<WorkforceService.NewMember> hires = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      hires.add(
          new WorkforceService.NewMember(
              "HR-" + i,
              "Member " + i,
              i % 3 == 0 ? WorkforceType.CONTRACTOR : WorkforceType.EMPLOYEE,
              i % 2 == 0 ? Set.of("nurse") : Set.of("clerk"),
              "Dept-" + (i % 2),
              i % 4 == 0 ? manager : null,
              today.plusDays(i * 5L - 20)));
    }
    return hires;
  }

  /** What a member's hire left behind, without ids: assignments, attestations. */
  private List<String> footprint(Fixtures fx, WorkforceMember m) {
    List<String> facts = new ArrayList<>();
    for (Assignment a : fx.trainproof().assignments().forMember(fx.officer(), m.id())) {
      facts.add(
          a.reason()
              + " "
              + a.assignedOn()
              + " "
              + a.anchorOn()
              + " "
              + a.dueOn()
              + " open="
              + a.isOpen());
    }
    facts.add(
        "attestations="
            + read(store(), (Transaction t) -> t.attestations().forMember(fx.org().id(), m.id()))
                .size());
    facts.sort(null);
    return facts;
  }

  private List<String> auditActions(Fixtures fx) {
    List<AuditEntry> chain =
        read(store(), (Transaction t) -> t.audit().range(fx.org().id(), 1, Long.MAX_VALUE));
    assertThat(AuditChain.verify(chain, 0, AuditChain.GENESIS).intact()).isTrue();
    return chain.stream().map(AuditEntry::action).sorted().toList();
  }

  private List<String> outboxKinds(Fixtures fx) {
    return read(
            store(),
            (Transaction t) ->
                t.outbox().between(fx.org().id(), Instant.EPOCH, CENTURY_ON.plusSeconds(1)))
        .stream()
        .map(n -> n.kind().name())
        .sorted()
        .toList();
  }
}
