package io.trainproof.core.spi;

/**
 * The repositories of one unit of work. Valid only inside {@link Store#inTransaction}; not to be
 * kept or shared between threads.
 */
public interface Transaction {
  /**
   * @return organizations
   */
  OrganizationRepository organizations();

  /**
   * @return workforce members
   */
  MemberRepository members();

  /**
   * @return policies and their versions
   */
  PolicyRepository policies();

  /**
   * @return courses and their versions
   */
  CourseRepository courses();

  /**
   * @return requirements
   */
  RequirementRepository requirements();

  /**
   * @return assignments
   */
  AssignmentRepository assignments();

  /**
   * @return completions
   */
  CompletionRepository completions();

  /**
   * @return certificates
   */
  CertificateRepository certificates();

  /**
   * @return attestations
   */
  AttestationRepository attestations();

  /**
   * @return the audit trail
   */
  AuditRepository audit();

  /**
   * @return the notification outbox
   */
  OutboxRepository outbox();

  /**
   * @return legal holds and tombstones
   */
  RetentionRepository retention();

  /**
   * @return policy reviews, addressable decisions and security reminders
   */
  DocumentationRepository documentation();

  /**
   * @return cross-organization grants
   */
  GrantRepository grants();

  /**
   * @return outside certifications and their kinds
   */
  CertificationRepository certifications();

  /**
   * @return wallet exchanges and the nonces of their key proofs
   */
  WalletExchangeRepository walletExchanges();
}
