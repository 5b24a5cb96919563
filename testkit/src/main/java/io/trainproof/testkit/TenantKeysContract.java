package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.domain.CrossOrganizationGrant;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.LegalHold;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.SecurityReminder;
import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.Transaction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The storage contract for ids under per-organization keys (issue 22: every key starts with the
 * organization, so a schema can be distributed by it): an id is unique within its organization
 * only, and a record saved whole (a legal hold, a security reminder, a cross-organization grant)
 * under an id another organization also uses is the caller's own record. The other organization's
 * record is never read, changed or deleted by it. {@link StoreContract} implements this interface,
 * so every store's contract test runs these cases with the rest. Each case works in organizations
 * of its own.
 */
public interface TenantKeysContract {
  /** An instant with microsecond precision, which every supported database keeps. */
  Instant KEYS_TIME = Instant.parse("2026-03-04T05:06:07.654321Z");

  /**
   * @return the store under test, fresh (or shared) per test
   */
  Store store();

  @Test
  default void aRecordSavedUnderAnotherOrganizationsIdIsTheCallersOwn() {
    Organization mine = newOrganization();
    Organization theirs = newOrganization();
    Id<LegalHold> holdId = Id.random();
    Id<SecurityReminder> reminderId = Id.random();
    Id<CrossOrganizationGrant> grantId = Id.random();
    LegalHold theirHold = hold(holdId, theirs, "their matter");
    SecurityReminder theirReminder = reminder(reminderId, theirs, "Their reminder");
    CrossOrganizationGrant theirGrant = grant(grantId, theirs, "support-1");
    inTx(
        t -> {
          t.retention().saveHold(theirHold);
          t.documentation().saveReminder(theirReminder);
          t.grants().save(theirGrant);
        });

    LegalHold myHold = hold(holdId, mine, "my matter");
    SecurityReminder myReminder = reminder(reminderId, mine, "My reminder");
    CrossOrganizationGrant myGrant = grant(grantId, mine, "support-1");
    inTx(
        t -> {
          t.retention().saveHold(myHold);
          t.documentation().saveReminder(myReminder);
          t.grants().save(myGrant);
        });

    assertThat(read((Transaction t) -> t.retention().holds(mine.id())))
        .as("the hold lands in the caller's organization")
        .containsExactly(myHold);
    assertThat(read((Transaction t) -> t.retention().holds(theirs.id())))
        .as("the other organization's hold with the same id is untouched")
        .containsExactly(theirHold);
    assertThat(read((Transaction t) -> t.documentation().findReminder(mine.id(), reminderId)))
        .contains(myReminder);
    assertThat(read((Transaction t) -> t.documentation().findReminder(theirs.id(), reminderId)))
        .as("the other organization's reminder with the same id is untouched")
        .contains(theirReminder);
    assertThat(read((Transaction t) -> t.grants().forActor(mine.id(), "support-1")))
        .containsExactly(myGrant);
    assertThat(read((Transaction t) -> t.grants().forActor(theirs.id(), "support-1")))
        .as("the other organization's grant with the same id is untouched")
        .containsExactly(theirGrant);

    // Saving again changes the caller's record only.
    LegalHold released =
        new LegalHold(
            holdId,
            mine.id(),
            "my matter",
            null,
            null,
            null,
            "officer",
            KEYS_TIME,
            "officer-2",
            KEYS_TIME.plusSeconds(5));
    inTx(t -> t.retention().saveHold(released));
    assertThat(read((Transaction t) -> t.retention().holds(mine.id()))).containsExactly(released);
    assertThat(read((Transaction t) -> t.retention().holds(theirs.id())))
        .containsExactly(theirHold);
  }

  private static LegalHold hold(Id<LegalHold> id, Organization org, String matter) {
    return new LegalHold(id, org.id(), matter, null, null, null, "officer", KEYS_TIME, null, null);
  }

  private static SecurityReminder reminder(
      Id<SecurityReminder> id, Organization org, String title) {
    return new SecurityReminder(
        id,
        org.id(),
        title,
        "Watch out",
        Fixtures.sha256("Watch out"),
        "email",
        LocalDate.of(2026, 3, 4),
        KEYS_TIME,
        "officer",
        false,
        List.of());
  }

  private static CrossOrganizationGrant grant(
      Id<CrossOrganizationGrant> id, Organization org, String actor) {
    return new CrossOrganizationGrant(
        id, org.id(), actor, "platform", "TICKET-1", KEYS_TIME, KEYS_TIME.plusSeconds(3600), null);
  }

  private Organization newOrganization() {
    return ContractRecords.organization(
        store(), ZoneId.of("America/Chicago"), Period.ofYears(6), KEYS_TIME);
  }

  private <T> T read(Function<Transaction, T> work) {
    return ContractRecords.read(store(), work);
  }

  private void inTx(Consumer<Transaction> work) {
    ContractRecords.inTx(store(), work);
  }
}
