package io.trainproof.core.status;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.WorkforceMember;
import java.time.LocalDate;
import java.util.List;

/**
 * Answers "where does each member stand" as of any date, from the facts recorded with dates
 * up to that date: member terms, requirement terms, assignments, extensions, closures and
 * completions. Recording later events never changes the answer for an earlier date.
 * Thread-safe.
 */
public interface StatusService {

  /**
   * A member's standing on every requirement that applies to them that day, and on every
   * manual assignment open that day.
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
   * The whole organization's assignment-level aggregate on a date, by department, workforce type and job roles, as the store computes it in one query (the rules are in {@link AssignmentSummary};
   * the due-soon window is the instance's). Needs {@code STATUS_READ} with organization scope:
   * an actor whose scope is their team or themselves gets a {@link
   * io.trainproof.core.ForbiddenException} rather than a filtered aggregate, because groups of
   * a partial workforce would silently read as the organization's numbers.
   *
   * @param actor the caller
   * @param asOf the date
   * @return one row per department, workforce type and role set with active members, in
   *     {@link AssignmentSummary#ORDER}
   */
  List<AssignmentSummary> summary(Actor actor, LocalDate asOf);
}
