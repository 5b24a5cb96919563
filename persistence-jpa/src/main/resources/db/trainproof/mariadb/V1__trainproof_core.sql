-- Trainproof core schema for MariaDB 10.7+ (native UUID type; FOR UPDATE SKIP LOCKED needs
-- 10.6+). Flyway naming; hosts add classpath:db/trainproof/mariadb to their own Flyway or
-- Liquibase setup. utf8mb4_bin: exact, case-sensitive codes and external ids, as on
-- PostgreSQL and H2. Instants are stored as UTC in datetime(6).


CREATE TABLE tp_organization (
  id          UUID NOT NULL PRIMARY KEY,
  name        varchar(500) NOT NULL,
  zone        varchar(100) NOT NULL,
  retention   varchar(50)  NOT NULL,
  created_at  datetime(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE tp_member (
  id            UUID NOT NULL PRIMARY KEY,
  org_id        UUID NOT NULL REFERENCES tp_organization (id),
  external_id   varchar(200) NOT NULL,
  id_order      varchar(32) NOT NULL,
  display_name  varchar(500) NOT NULL,
  engaged_on    date NOT NULL,
  version       bigint NOT NULL,
  -- The last day the renewal sweep visited the member (claimForSweep); not part of the domain.
  swept_on      date,
  CONSTRAINT uq_tp_member_external_id UNIQUE (org_id, external_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- list(org) ordered by id and the sweep claim (org, not swept today, ordered by id).
CREATE INDEX ix_tp_member_org_id ON tp_member (org_id, id);
-- Keyset pages in Id.compareTo order (id_order: see Mapper.idOrder).
CREATE INDEX ix_tp_member_page ON tp_member (org_id, id_order);

CREATE TABLE tp_member_terms (
  member_id       UUID NOT NULL REFERENCES tp_member (id),
  seq             integer NOT NULL,
  effective_from  date NOT NULL,
  workforce_type  varchar(20) NOT NULL,
  roles           varchar(4000) NOT NULL,
  department      varchar(200) NOT NULL,
  manager_id      UUID,
  status          varchar(20) NOT NULL,
  PRIMARY KEY (member_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE tp_policy (
  id          UUID NOT NULL PRIMARY KEY,
  org_id      UUID NOT NULL REFERENCES tp_organization (id),
  code        varchar(100) NOT NULL,
  title       varchar(500) NOT NULL,
  audience_roles        varchar(4000) NOT NULL,
  audience_departments  varchar(4000) NOT NULL,
  audience_types        varchar(200) NOT NULL,
  attest_on             varchar(20) NOT NULL,
  attest_within_days    integer NOT NULL,
  review_due_on         date,
  created_at  datetime(6) NOT NULL,
  version     bigint NOT NULL,
  CONSTRAINT uq_tp_policy_code UNIQUE (org_id, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE tp_policy_version (
  id                 UUID NOT NULL PRIMARY KEY,
  policy_id          UUID NOT NULL REFERENCES tp_policy (id),
  org_id             UUID NOT NULL REFERENCES tp_organization (id),
  number             integer NOT NULL,
  effective_from     date NOT NULL,
  text_sha256        varchar(64) NOT NULL,
  change_notes       varchar(4000) NOT NULL,
  material           boolean NOT NULL,
  last_in_effect_on  date,
  published_at       datetime(6) NOT NULL,
  CONSTRAINT uq_tp_policy_version_number UNIQUE (policy_id, number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE tp_policy_version_role (
  policy_version_id  UUID NOT NULL REFERENCES tp_policy_version (id),
  role               varchar(200) NOT NULL,
  PRIMARY KEY (policy_version_id, role)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE tp_course (
  id          UUID NOT NULL PRIMARY KEY,
  org_id      UUID NOT NULL REFERENCES tp_organization (id),
  code        varchar(100) NOT NULL,
  title       varchar(500) NOT NULL,
  created_at  datetime(6) NOT NULL,
  CONSTRAINT uq_tp_course_code UNIQUE (org_id, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE tp_course_version (
  id                  UUID NOT NULL PRIMARY KEY,
  course_id           UUID NOT NULL REFERENCES tp_course (id),
  org_id              UUID NOT NULL REFERENCES tp_organization (id),
  label               varchar(100) NOT NULL,
  pass_mark           integer NOT NULL,
  issues_certificate  boolean NOT NULL,
  content_sha256      varchar(64),
  released_at         datetime(6) NOT NULL,
  CONSTRAINT uq_tp_course_version_label UNIQUE (course_id, label)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_tp_course_version_released ON tp_course_version (course_id, released_at, id);

CREATE TABLE tp_course_version_policy (
  course_version_id  UUID NOT NULL REFERENCES tp_course_version (id),
  policy_id          UUID NOT NULL,
  PRIMARY KEY (course_version_id, policy_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE tp_course_version_topic (
  course_version_id  UUID NOT NULL REFERENCES tp_course_version (id),
  topic              varchar(40) NOT NULL,
  PRIMARY KEY (course_version_id, topic)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE tp_requirement (
  id          UUID NOT NULL PRIMARY KEY,
  org_id      UUID NOT NULL REFERENCES tp_organization (id),
  name        varchar(500) NOT NULL,
  rationale   varchar(4000) NOT NULL,
  created_at  datetime(6) NOT NULL,
  version     bigint NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_tp_requirement_org ON tp_requirement (org_id, created_at, id);

CREATE TABLE tp_requirement_terms (
  requirement_id          UUID NOT NULL REFERENCES tp_requirement (id),
  seq                     integer NOT NULL,
  effective_from          date NOT NULL,
  audience_roles          varchar(4000) NOT NULL,
  audience_departments    varchar(4000) NOT NULL,
  audience_types          varchar(200) NOT NULL,
  course_id               UUID NOT NULL,
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
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE tp_assignment (
  id                     UUID NOT NULL PRIMARY KEY,
  org_id                 UUID NOT NULL REFERENCES tp_organization (id),
  member_id              UUID NOT NULL REFERENCES tp_member (id),
  course_id              UUID NOT NULL,
  requirement_id         UUID,
  reason                 varchar(30) NOT NULL,
  policy_version_id      UUID,
  dedupe_key             varchar(300) NOT NULL,
  assigned_on            date NOT NULL,
  assigned_at            datetime(6) NOT NULL,
  assigned_by            varchar(200) NOT NULL,
  anchor_on              date NOT NULL,
  due_on                 date NOT NULL,
  started_on             date,
  closure_state          varchar(20),
  closure_on             date,
  closure_recorded_at    datetime(6),
  closure_by             varchar(200),
  closure_reason         varchar(1000),
  closure_completion_id  UUID,
  version                bigint NOT NULL,
  id_order               varchar(32) NOT NULL,
  -- The last defence that makes the assignment engine idempotent across nodes.
  CONSTRAINT uq_tp_assignment_dedupe_key UNIQUE (org_id, dedupe_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_tp_assignment_member ON tp_assignment (org_id, member_id, assigned_at, id);
CREATE INDEX ix_tp_assignment_requirement ON tp_assignment (org_id, requirement_id, assigned_at, id);
CREATE INDEX ix_tp_assignment_org ON tp_assignment (org_id, assigned_at, id);
CREATE INDEX ix_tp_assignment_page ON tp_assignment (org_id, id_order);

-- Dedupe keys of purged assignments stay taken, so a purged cycle is never recreated.
CREATE TABLE tp_purged_dedupe_key (
  org_id      UUID NOT NULL REFERENCES tp_organization (id),
  dedupe_key  varchar(300) NOT NULL,
  PRIMARY KEY (org_id, dedupe_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE tp_assignment_due_change (
  assignment_id  UUID NOT NULL REFERENCES tp_assignment (id),
  seq            integer NOT NULL,
  granted_on     date NOT NULL,
  new_due_on     date NOT NULL,
  approved_by    varchar(200) NOT NULL,
  reason         varchar(1000) NOT NULL,
  PRIMARY KEY (assignment_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE tp_completion (
  id                   UUID NOT NULL PRIMARY KEY,
  org_id               UUID NOT NULL REFERENCES tp_organization (id),
  member_id            UUID NOT NULL REFERENCES tp_member (id),
  workforce_type       varchar(20) NOT NULL,
  assignment_id        UUID NOT NULL,
  course_id            UUID NOT NULL,
  course_version_id    UUID NOT NULL,
  content_sha256       varchar(64),
  reason               varchar(30) NOT NULL,
  change_version_id    UUID,
  change_effective_on  date,
  assigned_on          date NOT NULL,
  due_on               date NOT NULL,
  completed_on         date NOT NULL,
  recorded_at          datetime(6) NOT NULL,
  score                integer,
  passed               boolean NOT NULL,
  method               varchar(30) NOT NULL,
  recorded_by          varchar(200) NOT NULL,
  source               varchar(500),
  source_ref           varchar(500),
  justification        varchar(2000),
  retention_until      date NOT NULL,
  id_order             varchar(32) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_tp_completion_member ON tp_completion (org_id, member_id, completed_on, recorded_at, id);
CREATE INDEX ix_tp_completion_assignment ON tp_completion (assignment_id);
CREATE INDEX ix_tp_completion_page ON tp_completion (org_id, id_order);
-- Imports look up what they already brought in (xAPI statement id, file and line).
CREATE INDEX ix_tp_completion_source ON tp_completion (org_id, source(100), source_ref(100));

CREATE TABLE tp_completion_role (
  completion_id  UUID NOT NULL REFERENCES tp_completion (id),
  role           varchar(200) NOT NULL,
  PRIMARY KEY (completion_id, role)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE tp_completion_policy_version (
  completion_id      UUID NOT NULL REFERENCES tp_completion (id),
  policy_version_id  UUID NOT NULL,
  PRIMARY KEY (completion_id, policy_version_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- "Who was trained on this policy version?" (retraining after a material change).
CREATE INDEX ix_tp_completion_pv ON tp_completion_policy_version (policy_version_id);

CREATE TABLE tp_completion_evidence (
  completion_id  UUID NOT NULL REFERENCES tp_completion (id),
  seq            integer NOT NULL,
  name           varchar(500) NOT NULL,
  sha256         varchar(64) NOT NULL,
  PRIMARY KEY (completion_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Oversight: audit trail, attestations, certificates, outbox, retention, documentation, grants.

-- Append-only and hash-chained per organization; appends are serialized per organization by a
-- row lock on tp_audit_head (lockHead), never by a global lock.
-- One row per organization: the audit chain's lock (lockHead takes it FOR UPDATE). No foreign
-- key references it, so inserts elsewhere never hold a share lock that would make two
-- writers deadlock when they both come to append.
CREATE TABLE tp_audit_head (
  org_id  UUID NOT NULL PRIMARY KEY REFERENCES tp_organization (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE tp_audit_entry (
  id             UUID NOT NULL PRIMARY KEY,
  org_id         UUID NOT NULL REFERENCES tp_organization (id),
  seq_no         bigint NOT NULL,
  occurred_at    datetime(6) NOT NULL,
  actor_id       varchar(200) NOT NULL,
  actor_role     varchar(40) NOT NULL,
  action         varchar(100) NOT NULL,
  subject_type   varchar(100) NOT NULL,
  subject_id     varchar(200) NOT NULL,
  details        MEDIUMTEXT NOT NULL,
  previous_hash  varchar(128) NOT NULL,
  hash           varchar(128) NOT NULL,
  tombstone      boolean NOT NULL,
  CONSTRAINT uq_tp_audit_sequence UNIQUE (org_id, seq_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_tp_audit_at ON tp_audit_entry (org_id, occurred_at, seq_no);

CREATE TABLE tp_attestation (
  id                  UUID NOT NULL PRIMARY KEY,
  org_id              UUID NOT NULL REFERENCES tp_organization (id),
  member_id           UUID NOT NULL REFERENCES tp_member (id),
  policy_id           UUID NOT NULL,
  policy_version_id   UUID NOT NULL,
  requested_on        date NOT NULL,
  due_on              date NOT NULL,
  requested_by        varchar(200) NOT NULL,
  automatic           boolean NOT NULL,
  statement_text      MEDIUMTEXT,
  statement_sha256    varchar(64),
  policy_text_sha256  varchar(64),
  attested_at         datetime(6),
  attested_on         date,
  method              varchar(30),
  actor_id            varchar(200),
  typed_name          varchar(500),
  justification       varchar(2000),
  record_hash         varchar(128),
  credential_id       varchar(500),
  credential_json     MEDIUMTEXT,
  version             bigint NOT NULL,
  CONSTRAINT uq_tp_attestation_member_version UNIQUE (org_id, member_id, policy_version_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_tp_attestation_member ON tp_attestation (org_id, member_id, requested_on, id);
CREATE INDEX ix_tp_attestation_version ON tp_attestation (org_id, policy_version_id, requested_on, id);

CREATE TABLE tp_certificate (
  id                 UUID NOT NULL PRIMARY KEY,
  org_id             UUID NOT NULL REFERENCES tp_organization (id),
  member_id          UUID NOT NULL REFERENCES tp_member (id),
  completion_id      UUID NOT NULL,
  course_id          UUID NOT NULL,
  course_version_id  UUID NOT NULL,
  credential_id      varchar(500) NOT NULL,
  verification_code  varchar(100) NOT NULL,
  credential_json    MEDIUMTEXT NOT NULL,
  status_index       integer NOT NULL,
  issued_at          datetime(6) NOT NULL,
  valid_from         date NOT NULL,
  valid_until        date,
  status             varchar(20) NOT NULL,
  status_reason      varchar(1000),
  status_changed_at  datetime(6),
  version            bigint NOT NULL,
  -- A status-list index identifies one credential for outside verifiers, forever.
  CONSTRAINT uq_tp_certificate_status_index UNIQUE (org_id, status_index)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_tp_certificate_member ON tp_certificate (org_id, member_id, issued_at, id);
CREATE INDEX ix_tp_certificate_code ON tp_certificate (org_id, verification_code);
CREATE INDEX ix_tp_certificate_status ON tp_certificate (org_id, status, status_index);

-- Delivered exactly once per idempotency key; dispatchers lease due rows with SKIP LOCKED.
CREATE TABLE tp_outbox (
  id               UUID NOT NULL PRIMARY KEY,
  org_id           UUID NOT NULL REFERENCES tp_organization (id),
  idempotency_key  varchar(300) NOT NULL,
  kind             varchar(40) NOT NULL,
  recipient_id     UUID,
  channel          varchar(100) NOT NULL,
  payload          MEDIUMTEXT NOT NULL,
  created_at       datetime(6) NOT NULL,
  attempts         integer NOT NULL,
  next_attempt_at  datetime(6) NOT NULL,
  last_error       varchar(2000),
  delivered_at     datetime(6),
  CONSTRAINT uq_tp_outbox_key UNIQUE (org_id, idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_tp_outbox_due ON tp_outbox (delivered_at, next_attempt_at);
CREATE INDEX ix_tp_outbox_org ON tp_outbox (org_id, created_at, id);

CREATE TABLE tp_legal_hold (
  id           UUID NOT NULL PRIMARY KEY,
  org_id       UUID NOT NULL REFERENCES tp_organization (id),
  matter       varchar(1000) NOT NULL,
  member_id    UUID,
  from_on      date,
  to_on        date,
  placed_by    varchar(200) NOT NULL,
  placed_at    datetime(6) NOT NULL,
  released_by  varchar(200),
  released_at  datetime(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_tp_legal_hold_org ON tp_legal_hold (org_id, placed_at, id);

CREATE TABLE tp_tombstone (
  id               UUID NOT NULL PRIMARY KEY,
  org_id           UUID NOT NULL REFERENCES tp_organization (id),
  kind             varchar(30) NOT NULL,
  subject_id       varchar(200) NOT NULL,
  retention_until  date NOT NULL,
  purged_at        datetime(6) NOT NULL,
  purged_by        varchar(200) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_tp_tombstone_org ON tp_tombstone (org_id, purged_at, id);

CREATE TABLE tp_policy_review (
  id                  UUID NOT NULL PRIMARY KEY,
  org_id              UUID NOT NULL REFERENCES tp_organization (id),
  policy_id           UUID NOT NULL,
  reviewed_on         date NOT NULL,
  reviewer            varchar(200) NOT NULL,
  outcome             varchar(4000) NOT NULL,
  changes_needed      boolean NOT NULL,
  next_review_due_on  date,
  recorded_at         datetime(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_tp_policy_review ON tp_policy_review (org_id, policy_id, reviewed_on, recorded_at);

CREATE TABLE tp_addressable_decision (
  id                       UUID NOT NULL PRIMARY KEY,
  org_id                   UUID NOT NULL REFERENCES tp_organization (id),
  topic                    varchar(40) NOT NULL,
  number                   integer NOT NULL,
  implemented_as_training  boolean NOT NULL,
  rationale                varchar(4000) NOT NULL,
  alternative_measure      varchar(4000),
  decided_on               date NOT NULL,
  decided_by               varchar(200) NOT NULL,
  recorded_at              datetime(6) NOT NULL,
  CONSTRAINT uq_tp_decision_number UNIQUE (org_id, topic, number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE tp_security_reminder (
  id              UUID NOT NULL PRIMARY KEY,
  org_id          UUID NOT NULL REFERENCES tp_organization (id),
  title           varchar(500) NOT NULL,
  content         MEDIUMTEXT NOT NULL,
  content_sha256  varchar(64) NOT NULL,
  channel         varchar(100) NOT NULL,
  sent_on         date NOT NULL,
  sent_at         datetime(6) NOT NULL,
  sent_by         varchar(200) NOT NULL,
  ack_required    boolean NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_tp_security_reminder_org ON tp_security_reminder (org_id, sent_at, id);

CREATE TABLE tp_security_reminder_recipient (
  reminder_id      UUID NOT NULL REFERENCES tp_security_reminder (id),
  seq              integer NOT NULL,
  member_id        UUID NOT NULL,
  acknowledged_at  datetime(6),
  PRIMARY KEY (reminder_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE tp_grant (
  id          UUID NOT NULL PRIMARY KEY,
  org_id      UUID NOT NULL REFERENCES tp_organization (id),
  actor_id    varchar(200) NOT NULL,
  granted_by  varchar(200) NOT NULL,
  reason      varchar(1000) NOT NULL,
  granted_at  datetime(6) NOT NULL,
  expires_at  datetime(6) NOT NULL,
  revoked_at  datetime(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_tp_grant_actor ON tp_grant (org_id, actor_id);

-- Outside certifications (e.g. a vendor's HIPAA certification) and the kinds an organization accepts.
CREATE TABLE tp_certification_kind (
  id          UUID NOT NULL PRIMARY KEY,
  org_id      UUID NOT NULL REFERENCES tp_organization (id),
  code        varchar(100) NOT NULL,
  name        varchar(500) NOT NULL,
  created_at  datetime(6) NOT NULL,
  CONSTRAINT uq_tp_certification_kind_code UNIQUE (org_id, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE tp_certification_kind_course (
  kind_id    UUID NOT NULL REFERENCES tp_certification_kind (id),
  course_id  UUID NOT NULL,
  PRIMARY KEY (kind_id, course_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE tp_certification (
  id                    UUID NOT NULL PRIMARY KEY,
  org_id                UUID NOT NULL REFERENCES tp_organization (id),
  member_id             UUID NOT NULL REFERENCES tp_member (id),
  kind_id               UUID NOT NULL,
  issuer                varchar(200) NOT NULL,
  credential_id         varchar(300) NOT NULL,
  issued_on             date NOT NULL,
  expires_on            date,
  evidence_sha256       varchar(64),
  verified              boolean,
  verification_summary  varchar(2000),
  verified_at           datetime(6),
  recorded_at           datetime(6) NOT NULL,
  recorded_by           varchar(200) NOT NULL,
  CONSTRAINT uq_tp_certification_credential UNIQUE (org_id, issuer, credential_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_tp_certification_member ON tp_certification (org_id, member_id, issued_on);
