-- The monthly report asks two things of every ticket it reads (300,000 a month at national-hotline scale):
-- was it ever resolved on the call (a history row to RESOLVED_ON_CALL), and what was the deadline of its
-- first escalation. With the columns those lookups need in the index, each is one index seek that never
-- visits the table rows, however many history rows a ticket has.
create index ticket_history_status_idx on ticket_history (ticket_id, to_status);
-- Starts with ticket_id, so it also serves every lookup the index on ticket_id alone served, and replaces it.
drop index escalation_ticket_idx;
create index escalation_ticket_first_idx on escalation (ticket_id, escalated_at, id, deadline);
