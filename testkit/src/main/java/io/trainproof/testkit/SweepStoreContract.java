package io.trainproof.testkit;

import static io.trainproof.testkit.ContractRecords.member;
import static io.trainproof.testkit.ContractRecords.newOrg;
import static io.trainproof.testkit.ContractRecords.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The storage contract for the daily sweep's claims (issue 22's incremental sweep included): each
 * member is claimed once per day, claims roll back with their transaction, and a member's next
 * change date is kept, reset per member or per organization, and chooses whom the incremental claim
 * takes. {@link StoreContract} implements this interface, so every store's contract test runs these
 * cases with the rest. Each case works in organizations of its own.
 */
public interface SweepStoreContract {
  /**
   * @return the store under test, fresh (or shared) per test
   */
  Store store();

  @Test
  default void sweepClaimsVisitEachMemberOncePerDayAndRollBackWithTheirTransaction() {
    Organization org = newOrg(store());
    Organization other = newOrg(store());
    List<WorkforceMember> members = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String ext = "E" + i;
      members.add(read(store(), (Transaction t) -> t.members().insert(member(org, ext))));
    }
    read(store(), (Transaction t) -> t.members().insert(member(other, "X")));
    // One member with a history of terms (a manager, then a later change), so a claim is seen
    // to return members exactly as stored.
    MemberTerms managed =
        new MemberTerms(
            LocalDate.of(2025, 6, 1),
            WorkforceType.EMPLOYEE,
            Set.of("coder"),
            "Billing",
            members.get(1).id(),
            MemberStatus.ACTIVE);
    WorkforceMember changed =
        read(store(), (Transaction t) -> t.members().update(members.get(0).withTerms(managed)));
    WorkforceMember onLeave =
        changed.withTerms(managed.withStatus(LocalDate.of(2025, 9, 1), MemberStatus.ON_LEAVE));
    members.set(0, read(store(), (Transaction t) -> t.members().update(onLeave)));
    LocalDate day = LocalDate.of(2026, 3, 1);
    // A claim that rolls back leaves the members unclaimed.
    assertThatThrownBy(
            () ->
                read(
                    store(),
                    (Transaction t) -> {
                      assertThat(t.members().claimForSweep(org.id(), day, 3)).hasSize(3);
                      throw new IllegalStateException("crash mid-batch");
                    }))
        .isInstanceOf(IllegalStateException.class);
    List<WorkforceMember> first =
        read(store(), (Transaction t) -> t.members().claimForSweep(org.id(), day, 3));
    List<WorkforceMember> second =
        read(store(), (Transaction t) -> t.members().claimForSweep(org.id(), day, 3));
    assertThat(first).hasSize(3);
    assertThat(second).hasSize(2);
    List<WorkforceMember> all = new ArrayList<>(first);
    all.addAll(second);
    assertThat(all).containsExactlyInAnyOrderElementsOf(members);
    assertThat(members.get(0).history()).hasSize(3);
    assertThat(read(store(), (Transaction t) -> t.members().claimForSweep(org.id(), day, 3)))
        .isEmpty();
    // The next day, everyone is claimable again; the other organization was never touched.
    assertThat(
            read(
                store(),
                (Transaction t) -> t.members().claimForSweep(org.id(), day.plusDays(1), 10)))
        .hasSize(5);
    assertThat(read(store(), (Transaction t) -> t.members().claimForSweep(other.id(), day, 10)))
        .hasSize(1);
  }

  @Test
  default void nextChangeDatesRoundTripAndAreResetPerMemberOrPerOrganization() {
    Organization org = newOrg(store());
    Organization other = newOrg(store());
    List<WorkforceMember> members = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String ext = "N" + i;
      members.add(read(store(), (Transaction t) -> t.members().insert(member(org, ext))));
    }
    WorkforceMember stranger =
        read(store(), (Transaction t) -> t.members().insert(member(other, "S")));
    Id<WorkforceMember> a = members.get(0).id();
    Id<WorkforceMember> b = members.get(1).id();
    Id<WorkforceMember> c = members.get(2).id();
    Id<WorkforceMember> d = members.get(3).id();
    // A new member has no date.
    assertThat(read(store(), (Transaction t) -> t.members().nextChange(org.id(), a))).isEmpty();
    LocalDate far = LocalDate.of(9999, 12, 31);
    read(
        store(),
        (Transaction t) -> {
          t.members()
              .setNextChange(
                  org.id(),
                  Map.of(
                      a, LocalDate.of(2026, 3, 5),
                      b, LocalDate.of(2026, 4, 1),
                      c, far,
                      d, LocalDate.of(2026, 3, 5)));
          // Another organization's member named under this one is left alone.
          t.members().setNextChange(org.id(), Map.of(stranger.id(), LocalDate.of(2026, 1, 1)));
          t.members().setNextChange(other.id(), Map.of(stranger.id(), LocalDate.of(2026, 6, 1)));
          return null;
        });
    assertThat(read(store(), (Transaction t) -> t.members().nextChange(org.id(), a)))
        .contains(LocalDate.of(2026, 3, 5));
    assertThat(read(store(), (Transaction t) -> t.members().nextChange(org.id(), c))).contains(far);
    assertThat(read(store(), (Transaction t) -> t.members().nextChange(other.id(), stranger.id())))
        .contains(LocalDate.of(2026, 6, 1));
    // Never across organizations.
    assertThat(read(store(), (Transaction t) -> t.members().nextChange(other.id(), a))).isEmpty();
    // Setting a date that rolls back leaves the old one.
    assertThatThrownBy(
            () ->
                read(
                    store(),
                    (Transaction t) -> {
                      t.members().setNextChange(org.id(), Map.of(a, LocalDate.of(2030, 1, 1)));
                      t.members().resetNextChange(org.id(), List.of(b));
                      throw new IllegalStateException("crash");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(read(store(), (Transaction t) -> t.members().nextChange(org.id(), a)))
        .contains(LocalDate.of(2026, 3, 5));
    assertThat(read(store(), (Transaction t) -> t.members().nextChange(org.id(), b)))
        .contains(LocalDate.of(2026, 4, 1));
    // One member's reset, named under another organization, does nothing.
    read(
        store(),
        (Transaction t) -> {
          t.members().resetNextChange(other.id(), List.of(a));
          t.members().resetNextChange(org.id(), List.of());
          return null;
        });
    assertThat(read(store(), (Transaction t) -> t.members().nextChange(org.id(), a))).isPresent();
    read(
        store(),
        (Transaction t) -> {
          t.members().resetNextChange(org.id(), List.of(a, b));
          return null;
        });
    assertThat(read(store(), (Transaction t) -> t.members().nextChange(org.id(), a))).isEmpty();
    assertThat(read(store(), (Transaction t) -> t.members().nextChange(org.id(), b))).isEmpty();
    assertThat(read(store(), (Transaction t) -> t.members().nextChange(org.id(), c))).contains(far);
    // The organization's reset unsets all of its members and none of another's.
    read(
        store(),
        (Transaction t) -> {
          t.members().resetNextChangeAll(org.id());
          return null;
        });
    for (WorkforceMember m : members) {
      assertThat(read(store(), (Transaction t) -> t.members().nextChange(org.id(), m.id())))
          .isEmpty();
    }
    assertThat(read(store(), (Transaction t) -> t.members().nextChange(other.id(), stranger.id())))
        .contains(LocalDate.of(2026, 6, 1));
  }

  @Test
  default void theIncrementalClaimTakesOnlyMembersWhoseDateHasComeOrIsUnset() {
    Organization org = newOrg(store());
    Organization other = newOrg(store());
    List<WorkforceMember> members = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String ext = "D" + i;
      members.add(read(store(), (Transaction t) -> t.members().insert(member(org, ext))));
    }
    WorkforceMember stranger =
        read(store(), (Transaction t) -> t.members().insert(member(other, "S")));
    LocalDate day = LocalDate.of(2026, 3, 10);
    // members 0 and 1 unset; 2 due earlier; 3 due today; 4 tomorrow; 5 never.
    read(
        store(),
        (Transaction t) -> {
          t.members()
              .setNextChange(
                  org.id(),
                  Map.of(
                      members.get(2).id(), day.minusDays(4),
                      members.get(3).id(), day,
                      members.get(4).id(), day.plusDays(1),
                      members.get(5).id(), LocalDate.of(9999, 12, 31)));
          return null;
        });
    List<WorkforceMember> due = members.subList(0, 4);
    // A claim that rolls back leaves its members unclaimed.
    assertThatThrownBy(
            () ->
                read(
                    store(),
                    (Transaction t) -> {
                      assertThat(t.members().claimDueForSweep(org.id(), day, 10)).hasSize(4);
                      throw new IllegalStateException("crash mid-batch");
                    }))
        .isInstanceOf(IllegalStateException.class);
    List<WorkforceMember> first =
        read(store(), (Transaction t) -> t.members().claimDueForSweep(org.id(), day, 3));
    List<WorkforceMember> second =
        read(store(), (Transaction t) -> t.members().claimDueForSweep(org.id(), day, 3));
    assertThat(first).hasSize(3);
    assertThat(first.stream().map(WorkforceMember::id).toList()).doesNotHaveDuplicates();
    assertThat(second).hasSize(1);
    List<WorkforceMember> all = new ArrayList<>(first);
    all.addAll(second);
    assertThat(all).containsExactlyInAnyOrderElementsOf(due);
    // Visited today: not claimed again, by either claim; those not due were not marked visited.
    assertThat(read(store(), (Transaction t) -> t.members().claimDueForSweep(org.id(), day, 10)))
        .isEmpty();
    // A reset makes a member due the same day, unless it was already visited today.
    read(
        store(),
        (Transaction t) -> {
          t.members().resetNextChange(org.id(), List.of(members.get(4).id(), members.get(0).id()));
          return null;
        });
    assertThat(read(store(), (Transaction t) -> t.members().claimDueForSweep(org.id(), day, 10)))
        .containsExactly(members.get(4));
    // The full claim still takes everyone not visited today, whatever their date.
    assertThat(read(store(), (Transaction t) -> t.members().claimForSweep(org.id(), day, 10)))
        .containsExactly(members.get(5));
    // The next day: the unset ones (0, 1, 4 reset, and none set since), and 2 and 3 whose dates
    // have passed; 5 never.
    LocalDate next = day.plusDays(1);
    assertThat(read(store(), (Transaction t) -> t.members().claimDueForSweep(org.id(), next, 10)))
        .containsExactlyInAnyOrderElementsOf(members.subList(0, 5));
    // After an organization-wide reset everyone is due; another organization is untouched.
    read(
        store(),
        (Transaction t) -> {
          t.members().setNextChange(other.id(), Map.of(stranger.id(), next.plusYears(1)));
          t.members().resetNextChangeAll(org.id());
          return null;
        });
    LocalDate third = next.plusDays(1);
    assertThat(read(store(), (Transaction t) -> t.members().claimDueForSweep(org.id(), third, 10)))
        .containsExactlyInAnyOrderElementsOf(members);
    assertThat(
            read(store(), (Transaction t) -> t.members().claimDueForSweep(other.id(), third, 10)))
        .isEmpty();
  }
}
