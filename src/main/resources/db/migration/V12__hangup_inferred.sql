-- Who hung up, when Asterisk sent no AgentComplete, is inferred from which side's channel hung up first;
-- the call says so (AgentComplete, when it comes, replaces the inference).
alter table call_record add column hung_up_inferred boolean default false not null;
