package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.spi.AssignmentRepository;
import io.trainproof.core.spi.AttestationRepository;
import io.trainproof.core.spi.AuditRepository;
import io.trainproof.core.spi.CertificateRepository;
import io.trainproof.core.spi.CertificationRepository;
import io.trainproof.core.spi.CompletionRepository;
import io.trainproof.core.spi.CourseRepository;
import io.trainproof.core.spi.DocumentationRepository;
import io.trainproof.core.spi.GrantRepository;
import io.trainproof.core.spi.MemberRepository;
import io.trainproof.core.spi.OrganizationRepository;
import io.trainproof.core.spi.OutboxRepository;
import io.trainproof.core.spi.PolicyRepository;
import io.trainproof.core.spi.RequirementRepository;
import io.trainproof.core.spi.RetentionRepository;
import io.trainproof.core.spi.Transaction;
import io.trainproof.core.spi.WalletExchangeRepository;
import io.trainproof.persistence.jpa.SqlDialect;
import jakarta.persistence.EntityManager;

/**
 * The repositories of one JPA transaction: one {@link EntityManager}, one resource-local
 * transaction, shared by the repositories through a {@link JpaSession}. Writes that a unique key
 * protects are flushed at once, so a duplicate is reported by the call that caused it with its
 * entity and key; optimistic updates are flushed at once for the same reason. Not thread-safe:
 * valid only inside its transaction, on its thread. Not API.
 */
public final class JpaTransaction implements Transaction {
  private final OrganizationRepository organizations;
  private final MemberRepository members;
  private final PolicyRepository policies;
  private final CourseRepository courses;
  private final RequirementRepository requirements;
  private final AssignmentRepository assignments;
  private final CompletionRepository completions;
  private final CertificateRepository certificates;
  private final AttestationRepository attestations;
  private final AuditRepository audit;
  private final OutboxRepository outbox;
  private final RetentionRepository retention;
  private final DocumentationRepository documentation;
  private final GrantRepository grants;
  private final CertificationRepository certifications;
  private final WalletExchangeRepository walletExchanges;

  /**
   * Creates the repositories of one transaction.
   *
   * @param em the entity manager, inside an active transaction
   * @param dialect the database, for the statements JPQL cannot express
   */
  public JpaTransaction(EntityManager em, SqlDialect dialect) {
    JpaSession session = new JpaSession(em, DialectSql.of(dialect));
    organizations = new JpaOrganizationRepository(session);
    members = new JpaMemberRepository(session);
    policies = new JpaPolicyRepository(session);
    courses = new JpaCourseRepository(session);
    requirements = new JpaRequirementRepository(session);
    assignments = new JpaAssignmentRepository(session);
    completions = new JpaCompletionRepository(session);
    certificates = new JpaCertificateRepository(session);
    attestations = new JpaAttestationRepository(session);
    audit = new JpaAuditRepository(session);
    outbox = new JpaOutboxRepository(session);
    retention = new JpaRetentionRepository(session);
    documentation = new JpaDocumentationRepository(session);
    grants = new JpaGrantRepository(session);
    certifications = new JpaCertificationRepository(session);
    walletExchanges = new JpaWalletExchangeRepository(session);
  }

  @Override
  public OrganizationRepository organizations() {
    return organizations;
  }

  @Override
  public MemberRepository members() {
    return members;
  }

  @Override
  public PolicyRepository policies() {
    return policies;
  }

  @Override
  public CourseRepository courses() {
    return courses;
  }

  @Override
  public RequirementRepository requirements() {
    return requirements;
  }

  @Override
  public AssignmentRepository assignments() {
    return assignments;
  }

  @Override
  public CompletionRepository completions() {
    return completions;
  }

  @Override
  public CertificateRepository certificates() {
    return certificates;
  }

  @Override
  public AttestationRepository attestations() {
    return attestations;
  }

  @Override
  public AuditRepository audit() {
    return audit;
  }

  @Override
  public OutboxRepository outbox() {
    return outbox;
  }

  @Override
  public RetentionRepository retention() {
    return retention;
  }

  @Override
  public DocumentationRepository documentation() {
    return documentation;
  }

  @Override
  public GrantRepository grants() {
    return grants;
  }

  @Override
  public CertificationRepository certifications() {
    return certifications;
  }

  @Override
  public WalletExchangeRepository walletExchanges() {
    return walletExchanges;
  }
}
