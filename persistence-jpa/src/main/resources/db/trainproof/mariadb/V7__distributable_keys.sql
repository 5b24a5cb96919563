-- Distributable keys (issue 22, docs/SCALING.md): every table but tp_organization (a reference
-- table) is keyed by organization, so the schema can be distributed by org_id (Citus):
-- * the child tables (an entity's collections) gain org_id, filled from their parent row, and
--   their primary keys become (org_id, parent id, ...);
-- * every other primary key becomes (org_id, id): ids are unique per organization only;
-- * the unique keys uq_tp_policy_version_number and uq_tp_course_version_label gain org_id;
-- * every foreign key between distributed tables becomes (org_id, x_id) REFERENCES parent
--   (org_id, id); those to tp_organization stay;
-- * ix_tp_member_org_id (org_id, id) is the primary key now and goes; the indexes led by a
--   parent id (ix_tp_course_version_released, ix_tp_completion_assignment, ix_tp_completion_pv)
--   gain org_id in front, as every statement on them names the organization.
-- Hosts with their own copy of the schema apply the same changes (see CHANGELOG).

-- 1. The child tables gain org_id, from their parent row.
ALTER TABLE tp_member_terms ADD COLUMN org_id UUID;
UPDATE tp_member_terms c JOIN tp_member p ON p.id = c.member_id SET c.org_id = p.org_id;
ALTER TABLE tp_member_terms MODIFY org_id UUID NOT NULL;
ALTER TABLE tp_policy_version_role ADD COLUMN org_id UUID;
UPDATE tp_policy_version_role c JOIN tp_policy_version p ON p.id = c.policy_version_id SET c.org_id = p.org_id;
ALTER TABLE tp_policy_version_role MODIFY org_id UUID NOT NULL;
ALTER TABLE tp_course_version_policy ADD COLUMN org_id UUID;
UPDATE tp_course_version_policy c JOIN tp_course_version p ON p.id = c.course_version_id SET c.org_id = p.org_id;
ALTER TABLE tp_course_version_policy MODIFY org_id UUID NOT NULL;
ALTER TABLE tp_course_version_topic ADD COLUMN org_id UUID;
UPDATE tp_course_version_topic c JOIN tp_course_version p ON p.id = c.course_version_id SET c.org_id = p.org_id;
ALTER TABLE tp_course_version_topic MODIFY org_id UUID NOT NULL;
ALTER TABLE tp_requirement_terms ADD COLUMN org_id UUID;
UPDATE tp_requirement_terms c JOIN tp_requirement p ON p.id = c.requirement_id SET c.org_id = p.org_id;
ALTER TABLE tp_requirement_terms MODIFY org_id UUID NOT NULL;
ALTER TABLE tp_assignment_due_change ADD COLUMN org_id UUID;
UPDATE tp_assignment_due_change c JOIN tp_assignment p ON p.id = c.assignment_id SET c.org_id = p.org_id;
ALTER TABLE tp_assignment_due_change MODIFY org_id UUID NOT NULL;
ALTER TABLE tp_completion_role ADD COLUMN org_id UUID;
UPDATE tp_completion_role c JOIN tp_completion p ON p.id = c.completion_id SET c.org_id = p.org_id;
ALTER TABLE tp_completion_role MODIFY org_id UUID NOT NULL;
ALTER TABLE tp_completion_policy_version ADD COLUMN org_id UUID;
UPDATE tp_completion_policy_version c JOIN tp_completion p ON p.id = c.completion_id SET c.org_id = p.org_id;
ALTER TABLE tp_completion_policy_version MODIFY org_id UUID NOT NULL;
ALTER TABLE tp_completion_evidence ADD COLUMN org_id UUID;
UPDATE tp_completion_evidence c JOIN tp_completion p ON p.id = c.completion_id SET c.org_id = p.org_id;
ALTER TABLE tp_completion_evidence MODIFY org_id UUID NOT NULL;
ALTER TABLE tp_security_reminder_recipient ADD COLUMN org_id UUID;
UPDATE tp_security_reminder_recipient c JOIN tp_security_reminder p ON p.id = c.reminder_id SET c.org_id = p.org_id;
ALTER TABLE tp_security_reminder_recipient MODIFY org_id UUID NOT NULL;
ALTER TABLE tp_certification_kind_course ADD COLUMN org_id UUID;
UPDATE tp_certification_kind_course c JOIN tp_certification_kind p ON p.id = c.kind_id SET c.org_id = p.org_id;
ALTER TABLE tp_certification_kind_course MODIFY org_id UUID NOT NULL;

-- 2. Foreign keys between distributed tables go (they name the primary keys that change), with
-- the single-column indexes InnoDB made for them where no other index served.
ALTER TABLE tp_member_terms DROP FOREIGN KEY tp_member_terms_ibfk_1;
ALTER TABLE tp_policy_version_role DROP FOREIGN KEY tp_policy_version_role_ibfk_1;
ALTER TABLE tp_course_version_policy DROP FOREIGN KEY tp_course_version_policy_ibfk_1;
ALTER TABLE tp_course_version_topic DROP FOREIGN KEY tp_course_version_topic_ibfk_1;
ALTER TABLE tp_requirement_terms DROP FOREIGN KEY tp_requirement_terms_ibfk_1;
ALTER TABLE tp_assignment_due_change DROP FOREIGN KEY tp_assignment_due_change_ibfk_1;
ALTER TABLE tp_completion_role DROP FOREIGN KEY tp_completion_role_ibfk_1;
ALTER TABLE tp_completion_policy_version DROP FOREIGN KEY tp_completion_policy_version_ibfk_1;
ALTER TABLE tp_completion_evidence DROP FOREIGN KEY tp_completion_evidence_ibfk_1;
ALTER TABLE tp_security_reminder_recipient DROP FOREIGN KEY tp_security_reminder_recipient_ibfk_1;
ALTER TABLE tp_certification_kind_course DROP FOREIGN KEY tp_certification_kind_course_ibfk_1;
ALTER TABLE tp_policy_version DROP FOREIGN KEY tp_policy_version_ibfk_1;
ALTER TABLE tp_course_version DROP FOREIGN KEY tp_course_version_ibfk_1;
ALTER TABLE tp_assignment DROP FOREIGN KEY tp_assignment_ibfk_2;
ALTER TABLE tp_completion DROP FOREIGN KEY tp_completion_ibfk_2;
ALTER TABLE tp_attestation DROP FOREIGN KEY tp_attestation_ibfk_2;
ALTER TABLE tp_certificate DROP FOREIGN KEY tp_certificate_ibfk_2;
ALTER TABLE tp_certification DROP FOREIGN KEY tp_certification_ibfk_2;
ALTER TABLE tp_wallet_exchange DROP FOREIGN KEY tp_wallet_exchange_ibfk_2;
ALTER TABLE tp_wallet_exchange DROP FOREIGN KEY tp_wallet_exchange_ibfk_3;
ALTER TABLE tp_assignment DROP INDEX IF EXISTS member_id;
ALTER TABLE tp_completion DROP INDEX IF EXISTS member_id;
ALTER TABLE tp_attestation DROP INDEX IF EXISTS member_id;
ALTER TABLE tp_certificate DROP INDEX IF EXISTS member_id;
ALTER TABLE tp_certification DROP INDEX IF EXISTS member_id;
ALTER TABLE tp_wallet_exchange DROP INDEX IF EXISTS certificate_id;
ALTER TABLE tp_wallet_exchange DROP INDEX IF EXISTS member_id;

-- 3. Primary keys start with org_id.
ALTER TABLE tp_member DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, id);
ALTER TABLE tp_policy DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, id);
ALTER TABLE tp_policy_version DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, id);
ALTER TABLE tp_course DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, id);
ALTER TABLE tp_course_version DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, id);
ALTER TABLE tp_requirement DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, id);
ALTER TABLE tp_assignment DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, id);
ALTER TABLE tp_completion DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, id);
ALTER TABLE tp_audit_entry DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, id);
ALTER TABLE tp_attestation DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, id);
ALTER TABLE tp_certificate DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, id);
ALTER TABLE tp_issued_credential DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, id);
ALTER TABLE tp_outbox DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, id);
ALTER TABLE tp_legal_hold DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, id);
ALTER TABLE tp_tombstone DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, id);
ALTER TABLE tp_policy_review DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, id);
ALTER TABLE tp_addressable_decision DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, id);
ALTER TABLE tp_security_reminder DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, id);
ALTER TABLE tp_grant DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, id);
ALTER TABLE tp_certification_kind DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, id);
ALTER TABLE tp_certification DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, id);
ALTER TABLE tp_member_terms DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, member_id, seq);
ALTER TABLE tp_policy_version_role DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, policy_version_id, role);
ALTER TABLE tp_course_version_policy DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, course_version_id, policy_id);
ALTER TABLE tp_course_version_topic DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, course_version_id, topic);
ALTER TABLE tp_requirement_terms DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, requirement_id, seq);
ALTER TABLE tp_assignment_due_change DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, assignment_id, seq);
ALTER TABLE tp_completion_role DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, completion_id, role);
ALTER TABLE tp_completion_policy_version DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, completion_id, policy_version_id);
ALTER TABLE tp_completion_evidence DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, completion_id, seq);
ALTER TABLE tp_security_reminder_recipient DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, reminder_id, seq);
ALTER TABLE tp_certification_kind_course DROP PRIMARY KEY, ADD PRIMARY KEY (org_id, kind_id, course_id);

-- 4. Unique keys include org_id.
ALTER TABLE tp_policy_version DROP INDEX uq_tp_policy_version_number, ADD CONSTRAINT uq_tp_policy_version_number UNIQUE (org_id, policy_id, number);
ALTER TABLE tp_course_version DROP INDEX uq_tp_course_version_label, ADD CONSTRAINT uq_tp_course_version_label UNIQUE (org_id, course_id, label);

-- 5. Foreign keys between distributed tables include org_id on both sides.
ALTER TABLE tp_member_terms ADD CONSTRAINT fk_tp_member_terms_member
  FOREIGN KEY (org_id, member_id) REFERENCES tp_member (org_id, id);
ALTER TABLE tp_policy_version_role ADD CONSTRAINT fk_tp_policy_version_role_policy_version
  FOREIGN KEY (org_id, policy_version_id) REFERENCES tp_policy_version (org_id, id);
ALTER TABLE tp_course_version_policy ADD CONSTRAINT fk_tp_course_version_policy_course_version
  FOREIGN KEY (org_id, course_version_id) REFERENCES tp_course_version (org_id, id);
ALTER TABLE tp_course_version_topic ADD CONSTRAINT fk_tp_course_version_topic_course_version
  FOREIGN KEY (org_id, course_version_id) REFERENCES tp_course_version (org_id, id);
ALTER TABLE tp_requirement_terms ADD CONSTRAINT fk_tp_requirement_terms_requirement
  FOREIGN KEY (org_id, requirement_id) REFERENCES tp_requirement (org_id, id);
ALTER TABLE tp_assignment_due_change ADD CONSTRAINT fk_tp_assignment_due_change_assignment
  FOREIGN KEY (org_id, assignment_id) REFERENCES tp_assignment (org_id, id);
ALTER TABLE tp_completion_role ADD CONSTRAINT fk_tp_completion_role_completion
  FOREIGN KEY (org_id, completion_id) REFERENCES tp_completion (org_id, id);
ALTER TABLE tp_completion_policy_version ADD CONSTRAINT fk_tp_completion_policy_version_completion
  FOREIGN KEY (org_id, completion_id) REFERENCES tp_completion (org_id, id);
ALTER TABLE tp_completion_evidence ADD CONSTRAINT fk_tp_completion_evidence_completion
  FOREIGN KEY (org_id, completion_id) REFERENCES tp_completion (org_id, id);
ALTER TABLE tp_security_reminder_recipient ADD CONSTRAINT fk_tp_security_reminder_recipient_reminder
  FOREIGN KEY (org_id, reminder_id) REFERENCES tp_security_reminder (org_id, id);
ALTER TABLE tp_certification_kind_course ADD CONSTRAINT fk_tp_certification_kind_course_kind
  FOREIGN KEY (org_id, kind_id) REFERENCES tp_certification_kind (org_id, id);
ALTER TABLE tp_policy_version ADD CONSTRAINT fk_tp_policy_version_policy
  FOREIGN KEY (org_id, policy_id) REFERENCES tp_policy (org_id, id);
ALTER TABLE tp_course_version ADD CONSTRAINT fk_tp_course_version_course
  FOREIGN KEY (org_id, course_id) REFERENCES tp_course (org_id, id);
ALTER TABLE tp_assignment ADD CONSTRAINT fk_tp_assignment_member
  FOREIGN KEY (org_id, member_id) REFERENCES tp_member (org_id, id);
ALTER TABLE tp_completion ADD CONSTRAINT fk_tp_completion_member
  FOREIGN KEY (org_id, member_id) REFERENCES tp_member (org_id, id);
ALTER TABLE tp_attestation ADD CONSTRAINT fk_tp_attestation_member
  FOREIGN KEY (org_id, member_id) REFERENCES tp_member (org_id, id);
ALTER TABLE tp_certificate ADD CONSTRAINT fk_tp_certificate_member
  FOREIGN KEY (org_id, member_id) REFERENCES tp_member (org_id, id);
ALTER TABLE tp_certification ADD CONSTRAINT fk_tp_certification_member
  FOREIGN KEY (org_id, member_id) REFERENCES tp_member (org_id, id);
ALTER TABLE tp_wallet_exchange ADD CONSTRAINT fk_tp_wallet_exchange_certificate
  FOREIGN KEY (org_id, certificate_id) REFERENCES tp_certificate (org_id, id);
ALTER TABLE tp_wallet_exchange ADD CONSTRAINT fk_tp_wallet_exchange_member
  FOREIGN KEY (org_id, member_id) REFERENCES tp_member (org_id, id);

-- 6. Indexes.
ALTER TABLE tp_member DROP INDEX ix_tp_member_org_id;
ALTER TABLE tp_course_version DROP INDEX ix_tp_course_version_released, ADD INDEX ix_tp_course_version_released (org_id, course_id, released_at, id);
ALTER TABLE tp_completion DROP INDEX ix_tp_completion_assignment, ADD INDEX ix_tp_completion_assignment (org_id, assignment_id);
ALTER TABLE tp_completion_policy_version DROP INDEX ix_tp_completion_pv, ADD INDEX ix_tp_completion_pv (org_id, policy_version_id);
