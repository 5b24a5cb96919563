package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.audit.AuditChain;
import io.trainproof.core.audit.ChainVerification;
import io.trainproof.core.audit.ChainVerification.Kind;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Course;
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
 * Audit chain verification at its edges: a segment checked against a checkpoint, tampering at the
 * very end of the chain, and the exact wording of a gap.
 */
class AuditChainEdgesTest {
  static final ZoneId ZONE = ZoneId.of("Australia/Eucla");
  List<AuditEntry> chain;
  Trainproof tp;
  Fixtures fx;

  @BeforeEach
  void setUp() {
    SettableClock clock =
        SettableClock.at(ZonedDateTime.of(2026, 2, 1, 9, 0, 0, 0, ZONE).toInstant());
    tp = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();
    fx = Fixtures.organization(tp, ZONE);
    Course course = fx.course("HIPAA", fx.policy("PRIV", LocalDate.of(2025, 1, 1)));
    fx.requirement("Onboarding", Fixtures.terms(course, LocalDate.of(2025, 1, 1)).build());
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofHours(1));
      fx.hire(LocalDate.of(2026, 2, 1), "ICU", "nurse");
    }
    chain = tp.audit().entries(fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
    assertThat(chain.size()).isGreaterThan(8);
  }

  private static AuditEntry sealed(
      AuditEntry template, long sequence, String previousHash, String actor) {
    AuditEntry draft =
        new AuditEntry(
            template.organization(),
            sequence,
            template.at(),
            actor,
            template.actorRole(),
            template.action(),
            template.subjectType(),
            "forged",
            new TreeMap<>(),
            previousHash,
            "",
            false);
    return new AuditEntry(
        draft.organization(),
        sequence,
        draft.at(),
        actor,
        draft.actorRole(),
        draft.action(),
        draft.subjectType(),
        draft.subjectId(),
        draft.details(),
        previousHash,
        AuditChain.hashOf(draft),
        false);
  }

  @Test
  void theHeadVerifiesOnItsOwnAndAModifiedHeadEntryIsNamed() {
    List<AuditEntry> newest = chain.subList(chain.size() - 4, chain.size());
    ChainVerification ok = AuditChain.verifyHead(newest);
    assertThat(ok.intact()).isTrue();
    assertThat(ok.entriesChecked()).isEqualTo(4);
    assertThat(ok.lastSequence()).isEqualTo(chain.get(chain.size() - 1).sequence());
    assertThat(ok.headHash()).isEqualTo(chain.get(chain.size() - 1).hash());
    assertThat(AuditChain.verifyHead(List.of()).intact()).isTrue();

    // The anchor's own facts are checked too, not only the links after it.
    for (int index = 0; index < newest.size(); index++) {
      List<AuditEntry> tampered = new ArrayList<>(newest);
      AuditEntry original = tampered.get(index);
      tampered.set(index, withActor(original, "someone-else"));
      assertThat(AuditChain.verifyHead(tampered).problems())
          .extracting(ChainVerification.Problem::kind, ChainVerification.Problem::sequence)
          .first()
          .isEqualTo(org.assertj.core.groups.Tuple.tuple(Kind.MODIFIED, original.sequence()));
    }
  }

  @Test
  void aTombstoneInTheHeadNeedsAPurgeEntryAfterIt() {
    List<AuditEntry> newest = new ArrayList<>(chain.subList(chain.size() - 3, chain.size()));
    AuditEntry hidden = newest.get(1);
    newest.set(1, hidden.toTombstone());
    assertThat(AuditChain.verifyHead(newest).problems())
        .extracting(ChainVerification.Problem::kind, ChainVerification.Problem::sequence)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.MODIFIED, hidden.sequence()));
  }

  @Test
  void theServiceChecksTheNewestEntriesItIsAskedFor() {
    ChainVerification head = tp.audit().verifyHead(fx.officer(), 5);
    assertThat(head.intact()).isTrue();
    assertThat(head.entriesChecked()).isEqualTo(5);
    assertThat(head.lastSequence()).isEqualTo(tp.audit().verify(fx.officer()).lastSequence());
    assertThat(tp.audit().verifyHead(fx.officer(), 100_000).entriesChecked())
        .as("a chain shorter than asked for is checked whole")
        .isEqualTo(chain.size());
    for (int bad : new int[] {0, -1, 100_001}) {
      assertThatThrownBy(() -> tp.audit().verifyHead(fx.officer(), bad))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("entries");
    }
  }

  private static AuditEntry withActor(AuditEntry e, String actor) {
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

  @Test
  void aSegmentVerifiesAgainstItsCheckpointAndRepeatingTheCheckpointIsALinkError() {
    AuditEntry checkpoint = chain.get(2);
    List<AuditEntry> after = chain.subList(3, chain.size());
    ChainVerification ok = AuditChain.verify(after, checkpoint.sequence(), checkpoint.hash());
    assertThat(ok.intact()).isTrue();
    assertThat(ok.entriesChecked()).isEqualTo(after.size());
    assertThat(ok.lastSequence()).isEqualTo(chain.get(chain.size() - 1).sequence());
    assertThat(ok.headHash()).isEqualTo(chain.get(chain.size() - 1).hash());

    // The segment starts with the checkpoint entry itself: it claims the checkpoint's sequence
    // and links to the entry before the checkpoint, so the link is reported there and nowhere else.
    ChainVerification repeated =
        AuditChain.verify(chain.subList(2, chain.size()), checkpoint.sequence(), checkpoint.hash());
    assertThat(repeated.problems())
        .extracting(ChainVerification.Problem::kind, ChainVerification.Problem::sequence)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Kind.BROKEN_LINK, checkpoint.sequence()));
  }

  @Test
  void anEntryAppendedWithTheLastSequenceIsAnInsertionAndTheHeadStaysTheOriginal() {
    AuditEntry last = chain.get(chain.size() - 1);
    List<AuditEntry> tampered = new ArrayList<>(chain);
    tampered.add(sealed(last, last.sequence(), chain.get(chain.size() - 2).hash(), "intruder"));
    ChainVerification result = AuditChain.verify(tampered, 0, AuditChain.GENESIS);
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(Kind.INSERTED);
              assertThat(p.sequence()).isEqualTo(last.sequence());
            });
    assertThat(result.intact()).as("a chain with a problem is not intact").isFalse();
    assertThat(result.headHash()).isEqualTo(last.hash());
    assertThat(result.lastSequence()).isEqualTo(last.sequence());
  }

  @Test
  void anEntryInsertedBeforeTheOriginalWithItsSequenceIsSkippedByTheChain() {
    AuditEntry original = chain.get(4);
    List<AuditEntry> tampered = new ArrayList<>(chain);
    tampered.add(4, sealed(original, original.sequence(), chain.get(3).hash(), "intruder"));
    ChainVerification result = AuditChain.verify(tampered, 0, AuditChain.GENESIS);
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(Kind.INSERTED);
              assertThat(p.sequence()).isEqualTo(original.sequence());
            });
    assertThat(result.headHash()).isEqualTo(chain.get(chain.size() - 1).hash());
  }

  @Test
  void aGapNamesTheMissingSequenceOrRange() {
    List<AuditEntry> one = new ArrayList<>(chain);
    one.remove(3);
    assertThat(AuditChain.verify(one, 0, AuditChain.GENESIS).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.detail()).isEqualTo("sequence 4 missing"));
    List<AuditEntry> two = new ArrayList<>(chain);
    two.remove(3);
    two.remove(3);
    assertThat(AuditChain.verify(two, 0, AuditChain.GENESIS).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(Kind.DELETED);
              assertThat(p.sequence()).isEqualTo(4);
              assertThat(p.detail()).isEqualTo("sequence 4 to 5 missing");
            });
    List<AuditEntry> three = new ArrayList<>(chain);
    three.subList(3, 6).clear();
    assertThat(AuditChain.verify(three, 0, AuditChain.GENESIS).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.detail()).isEqualTo("sequence 4 to 6 missing"));
  }

  @Test
  void theCanonicalFormLengthPrefixesEveryTextSoFieldsCannotBleedIntoEachOther() {
    AuditEntry e = chain.get(0);
    TreeMap<String, String> details = new TreeMap<>();
    details.put("a", "b=c");
    String form =
        AuditChain.canonicalForm(
            e.organization(),
            7,
            Instant.parse("2026-02-01T00:00:00Z"),
            "actor",
            "ROLE",
            "ACTION",
            "Type",
            "id-1",
            details,
            AuditChain.GENESIS);
    assertThat(form)
        .isEqualTo(
            "trainproof-audit-v1\norg="
                + e.organization()
                + "\nseq=7\nat=2026-02-01T00:00:00Z\n"
                + "actor=5:actor\nrole=4:ROLE\naction=6:ACTION\nsubject=4:Type,4:id-1\ndetails=1\n1:a=3:b=c\nprev="
                + AuditChain.GENESIS
                + "\n");
    assertThat(AuditChain.sha256(""))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }
}
