package io.trainproof.core.spi;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.WorkforceMember;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Core's count of an {@link AssignmentCountQuery}: the store's fast count when it has one ({@link
 * AssignmentRepository#count}), else the same numbers computed here from plain reads (members page
 * by page, their assignments with {@link AssignmentRepository#forMembers}). The reads are the
 * reference: the contract suite checks that a store's fast count gives exactly what {@link
 * #fromReads} gives. Stateless; thread-safe.
 */
public final class AssignmentCounting {
  /** Members read per page: the most {@link AssignmentRepository#forMembers} takes. */
  private static final int PAGE = 1_000;

  private AssignmentCounting() {}

  /**
   * Counts with the store's fast count if it has one, else from plain reads.
   *
   * @param tx the unit of work
   * @param query what to count
   * @return the groups, in no particular order
   */
  public static List<AssignmentCounts> count(Transaction tx, AssignmentCountQuery query) {
    Optional<List<AssignmentCounts>> fast = tx.assignments().count(query);
    return fast.isPresent() ? fast.get() : fromReads(tx, query);
  }

  /**
   * Counts from plain repository reads, by the facts {@link AssignmentCountQuery} describes.
   *
   * @param tx the unit of work
   * @param query what to count
   * @return the groups, in no particular order
   */
  public static List<AssignmentCounts> fromReads(Transaction tx, AssignmentCountQuery query) {
    LocalDate d = query.asOf();
    Map<List<Object>, long[]> groups = new LinkedHashMap<>();
    Map<List<Object>, MemberTerms> keys = new LinkedHashMap<>();
    @Nullable Id<WorkforceMember> after = null;
    while (true) {
      List<WorkforceMember> page = tx.members().page(query.organization(), after, PAGE);
      List<WorkforceMember> counted = new ArrayList<>();
      for (WorkforceMember m : page) {
        Optional<MemberTerms> terms = m.termsOn(d);
        if (terms.isPresent() && terms.get().status() == query.memberStatus()) {
          counted.add(m);
        }
      }
      Map<Id<WorkforceMember>, List<Assignment>> assignments =
          counted.isEmpty()
              ? Map.of()
              : tx.assignments()
                  .forMembers(
                      query.organization(), counted.stream().map(WorkforceMember::id).toList());
      for (WorkforceMember m : counted) {
        MemberTerms terms = m.termsOn(d).orElseThrow();
        List<Object> key = List.of(terms.department(), terms.type(), terms.roles());
        keys.putIfAbsent(key, terms);
        long[] c = groups.computeIfAbsent(key, k -> new long[10]);
        add(c, assignments.getOrDefault(m.id(), List.of()), query);
      }
      if (page.size() < PAGE) {
        break;
      }
      after = page.get(page.size() - 1).id();
    }
    List<AssignmentCounts> result = new ArrayList<>(groups.size());
    groups.forEach(
        (key, c) -> {
          MemberTerms t = Objects.requireNonNull(keys.get(key)); // why: put together with the group
          result.add(
              new AssignmentCounts(
                  t.department(),
                  t.type(),
                  t.roles(),
                  c[0],
                  c[1],
                  c[2],
                  c[3],
                  c[4],
                  c[5],
                  c[6],
                  c[7],
                  c[8],
                  c[9]));
        });
    return result;
  }

  /** Adds one counted member and their assignments to a group's counters. */
  private static void add(long[] c, List<Assignment> assignments, AssignmentCountQuery query) {
    LocalDate d = query.asOf();
    long[] open = new long[3];
    for (Assignment a : assignments) {
      if (!a.existsOn(d)) {
        continue;
      }
      AssignmentState state = a.stateOn(d);
      if (state.isOpen()) {
        LocalDate due = a.dueOn(d);
        open[
            !due.isAfter(query.firstBandEnd()) ? 0 : !due.isAfter(query.secondBandEnd()) ? 1 : 2]++;
      } else {
        c[state == AssignmentState.COMPLETED ? 7 : state == AssignmentState.WAIVED ? 8 : 9]++;
      }
    }
    c[0]++;
    for (int band = 0; band < 3; band++) {
      c[4 + band] += open[band];
    }
    // why: the bands are ordered by due date, so the first band with something open holds the
    // member's earliest open due date
    for (int band = 0; band < 3; band++) {
      if (open[band] > 0) {
        c[1 + band]++;
        break;
      }
    }
  }
}
