-- The incremental sweep (issue 22): each member's next change date, the earliest day on which the
-- renewal sweep can do anything for them; NULL means "evaluate at the next sweep". Core sets it
-- after sweeping a member and unsets it in the transaction of every write that can move it. Not
-- part of the domain. The sweep claims members of one organization not swept today whose date
-- has come or is unset, ordered by (next_change_on NULLS FIRST, swept_on NULLS FIRST, id): this
-- index serves that order, so a claim reads the members due (and those already swept today among
-- them) and never the rest of the roster.
ALTER TABLE tp_member ADD COLUMN next_change_on date;
CREATE INDEX ix_tp_member_next_change ON tp_member (org_id, next_change_on NULLS FIRST, swept_on NULLS FIRST, id);
