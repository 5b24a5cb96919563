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
  display_name  varchar(500) NOT NULL,
  engaged_on    date NOT NULL,
  version       bigint NOT NULL,
  -- The last day the renewal sweep visited the member (claimForSweep); not part of the domain.
  swept_on      date,
  CONSTRAINT uq_tp_member_external_id UNIQUE (org_id, external_id)
);
-- list(org) ordered by id and the sweep claim (org, not swept today, ordered by id).
CREATE INDEX ix_tp_member_org_id ON tp_member (org_id, id);

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
  created_at  timestamp(6) with time zone NOT NULL,
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
  -- The last defence that makes the assignment engine idempotent across nodes.
  CONSTRAINT uq_tp_assignment_dedupe_key UNIQUE (org_id, dedupe_key)
);
CREATE INDEX ix_tp_assignment_member ON tp_assignment (org_id, member_id, assigned_at, id);
CREATE INDEX ix_tp_assignment_requirement ON tp_assignment (org_id, requirement_id, assigned_at, id);
CREATE INDEX ix_tp_assignment_org ON tp_assignment (org_id, assigned_at, id);

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
  retention_until      date NOT NULL
);
CREATE INDEX ix_tp_completion_member ON tp_completion (org_id, member_id, completed_on, recorded_at, id);
CREATE INDEX ix_tp_completion_assignment ON tp_completion (assignment_id);

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
