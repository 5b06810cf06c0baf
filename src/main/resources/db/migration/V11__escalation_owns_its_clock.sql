-- One writer per record: the deadline, the raise to the leaders and the answer times belong to the escalation
-- (each department's assignment), which has always recorded them; the ticket's copies, kept in step by hand,
-- go. A ticket's current deadline is its latest escalation's, its first answer the earliest answered_at, and it
-- is raised when one of its escalations is (a forward carries the raise on).
alter table ticket drop column deadline;
alter table ticket drop column raised_to_leaders;
alter table ticket drop column first_answered_at;
