package io.trainproof.core.workforce;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Page;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Tells Trainproof about people: hires, changes, leave, returns and terminations. Each event drives
 * the assignment engine in the same transaction. Thread-safe.
 */
public interface WorkforceService {

  /**
   * A hire.
   *
   * @param externalId the host's HR id, unique in the organization
   * @param displayName a name for reports
   * @param type workforce type
   * @param roles job role codes
   * @param department department or site
   * @param manager the manager, if any
   * @param engagedOn the engagement date
   */
  record NewMember(
      String externalId,
      String displayName,
      WorkforceType type,
      Set<String> roles,
      String department,
      @Nullable Id<WorkforceMember> manager,
      LocalDate engagedOn) {}

  /**
   * A change of roles, department, manager or type from a date. Null components keep their current
   * value.
   *
   * @param effectiveOn the date it takes effect
   * @param roles new roles, or null
   * @param department new department, or null
   * @param manager new manager, or null to keep the current one
   * @param type new workforce type, or null
   */
  record MemberChange(
      LocalDate effectiveOn,
      @Nullable Set<String> roles,
      @Nullable String department,
      @Nullable Id<WorkforceMember> manager,
      @Nullable WorkforceType type) {

    /**
     * A change of roles only.
     *
     * @param effectiveOn the date
     * @param roles the new roles
     * @return the change
     */
    public static MemberChange roles(LocalDate effectiveOn, Set<String> roles) {
      return new MemberChange(effectiveOn, roles, null, null, null);
    }
  }

  /**
   * Records a hire and assigns what the member's requirements ask, and the retraining of any
   * material policy change still open to newcomers ({@link #change} says when).
   *
   * @param actor the caller
   * @param request the hire
   * @return the member
   */
  WorkforceMember hire(Actor actor, NewMember request);

  /** The most hires one {@link #hireAll} call takes. */
  int MAX_HIRES_PER_CALL = 1_000;

  /**
   * Records several hires in one unit of work, all or none: the same checks, records, audit
   * entries, assignments, attestation requests and notifications as {@link #hire} once per request,
   * written with a few statements for the whole list instead of a transaction per member. For
   * roster loads and onboarding waves. Managers must already be members (hire a manager in an
   * earlier call).
   *
   * @param actor the caller
   * @param requests the hires, at most {@value #MAX_HIRES_PER_CALL}
   * @return the members, in the order of the requests
   * @throws io.trainproof.core.ValidationException naming the request, e.g. {@code
   *     requests[3].externalId}, when a request is invalid (nothing is written)
   * @throws io.trainproof.core.ConflictException when an external id is taken or given twice
   *     (nothing is written)
   * @throws io.trainproof.core.NotFoundException when a manager is not a member
   */
  List<WorkforceMember> hireAll(Actor actor, List<NewMember> requests);

  /**
   * Records a change of terms; assigns newly required training and cancels what is no longer
   * required (with the reason; history is kept). Retraining after a material policy change follows
   * the role: a member who enters an affected role after the version was published and before its
   * retraining is due (the effective date plus the requirement's retraining period) owes it, due on
   * that date, or on the requirement's initial due date counted from the change when that is later
   * (so a newcomer is never overdue on arrival), unless already trained on the version; a member
   * who no longer holds an affected role on the effective date, by a change dated on or before it,
   * no longer owes it (the open retraining is cancelled, as leaving a requirement's audience
   * cancels its assignments). A change after the effective date keeps it: they were affected.
   *
   * @param actor the caller
   * @param member the member
   * @param change the change
   * @return the member
   */
  WorkforceMember change(Actor actor, Id<WorkforceMember> member, MemberChange change);

  /**
   * Starts a leave. No new assignments while on leave, except retraining after a material policy
   * change for a role the member holds (due when everyone's is, extended on return); open ones stay
   * open.
   *
   * @param actor the caller
   * @param member the member
   * @param from the first day of leave
   * @return the member
   */
  WorkforceMember startLeave(Actor actor, Id<WorkforceMember> member, LocalDate from);

  /**
   * Ends a leave. Open assignments whose due date had not passed when the leave began are extended
   * by the length of the leave; anything that fell due meanwhile is assigned.
   *
   * @param actor the caller
   * @param member the member
   * @param on the first day back
   * @return the member
   */
  WorkforceMember returnFromLeave(Actor actor, Id<WorkforceMember> member, LocalDate on);

  /**
   * Records a termination; open assignments are cancelled with the reason.
   *
   * @param actor the caller
   * @param member the member
   * @param on the termination date
   * @return the member
   */
  WorkforceMember terminate(Actor actor, Id<WorkforceMember> member, LocalDate on);

  /**
   * Reads a member.
   *
   * @param actor the caller
   * @param member the member
   * @return the member
   */
  WorkforceMember get(Actor actor, Id<WorkforceMember> member);

  /**
   * Finds a member by the host's HR id.
   *
   * @param actor the caller
   * @param externalId the external id
   * @return the member
   */
  WorkforceMember getByExternalId(Actor actor, String externalId);

  /**
   * Looks a member up by the host's HR id, without throwing when there is none: the lookup to use
   * inside {@link io.trainproof.core.Trainproof#atomically}, where a caught not-found from {@link
   * #getByExternalId} would still fail the whole unit of work on a store that rolls back on any
   * failed nested call (the JPA store does).
   *
   * @param actor the caller
   * @param externalId the external id
   * @return the member, or empty when no member of the organization has this external id
   * @throws io.trainproof.core.ForbiddenException when the member is outside the actor's scope
   */
  Optional<WorkforceMember> findByExternalId(Actor actor, String externalId);

  /**
   * Lists the organization's members.
   *
   * @param actor the caller
   * @return the members, ordered by id
   */
  List<WorkforceMember> list(Actor actor);

  /**
   * A page of members the actor may see, in id order (for reports and exports over large
   * organizations).
   *
   * @param actor the caller
   * @param after the cursor from the previous page, or null for the first
   * @param limit the most items to read, 1 to 10,000
   * @return the page
   */
  Page<WorkforceMember> page(Actor actor, @Nullable String after, int limit);
}
