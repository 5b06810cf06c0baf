-- Ticket references are numbered per year without gaps, like an audited register: HL-2026-000001, 000002, ...
-- The row of a year is locked by the transaction that takes a number until it commits, so a rolled-back
-- ticket gives its number back and no two tickets get the same one. The first ticket of a year creates its
-- row, starting after the highest reference of that year already stored (references made before V9).
create table ticket_reference_counter (
    year_number  integer  primary key,
    last_number  bigint   not null
);
