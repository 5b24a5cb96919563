package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.Trainproof;
import io.trainproof.core.audit.AuditChain;
import io.trainproof.core.audit.AuditExport;
import io.trainproof.core.audit.ChainVerification;
import io.trainproof.core.audit.ChainVerification.Kind;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit trail: written with every change, and every kind of tampering is detected and located.
 */
class AuditTrailTest {
  static final ZoneId ZONE = ZoneId.of("Pacific/Chatham");
  SettableClock clock;
  Trainproof tp;
  InMemoryStore store;
  Fixtures fx;
  List<AuditEntry> chain;

  @BeforeEach
  void setUp() {
    clock = SettableClock.at(ZonedDateTime.of(2026, 2, 1, 9, 0, 0, 0, ZONE).toInstant());
    store = new InMemoryStore();
    tp = Trainproof.builder().store(store).clock(clock).build();
    fx = Fixtures.organization(tp, ZONE);
    Course course = fx.course("HIPAA", fx.policy("PRIV", LocalDate.of(2025, 1, 1)));
    fx.requirement("Onboarding", Fixtures.terms(course, LocalDate.of(2025, 1, 1)).build());
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofHours(1));
      WorkforceMember m = fx.hire(LocalDate.of(2026, 2, 1), "ICU", "nurse");
      Assignment a = tp.assignments().forMember(fx.officer(), m.id()).get(0);
      tp.completions()
          .record(
              fx.officer(),
              CompletionService.Request.inApp(a.id(), LocalDate.of(2026, 2, 1), 90, "officer-1"));
    }
    chain = tp.audit().entries(fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
  }

  @Test
  void everyChangeIsChainedInOrder() {
    assertThat(chain)
        .extracting(AuditEntry::action)
        .contains(
            "POLICY_CREATED",
            "POLICY_VERSION_PUBLISHED",
            "COURSE_CREATED",
            "REQUIREMENT_CREATED",
            "MEMBER_HIRED",
            "ASSIGNMENT_CREATED",
            "COMPLETION_RECORDED",
            "ASSIGNMENT_COMPLETED");
    for (int i = 0; i < chain.size(); i++) {
      assertThat(chain.get(i).sequence()).isEqualTo(i + 1);
      assertThat(chain.get(i).previousHash())
          .isEqualTo(i == 0 ? AuditChain.GENESIS : chain.get(i - 1).hash());
    }
    assertThat(tp.audit().verify(fx.officer()).intact()).isTrue();
  }

  private static AuditEntry with(AuditEntry e, String actor) {
    return new AuditEntry(
        e.organization(),
        e.sequence(),
        e.at(),
        actor,
        e.actorRole(),
        e.action(),
        e.subjectType(),
        e.subjectId(),
        e.details(),
        e.previousHash(),
        e.hash(),
        e.tombstone());
  }

  private static ChainVerification verify(List<AuditEntry> entries) {
    return AuditChain.verify(entries, 0, AuditChain.GENESIS);
  }

  @Test
  void aModifiedEntryIsLocated() {
    List<AuditEntry> tampered = new ArrayList<>(chain);
    tampered.set(4, with(chain.get(4), "someone-else"));
    assertThat(verify(tampered).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(Kind.MODIFIED);
              assertThat(p.sequence()).isEqualTo(5);
            });
    // Changing a detail value is caught too.
    AuditEntry e = chain.get(6);
    TreeMap<String, String> details = new TreeMap<>(e.details());
    details.put("forged", "yes");
    tampered = new ArrayList<>(chain);
    tampered.set(
        6,
        new AuditEntry(
            e.organization(),
            e.sequence(),
            e.at(),
            e.actorId(),
            e.actorRole(),
            e.action(),
            e.subjectType(),
            e.subjectId(),
            details,
            e.previousHash(),
            e.hash(),
            false));
    assertThat(verify(tampered).problems())
        .extracting(ChainVerification.Problem::kind, ChainVerification.Problem::sequence)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.MODIFIED, 7L));
  }

  @Test
  void aDeletedEntryIsLocated() {
    List<AuditEntry> tampered = new ArrayList<>(chain);
    tampered.remove(3);
    assertThat(verify(tampered).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(Kind.DELETED);
              assertThat(p.sequence()).isEqualTo(4);
            });
    // Deleting the newest entries is caught against a trusted checkpoint of the head.
    String checkpoint = chain.get(chain.size() - 1).hash();
    ChainVerification truncated = verify(chain.subList(0, chain.size() - 2));
    assertThat(truncated.intact()).isTrue();
    assertThat(truncated.headHash()).isNotEqualTo(checkpoint);
  }

  @Test
  void anInsertedEntryIsLocatedEvenWithAValidHash() {
    AuditEntry before = chain.get(2);
    AuditEntry draft =
        new AuditEntry(
            before.organization(),
            4,
            before.at(),
            "intruder",
            "COMPLIANCE_OFFICER",
            "COMPLETION_RECORDED",
            "Completion",
            "forged",
            new TreeMap<>(),
            before.hash(),
            "",
            false);
    AuditEntry forged =
        new AuditEntry(
            draft.organization(),
            4,
            draft.at(),
            "intruder",
            "COMPLIANCE_OFFICER",
            "COMPLETION_RECORDED",
            "Completion",
            "forged",
            new TreeMap<>(),
            before.hash(),
            AuditChain.hashOf(draft),
            false);
    List<AuditEntry> tampered = new ArrayList<>(chain);
    tampered.add(3, forged);
    assertThat(verify(tampered).problems())
        .extracting(ChainVerification.Problem::kind)
        .contains(Kind.INSERTED);
    assertThat(verify(tampered).problems()).allSatisfy(p -> assertThat(p.sequence()).isEqualTo(4));
  }

  @Test
  void reorderedEntriesAreLocated() {
    List<AuditEntry> tampered = new ArrayList<>(chain);
    AuditEntry fifth = tampered.remove(4);
    tampered.add(6, fifth);
    List<ChainVerification.Problem> problems = verify(tampered).problems();
    assertThat(problems).extracting(ChainVerification.Problem::kind).contains(Kind.REORDERED);
    assertThat(problems)
        .filteredOn(p -> p.kind() == Kind.REORDERED)
        .extracting(ChainVerification.Problem::sequence)
        .containsExactly(5L);
  }

  @Test
  void aRecomputedSuffixBreaksTheLinkWhereItStarts() {
    // An attacker rewrites entry 5 and recomputes its hash: entry 6 no longer links to it.
    AuditEntry e = chain.get(4);
    AuditEntry draft =
        new AuditEntry(
            e.organization(),
            e.sequence(),
            e.at(),
            "someone-else",
            e.actorRole(),
            e.action(),
            e.subjectType(),
            e.subjectId(),
            e.details(),
            e.previousHash(),
            "",
            false);
    List<AuditEntry> tampered = new ArrayList<>(chain);
    tampered.set(
        4,
        new AuditEntry(
            draft.organization(),
            draft.sequence(),
            draft.at(),
            draft.actorId(),
            draft.actorRole(),
            draft.action(),
            draft.subjectType(),
            draft.subjectId(),
            draft.details(),
            draft.previousHash(),
            AuditChain.hashOf(draft),
            false));
    assertThat(verify(tampered).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(Kind.BROKEN_LINK);
              assertThat(p.sequence()).isEqualTo(6);
            });
  }

  @Test
  void aTombstoneWithoutAPurgeRecordIsReported() {
    store.inTransaction(
        tx -> {
          tx.audit().replaceWithTombstone(chain.get(2).toTombstone());
          return null;
        });
    assertThat(tp.audit().verify(fx.officer()).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(Kind.MODIFIED);
              assertThat(p.sequence()).isEqualTo(3);
              assertThat(p.detail()).contains("tombstone");
            });
  }

  @Test
  void anExportCarriesWhatAThirdPartyNeedsToCheckIt() {
    Instant from = chain.get(5).at();
    Instant to = chain.get(chain.size() - 1).at().plusSeconds(1);
    AuditExport export = tp.audit().export(fx.officer(), from, to);
    assertThat(export.entries()).isNotEmpty();
    assertThat(export.anchorSequence()).isEqualTo(export.entries().get(0).sequence() - 1);
    assertThat(export.algorithm()).contains("SHA-256");
    assertThat(export.verification().intact()).isTrue();
    // A third party recomputes every hash from the canonical form, starting from the anchor.
    ChainVerification independent =
        AuditChain.verify(export.entries(), export.anchorSequence(), export.anchorHash());
    assertThat(independent.intact()).isTrue();
    AuditEntry first = export.entries().get(0);
    assertThat(
            AuditChain.sha256(
                AuditChain.canonicalForm(
                    first.organization(),
                    first.sequence(),
                    first.at(),
                    first.actorId(),
                    first.actorRole(),
                    first.action(),
                    first.subjectType(),
                    first.subjectId(),
                    first.details(),
                    first.previousHash())))
        .isEqualTo(first.hash());
  }
}
