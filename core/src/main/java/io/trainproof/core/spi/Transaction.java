package io.trainproof.core.spi;

/**
 * The repositories of one unit of work. Valid only inside {@link Store#inTransaction}; not
 * to be kept or shared between threads.
 */
public interface Transaction {
  /** @return organizations */
  OrganizationRepository organizations();

  /** @return workforce members */
  MemberRepository members();

  /** @return policies and their versions */
  PolicyRepository policies();

  /** @return courses and their versions */
  CourseRepository courses();

  /** @return requirements */
  RequirementRepository requirements();

  /** @return assignments */
  AssignmentRepository assignments();

  /** @return completions */
  CompletionRepository completions();
}
