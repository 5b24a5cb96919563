-- The sweep claims members not yet swept today (see the PostgreSQL and MariaDB migrations).
CREATE INDEX ix_tp_member_sweep ON tp_member (org_id, swept_on, id);
