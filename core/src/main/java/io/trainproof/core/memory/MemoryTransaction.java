package io.trainproof.core.memory;

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

/**
 * The in-memory store's view of a transaction: one repository per area over the same tables. The
 * repositories hold no state of their own, so one instance serves every transaction. Not
 * thread-safe: used under the store's lock.
 */
final class MemoryTransaction implements Transaction {
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

  MemoryTransaction(MemoryTables tables) {
    this.organizations = new MemoryOrganizationRepository(tables);
    this.members = new MemoryMemberRepository(tables);
    this.policies = new MemoryPolicyRepository(tables);
    this.courses = new MemoryCourseRepository(tables);
    this.requirements = new MemoryRequirementRepository(tables);
    this.assignments = new MemoryAssignmentRepository(tables);
    this.completions = new MemoryCompletionRepository(tables);
    this.certificates = new MemoryCertificateRepository(tables);
    this.attestations = new MemoryAttestationRepository(tables);
    this.audit = new MemoryAuditRepository(tables);
    this.outbox = new MemoryOutboxRepository(tables);
    this.retention = new MemoryRetentionRepository(tables);
    this.documentation = new MemoryDocumentationRepository(tables);
    this.grants = new MemoryGrantRepository(tables);
    this.certifications = new MemoryCertificationRepository(tables);
    this.walletExchanges = new MemoryWalletExchangeRepository(tables);
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
