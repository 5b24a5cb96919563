package io.trainproof.core.internal.engine;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Certification;
import io.trainproof.core.domain.CertificationKind;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.internal.Work;
import io.trainproof.core.spi.Transaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A member's stored facts that {@link Decision} reads, loaded once per member (or once per sweep
 * batch) so that deciding under many requirements costs no further reads. The organization's
 * certification kinds are read only when a member holds a certification. Immutable; thread-safe.
 *
 * @param assignments the member's assignments, any requirement
 * @param completions the member's completions, ordered by completion date
 * @param certifications the member's outside certifications
 * @param kinds the organization's certification kinds (empty when the member holds none)
 */
record Facts(
    List<Assignment> assignments,
    List<Completion> completions,
    List<Certification> certifications,
    List<CertificationKind> kinds) {
  /** A member with no records yet. */
  static final Facts NONE = new Facts(List.of(), List.of(), List.of(), List.of());

  /** One member's facts, with one read per kind of record. */
  static Facts load(Work w, WorkforceMember member) {
    Transaction tx = w.tx();
    Id<Organization> org = w.org().id();
    List<Certification> held = tx.certifications().forMember(org, member.id());
    return new Facts(
        tx.assignments().forMember(org, member.id()),
        tx.completions().forMember(org, member.id()),
        held,
        held.isEmpty() ? List.of() : tx.certifications().kinds(org));
  }

  /** Many members' facts, with one bulk read per kind of record (the sweep's batch). */
  static Map<Id<WorkforceMember>, Facts> loadAll(Work w, List<WorkforceMember> members) {
    Transaction tx = w.tx();
    Id<Organization> org = w.org().id();
    List<Id<WorkforceMember>> ids = new ArrayList<>(members.size());
    for (WorkforceMember m : members) {
      ids.add(m.id());
    }
    Map<Id<WorkforceMember>, List<Assignment>> assignments = tx.assignments().forMembers(org, ids);
    Map<Id<WorkforceMember>, List<Completion>> completions = tx.completions().forMembers(org, ids);
    Map<Id<WorkforceMember>, List<Certification>> held = tx.certifications().forMembers(org, ids);
    boolean anyHeld = held.values().stream().anyMatch(list -> !list.isEmpty());
    List<CertificationKind> kinds = anyHeld ? tx.certifications().kinds(org) : List.of();
    Map<Id<WorkforceMember>, Facts> facts = new HashMap<>();
    for (Id<WorkforceMember> id : ids) {
      List<Certification> mine = held.getOrDefault(id, List.of());
      facts.put(
          id,
          new Facts(
              assignments.getOrDefault(id, List.of()),
              completions.getOrDefault(id, List.of()),
              mine,
              mine.isEmpty() ? List.of() : kinds));
    }
    return facts;
  }

  /** Facts for members inserted in this unit of work: nothing can refer to them yet. */
  static Map<Id<WorkforceMember>, Facts> none(List<WorkforceMember> members) {
    Map<Id<WorkforceMember>, Facts> none = new HashMap<>();
    for (WorkforceMember member : members) {
      none.put(member.id(), NONE);
    }
    return none;
  }
}
