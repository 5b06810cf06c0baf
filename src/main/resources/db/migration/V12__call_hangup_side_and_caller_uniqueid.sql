-- Who hung up, when Asterisk sent no AgentComplete, is inferred from which side's channel hung up first;
-- the call says so (AgentComplete, when it comes, replaces the inference).
alter table call_record add column hung_up_inferred boolean default false not null;

-- The uniqueid of the caller's channel that joined the queue (queue_log's callid), when it is not the
-- Linkedid (a caller behind a Local channel): how a backfill from queue_log and one from Master.csv, and
-- live capture, recognise each other's calls.
alter table call_record add column caller_uniqueid varchar(64);
create index call_record_caller_uniqueid on call_record (caller_uniqueid);
