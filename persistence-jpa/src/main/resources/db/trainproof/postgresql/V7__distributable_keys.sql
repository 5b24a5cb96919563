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
ALTER TABLE tp_member_terms ADD COLUMN org_id uuid;
UPDATE tp_member_terms c SET org_id = p.org_id FROM tp_member p WHERE p.id = c.member_id;
ALTER TABLE tp_member_terms ALTER COLUMN org_id SET NOT NULL;
ALTER TABLE tp_policy_version_role ADD COLUMN org_id uuid;
UPDATE tp_policy_version_role c SET org_id = p.org_id FROM tp_policy_version p WHERE p.id = c.policy_version_id;
ALTER TABLE tp_policy_version_role ALTER COLUMN org_id SET NOT NULL;
ALTER TABLE tp_course_version_policy ADD COLUMN org_id uuid;
UPDATE tp_course_version_policy c SET org_id = p.org_id FROM tp_course_version p WHERE p.id = c.course_version_id;
ALTER TABLE tp_course_version_policy ALTER COLUMN org_id SET NOT NULL;
ALTER TABLE tp_course_version_topic ADD COLUMN org_id uuid;
UPDATE tp_course_version_topic c SET org_id = p.org_id FROM tp_course_version p WHERE p.id = c.course_version_id;
ALTER TABLE tp_course_version_topic ALTER COLUMN org_id SET NOT NULL;
ALTER TABLE tp_requirement_terms ADD COLUMN org_id uuid;
UPDATE tp_requirement_terms c SET org_id = p.org_id FROM tp_requirement p WHERE p.id = c.requirement_id;
ALTER TABLE tp_requirement_terms ALTER COLUMN org_id SET NOT NULL;
ALTER TABLE tp_assignment_due_change ADD COLUMN org_id uuid;
UPDATE tp_assignment_due_change c SET org_id = p.org_id FROM tp_assignment p WHERE p.id = c.assignment_id;
ALTER TABLE tp_assignment_due_change ALTER COLUMN org_id SET NOT NULL;
ALTER TABLE tp_completion_role ADD COLUMN org_id uuid;
UPDATE tp_completion_role c SET org_id = p.org_id FROM tp_completion p WHERE p.id = c.completion_id;
ALTER TABLE tp_completion_role ALTER COLUMN org_id SET NOT NULL;
ALTER TABLE tp_completion_policy_version ADD COLUMN org_id uuid;
UPDATE tp_completion_policy_version c SET org_id = p.org_id FROM tp_completion p WHERE p.id = c.completion_id;
ALTER TABLE tp_completion_policy_version ALTER COLUMN org_id SET NOT NULL;
ALTER TABLE tp_completion_evidence ADD COLUMN org_id uuid;
UPDATE tp_completion_evidence c SET org_id = p.org_id FROM tp_completion p WHERE p.id = c.completion_id;
ALTER TABLE tp_completion_evidence ALTER COLUMN org_id SET NOT NULL;
ALTER TABLE tp_security_reminder_recipient ADD COLUMN org_id uuid;
UPDATE tp_security_reminder_recipient c SET org_id = p.org_id FROM tp_security_reminder p WHERE p.id = c.reminder_id;
ALTER TABLE tp_security_reminder_recipient ALTER COLUMN org_id SET NOT NULL;
ALTER TABLE tp_certification_kind_course ADD COLUMN org_id uuid;
UPDATE tp_certification_kind_course c SET org_id = p.org_id FROM tp_certification_kind p WHERE p.id = c.kind_id;
ALTER TABLE tp_certification_kind_course ALTER COLUMN org_id SET NOT NULL;

-- 2. Foreign keys between distributed tables go (they name the primary keys that change).
ALTER TABLE tp_member_terms DROP CONSTRAINT tp_member_terms_member_id_fkey;
ALTER TABLE tp_policy_version_role DROP CONSTRAINT tp_policy_version_role_policy_version_id_fkey;
ALTER TABLE tp_course_version_policy DROP CONSTRAINT tp_course_version_policy_course_version_id_fkey;
ALTER TABLE tp_course_version_topic DROP CONSTRAINT tp_course_version_topic_course_version_id_fkey;
ALTER TABLE tp_requirement_terms DROP CONSTRAINT tp_requirement_terms_requirement_id_fkey;
ALTER TABLE tp_assignment_due_change DROP CONSTRAINT tp_assignment_due_change_assignment_id_fkey;
ALTER TABLE tp_completion_role DROP CONSTRAINT tp_completion_role_completion_id_fkey;
ALTER TABLE tp_completion_policy_version DROP CONSTRAINT tp_completion_policy_version_completion_id_fkey;
ALTER TABLE tp_completion_evidence DROP CONSTRAINT tp_completion_evidence_completion_id_fkey;
ALTER TABLE tp_security_reminder_recipient DROP CONSTRAINT tp_security_reminder_recipient_reminder_id_fkey;
ALTER TABLE tp_certification_kind_course DROP CONSTRAINT tp_certification_kind_course_kind_id_fkey;
ALTER TABLE tp_policy_version DROP CONSTRAINT tp_policy_version_policy_id_fkey;
ALTER TABLE tp_course_version DROP CONSTRAINT tp_course_version_course_id_fkey;
ALTER TABLE tp_assignment DROP CONSTRAINT tp_assignment_member_id_fkey;
ALTER TABLE tp_completion DROP CONSTRAINT tp_completion_member_id_fkey;
ALTER TABLE tp_attestation DROP CONSTRAINT tp_attestation_member_id_fkey;
ALTER TABLE tp_certificate DROP CONSTRAINT tp_certificate_member_id_fkey;
ALTER TABLE tp_certification DROP CONSTRAINT tp_certification_member_id_fkey;
ALTER TABLE tp_wallet_exchange DROP CONSTRAINT tp_wallet_exchange_certificate_id_fkey;
ALTER TABLE tp_wallet_exchange DROP CONSTRAINT tp_wallet_exchange_member_id_fkey;

-- 3. Primary keys start with org_id.
ALTER TABLE tp_member DROP CONSTRAINT tp_member_pkey, ADD CONSTRAINT tp_member_pkey PRIMARY KEY (org_id, id);
ALTER TABLE tp_policy DROP CONSTRAINT tp_policy_pkey, ADD CONSTRAINT tp_policy_pkey PRIMARY KEY (org_id, id);
ALTER TABLE tp_policy_version DROP CONSTRAINT tp_policy_version_pkey, ADD CONSTRAINT tp_policy_version_pkey PRIMARY KEY (org_id, id);
ALTER TABLE tp_course DROP CONSTRAINT tp_course_pkey, ADD CONSTRAINT tp_course_pkey PRIMARY KEY (org_id, id);
ALTER TABLE tp_course_version DROP CONSTRAINT tp_course_version_pkey, ADD CONSTRAINT tp_course_version_pkey PRIMARY KEY (org_id, id);
ALTER TABLE tp_requirement DROP CONSTRAINT tp_requirement_pkey, ADD CONSTRAINT tp_requirement_pkey PRIMARY KEY (org_id, id);
ALTER TABLE tp_assignment DROP CONSTRAINT tp_assignment_pkey, ADD CONSTRAINT tp_assignment_pkey PRIMARY KEY (org_id, id);
ALTER TABLE tp_completion DROP CONSTRAINT tp_completion_pkey, ADD CONSTRAINT tp_completion_pkey PRIMARY KEY (org_id, id);
ALTER TABLE tp_audit_entry DROP CONSTRAINT tp_audit_entry_pkey, ADD CONSTRAINT tp_audit_entry_pkey PRIMARY KEY (org_id, id);
ALTER TABLE tp_attestation DROP CONSTRAINT tp_attestation_pkey, ADD CONSTRAINT tp_attestation_pkey PRIMARY KEY (org_id, id);
ALTER TABLE tp_certificate DROP CONSTRAINT tp_certificate_pkey, ADD CONSTRAINT tp_certificate_pkey PRIMARY KEY (org_id, id);
ALTER TABLE tp_issued_credential DROP CONSTRAINT tp_issued_credential_pkey, ADD CONSTRAINT tp_issued_credential_pkey PRIMARY KEY (org_id, id);
ALTER TABLE tp_outbox DROP CONSTRAINT tp_outbox_pkey, ADD CONSTRAINT tp_outbox_pkey PRIMARY KEY (org_id, id);
ALTER TABLE tp_legal_hold DROP CONSTRAINT tp_legal_hold_pkey, ADD CONSTRAINT tp_legal_hold_pkey PRIMARY KEY (org_id, id);
ALTER TABLE tp_tombstone DROP CONSTRAINT tp_tombstone_pkey, ADD CONSTRAINT tp_tombstone_pkey PRIMARY KEY (org_id, id);
ALTER TABLE tp_policy_review DROP CONSTRAINT tp_policy_review_pkey, ADD CONSTRAINT tp_policy_review_pkey PRIMARY KEY (org_id, id);
ALTER TABLE tp_addressable_decision DROP CONSTRAINT tp_addressable_decision_pkey, ADD CONSTRAINT tp_addressable_decision_pkey PRIMARY KEY (org_id, id);
ALTER TABLE tp_security_reminder DROP CONSTRAINT tp_security_reminder_pkey, ADD CONSTRAINT tp_security_reminder_pkey PRIMARY KEY (org_id, id);
ALTER TABLE tp_grant DROP CONSTRAINT tp_grant_pkey, ADD CONSTRAINT tp_grant_pkey PRIMARY KEY (org_id, id);
ALTER TABLE tp_certification_kind DROP CONSTRAINT tp_certification_kind_pkey, ADD CONSTRAINT tp_certification_kind_pkey PRIMARY KEY (org_id, id);
ALTER TABLE tp_certification DROP CONSTRAINT tp_certification_pkey, ADD CONSTRAINT tp_certification_pkey PRIMARY KEY (org_id, id);
ALTER TABLE tp_member_terms DROP CONSTRAINT tp_member_terms_pkey, ADD CONSTRAINT tp_member_terms_pkey PRIMARY KEY (org_id, member_id, seq);
ALTER TABLE tp_policy_version_role DROP CONSTRAINT tp_policy_version_role_pkey, ADD CONSTRAINT tp_policy_version_role_pkey PRIMARY KEY (org_id, policy_version_id, role);
ALTER TABLE tp_course_version_policy DROP CONSTRAINT tp_course_version_policy_pkey, ADD CONSTRAINT tp_course_version_policy_pkey PRIMARY KEY (org_id, course_version_id, policy_id);
ALTER TABLE tp_course_version_topic DROP CONSTRAINT tp_course_version_topic_pkey, ADD CONSTRAINT tp_course_version_topic_pkey PRIMARY KEY (org_id, course_version_id, topic);
ALTER TABLE tp_requirement_terms DROP CONSTRAINT tp_requirement_terms_pkey, ADD CONSTRAINT tp_requirement_terms_pkey PRIMARY KEY (org_id, requirement_id, seq);
ALTER TABLE tp_assignment_due_change DROP CONSTRAINT tp_assignment_due_change_pkey, ADD CONSTRAINT tp_assignment_due_change_pkey PRIMARY KEY (org_id, assignment_id, seq);
ALTER TABLE tp_completion_role DROP CONSTRAINT tp_completion_role_pkey, ADD CONSTRAINT tp_completion_role_pkey PRIMARY KEY (org_id, completion_id, role);
ALTER TABLE tp_completion_policy_version DROP CONSTRAINT tp_completion_policy_version_pkey, ADD CONSTRAINT tp_completion_policy_version_pkey PRIMARY KEY (org_id, completion_id, policy_version_id);
ALTER TABLE tp_completion_evidence DROP CONSTRAINT tp_completion_evidence_pkey, ADD CONSTRAINT tp_completion_evidence_pkey PRIMARY KEY (org_id, completion_id, seq);
ALTER TABLE tp_security_reminder_recipient DROP CONSTRAINT tp_security_reminder_recipient_pkey, ADD CONSTRAINT tp_security_reminder_recipient_pkey PRIMARY KEY (org_id, reminder_id, seq);
ALTER TABLE tp_certification_kind_course DROP CONSTRAINT tp_certification_kind_course_pkey, ADD CONSTRAINT tp_certification_kind_course_pkey PRIMARY KEY (org_id, kind_id, course_id);

-- 4. Unique keys include org_id.
ALTER TABLE tp_policy_version DROP CONSTRAINT uq_tp_policy_version_number, ADD CONSTRAINT uq_tp_policy_version_number UNIQUE (org_id, policy_id, number);
ALTER TABLE tp_course_version DROP CONSTRAINT uq_tp_course_version_label, ADD CONSTRAINT uq_tp_course_version_label UNIQUE (org_id, course_id, label);

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
DROP INDEX ix_tp_member_org_id;
DROP INDEX ix_tp_course_version_released;
CREATE INDEX ix_tp_course_version_released ON tp_course_version (org_id, course_id, released_at, id);
DROP INDEX ix_tp_completion_assignment;
CREATE INDEX ix_tp_completion_assignment ON tp_completion (org_id, assignment_id);
DROP INDEX ix_tp_completion_pv;
CREATE INDEX ix_tp_completion_pv ON tp_completion_policy_version (org_id, policy_version_id);
