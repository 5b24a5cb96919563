package io.trainproof.testkit;

import static io.trainproof.testkit.ContractRecords.T0;
import static io.trainproof.testkit.ContractRecords.assignment;
import static io.trainproof.testkit.ContractRecords.completion;
import static io.trainproof.testkit.ContractRecords.member;
import static io.trainproof.testkit.ContractRecords.newOrg;
import static io.trainproof.testkit.ContractRecords.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Certification;
import io.trainproof.core.domain.CertificationKind;
import io.trainproof.core.domain.Closure;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.core.domain.DueDateChange;
import io.trainproof.core.domain.EvidenceFile;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Provenance;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The storage contract for the bulk and paged reads: reads for many members give what the
 * one-per-member reads give, and keyset pages return each record once in id order. {@link
 * StoreContract} implements this interface, so every store's contract test runs these cases with
 * the rest. Each case works in organizations of its own.
 */
public interface BulkReadsContract {
  /**
   * @return the store under test, fresh (or shared) per test
   */
  Store store();

  @Test
  @SuppressWarnings("DistinctVarargsChecker") // why: each Id.random() is a new id
  default void bulkReadsForManyMembersGiveWhatTheOnePerMemberReadsGive() {
    Organization org = newOrg(store());
    Organization other = newOrg(store());
    WorkforceMember m1 = read(store(), (Transaction t) -> t.members().insert(member(org, "E1")));
    WorkforceMember m2 = read(store(), (Transaction t) -> t.members().insert(member(org, "E2")));
    WorkforceMember none = read(store(), (Transaction t) -> t.members().insert(member(org, "E3")));
    WorkforceMember elsewhere =
        read(store(), (Transaction t) -> t.members().insert(member(other, "E1")));
    CertificationKind kind =
        new CertificationKind(
            Id.random(), org.id(), "CHPS", "HIPAA certification", Set.of(Id.random()), T0);
    read(
        store(),
        (Transaction t) -> {
          t.assignments().insertIfAbsent(assignment(org, m1, "K1"));
          t.assignments()
              .insertIfAbsent(
                  new Assignment(
                      Id.random(),
                      org.id(),
                      m1.id(),
                      Id.random(),
                      null,
                      AssignmentReason.MANUAL,
                      null,
                      "K2",
                      LocalDate.of(2026, 1, 6),
                      T0.minusSeconds(60),
                      "officer",
                      LocalDate.of(2026, 1, 6),
                      LocalDate.of(2026, 3, 1),
                      List.of(),
                      null,
                      null,
                      0));
          t.assignments().insertIfAbsent(assignment(org, m2, "K3"));
          t.assignments().insertIfAbsent(assignment(other, elsewhere, "K4"));
          t.completions().insert(completion(org, m1, LocalDate.of(2026, 2, 1), T0, true, 91));
          t.completions()
              .insert(
                  completion(org, m1, LocalDate.of(2026, 1, 20), T0.plusSeconds(10), false, null));
          t.completions().insert(completion(org, m2, LocalDate.of(2026, 1, 3), T0, true, null));
          t.completions()
              .insert(completion(other, elsewhere, LocalDate.of(2026, 1, 3), T0, true, null));
          // Every column and element collection filled: extensions in order, a closure, a start;
          // several roles, policy versions and evidence files (in order), provenance in full.
          Assignment closed =
              new Assignment(
                  Id.random(),
                  org.id(),
                  m2.id(),
                  Id.random(),
                  Id.random(),
                  AssignmentReason.ONBOARDING,
                  null,
                  "K5",
                  LocalDate.of(2025, 12, 1),
                  T0.minusSeconds(3600),
                  "system",
                  LocalDate.of(2025, 12, 1),
                  LocalDate.of(2025, 12, 31),
                  List.of(),
                  null,
                  null,
                  0);
          t.assignments().insertIfAbsent(closed);
          Completion full =
              new Completion(
                  Id.random(),
                  org.id(),
                  m2.id(),
                  Set.of("nurse", "coder", "lead"),
                  WorkforceType.EMPLOYEE,
                  closed.id(),
                  closed.course(),
                  Id.random(),
                  Fixtures.sha256("course"),
                  Set.of(Id.random(), Id.random(), Id.random()),
                  AssignmentReason.ONBOARDING,
                  null,
                  null,
                  LocalDate.of(2025, 12, 1),
                  LocalDate.of(2026, 1, 31),
                  LocalDate.of(2026, 1, 3),
                  T0.plusSeconds(5),
                  77,
                  true,
                  new Provenance(
                      CompletionMethod.MANUAL_ENTRY,
                      "officer",
                      "paper",
                      "binder 3",
                      "signed sheet on file"),
                  List.of(
                      new EvidenceFile("z-sheet.pdf", Fixtures.sha256("z")),
                      new EvidenceFile("a-photo.jpg", Fixtures.sha256("a")),
                      new EvidenceFile("m-note.txt", Fixtures.sha256("m"))),
                  LocalDate.of(2032, 1, 3));
          t.completions().insert(full);
          t.assignments()
              .update(
                  closed
                      .started(LocalDate.of(2025, 12, 2))
                      .extended(
                          new DueDateChange(
                              LocalDate.of(2025, 12, 20),
                              LocalDate.of(2026, 1, 31),
                              "manager-2",
                              "leave"))
                      .extended(
                          new DueDateChange(
                              LocalDate.of(2025, 12, 21),
                              LocalDate.of(2026, 1, 15),
                              "manager-1",
                              "shortened"))
                      .closed(
                          new Closure(
                              AssignmentState.COMPLETED,
                              LocalDate.of(2026, 1, 3),
                              T0.plusSeconds(5),
                              "system",
                              "completed",
                              full.id())));
          t.certifications().insertKind(kind);
          t.certifications()
              .insert(
                  new Certification(
                      Id.random(),
                      org.id(),
                      m2.id(),
                      kind.id(),
                      "Provider",
                      "C-77",
                      LocalDate.of(2026, 1, 2),
                      null,
                      null,
                      null,
                      T0,
                      "officer"));
          t.certifications()
              .insert(
                  new Certification(
                      Id.random(),
                      org.id(),
                      m2.id(),
                      kind.id(),
                      "Provider",
                      "C-70",
                      LocalDate.of(2025, 1, 2),
                      null,
                      null,
                      null,
                      T0,
                      "officer"));
          return null;
        });
    // More ids than one IN list takes, with the real members after the first chunk.
    List<Id<WorkforceMember>> ids = new ArrayList<>();
    for (int i = 0; i < 550; i++) {
      ids.add(Id.random());
    }
    ids.addAll(List.of(m2.id(), none.id(), elsewhere.id(), m1.id()));
    Map<Id<WorkforceMember>, List<Assignment>> assignments =
        read(store(), (Transaction t) -> t.assignments().forMembers(org.id(), ids));
    Map<Id<WorkforceMember>, List<Completion>> completions =
        read(store(), (Transaction t) -> t.completions().forMembers(org.id(), ids));
    Map<Id<WorkforceMember>, List<Certification>> certifications =
        read(store(), (Transaction t) -> t.certifications().forMembers(org.id(), ids));
    for (Map<Id<WorkforceMember>, ?> bulk : List.of(assignments, completions, certifications)) {
      assertThat(bulk.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    }
    for (Id<WorkforceMember> id : List.of(m1.id(), m2.id(), none.id(), elsewhere.id())) {
      assertThat(assignments.get(id))
          .containsExactlyElementsOf(
              read(store(), (Transaction t) -> t.assignments().forMember(org.id(), id)));
      assertThat(completions.get(id))
          .containsExactlyElementsOf(
              read(store(), (Transaction t) -> t.completions().forMember(org.id(), id)));
      assertThat(certifications.get(id))
          .containsExactlyElementsOf(
              read(store(), (Transaction t) -> t.certifications().forMember(org.id(), id)));
    }
    assertThat(assignments.get(m1.id())).hasSize(2);
    assertThat(completions.get(m1.id())).hasSize(2);
    assertThat(certifications.get(m2.id())).hasSize(2);
    Assignment extended =
        Objects.requireNonNull(assignments.get(m2.id())).stream()
            .filter(a -> a.dedupeKey().equals("K5"))
            .findFirst()
            .orElseThrow();
    assertThat(extended.dueChanges())
        .extracting(DueDateChange::approvedBy)
        .containsExactly("manager-2", "manager-1");
    assertThat(extended.closure()).isNotNull();
    assertThat(extended.startedOn()).isEqualTo(LocalDate.of(2025, 12, 2));
    Completion withEvidence =
        Objects.requireNonNull(completions.get(m2.id())).stream()
            .filter(c -> c.score() != null)
            .findFirst()
            .orElseThrow();
    assertThat(withEvidence.evidence())
        .extracting(EvidenceFile::name)
        .containsExactly("z-sheet.pdf", "a-photo.jpg", "m-note.txt");
    assertThat(withEvidence.roles()).containsExactlyInAnyOrder("nurse", "coder", "lead");
    assertThat(withEvidence.policyVersions()).hasSize(3);
    assertThat(assignments.get(elsewhere.id())).isEmpty();
    assertThat(completions.get(elsewhere.id())).isEmpty();
    assertThat(assignments.get(none.id())).isEmpty();
  }

  @Test
  default void keysetPagesReturnEachRecordOnceInIdOrder() {
    Organization org = newOrg(store());
    Organization other = newOrg(store());
    List<WorkforceMember> members = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String ext = "P" + i;
      WorkforceMember m = read(store(), (Transaction t) -> t.members().insert(member(org, ext)));
      members.add(m);
      String key = "K" + i;
      read(store(), (Transaction t) -> t.assignments().insertIfAbsent(assignment(org, m, key)));
      Completion c = completion(org, m, LocalDate.of(2026, 1, 20), T0.plusSeconds(i), true, 90);
      read(
          store(),
          (Transaction t) -> {
            t.completions().insert(c);
            return null;
          });
    }
    read(store(), (Transaction t) -> t.members().insert(member(other, "P0")));
    List<WorkforceMember> walked = new ArrayList<>();
    Id<WorkforceMember> after = null;
    while (true) {
      Id<WorkforceMember> cursor = after;
      List<WorkforceMember> page =
          read(store(), (Transaction t) -> t.members().page(org.id(), cursor, 3));
      if (page.isEmpty()) {
        break;
      }
      walked.addAll(page);
      after = page.get(page.size() - 1).id();
    }
    assertThat(walked)
        .containsExactlyElementsOf(
            members.stream().sorted(Comparator.comparing(WorkforceMember::id)).toList());
    List<Assignment> assignments =
        read(store(), (Transaction t) -> t.assignments().page(org.id(), null, 100));
    assertThat(assignments).hasSize(7).isSortedAccordingTo(Comparator.comparing(Assignment::id));
    List<Completion> completions =
        read(store(), (Transaction t) -> t.completions().page(org.id(), null, 4));
    assertThat(completions).hasSize(4).isSortedAccordingTo(Comparator.comparing(Completion::id));
    Id<Completion> last = completions.get(3).id();
    assertThat(read(store(), (Transaction t) -> t.completions().page(org.id(), last, 100)))
        .hasSize(3)
        .allSatisfy(c -> assertThat(c.id()).isGreaterThan(last));
    Completion any = completions.get(0);
    assertThat(
            read(
                store(),
                (Transaction t) -> t.completions().findBySource(org.id(), "Room 4", "sheet-12")))
        .isPresent();
    assertThat(
            read(
                store(),
                (Transaction t) -> t.completions().findBySource(other.id(), "Room 4", "sheet-12")))
        .isEmpty();
    assertThat(
            read(
                store(),
                (Transaction t) -> t.completions().findBySource(org.id(), "Room 4", "sheet-13")))
        .isEmpty();
    assertThat(any.organization()).isEqualTo(org.id());
  }
}
