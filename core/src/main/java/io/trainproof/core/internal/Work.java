package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.ForbiddenException;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.access.Operation;
import io.trainproof.core.access.Scope;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Notification;
import io.trainproof.core.domain.NotificationKind;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Page;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.event.TrainproofEvent;
import io.trainproof.core.spi.Transaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One unit of work for one actor: the transaction, the organization, the actor's scope for the
 * operation, and what the work records on the side (audit entries, after-commit events, outbox
 * messages). Not thread-safe; lives for one call. Not API.
 */
public final class Work {
  private final Transaction tx;
  private final Organization org;
  private final Actor actor;
  private final Operation operation;
  private final Scope scope;
  private final Instant now;
  private final List<PendingAudit> audits = new ArrayList<>();
  private final List<TrainproofEvent> events = new ArrayList<>();
  private @Nullable Set<Id<WorkforceMember>> team;
  private final Set<Id<WorkforceMember>> changedMembers = new HashSet<>();
  private boolean organizationChanged;

  /** An audit entry waiting to be chained at the end of the work. */
  record PendingAudit(
      String action,
      String subjectType,
      String subjectId,
      SortedMap<String, String> details,
      Instant at) {}

  Work(
      Transaction tx,
      Organization org,
      Actor actor,
      Operation operation,
      Scope scope,
      Instant now) {
    this.tx = tx;
    this.org = org;
    this.actor = actor;
    this.operation = operation;
    this.scope = scope;
    this.now = now;
  }

  /**
   * @return the transaction
   */
  public Transaction tx() {
    return tx;
  }

  /**
   * @return the organization
   */
  public Organization org() {
    return org;
  }

  /**
   * @return the actor
   */
  public Actor actor() {
    return actor;
  }

  /**
   * @return the operation
   */
  public Operation operation() {
    return operation;
  }

  /**
   * @return the actor's scope for the operation
   */
  public Scope scope() {
    return scope;
  }

  /**
   * @return the instant the work started
   */
  public Instant now() {
    return now;
  }

  /**
   * @return today in the organization's zone
   */
  public LocalDate today() {
    return org.dateOf(now);
  }

  /**
   * Records an audit entry, chained when the work ends.
   *
   * @param action what happened
   * @param subjectType the kind of record
   * @param subjectId its id
   * @param details further facts (ids, codes, dates, hashes; never PHI)
   */
  public void audit(
      String action, String subjectType, Object subjectId, Map<String, String> details) {
    audits.add(
        new PendingAudit(
            action, subjectType, String.valueOf(subjectId), new TreeMap<>(details), now));
    if (!"READ".equals(action)) {
      events.add(
          new TrainproofEvent(
              action, org.id(), subjectType, String.valueOf(subjectId), now, details));
    }
  }

  /**
   * The organization's course with this id.
   *
   * @param courseId the course
   * @return the course
   * @throws NotFoundException when the organization has no such course
   */
  public Course course(Id<Course> courseId) {
    return tx.courses()
        .find(org.id(), courseId)
        .orElseThrow(() -> new NotFoundException("Course", courseId));
  }

  /**
   * Writes an outbox message in this transaction (once per idempotency key).
   *
   * @param key idempotency key
   * @param kind kind
   * @param recipient recipient or null for the compliance office
   * @param payload ids, codes and dates
   * @return true when written, false when the key was already there
   */
  public boolean notify(
      String key,
      NotificationKind kind,
      @Nullable Id<WorkforceMember> recipient,
      Map<String, String> payload) {
    return tx.outbox().enqueue(message(key, kind, recipient, payload));
  }

  /**
   * An outbox message of this work, not yet written (see {@link #notifyAll}).
   *
   * @param key idempotency key
   * @param kind kind
   * @param recipient recipient or null for the compliance office
   * @param payload ids, codes and dates
   * @return the message
   */
  public Notification message(
      String key,
      NotificationKind kind,
      @Nullable Id<WorkforceMember> recipient,
      Map<String, String> payload) {
    return Notification.pending(org.id(), key, kind, recipient, "default", payload, now);
  }

  /**
   * Writes several outbox messages in this transaction with one store call, each once per
   * idempotency key (as {@link #notify} one by one).
   *
   * @param messages the messages, from {@link #message}
   * @return how many were written
   */
  public int notifyAll(List<Notification> messages) {
    return messages.isEmpty() ? 0 : tx.outbox().enqueueAll(messages).size();
  }

  /**
   * Notes that this work wrote something the renewal sweep reads for a member (the member, their
   * assignments, completions, certifications, attestations): their next change date is unset when
   * the work ends, in its transaction, so the next sweep evaluates them.
   *
   * @param member the member
   */
  public void memberChanged(Id<WorkforceMember> member) {
    changedMembers.add(member);
  }

  /**
   * As {@link #memberChanged} for several members.
   *
   * @param members the members
   */
  public void membersChanged(Iterable<Id<WorkforceMember>> members) {
    for (Id<WorkforceMember> member : members) {
      changedMembers.add(member);
    }
  }

  /**
   * Notes that this work wrote something the renewal sweep reads for every member of the
   * organization (a requirement, a policy version, a course release, a certification kind): every
   * member's next change date is unset when the work ends, with one bulk statement.
   */
  public void organizationChanged() {
    organizationChanged = true;
  }

  /**
   * Records the renewal sweep's next change dates for members it has just evaluated, in this
   * transaction; they are no longer unset when the work ends (the sweep computed their dates from
   * what it wrote).
   *
   * @param next each member's next change date
   */
  public void nextChanges(Map<Id<WorkforceMember>, LocalDate> next) {
    if (next.isEmpty()) {
      return;
    }
    changedMembers.removeAll(next.keySet());
    tx.members().setNextChange(org.id(), next);
  }

  /** Unsets what this work's writes moved (called once, as the work ends, in its transaction). */
  void resetChanged() {
    if (organizationChanged) {
      tx.members().resetNextChangeAll(org.id());
    } else if (!changedMembers.isEmpty()) {
      tx.members().resetNextChange(org.id(), List.copyOf(changedMembers));
    }
    organizationChanged = false;
    changedMembers.clear();
  }

  List<PendingAudit> audits() {
    return audits;
  }

  List<TrainproofEvent> events() {
    return events;
  }

  /**
   * Whether the actor may see a member under this operation's scope.
   *
   * @param member the member
   * @return true when visible
   */
  public boolean canSee(WorkforceMember member) {
    return switch (scope) {
      case ORGANIZATION -> true;
      case SELF -> member.id().equals(actor.member());
      case TEAM -> team().contains(member.id());
      case NONE -> false;
    };
  }

  /**
   * Requires that the actor may act on a member, or throws.
   *
   * @param member the member
   * @return the member
   */
  public WorkforceMember requireVisible(WorkforceMember member) {
    if (!canSee(member)) {
      throw new ForbiddenException(
          actor.id(),
          operation.name(),
          "member " + member.id() + " is outside the actor's " + scope + " scope");
    }
    return member;
  }

  /**
   * Keeps only the members the actor may see.
   *
   * @param members members
   * @return the visible ones
   */
  public List<WorkforceMember> visible(List<WorkforceMember> members) {
    return scope == Scope.ORGANIZATION ? members : members.stream().filter(this::canSee).toList();
  }

  /**
   * Reads one page in id order and keeps what the actor may see.
   *
   * @param after the cursor, or null for the first page
   * @param limit the page size
   * @param fetch reads the underlying page (after id, limit)
   * @param idOf an item's id
   * @param memberOf the member an item is about
   * @param <T> the item type
   * @return the page
   */
  public <T> Page<T> page(
      @Nullable String after,
      int limit,
      BiFunction<@Nullable Id<T>, Integer, List<T>> fetch,
      Function<T, Id<T>> idOf,
      Function<T, Id<WorkforceMember>> memberOf) {
    Check.inRange("limit", limit, 1, 10_000);
    Id<T> cursor = after == null ? null : Id.parse(after);
    List<T> raw = fetch.apply(cursor, limit);
    List<T> visibleItems = new ArrayList<>();
    Map<Id<WorkforceMember>, Boolean> seen = new HashMap<>();
    for (T item : raw) {
      boolean ok =
          scope == Scope.ORGANIZATION
              || seen.computeIfAbsent(
                  memberOf.apply(item),
                  id -> tx.members().find(org.id(), id).map(this::canSee).orElse(false));
      if (ok) {
        visibleItems.add(item);
      }
    }
    String next = raw.size() < limit ? null : idOf.apply(raw.get(raw.size() - 1)).toString();
    return new Page<>(visibleItems, next);
  }

  /** A manager's team: their own department, and direct and indirect reports. */
  private Set<Id<WorkforceMember>> team() {
    if (team == null) {
      Set<Id<WorkforceMember>> result = new HashSet<>();
      Id<WorkforceMember> manager = actor.member();
      if (manager != null) {
        List<WorkforceMember> all = tx.members().list(org.id());
        LocalDate today = today();
        String department =
            all.stream()
                .filter(m -> m.id().equals(manager))
                .findFirst()
                .flatMap(m -> m.termsOn(today).or(() -> Optional.of(m.latestTerms())))
                .map(MemberTerms::department)
                .orElse(null);
        Map<Id<WorkforceMember>, Id<WorkforceMember>> managerOf = new HashMap<>();
        for (WorkforceMember m : all) {
          MemberTerms t = m.termsOn(today).orElse(m.latestTerms());
          if (t.manager() != null) {
            managerOf.put(m.id(), t.manager());
          }
          if (department != null && department.equals(t.department())) {
            result.add(m.id());
          }
        }
        for (WorkforceMember m : all) {
          // Walk up the chain; a cycle in bad data stops after one pass over everyone.
          Id<WorkforceMember> up = managerOf.get(m.id());
          for (int hops = 0; up != null && hops <= all.size(); hops++) {
            if (up.equals(manager)) {
              result.add(m.id());
              break;
            }
            up = managerOf.get(up);
          }
        }
        result.add(manager);
      }
      team = result;
    }
    return team;
  }
}
