-- The call log: one row per hotline call, keyed by Asterisk's Linkedid (unique: a replayed event stream
-- can never create a second row, nor a second ticket).
create sequence call_record_seq start with 1 increment by 50;

create table call_record (
    id                  bigint        primary key,
    linkedid            varchar(64)   not null unique,
    -- ARRIVED, QUEUED, ANSWERED, COMPLETED, ABANDONED, MISSED, OUTCOME_UNKNOWN
    state               varchar(20)   not null,
    did                 varchar(30),
    caller_number       varchar(30),
    caller_withheld     boolean       not null default false,
    caller_name         varchar(200),
    queue               varchar(80),
    operator_name       varchar(200),
    operator_interface  varchar(200),
    operator_username   varchar(60),
    -- The caller's channel: its Hangup ends the call.
    caller_channel      varchar(200),
    arrived_at          timestamp(6) with time zone not null,
    queued_at           timestamp(6) with time zone,
    answered_at         timestamp(6) with time zone,
    ended_at            timestamp(6) with time zone,
    wait_seconds        integer,
    talk_seconds        integer,
    hung_up_by          varchar(20),
    hangup_cause        integer,
    hangup_cause_text   varchar(100),
    missed_reason       varchar(100),
    -- Set when the call's end was not seen (connection lost) and was inferred.
    flagged             boolean       not null default false,
    ticket_id           bigint        references ticket (id),
    updated_at          timestamp(6) with time zone not null,
    version             bigint        not null default 0
);

create index call_record_arrived_idx on call_record (arrived_at);
create index call_record_state_idx on call_record (state);
create index call_record_caller_idx on call_record (caller_number);
create index call_record_operator_idx on call_record (operator_username);
