-- The sweep claims members not yet swept today. Ordered by (swept_on NULLS FIRST, id), the
-- members still to visit come first in this index, so a claim reads only the rows it takes
-- instead of walking past every member already swept today (which made a sweep quadratic in
-- the organization's size).
CREATE INDEX ix_tp_member_sweep ON tp_member (org_id, swept_on NULLS FIRST, id);
