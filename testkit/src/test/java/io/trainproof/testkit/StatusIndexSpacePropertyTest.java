package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.Trainproof;
import io.trainproof.core.attestation.AttestationService;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AttestationMethod;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.IssuedCredential;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.spi.Transaction;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Certificates, host-signed credentials and sealed attestations draw their status indexes from one
 * space per organization: whatever the order and mix in which they are issued, in a list small
 * enough that collisions are likely, no index is held twice and every index lies in the list.
 */
class StatusIndexSpacePropertyTest {
  /** Small, so that random draws collide often and the allocation has to look past them. */
  static final int LIST_SIZE = 48;

  static final ZoneId ZONE = ZoneId.of("Australia/Eucla");
  static final LocalDate TODAY = LocalDate.of(2026, 2, 28);

  /** 0: a completion issues a certificate; 1: a host credential is signed; 2: an attestation. */
  @Property(tries = 60)
  void certificatesAndOtherCredentialsNeverShareAnIndex(
      @ForAll @Size(min = 1, max = LIST_SIZE / 2) List<@IntRange(min = 0, max = 2) Integer> kinds) {
    InMemoryStore store = new InMemoryStore();
    Trainproof tp =
        Trainproof.builder()
            .store(store)
            .clock(SettableClock.at(ZonedDateTime.of(TODAY.atTime(8, 0), ZONE).toInstant()))
            .credentialIssuer(new StubIssuer(LIST_SIZE))
            .build();
    Fixtures fx = Fixtures.organization(tp, ZONE);
    Actor officer = fx.officer();
    fx.requirement("Onboarding", Fixtures.terms(fx.course("HIPAA"), TODAY.minusYears(1)).build());
    PolicyVersion version =
        tp.policies().versions(officer, fx.policy("PRIV", TODAY.minusDays(5)).id()).get(0);
    List<WorkforceMember> members = new ArrayList<>();
    int expectedCredentials = 0;
    for (int kind : kinds) {
      WorkforceMember m = fx.hire(TODAY, "ICU", "nurse");
      members.add(m);
      switch (kind) {
        case 0 -> {
          Assignment a = tp.assignments().forMember(officer, m.id()).get(0);
          tp.completions()
              .record(officer, CompletionService.Request.inApp(a.id(), TODAY, 90, officer.id()));
        }
        case 1 -> {
          tp.certificates()
              .signCredential(officer, "{\"id\":\"urn:uuid:" + UUID.randomUUID() + "\"}", null);
          expectedCredentials++;
        }
        default -> {
          var requested = tp.attestations().request(officer, m.id(), version.id(), TODAY);
          tp.attestations()
              .record(
                  new Actor("u-" + m.id(), ActorRole.MEMBER, fx.org().id(), m.id()),
                  new AttestationService.Submission(
                      requested.id(),
                      "I have read it.",
                      AttestationMethod.CLICK_THROUGH,
                      null,
                      null));
          expectedCredentials++;
        }
      }
    }

    List<Integer> certificateIndexes = new ArrayList<>();
    for (WorkforceMember m : members) {
      tp.certificates().forMember(officer, m.id()).stream()
          .map(Certificate::statusIndex)
          .forEach(certificateIndexes::add);
    }
    List<Integer> credentialIndexes =
        store.inTransaction(
            (Transaction t) ->
                t.certificates()
                    .credentialStatusIndexes(fx.org().id(), IssuedCredential.Status.VALID));
    assertThat(certificateIndexes).hasSize(kinds.size() - expectedCredentials);
    assertThat(credentialIndexes).hasSize(expectedCredentials);
    Set<Integer> all = new HashSet<>(certificateIndexes);
    all.addAll(credentialIndexes);
    assertThat(all).as("no index held twice").hasSize(kinds.size());
    assertThat(all).allSatisfy(i -> assertThat(i).isBetween(0, LIST_SIZE - 1));
  }
}
