-- Wallet exchanges (issue 21): one delivery of a certificate to a holder's wallet, redeemed once
-- over the VC API exchange protocol or OpenID4VCI (pre-authorized code); both protocols work on
-- this one row. The exchange's secret and its access token are kept only as SHA-256 hashes (hex).
-- Every key starts with org_id, so the table can later be distributed by organization; the
-- primary key too. Concurrent redemptions are told apart by the optimistic version: an update
-- names the version it read, and of two that read the same version exactly one changes the row.
-- issued_certificate_id has no foreign key: the issuing code may record the exchange before or
-- after it inserts the holder-bound certificate, in one transaction.
CREATE TABLE tp_wallet_exchange (
  id                       uuid NOT NULL,
  org_id                   uuid NOT NULL REFERENCES tp_organization (id),
  certificate_id           uuid NOT NULL REFERENCES tp_certificate (id),
  member_id                uuid NOT NULL REFERENCES tp_member (id),
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
  PRIMARY KEY (org_id, id),
  CONSTRAINT uq_tp_wallet_exchange_secret UNIQUE (org_id, secret_sha256),
  CONSTRAINT uq_tp_wallet_exchange_token UNIQUE (org_id, access_token_sha256)
);
CREATE INDEX ix_tp_wallet_exchange_certificate
  ON tp_wallet_exchange (org_id, certificate_id, created_at);

-- The one-time nonces of OpenID4VCI key proofs, by SHA-256. A consume is one DELETE of the row
-- if unexpired (one row deleted: accepted), so of many concurrent consumers exactly one wins.
-- It also deletes a bounded batch of the organization's expired nonces, found through the expiry
-- index, skipping rows other transactions hold (SKIP LOCKED) so consumers never wait on each other.
CREATE TABLE tp_wallet_nonce (
  org_id        uuid NOT NULL REFERENCES tp_organization (id),
  nonce_sha256  varchar(64) NOT NULL,
  expires_at    timestamp(6) with time zone NOT NULL,
  PRIMARY KEY (org_id, nonce_sha256)
);
CREATE INDEX ix_tp_wallet_nonce_expiry ON tp_wallet_nonce (org_id, expires_at);
