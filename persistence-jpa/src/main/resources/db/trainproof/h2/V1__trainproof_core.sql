-- Trainproof core schema for H2 2.x. Flyway naming; hosts add
-- classpath:db/trainproof/h2 to their own Flyway or Liquibase setup.
-- H2 compares strings exactly (case-sensitive) by default.


CREATE TABLE tp_organization (
  id          uuid PRIMARY KEY,
  name        varchar(500) NOT NULL,
  zone        varchar(100) NOT NULL,
  retention   varchar(50)  NOT NULL,
  created_at  timestamp(6) with time zone NOT NULL
);

CREATE TABLE tp_member (
  id            uuid PRIMARY KEY,
  org_id        uuid NOT NULL REFERENCES tp_organization (id),
  external_id   varchar(200) NOT NULL,
  id_order      varchar(32) NOT NULL,
  display_name  varchar(500) NOT NULL,
  engaged_on    date NOT NULL,
  version       bigint NOT NULL,
  -- The last day the renewal sweep visited the member (claimForSweep); not part of the domain.
  swept_on      date,
  CONSTRAINT uq_tp_member_external_id UNIQUE (org_id, external_id)
);
-- list(org) ordered by id and the sweep claim (org, not swept today, ordered by id).
CREATE INDEX ix_tp_member_org_id ON tp_member (org_id, id);
-- Keyset pages in Id.compareTo order (id_order: see Mapper.idOrder).
CREATE INDEX ix_tp_member_page ON tp_member (org_id, id_order);

CREATE TABLE tp_member_terms (
  member_id       uuid NOT NULL REFERENCES tp_member (id),
  seq             integer NOT NULL,
  effective_from  date NOT NULL,
  workforce_type  varchar(20) NOT NULL,
  roles           varchar(4000) NOT NULL,
  department      varchar(200) NOT NULL,
  manager_id      uuid,
  status          varchar(20) NOT NULL,
  PRIMARY KEY (member_id, seq)
);

CREATE TABLE tp_policy (
  id          uuid PRIMARY KEY,
  org_id      uuid NOT NULL REFERENCES tp_organization (id),
  code        varchar(100) NOT NULL,
  title       varchar(500) NOT NULL,
  audience_roles        varchar(4000) NOT NULL,
  audience_departments  varchar(4000) NOT NULL,
  audience_types        varchar(200) NOT NULL,
  attest_on             varchar(20) NOT NULL,
  attest_within_days    integer NOT NULL,
  review_due_on         date,
  created_at  timestamp(6) with time zone NOT NULL,
  version     bigint NOT NULL,
  CONSTRAINT uq_tp_policy_code UNIQUE (org_id, code)
);

CREATE TABLE tp_policy_version (
  id                 uuid PRIMARY KEY,
  policy_id          uuid NOT NULL REFERENCES tp_policy (id),
  org_id             uuid NOT NULL REFERENCES tp_organization (id),
  number             integer NOT NULL,
  effective_from     date NOT NULL,
  text_sha256        varchar(64) NOT NULL,
  change_notes       varchar(4000) NOT NULL,
  material           boolean NOT NULL,
  last_in_effect_on  date,
  published_at       timestamp(6) with time zone NOT NULL,
  CONSTRAINT uq_tp_policy_version_number UNIQUE (policy_id, number)
);

CREATE TABLE tp_policy_version_role (
  policy_version_id  uuid NOT NULL REFERENCES tp_policy_version (id),
  role               varchar(200) NOT NULL,
  PRIMARY KEY (policy_version_id, role)
);

CREATE TABLE tp_course (
  id          uuid PRIMARY KEY,
  org_id      uuid NOT NULL REFERENCES tp_organization (id),
  code        varchar(100) NOT NULL,
  title       varchar(500) NOT NULL,
  created_at  timestamp(6) with time zone NOT NULL,
  CONSTRAINT uq_tp_course_code UNIQUE (org_id, code)
);

CREATE TABLE tp_course_version (
  id                  uuid PRIMARY KEY,
  course_id           uuid NOT NULL REFERENCES tp_course (id),
  org_id              uuid NOT NULL REFERENCES tp_organization (id),
  label               varchar(100) NOT NULL,
  pass_mark           integer NOT NULL,
  issues_certificate  boolean NOT NULL,
  content_sha256      varchar(64),
  released_at         timestamp(6) with time zone NOT NULL,
  CONSTRAINT uq_tp_course_version_label UNIQUE (course_id, label)
);
CREATE INDEX ix_tp_course_version_released ON tp_course_version (course_id, released_at, id);

CREATE TABLE tp_course_version_policy (
  course_version_id  uuid NOT NULL REFERENCES tp_course_version (id),
  policy_id          uuid NOT NULL,
  PRIMARY KEY (course_version_id, policy_id)
);

CREATE TABLE tp_course_version_topic (
  course_version_id  uuid NOT NULL REFERENCES tp_course_version (id),
  topic              varchar(40) NOT NULL,
  PRIMARY KEY (course_version_id, topic)
);

CREATE TABLE tp_requirement (
  id          uuid PRIMARY KEY,
  org_id      uuid NOT NULL REFERENCES tp_organization (id),
  name        varchar(500) NOT NULL,
  rationale   varchar(4000) NOT NULL,
  created_at  timestamp(6) with time zone NOT NULL,
  version     bigint NOT NULL
);
CREATE INDEX ix_tp_requirement_org ON tp_requirement (org_id, created_at, id);

CREATE TABLE tp_requirement_terms (
  requirement_id          uuid NOT NULL REFERENCES tp_requirement (id),
  seq                     integer NOT NULL,
  effective_from          date NOT NULL,
  audience_roles          varchar(4000) NOT NULL,
  audience_departments    varchar(4000) NOT NULL,
  audience_types          varchar(200) NOT NULL,
  course_id               uuid NOT NULL,
  initial_due_days        integer NOT NULL,
  recurrence_kind         varchar(20) NOT NULL,
  recurrence_period       varchar(50),
  recurrence_count_from   varchar(20),
  recurrence_month_day    varchar(10),
  renewal_window          varchar(50) NOT NULL,
  minimum_active          varchar(50) NOT NULL,
  grace_days              integer NOT NULL,
  retrain_within_days     integer,
  reminder_days_before    varchar(500) NOT NULL,
  reminder_on_due         boolean NOT NULL,
  reminder_days_overdue   varchar(500) NOT NULL,
  reminder_escalate_after integer NOT NULL,
  active                  boolean NOT NULL,
  PRIMARY KEY (requirement_id, seq)
);

CREATE TABLE tp_assignment (
  id                     uuid PRIMARY KEY,
  org_id                 uuid NOT NULL REFERENCES tp_organization (id),
  member_id              uuid NOT NULL REFERENCES tp_member (id),
  course_id              uuid NOT NULL,
  requirement_id         uuid,
  reason                 varchar(30) NOT NULL,
  policy_version_id      uuid,
  dedupe_key             varchar(300) NOT NULL,
  assigned_on            date NOT NULL,
  assigned_at            timestamp(6) with time zone NOT NULL,
  assigned_by            varchar(200) NOT NULL,
  anchor_on              date NOT NULL,
  due_on                 date NOT NULL,
  started_on             date,
  closure_state          varchar(20),
  closure_on             date,
  closure_recorded_at    timestamp(6) with time zone,
  closure_by             varchar(200),
  closure_reason         varchar(1000),
  closure_completion_id  uuid,
  version                bigint NOT NULL,
  id_order               varchar(32) NOT NULL,
  -- The last defence that makes the assignment engine idempotent across nodes.
  CONSTRAINT uq_tp_assignment_dedupe_key UNIQUE (org_id, dedupe_key)
);
CREATE INDEX ix_tp_assignment_member ON tp_assignment (org_id, member_id, assigned_at, id);
CREATE INDEX ix_tp_assignment_requirement ON tp_assignment (org_id, requirement_id, assigned_at, id);
CREATE INDEX ix_tp_assignment_org ON tp_assignment (org_id, assigned_at, id);
CREATE INDEX ix_tp_assignment_page ON tp_assignment (org_id, id_order);

-- Dedupe keys of purged assignments stay taken, so a purged cycle is never recreated.
CREATE TABLE tp_purged_dedupe_key (
  org_id      uuid NOT NULL REFERENCES tp_organization (id),
  dedupe_key  varchar(300) NOT NULL,
  PRIMARY KEY (org_id, dedupe_key)
);

CREATE TABLE tp_assignment_due_change (
  assignment_id  uuid NOT NULL REFERENCES tp_assignment (id),
  seq            integer NOT NULL,
  granted_on     date NOT NULL,
  new_due_on     date NOT NULL,
  approved_by    varchar(200) NOT NULL,
  reason         varchar(1000) NOT NULL,
  PRIMARY KEY (assignment_id, seq)
);

CREATE TABLE tp_completion (
  id                   uuid PRIMARY KEY,
  org_id               uuid NOT NULL REFERENCES tp_organization (id),
  member_id            uuid NOT NULL REFERENCES tp_member (id),
  workforce_type       varchar(20) NOT NULL,
  assignment_id        uuid NOT NULL,
  course_id            uuid NOT NULL,
  course_version_id    uuid NOT NULL,
  content_sha256       varchar(64),
  reason               varchar(30) NOT NULL,
  change_version_id    uuid,
  change_effective_on  date,
  assigned_on          date NOT NULL,
  due_on               date NOT NULL,
  completed_on         date NOT NULL,
  recorded_at          timestamp(6) with time zone NOT NULL,
  score                integer,
  passed               boolean NOT NULL,
  method               varchar(30) NOT NULL,
  recorded_by          varchar(200) NOT NULL,
  source               varchar(500),
  source_ref           varchar(500),
  justification        varchar(2000),
  retention_until      date NOT NULL,
  id_order             varchar(32) NOT NULL
);
CREATE INDEX ix_tp_completion_member ON tp_completion (org_id, member_id, completed_on, recorded_at, id);
CREATE INDEX ix_tp_completion_assignment ON tp_completion (assignment_id);
CREATE INDEX ix_tp_completion_page ON tp_completion (org_id, id_order);
-- Imports look up what they already brought in (xAPI statement id, file and line).
CREATE INDEX ix_tp_completion_source ON tp_completion (org_id, source, source_ref);

CREATE TABLE tp_completion_role (
  completion_id  uuid NOT NULL REFERENCES tp_completion (id),
  role           varchar(200) NOT NULL,
  PRIMARY KEY (completion_id, role)
);

CREATE TABLE tp_completion_policy_version (
  completion_id      uuid NOT NULL REFERENCES tp_completion (id),
  policy_version_id  uuid NOT NULL,
  PRIMARY KEY (completion_id, policy_version_id)
);
-- "Who was trained on this policy version?" (retraining after a material change).
CREATE INDEX ix_tp_completion_pv ON tp_completion_policy_version (policy_version_id);

CREATE TABLE tp_completion_evidence (
  completion_id  uuid NOT NULL REFERENCES tp_completion (id),
  seq            integer NOT NULL,
  name           varchar(500) NOT NULL,
  sha256         varchar(64) NOT NULL,
  PRIMARY KEY (completion_id, seq)
);

-- Oversight: audit trail, attestations, certificates, outbox, retention, documentation, grants.

-- Append-only and hash-chained per organization; appends are serialized per organization by a
-- row lock on tp_audit_head (lockHead), never by a global lock.
-- One row per organization: the audit chain's lock (lockHead takes it FOR UPDATE). No foreign
-- key references it, so inserts elsewhere never hold a share lock that would make two
-- writers deadlock when they both come to append.
CREATE TABLE tp_audit_head (
  org_id  uuid NOT NULL PRIMARY KEY REFERENCES tp_organization (id)
);

CREATE TABLE tp_audit_entry (
  id             uuid PRIMARY KEY,
  org_id         uuid NOT NULL REFERENCES tp_organization (id),
  seq_no         bigint NOT NULL,
  occurred_at    timestamp(6) with time zone NOT NULL,
  actor_id       varchar(200) NOT NULL,
  actor_role     varchar(40) NOT NULL,
  action         varchar(100) NOT NULL,
  subject_type   varchar(100) NOT NULL,
  subject_id     varchar(200) NOT NULL,
  details        varchar(1000000) NOT NULL,
  previous_hash  varchar(128) NOT NULL,
  hash           varchar(128) NOT NULL,
  tombstone      boolean NOT NULL,
  CONSTRAINT uq_tp_audit_sequence UNIQUE (org_id, seq_no)
);
CREATE INDEX ix_tp_audit_at ON tp_audit_entry (org_id, occurred_at, seq_no);

CREATE TABLE tp_attestation (
  id                  uuid PRIMARY KEY,
  org_id              uuid NOT NULL REFERENCES tp_organization (id),
  member_id           uuid NOT NULL REFERENCES tp_member (id),
  policy_id           uuid NOT NULL,
  policy_version_id   uuid NOT NULL,
  requested_on        date NOT NULL,
  due_on              date NOT NULL,
  requested_by        varchar(200) NOT NULL,
  automatic           boolean NOT NULL,
  statement_text      varchar(1000000),
  statement_sha256    varchar(64),
  policy_text_sha256  varchar(64),
  attested_at         timestamp(6) with time zone,
  attested_on         date,
  method              varchar(30),
  actor_id            varchar(200),
  typed_name          varchar(500),
  justification       varchar(2000),
  record_hash         varchar(128),
  credential_id       varchar(500),
  credential_json     varchar(1000000),
  version             bigint NOT NULL,
  CONSTRAINT uq_tp_attestation_member_version UNIQUE (org_id, member_id, policy_version_id)
);
CREATE INDEX ix_tp_attestation_member ON tp_attestation (org_id, member_id, requested_on, id);
CREATE INDEX ix_tp_attestation_version ON tp_attestation (org_id, policy_version_id, requested_on, id);

CREATE TABLE tp_certificate (
  id                 uuid PRIMARY KEY,
  org_id             uuid NOT NULL REFERENCES tp_organization (id),
  member_id          uuid NOT NULL REFERENCES tp_member (id),
  completion_id      uuid NOT NULL,
  course_id          uuid NOT NULL,
  course_version_id  uuid NOT NULL,
  credential_id      varchar(500) NOT NULL,
  verification_code  varchar(100) NOT NULL,
  credential_json    varchar(1000000) NOT NULL,
  status_index       integer NOT NULL,
  issued_at          timestamp(6) with time zone NOT NULL,
  valid_from         date NOT NULL,
  valid_until        date,
  status             varchar(20) NOT NULL,
  status_reason      varchar(1000),
  status_changed_at  timestamp(6) with time zone,
  version            bigint NOT NULL,
  -- A status-list index identifies one credential for outside verifiers, forever.
  CONSTRAINT uq_tp_certificate_status_index UNIQUE (org_id, status_index)
);
CREATE INDEX ix_tp_certificate_member ON tp_certificate (org_id, member_id, issued_at, id);
CREATE INDEX ix_tp_certificate_code ON tp_certificate (org_id, verification_code);
CREATE INDEX ix_tp_certificate_status ON tp_certificate (org_id, status, status_index);

-- Delivered exactly once per idempotency key; dispatchers lease due rows with SKIP LOCKED.
CREATE TABLE tp_outbox (
  id               uuid PRIMARY KEY,
  org_id           uuid NOT NULL REFERENCES tp_organization (id),
  idempotency_key  varchar(300) NOT NULL,
  kind             varchar(40) NOT NULL,
  recipient_id     uuid,
  channel          varchar(100) NOT NULL,
  payload          varchar(1000000) NOT NULL,
  created_at       timestamp(6) with time zone NOT NULL,
  attempts         integer NOT NULL,
  next_attempt_at  timestamp(6) with time zone NOT NULL,
  last_error       varchar(2000),
  delivered_at     timestamp(6) with time zone,
  CONSTRAINT uq_tp_outbox_key UNIQUE (org_id, idempotency_key)
);
CREATE INDEX ix_tp_outbox_due ON tp_outbox (delivered_at, next_attempt_at);
CREATE INDEX ix_tp_outbox_org ON tp_outbox (org_id, created_at, id);

CREATE TABLE tp_legal_hold (
  id           uuid PRIMARY KEY,
  org_id       uuid NOT NULL REFERENCES tp_organization (id),
  matter       varchar(1000) NOT NULL,
  member_id    uuid,
  from_on      date,
  to_on        date,
  placed_by    varchar(200) NOT NULL,
  placed_at    timestamp(6) with time zone NOT NULL,
  released_by  varchar(200),
  released_at  timestamp(6) with time zone
);
CREATE INDEX ix_tp_legal_hold_org ON tp_legal_hold (org_id, placed_at, id);

CREATE TABLE tp_tombstone (
  id               uuid PRIMARY KEY,
  org_id           uuid NOT NULL REFERENCES tp_organization (id),
  kind             varchar(30) NOT NULL,
  subject_id       varchar(200) NOT NULL,
  retention_until  date NOT NULL,
  purged_at        timestamp(6) with time zone NOT NULL,
  purged_by        varchar(200) NOT NULL
);
CREATE INDEX ix_tp_tombstone_org ON tp_tombstone (org_id, purged_at, id);

CREATE TABLE tp_policy_review (
  id                  uuid PRIMARY KEY,
  org_id              uuid NOT NULL REFERENCES tp_organization (id),
  policy_id           uuid NOT NULL,
  reviewed_on         date NOT NULL,
  reviewer            varchar(200) NOT NULL,
  outcome             varchar(4000) NOT NULL,
  changes_needed      boolean NOT NULL,
  next_review_due_on  date,
  recorded_at         timestamp(6) with time zone NOT NULL
);
CREATE INDEX ix_tp_policy_review ON tp_policy_review (org_id, policy_id, reviewed_on, recorded_at);

CREATE TABLE tp_addressable_decision (
  id                       uuid PRIMARY KEY,
  org_id                   uuid NOT NULL REFERENCES tp_organization (id),
  topic                    varchar(40) NOT NULL,
  number                   integer NOT NULL,
  implemented_as_training  boolean NOT NULL,
  rationale                varchar(4000) NOT NULL,
  alternative_measure      varchar(4000),
  decided_on               date NOT NULL,
  decided_by               varchar(200) NOT NULL,
  recorded_at              timestamp(6) with time zone NOT NULL,
  CONSTRAINT uq_tp_decision_number UNIQUE (org_id, topic, number)
);

CREATE TABLE tp_security_reminder (
  id              uuid PRIMARY KEY,
  org_id          uuid NOT NULL REFERENCES tp_organization (id),
  title           varchar(500) NOT NULL,
  content         varchar(1000000) NOT NULL,
  content_sha256  varchar(64) NOT NULL,
  channel         varchar(100) NOT NULL,
  sent_on         date NOT NULL,
  sent_at         timestamp(6) with time zone NOT NULL,
  sent_by         varchar(200) NOT NULL,
  ack_required    boolean NOT NULL
);
CREATE INDEX ix_tp_security_reminder_org ON tp_security_reminder (org_id, sent_at, id);

CREATE TABLE tp_security_reminder_recipient (
  reminder_id      uuid NOT NULL REFERENCES tp_security_reminder (id),
  seq              integer NOT NULL,
  member_id        uuid NOT NULL,
  acknowledged_at  timestamp(6) with time zone,
  PRIMARY KEY (reminder_id, seq)
);

CREATE TABLE tp_grant (
  id          uuid PRIMARY KEY,
  org_id      uuid NOT NULL REFERENCES tp_organization (id),
  actor_id    varchar(200) NOT NULL,
  granted_by  varchar(200) NOT NULL,
  reason      varchar(1000) NOT NULL,
  granted_at  timestamp(6) with time zone NOT NULL,
  expires_at  timestamp(6) with time zone NOT NULL,
  revoked_at  timestamp(6) with time zone
);
CREATE INDEX ix_tp_grant_actor ON tp_grant (org_id, actor_id);

-- Outside certifications (e.g. a vendor's HIPAA certification) and the kinds an organization accepts.
CREATE TABLE tp_certification_kind (
  id          uuid NOT NULL PRIMARY KEY,
  org_id      uuid NOT NULL REFERENCES tp_organization (id),
  code        varchar(100) NOT NULL,
  name        varchar(500) NOT NULL,
  created_at  timestamp(6) with time zone NOT NULL,
  CONSTRAINT uq_tp_certification_kind_code UNIQUE (org_id, code)
);

CREATE TABLE tp_certification_kind_course (
  kind_id    uuid NOT NULL REFERENCES tp_certification_kind (id),
  course_id  uuid NOT NULL,
  PRIMARY KEY (kind_id, course_id)
);

CREATE TABLE tp_certification (
  id                    uuid NOT NULL PRIMARY KEY,
  org_id                uuid NOT NULL REFERENCES tp_organization (id),
  member_id             uuid NOT NULL REFERENCES tp_member (id),
  kind_id               uuid NOT NULL,
  issuer                varchar(200) NOT NULL,
  credential_id         varchar(300) NOT NULL,
  issued_on             date NOT NULL,
  expires_on            date,
  evidence_sha256       varchar(64),
  verified              boolean,
  verification_summary  varchar(2000),
  verified_at           timestamp(6) with time zone,
  recorded_at           timestamp(6) with time zone NOT NULL,
  recorded_by           varchar(200) NOT NULL,
  CONSTRAINT uq_tp_certification_credential UNIQUE (org_id, issuer, credential_id)
);
CREATE INDEX ix_tp_certification_member ON tp_certification (org_id, member_id, issued_on);
