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
  display_name  varchar(500) NOT NULL,
  engaged_on    date NOT NULL,
  version       bigint NOT NULL,
  -- The last day the renewal sweep visited the member (claimForSweep); not part of the domain.
  swept_on      date,
  CONSTRAINT uq_tp_member_external_id UNIQUE (org_id, external_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- list(org) ordered by id and the sweep claim (org, not swept today, ordered by id).
CREATE INDEX ix_tp_member_org_id ON tp_member (org_id, id);

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
  created_at  datetime(6) NOT NULL,
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
  -- The last defence that makes the assignment engine idempotent across nodes.
  CONSTRAINT uq_tp_assignment_dedupe_key UNIQUE (org_id, dedupe_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_tp_assignment_member ON tp_assignment (org_id, member_id, assigned_at, id);
CREATE INDEX ix_tp_assignment_requirement ON tp_assignment (org_id, requirement_id, assigned_at, id);
CREATE INDEX ix_tp_assignment_org ON tp_assignment (org_id, assigned_at, id);

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
  retention_until      date NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_tp_completion_member ON tp_completion (org_id, member_id, completed_on, recorded_at, id);
CREATE INDEX ix_tp_completion_assignment ON tp_completion (assignment_id);

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
