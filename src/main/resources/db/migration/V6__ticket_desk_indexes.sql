-- The ticket desk's lists at a million tickets: one status (the callback list, a status filter), or a status and
-- a field, newest or oldest first. TicketRepository.deskOrder names the status (and field) first in such a list's
-- ORDER BY, so that a page reads its 20 entries from these indexes in order instead of sorting every match, and
-- the total is counted from the index alone. The new status index starts with status: the old one goes.
create index ticket_status_created_idx on ticket (status, created_at, id);
create index ticket_status_field_created_idx on ticket (status, field_code, created_at, id);
drop index ticket_status_idx;
