-- Credentials the SDK signed that are not certificates: host-signed credentials and sealed
-- attestations. Each holds an index in the organization's status lists, in the one index space it
-- shares with tp_certificate: no index is held twice per organization. A constraint cannot span
-- two tables, so each table keeps its own unique (org_id, status_index) and the store checks both
-- tables before every insert, in the same transaction.
CREATE TABLE tp_issued_credential (
  id                 uuid PRIMARY KEY,
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
  CONSTRAINT uq_tp_issued_credential_status_index UNIQUE (org_id, status_index),
  CONSTRAINT uq_tp_issued_credential_credential_id UNIQUE (org_id, credential_id)
);
CREATE INDEX ix_tp_issued_credential_status ON tp_issued_credential (org_id, status, status_index);
