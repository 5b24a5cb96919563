package io.trainproof.core.status;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Page;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.WorkforceMember;
import java.time.LocalDate;
import java.util.List;

/**
 * Answers "where does each member stand" as of any date, from the facts recorded with dates up to
 * that date: member terms, requirement terms, assignments, extensions, closures and completions.
 * Recording later events never changes the answer for an earlier date. Thread-safe.
 */
public interface StatusService {

  /**
   * A member's standing on every requirement that applies to them that day, and on every manual
   * assignment open that day.
   *
   * @param actor the caller
   * @param member the member
   * @param asOf the date
   * @return one entry per requirement or manual assignment
   */
  List<RequirementStatus> forMember(Actor actor, Id<WorkforceMember> member, LocalDate asOf);

  /**
   * The worst status of a member on a date.
   *
   * @param actor the caller
   * @param member the member
   * @param asOf the date
   * @return the worst status, or {@link ComplianceStatus#COMPLIANT} when nothing applies
   */
  ComplianceStatus overall(Actor actor, Id<WorkforceMember> member, LocalDate asOf);

  /**
   * Every member's standing on one requirement.
   *
   * @param actor the caller
   * @param requirement the requirement
   * @param asOf the date
   * @return one entry per member it applied to that day
   */
  List<RequirementStatus> forRequirement(Actor actor, Id<Requirement> requirement, LocalDate asOf);

  /**
   * Every member's standing on every requirement for one course.
   *
   * @param actor the caller
   * @param course the course
   * @param asOf the date
   * @return one entry per member and requirement
   */
  List<RequirementStatus> forCourse(Actor actor, Id<Course> course, LocalDate asOf);

  /**
   * The standing of every member the actor may see who is active on a date, one page of members at
   * a time in member id order: the exact per-requirement statuses of {@link #forMember}, read with
   * a fixed number of store queries per page (members, their assignments, completions and outside
   * certifications) rather than several per member. For reports over a whole workforce; memory is
   * bounded by the page. Members who are not active that day are skipped, so a page can hold fewer
   * standings than {@code limit}, even none, and still have a next page.
   *
   * @param actor the caller (needs {@code STATUS_READ}; team and self scopes see their members)
   * @param asOf the date
   * @param after the cursor from the previous page, or null for the first
   * @param limit members read per page, 1 to 1,000
   * @return the page
   */
  Page<MemberStanding> standings(
      Actor actor, LocalDate asOf, @org.jspecify.annotations.Nullable String after, int limit);

  /**
   * The whole organization's assignment-level aggregate on a date, by department, workforce type
   * and job roles, counted by the store from the facts core hands it (one query in a SQL store; the
   * rules are core's, in {@link AssignmentSummary}; the due-soon window is the instance's). Needs
   * {@code STATUS_READ} with organization scope: an actor whose scope is their team or themselves
   * gets a {@link io.trainproof.core.ForbiddenException} rather than a filtered aggregate, because
   * groups of a partial workforce would silently read as the organization's numbers.
   *
   * @param actor the caller
   * @param asOf the date
   * @return one row per department, workforce type and role set with active members, in {@link
   *     AssignmentSummary#ORDER}
   */
  List<AssignmentSummary> summary(Actor actor, LocalDate asOf);
}
