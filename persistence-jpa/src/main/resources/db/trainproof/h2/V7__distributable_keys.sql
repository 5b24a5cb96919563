-- Distributable keys (issue 22): see the PostgreSQL migration for what changes and why. H2 names
-- the constraints V1 declared without a name after a hash, so they cannot be dropped by a known
-- name; the tables whose keys change are rebuilt instead: each is created anew (as _v7), filled
-- from the old one (the child tables' org_id from their parent row), the old tables are dropped,
-- the new ones take their names, and the named unique keys, foreign keys and indexes are added.


-- 1. The new tables.
CREATE TABLE tp_member_v7 (
  id            uuid NOT NULL,
  org_id        uuid NOT NULL REFERENCES tp_organization (id),
  external_id   varchar(200) NOT NULL,
  id_order      varchar(32) NOT NULL,
  display_name  varchar(500) NOT NULL,
  engaged_on    date NOT NULL,
  version       bigint NOT NULL,
  swept_on      date,
  next_change_on date,
  PRIMARY KEY (org_id, id)
);
CREATE TABLE tp_member_terms_v7 (
  member_id       uuid NOT NULL,
  seq             integer NOT NULL,
  effective_from  date NOT NULL,
  workforce_type  varchar(20) NOT NULL,
  roles           varchar(4000) NOT NULL,
  department      varchar(200) NOT NULL,
  manager_id      uuid,
  status          varchar(20) NOT NULL,
  org_id uuid NOT NULL,
  PRIMARY KEY (org_id, member_id, seq)
);
CREATE TABLE tp_policy_v7 (
  id          uuid NOT NULL,
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
  PRIMARY KEY (org_id, id)
);
CREATE TABLE tp_policy_version_v7 (
  id                 uuid NOT NULL,
  policy_id          uuid NOT NULL,
  org_id             uuid NOT NULL REFERENCES tp_organization (id),
  number             integer NOT NULL,
  effective_from     date NOT NULL,
  text_sha256        varchar(64) NOT NULL,
  change_notes       varchar(4000) NOT NULL,
  material           boolean NOT NULL,
  last_in_effect_on  date,
  published_at       timestamp(6) with time zone NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE TABLE tp_policy_version_role_v7 (
  policy_version_id  uuid NOT NULL,
  role               varchar(200) NOT NULL,
  org_id uuid NOT NULL,
  PRIMARY KEY (org_id, policy_version_id, role)
);
CREATE TABLE tp_course_v7 (
  id          uuid NOT NULL,
  org_id      uuid NOT NULL REFERENCES tp_organization (id),
  code        varchar(100) NOT NULL,
  title       varchar(500) NOT NULL,
  created_at  timestamp(6) with time zone NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE TABLE tp_course_version_v7 (
  id                  uuid NOT NULL,
  course_id           uuid NOT NULL,
  org_id              uuid NOT NULL REFERENCES tp_organization (id),
  label               varchar(100) NOT NULL,
  pass_mark           integer NOT NULL,
  issues_certificate  boolean NOT NULL,
  content_sha256      varchar(64),
  released_at         timestamp(6) with time zone NOT NULL,
  certificate_validity varchar(32),
  PRIMARY KEY (org_id, id)
);
CREATE TABLE tp_course_version_policy_v7 (
  course_version_id  uuid NOT NULL,
  policy_id          uuid NOT NULL,
  org_id uuid NOT NULL,
  PRIMARY KEY (org_id, course_version_id, policy_id)
);
CREATE TABLE tp_course_version_topic_v7 (
  course_version_id  uuid NOT NULL,
  topic              varchar(40) NOT NULL,
  org_id uuid NOT NULL,
  PRIMARY KEY (org_id, course_version_id, topic)
);
CREATE TABLE tp_requirement_v7 (
  id          uuid NOT NULL,
  org_id      uuid NOT NULL REFERENCES tp_organization (id),
  name        varchar(500) NOT NULL,
  rationale   varchar(4000) NOT NULL,
  created_at  timestamp(6) with time zone NOT NULL,
  version     bigint NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE TABLE tp_requirement_terms_v7 (
  requirement_id          uuid NOT NULL,
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
  org_id uuid NOT NULL,
  PRIMARY KEY (org_id, requirement_id, seq)
);
CREATE TABLE tp_assignment_v7 (
  id                     uuid NOT NULL,
  org_id                 uuid NOT NULL REFERENCES tp_organization (id),
  member_id              uuid NOT NULL,
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
  PRIMARY KEY (org_id, id)
);
CREATE TABLE tp_assignment_due_change_v7 (
  assignment_id  uuid NOT NULL,
  seq            integer NOT NULL,
  granted_on     date NOT NULL,
  new_due_on     date NOT NULL,
  approved_by    varchar(200) NOT NULL,
  reason         varchar(1000) NOT NULL,
  org_id uuid NOT NULL,
  PRIMARY KEY (org_id, assignment_id, seq)
);
CREATE TABLE tp_completion_v7 (
  id                   uuid NOT NULL,
  org_id               uuid NOT NULL REFERENCES tp_organization (id),
  member_id            uuid NOT NULL,
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
  id_order             varchar(32) NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE TABLE tp_completion_role_v7 (
  completion_id  uuid NOT NULL,
  role           varchar(200) NOT NULL,
  org_id uuid NOT NULL,
  PRIMARY KEY (org_id, completion_id, role)
);
CREATE TABLE tp_completion_policy_version_v7 (
  completion_id      uuid NOT NULL,
  policy_version_id  uuid NOT NULL,
  org_id uuid NOT NULL,
  PRIMARY KEY (org_id, completion_id, policy_version_id)
);
CREATE TABLE tp_completion_evidence_v7 (
  completion_id  uuid NOT NULL,
  seq            integer NOT NULL,
  name           varchar(500) NOT NULL,
  sha256         varchar(64) NOT NULL,
  org_id uuid NOT NULL,
  PRIMARY KEY (org_id, completion_id, seq)
);
CREATE TABLE tp_audit_entry_v7 (
  id             uuid NOT NULL,
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
  PRIMARY KEY (org_id, id)
);
CREATE TABLE tp_attestation_v7 (
  id                  uuid NOT NULL,
  org_id              uuid NOT NULL REFERENCES tp_organization (id),
  member_id           uuid NOT NULL,
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
  PRIMARY KEY (org_id, id)
);
CREATE TABLE tp_certificate_v7 (
  id                 uuid NOT NULL,
  org_id             uuid NOT NULL REFERENCES tp_organization (id),
  member_id          uuid NOT NULL,
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
  PRIMARY KEY (org_id, id)
);
CREATE TABLE tp_outbox_v7 (
  id               uuid NOT NULL,
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
  PRIMARY KEY (org_id, id)
);
CREATE TABLE tp_legal_hold_v7 (
  id           uuid NOT NULL,
  org_id       uuid NOT NULL REFERENCES tp_organization (id),
  matter       varchar(1000) NOT NULL,
  member_id    uuid,
  from_on      date,
  to_on        date,
  placed_by    varchar(200) NOT NULL,
  placed_at    timestamp(6) with time zone NOT NULL,
  released_by  varchar(200),
  released_at  timestamp(6) with time zone,
  PRIMARY KEY (org_id, id)
);
CREATE TABLE tp_tombstone_v7 (
  id               uuid NOT NULL,
  org_id           uuid NOT NULL REFERENCES tp_organization (id),
  kind             varchar(30) NOT NULL,
  subject_id       varchar(200) NOT NULL,
  retention_until  date NOT NULL,
  purged_at        timestamp(6) with time zone NOT NULL,
  purged_by        varchar(200) NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE TABLE tp_policy_review_v7 (
  id                  uuid NOT NULL,
  org_id              uuid NOT NULL REFERENCES tp_organization (id),
  policy_id           uuid NOT NULL,
  reviewed_on         date NOT NULL,
  reviewer            varchar(200) NOT NULL,
  outcome             varchar(4000) NOT NULL,
  changes_needed      boolean NOT NULL,
  next_review_due_on  date,
  recorded_at         timestamp(6) with time zone NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE TABLE tp_addressable_decision_v7 (
  id                       uuid NOT NULL,
  org_id                   uuid NOT NULL REFERENCES tp_organization (id),
  topic                    varchar(40) NOT NULL,
  number                   integer NOT NULL,
  implemented_as_training  boolean NOT NULL,
  rationale                varchar(4000) NOT NULL,
  alternative_measure      varchar(4000),
  decided_on               date NOT NULL,
  decided_by               varchar(200) NOT NULL,
  recorded_at              timestamp(6) with time zone NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE TABLE tp_security_reminder_v7 (
  id              uuid NOT NULL,
  org_id          uuid NOT NULL REFERENCES tp_organization (id),
  title           varchar(500) NOT NULL,
  content         varchar(1000000) NOT NULL,
  content_sha256  varchar(64) NOT NULL,
  channel         varchar(100) NOT NULL,
  sent_on         date NOT NULL,
  sent_at         timestamp(6) with time zone NOT NULL,
  sent_by         varchar(200) NOT NULL,
  ack_required    boolean NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE TABLE tp_security_reminder_recipient_v7 (
  reminder_id      uuid NOT NULL,
  seq              integer NOT NULL,
  member_id        uuid NOT NULL,
  acknowledged_at  timestamp(6) with time zone,
  org_id uuid NOT NULL,
  PRIMARY KEY (org_id, reminder_id, seq)
);
CREATE TABLE tp_grant_v7 (
  id          uuid NOT NULL,
  org_id      uuid NOT NULL REFERENCES tp_organization (id),
  actor_id    varchar(200) NOT NULL,
  granted_by  varchar(200) NOT NULL,
  reason      varchar(1000) NOT NULL,
  granted_at  timestamp(6) with time zone NOT NULL,
  expires_at  timestamp(6) with time zone NOT NULL,
  revoked_at  timestamp(6) with time zone,
  PRIMARY KEY (org_id, id)
);
CREATE TABLE tp_certification_kind_v7 (
  id          uuid NOT NULL,
  org_id      uuid NOT NULL REFERENCES tp_organization (id),
  code        varchar(100) NOT NULL,
  name        varchar(500) NOT NULL,
  created_at  timestamp(6) with time zone NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE TABLE tp_certification_kind_course_v7 (
  kind_id    uuid NOT NULL,
  course_id  uuid NOT NULL,
  org_id uuid NOT NULL,
  PRIMARY KEY (org_id, kind_id, course_id)
);
CREATE TABLE tp_certification_v7 (
  id                    uuid NOT NULL,
  org_id                uuid NOT NULL REFERENCES tp_organization (id),
  member_id             uuid NOT NULL,
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
  PRIMARY KEY (org_id, id)
);
CREATE TABLE tp_issued_credential_v7 (
  id                 uuid NOT NULL,
  org_id             uuid NOT NULL REFERENCES tp_organization (id),
  kind               varchar(20) NOT NULL,
  credential_id      varchar(500) NOT NULL,
  credential_sha256  varchar(64) NOT NULL,
  status_index       integer NOT NULL,
  issued_at          timestamp(6) with time zone NOT NULL,
  status             varchar(20) NOT NULL,
  status_reason      varchar(1000),
  status_changed_at  timestamp(6) with time zone,
  version            bigint NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE TABLE tp_wallet_exchange_v7 (
  id                       uuid NOT NULL,
  org_id                   uuid NOT NULL REFERENCES tp_organization (id),
  certificate_id           uuid NOT NULL,
  member_id                uuid NOT NULL,
  secret_sha256            varchar(64) NOT NULL,
  challenge                varchar(200) NOT NULL,
  created_at               timestamp(6) with time zone NOT NULL,
  expires_at               timestamp(6) with time zone NOT NULL,
  created_by               varchar(200) NOT NULL,
  state                    varchar(20) NOT NULL,
  failures                 integer NOT NULL,
  access_token_sha256      varchar(64),
  access_token_expires_at  timestamp(6) with time zone,
  holder                   varchar(500),
  protocol                 varchar(40),
  issued_certificate_id    uuid,
  completed_at             timestamp(6) with time zone,
  version                  bigint NOT NULL,
  PRIMARY KEY (org_id, id)
);

-- 2. Their rows (parents first).
INSERT INTO tp_member_v7 (id, org_id, external_id, id_order, display_name, engaged_on, version, swept_on, next_change_on) SELECT id, org_id, external_id, id_order, display_name, engaged_on, version, swept_on, next_change_on FROM tp_member;
INSERT INTO tp_member_terms_v7 (member_id, seq, effective_from, workforce_type, roles, department, manager_id, status, org_id)
  SELECT c.member_id, c.seq, c.effective_from, c.workforce_type, c.roles, c.department, c.manager_id, c.status, p.org_id FROM tp_member_terms c JOIN tp_member p ON p.id = c.member_id;
INSERT INTO tp_policy_v7 (id, org_id, code, title, audience_roles, audience_departments, audience_types, attest_on, attest_within_days, review_due_on, created_at, version) SELECT id, org_id, code, title, audience_roles, audience_departments, audience_types, attest_on, attest_within_days, review_due_on, created_at, version FROM tp_policy;
INSERT INTO tp_policy_version_v7 (id, policy_id, org_id, number, effective_from, text_sha256, change_notes, material, last_in_effect_on, published_at) SELECT id, policy_id, org_id, number, effective_from, text_sha256, change_notes, material, last_in_effect_on, published_at FROM tp_policy_version;
INSERT INTO tp_policy_version_role_v7 (policy_version_id, role, org_id)
  SELECT c.policy_version_id, c.role, p.org_id FROM tp_policy_version_role c JOIN tp_policy_version p ON p.id = c.policy_version_id;
INSERT INTO tp_course_v7 (id, org_id, code, title, created_at) SELECT id, org_id, code, title, created_at FROM tp_course;
INSERT INTO tp_course_version_v7 (id, course_id, org_id, label, pass_mark, issues_certificate, content_sha256, released_at, certificate_validity) SELECT id, course_id, org_id, label, pass_mark, issues_certificate, content_sha256, released_at, certificate_validity FROM tp_course_version;
INSERT INTO tp_course_version_policy_v7 (course_version_id, policy_id, org_id)
  SELECT c.course_version_id, c.policy_id, p.org_id FROM tp_course_version_policy c JOIN tp_course_version p ON p.id = c.course_version_id;
INSERT INTO tp_course_version_topic_v7 (course_version_id, topic, org_id)
  SELECT c.course_version_id, c.topic, p.org_id FROM tp_course_version_topic c JOIN tp_course_version p ON p.id = c.course_version_id;
INSERT INTO tp_requirement_v7 (id, org_id, name, rationale, created_at, version) SELECT id, org_id, name, rationale, created_at, version FROM tp_requirement;
INSERT INTO tp_requirement_terms_v7 (requirement_id, seq, effective_from, audience_roles, audience_departments, audience_types, course_id, initial_due_days, recurrence_kind, recurrence_period, recurrence_count_from, recurrence_month_day, renewal_window, minimum_active, grace_days, retrain_within_days, reminder_days_before, reminder_on_due, reminder_days_overdue, reminder_escalate_after, active, org_id)
  SELECT c.requirement_id, c.seq, c.effective_from, c.audience_roles, c.audience_departments, c.audience_types, c.course_id, c.initial_due_days, c.recurrence_kind, c.recurrence_period, c.recurrence_count_from, c.recurrence_month_day, c.renewal_window, c.minimum_active, c.grace_days, c.retrain_within_days, c.reminder_days_before, c.reminder_on_due, c.reminder_days_overdue, c.reminder_escalate_after, c.active, p.org_id FROM tp_requirement_terms c JOIN tp_requirement p ON p.id = c.requirement_id;
INSERT INTO tp_assignment_v7 (id, org_id, member_id, course_id, requirement_id, reason, policy_version_id, dedupe_key, assigned_on, assigned_at, assigned_by, anchor_on, due_on, started_on, closure_state, closure_on, closure_recorded_at, closure_by, closure_reason, closure_completion_id, version, id_order) SELECT id, org_id, member_id, course_id, requirement_id, reason, policy_version_id, dedupe_key, assigned_on, assigned_at, assigned_by, anchor_on, due_on, started_on, closure_state, closure_on, closure_recorded_at, closure_by, closure_reason, closure_completion_id, version, id_order FROM tp_assignment;
INSERT INTO tp_assignment_due_change_v7 (assignment_id, seq, granted_on, new_due_on, approved_by, reason, org_id)
  SELECT c.assignment_id, c.seq, c.granted_on, c.new_due_on, c.approved_by, c.reason, p.org_id FROM tp_assignment_due_change c JOIN tp_assignment p ON p.id = c.assignment_id;
INSERT INTO tp_completion_v7 (id, org_id, member_id, workforce_type, assignment_id, course_id, course_version_id, content_sha256, reason, change_version_id, change_effective_on, assigned_on, due_on, completed_on, recorded_at, score, passed, method, recorded_by, source, source_ref, justification, retention_until, id_order) SELECT id, org_id, member_id, workforce_type, assignment_id, course_id, course_version_id, content_sha256, reason, change_version_id, change_effective_on, assigned_on, due_on, completed_on, recorded_at, score, passed, method, recorded_by, source, source_ref, justification, retention_until, id_order FROM tp_completion;
INSERT INTO tp_completion_role_v7 (completion_id, role, org_id)
  SELECT c.completion_id, c.role, p.org_id FROM tp_completion_role c JOIN tp_completion p ON p.id = c.completion_id;
INSERT INTO tp_completion_policy_version_v7 (completion_id, policy_version_id, org_id)
  SELECT c.completion_id, c.policy_version_id, p.org_id FROM tp_completion_policy_version c JOIN tp_completion p ON p.id = c.completion_id;
INSERT INTO tp_completion_evidence_v7 (completion_id, seq, name, sha256, org_id)
  SELECT c.completion_id, c.seq, c.name, c.sha256, p.org_id FROM tp_completion_evidence c JOIN tp_completion p ON p.id = c.completion_id;
INSERT INTO tp_audit_entry_v7 (id, org_id, seq_no, occurred_at, actor_id, actor_role, action, subject_type, subject_id, details, previous_hash, hash, tombstone) SELECT id, org_id, seq_no, occurred_at, actor_id, actor_role, action, subject_type, subject_id, details, previous_hash, hash, tombstone FROM tp_audit_entry;
INSERT INTO tp_attestation_v7 (id, org_id, member_id, policy_id, policy_version_id, requested_on, due_on, requested_by, automatic, statement_text, statement_sha256, policy_text_sha256, attested_at, attested_on, method, actor_id, typed_name, justification, record_hash, credential_id, credential_json, version) SELECT id, org_id, member_id, policy_id, policy_version_id, requested_on, due_on, requested_by, automatic, statement_text, statement_sha256, policy_text_sha256, attested_at, attested_on, method, actor_id, typed_name, justification, record_hash, credential_id, credential_json, version FROM tp_attestation;
INSERT INTO tp_certificate_v7 (id, org_id, member_id, completion_id, course_id, course_version_id, credential_id, verification_code, credential_json, status_index, issued_at, valid_from, valid_until, status, status_reason, status_changed_at, version) SELECT id, org_id, member_id, completion_id, course_id, course_version_id, credential_id, verification_code, credential_json, status_index, issued_at, valid_from, valid_until, status, status_reason, status_changed_at, version FROM tp_certificate;
INSERT INTO tp_outbox_v7 (id, org_id, idempotency_key, kind, recipient_id, channel, payload, created_at, attempts, next_attempt_at, last_error, delivered_at) SELECT id, org_id, idempotency_key, kind, recipient_id, channel, payload, created_at, attempts, next_attempt_at, last_error, delivered_at FROM tp_outbox;
INSERT INTO tp_legal_hold_v7 (id, org_id, matter, member_id, from_on, to_on, placed_by, placed_at, released_by, released_at) SELECT id, org_id, matter, member_id, from_on, to_on, placed_by, placed_at, released_by, released_at FROM tp_legal_hold;
INSERT INTO tp_tombstone_v7 (id, org_id, kind, subject_id, retention_until, purged_at, purged_by) SELECT id, org_id, kind, subject_id, retention_until, purged_at, purged_by FROM tp_tombstone;
INSERT INTO tp_policy_review_v7 (id, org_id, policy_id, reviewed_on, reviewer, outcome, changes_needed, next_review_due_on, recorded_at) SELECT id, org_id, policy_id, reviewed_on, reviewer, outcome, changes_needed, next_review_due_on, recorded_at FROM tp_policy_review;
INSERT INTO tp_addressable_decision_v7 (id, org_id, topic, number, implemented_as_training, rationale, alternative_measure, decided_on, decided_by, recorded_at) SELECT id, org_id, topic, number, implemented_as_training, rationale, alternative_measure, decided_on, decided_by, recorded_at FROM tp_addressable_decision;
INSERT INTO tp_security_reminder_v7 (id, org_id, title, content, content_sha256, channel, sent_on, sent_at, sent_by, ack_required) SELECT id, org_id, title, content, content_sha256, channel, sent_on, sent_at, sent_by, ack_required FROM tp_security_reminder;
INSERT INTO tp_security_reminder_recipient_v7 (reminder_id, seq, member_id, acknowledged_at, org_id)
  SELECT c.reminder_id, c.seq, c.member_id, c.acknowledged_at, p.org_id FROM tp_security_reminder_recipient c JOIN tp_security_reminder p ON p.id = c.reminder_id;
INSERT INTO tp_grant_v7 (id, org_id, actor_id, granted_by, reason, granted_at, expires_at, revoked_at) SELECT id, org_id, actor_id, granted_by, reason, granted_at, expires_at, revoked_at FROM tp_grant;
INSERT INTO tp_certification_kind_v7 (id, org_id, code, name, created_at) SELECT id, org_id, code, name, created_at FROM tp_certification_kind;
INSERT INTO tp_certification_kind_course_v7 (kind_id, course_id, org_id)
  SELECT c.kind_id, c.course_id, p.org_id FROM tp_certification_kind_course c JOIN tp_certification_kind p ON p.id = c.kind_id;
INSERT INTO tp_certification_v7 (id, org_id, member_id, kind_id, issuer, credential_id, issued_on, expires_on, evidence_sha256, verified, verification_summary, verified_at, recorded_at, recorded_by) SELECT id, org_id, member_id, kind_id, issuer, credential_id, issued_on, expires_on, evidence_sha256, verified, verification_summary, verified_at, recorded_at, recorded_by FROM tp_certification;
INSERT INTO tp_issued_credential_v7 (id, org_id, kind, credential_id, credential_sha256, status_index, issued_at, status, status_reason, status_changed_at, version) SELECT id, org_id, kind, credential_id, credential_sha256, status_index, issued_at, status, status_reason, status_changed_at, version FROM tp_issued_credential;
INSERT INTO tp_wallet_exchange_v7 (id, org_id, certificate_id, member_id, secret_sha256, challenge, created_at, expires_at, created_by, state, failures, access_token_sha256, access_token_expires_at, holder, protocol, issued_certificate_id, completed_at, version) SELECT id, org_id, certificate_id, member_id, secret_sha256, challenge, created_at, expires_at, created_by, state, failures, access_token_sha256, access_token_expires_at, holder, protocol, issued_certificate_id, completed_at, version FROM tp_wallet_exchange;

-- 3. The old tables go (children first), the new ones take their names.
DROP TABLE tp_wallet_exchange, tp_issued_credential, tp_certification, tp_certification_kind_course, tp_certification_kind, tp_grant, tp_security_reminder_recipient, tp_security_reminder, tp_addressable_decision, tp_policy_review, tp_tombstone, tp_legal_hold, tp_outbox, tp_certificate, tp_attestation, tp_audit_entry, tp_completion_evidence, tp_completion_policy_version, tp_completion_role, tp_completion, tp_assignment_due_change, tp_assignment, tp_requirement_terms, tp_requirement, tp_course_version_topic, tp_course_version_policy, tp_course_version, tp_course, tp_policy_version_role, tp_policy_version, tp_policy, tp_member_terms, tp_member CASCADE;
ALTER TABLE tp_member_v7 RENAME TO tp_member;
ALTER TABLE tp_member_terms_v7 RENAME TO tp_member_terms;
ALTER TABLE tp_policy_v7 RENAME TO tp_policy;
ALTER TABLE tp_policy_version_v7 RENAME TO tp_policy_version;
ALTER TABLE tp_policy_version_role_v7 RENAME TO tp_policy_version_role;
ALTER TABLE tp_course_v7 RENAME TO tp_course;
ALTER TABLE tp_course_version_v7 RENAME TO tp_course_version;
ALTER TABLE tp_course_version_policy_v7 RENAME TO tp_course_version_policy;
ALTER TABLE tp_course_version_topic_v7 RENAME TO tp_course_version_topic;
ALTER TABLE tp_requirement_v7 RENAME TO tp_requirement;
ALTER TABLE tp_requirement_terms_v7 RENAME TO tp_requirement_terms;
ALTER TABLE tp_assignment_v7 RENAME TO tp_assignment;
ALTER TABLE tp_assignment_due_change_v7 RENAME TO tp_assignment_due_change;
ALTER TABLE tp_completion_v7 RENAME TO tp_completion;
ALTER TABLE tp_completion_role_v7 RENAME TO tp_completion_role;
ALTER TABLE tp_completion_policy_version_v7 RENAME TO tp_completion_policy_version;
ALTER TABLE tp_completion_evidence_v7 RENAME TO tp_completion_evidence;
ALTER TABLE tp_audit_entry_v7 RENAME TO tp_audit_entry;
ALTER TABLE tp_attestation_v7 RENAME TO tp_attestation;
ALTER TABLE tp_certificate_v7 RENAME TO tp_certificate;
ALTER TABLE tp_outbox_v7 RENAME TO tp_outbox;
ALTER TABLE tp_legal_hold_v7 RENAME TO tp_legal_hold;
ALTER TABLE tp_tombstone_v7 RENAME TO tp_tombstone;
ALTER TABLE tp_policy_review_v7 RENAME TO tp_policy_review;
ALTER TABLE tp_addressable_decision_v7 RENAME TO tp_addressable_decision;
ALTER TABLE tp_security_reminder_v7 RENAME TO tp_security_reminder;
ALTER TABLE tp_security_reminder_recipient_v7 RENAME TO tp_security_reminder_recipient;
ALTER TABLE tp_grant_v7 RENAME TO tp_grant;
ALTER TABLE tp_certification_kind_v7 RENAME TO tp_certification_kind;
ALTER TABLE tp_certification_kind_course_v7 RENAME TO tp_certification_kind_course;
ALTER TABLE tp_certification_v7 RENAME TO tp_certification;
ALTER TABLE tp_issued_credential_v7 RENAME TO tp_issued_credential;
ALTER TABLE tp_wallet_exchange_v7 RENAME TO tp_wallet_exchange;

-- 4. Unique keys, foreign keys between distributed tables (org_id on both sides), indexes.
ALTER TABLE tp_member ADD CONSTRAINT uq_tp_member_external_id UNIQUE (org_id, external_id);
ALTER TABLE tp_policy ADD CONSTRAINT uq_tp_policy_code UNIQUE (org_id, code);
ALTER TABLE tp_policy_version ADD CONSTRAINT uq_tp_policy_version_number UNIQUE (org_id, policy_id, number);
ALTER TABLE tp_course ADD CONSTRAINT uq_tp_course_code UNIQUE (org_id, code);
ALTER TABLE tp_course_version ADD CONSTRAINT uq_tp_course_version_label UNIQUE (org_id, course_id, label);
ALTER TABLE tp_assignment ADD CONSTRAINT uq_tp_assignment_dedupe_key UNIQUE (org_id, dedupe_key);
ALTER TABLE tp_audit_entry ADD CONSTRAINT uq_tp_audit_sequence UNIQUE (org_id, seq_no);
ALTER TABLE tp_attestation ADD CONSTRAINT uq_tp_attestation_member_version UNIQUE (org_id, member_id, policy_version_id);
ALTER TABLE tp_certificate ADD CONSTRAINT uq_tp_certificate_status_index UNIQUE (org_id, status_index);
ALTER TABLE tp_outbox ADD CONSTRAINT uq_tp_outbox_key UNIQUE (org_id, idempotency_key);
ALTER TABLE tp_addressable_decision ADD CONSTRAINT uq_tp_decision_number UNIQUE (org_id, topic, number);
ALTER TABLE tp_certification_kind ADD CONSTRAINT uq_tp_certification_kind_code UNIQUE (org_id, code);
ALTER TABLE tp_certification ADD CONSTRAINT uq_tp_certification_credential UNIQUE (org_id, issuer, credential_id);
ALTER TABLE tp_issued_credential ADD CONSTRAINT uq_tp_issued_credential_status_index UNIQUE (org_id, status_index);
ALTER TABLE tp_issued_credential ADD CONSTRAINT uq_tp_issued_credential_credential_id UNIQUE (org_id, credential_id);
ALTER TABLE tp_wallet_exchange ADD CONSTRAINT uq_tp_wallet_exchange_secret UNIQUE (org_id, secret_sha256);
ALTER TABLE tp_wallet_exchange ADD CONSTRAINT uq_tp_wallet_exchange_token UNIQUE (org_id, access_token_sha256);
ALTER TABLE tp_member_terms ADD CONSTRAINT fk_tp_member_terms_member FOREIGN KEY (org_id, member_id) REFERENCES tp_member (org_id, id);
ALTER TABLE tp_policy_version ADD CONSTRAINT fk_tp_policy_version_policy FOREIGN KEY (org_id, policy_id) REFERENCES tp_policy (org_id, id);
ALTER TABLE tp_policy_version_role ADD CONSTRAINT fk_tp_policy_version_role_policy_version FOREIGN KEY (org_id, policy_version_id) REFERENCES tp_policy_version (org_id, id);
ALTER TABLE tp_course_version ADD CONSTRAINT fk_tp_course_version_course FOREIGN KEY (org_id, course_id) REFERENCES tp_course (org_id, id);
ALTER TABLE tp_course_version_policy ADD CONSTRAINT fk_tp_course_version_policy_course_version FOREIGN KEY (org_id, course_version_id) REFERENCES tp_course_version (org_id, id);
ALTER TABLE tp_course_version_topic ADD CONSTRAINT fk_tp_course_version_topic_course_version FOREIGN KEY (org_id, course_version_id) REFERENCES tp_course_version (org_id, id);
ALTER TABLE tp_requirement_terms ADD CONSTRAINT fk_tp_requirement_terms_requirement FOREIGN KEY (org_id, requirement_id) REFERENCES tp_requirement (org_id, id);
ALTER TABLE tp_assignment ADD CONSTRAINT fk_tp_assignment_member FOREIGN KEY (org_id, member_id) REFERENCES tp_member (org_id, id);
ALTER TABLE tp_assignment_due_change ADD CONSTRAINT fk_tp_assignment_due_change_assignment FOREIGN KEY (org_id, assignment_id) REFERENCES tp_assignment (org_id, id);
ALTER TABLE tp_completion ADD CONSTRAINT fk_tp_completion_member FOREIGN KEY (org_id, member_id) REFERENCES tp_member (org_id, id);
ALTER TABLE tp_completion_role ADD CONSTRAINT fk_tp_completion_role_completion FOREIGN KEY (org_id, completion_id) REFERENCES tp_completion (org_id, id);
ALTER TABLE tp_completion_policy_version ADD CONSTRAINT fk_tp_completion_policy_version_completion FOREIGN KEY (org_id, completion_id) REFERENCES tp_completion (org_id, id);
ALTER TABLE tp_completion_evidence ADD CONSTRAINT fk_tp_completion_evidence_completion FOREIGN KEY (org_id, completion_id) REFERENCES tp_completion (org_id, id);
ALTER TABLE tp_attestation ADD CONSTRAINT fk_tp_attestation_member FOREIGN KEY (org_id, member_id) REFERENCES tp_member (org_id, id);
ALTER TABLE tp_certificate ADD CONSTRAINT fk_tp_certificate_member FOREIGN KEY (org_id, member_id) REFERENCES tp_member (org_id, id);
ALTER TABLE tp_security_reminder_recipient ADD CONSTRAINT fk_tp_security_reminder_recipient_reminder FOREIGN KEY (org_id, reminder_id) REFERENCES tp_security_reminder (org_id, id);
ALTER TABLE tp_certification_kind_course ADD CONSTRAINT fk_tp_certification_kind_course_kind FOREIGN KEY (org_id, kind_id) REFERENCES tp_certification_kind (org_id, id);
ALTER TABLE tp_certification ADD CONSTRAINT fk_tp_certification_member FOREIGN KEY (org_id, member_id) REFERENCES tp_member (org_id, id);
ALTER TABLE tp_wallet_exchange ADD CONSTRAINT fk_tp_wallet_exchange_certificate FOREIGN KEY (org_id, certificate_id) REFERENCES tp_certificate (org_id, id);
ALTER TABLE tp_wallet_exchange ADD CONSTRAINT fk_tp_wallet_exchange_member FOREIGN KEY (org_id, member_id) REFERENCES tp_member (org_id, id);
CREATE INDEX ix_tp_member_page ON tp_member (org_id, id_order);
CREATE INDEX ix_tp_course_version_released ON tp_course_version (org_id, course_id, released_at, id);
CREATE INDEX ix_tp_requirement_org ON tp_requirement (org_id, created_at, id);
CREATE INDEX ix_tp_assignment_member ON tp_assignment (org_id, member_id, assigned_at, id);
CREATE INDEX ix_tp_assignment_requirement ON tp_assignment (org_id, requirement_id, assigned_at, id);
CREATE INDEX ix_tp_assignment_org ON tp_assignment (org_id, assigned_at, id);
CREATE INDEX ix_tp_assignment_page ON tp_assignment (org_id, id_order);
CREATE INDEX ix_tp_completion_member ON tp_completion (org_id, member_id, completed_on, recorded_at, id);
CREATE INDEX ix_tp_completion_assignment ON tp_completion (org_id, assignment_id);
CREATE INDEX ix_tp_completion_page ON tp_completion (org_id, id_order);
CREATE INDEX ix_tp_completion_source ON tp_completion (org_id, source, source_ref);
CREATE INDEX ix_tp_completion_pv ON tp_completion_policy_version (org_id, policy_version_id);
CREATE INDEX ix_tp_audit_at ON tp_audit_entry (org_id, occurred_at, seq_no);
CREATE INDEX ix_tp_attestation_member ON tp_attestation (org_id, member_id, requested_on, id);
CREATE INDEX ix_tp_attestation_version ON tp_attestation (org_id, policy_version_id, requested_on, id);
CREATE INDEX ix_tp_certificate_member ON tp_certificate (org_id, member_id, issued_at, id);
CREATE INDEX ix_tp_certificate_code ON tp_certificate (org_id, verification_code);
CREATE INDEX ix_tp_certificate_status ON tp_certificate (org_id, status, status_index);
CREATE INDEX ix_tp_outbox_due ON tp_outbox (delivered_at, next_attempt_at);
CREATE INDEX ix_tp_outbox_org ON tp_outbox (org_id, created_at, id);
CREATE INDEX ix_tp_legal_hold_org ON tp_legal_hold (org_id, placed_at, id);
CREATE INDEX ix_tp_tombstone_org ON tp_tombstone (org_id, purged_at, id);
CREATE INDEX ix_tp_policy_review ON tp_policy_review (org_id, policy_id, reviewed_on, recorded_at);
CREATE INDEX ix_tp_security_reminder_org ON tp_security_reminder (org_id, sent_at, id);
CREATE INDEX ix_tp_grant_actor ON tp_grant (org_id, actor_id);
CREATE INDEX ix_tp_certification_member ON tp_certification (org_id, member_id, issued_on);
CREATE INDEX ix_tp_member_sweep ON tp_member (org_id, swept_on, id);
CREATE INDEX ix_tp_issued_credential_status ON tp_issued_credential (org_id, status, status_index);
CREATE INDEX ix_tp_wallet_exchange_certificate ON tp_wallet_exchange (org_id, certificate_id, created_at);
CREATE INDEX ix_tp_member_next_change ON tp_member (org_id, next_change_on, swept_on, id);
