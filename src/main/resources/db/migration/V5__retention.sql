-- Retention of callers' personal data (hotline.retention.*): after the retention period the caller's number
-- and name are removed from old call records and from closed or duplicate tickets. The flag tells a removed
-- caller from one who was never known; caller_withheld keeps its meaning (the caller hid their number).
alter table call_record add column caller_redacted boolean default false not null;
alter table ticket add column caller_redacted boolean default false not null;
