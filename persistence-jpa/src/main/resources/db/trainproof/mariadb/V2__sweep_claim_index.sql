-- The sweep claims members not yet swept today. Ordered by (swept_on, id) (NULLs sort first),
-- the members still to visit come first in this index, so a claim reads only the rows it takes
-- instead of walking past every member already swept today.
CREATE INDEX ix_tp_member_sweep ON tp_member (org_id, swept_on, id);
