-- One schema for H2 (embedded) and PostgreSQL (production): standard types only.
-- Identifiers come from sequences that step by 50, matching Hibernate's pooled optimizer.

create table department (
    code        varchar(40)  primary key,
    name_vi     varchar(200) not null,
    name_en     varchar(200) not null,
    active      boolean      not null default true,
    version     bigint       not null default 0
);

create table field (
    code        varchar(40)  primary key,
    name_vi     varchar(200) not null,
    name_en     varchar(200) not null,
    sort_order  integer      not null default 0
);

-- Which department a ticket of a field goes to by default; the operator may choose another.
create table routing_rule (
    field_code       varchar(40) primary key references field (code),
    department_code  varchar(40) not null references department (code),
    version          bigint      not null default 0
);

create table province (
    code        varchar(40)  primary key,
    name_vi     varchar(200) not null,
    name_en     varchar(200) not null,
    city        boolean      not null default false
);

create sequence app_user_seq start with 1 increment by 50;

create table app_user (
    id               bigint       primary key,
    username         varchar(60)  not null unique,
    password_hash    varchar(100) not null,
    roles            varchar(100) not null,
    display_name     varchar(200) not null,
    department_code  varchar(40)  references department (code),
    extension        varchar(20)  unique,
    created_at       timestamp(6) with time zone not null,
    version          bigint       not null default 0
);

create sequence ticket_seq start with 1 increment by 50;

create table ticket (
    id                 bigint        primary key,
    -- Set right after the insert: it is built from the id the sequence gives.
    reference          varchar(20)   unique,
    source             varchar(20)   not null,
    status             varchar(20)   not null,
    caller_number      varchar(20),
    caller_withheld    boolean       not null default false,
    caller_name        varchar(200),
    caller_type        varchar(50),
    province_code      varchar(40)   references province (code),
    commune            varchar(200),
    field_code         varchar(40)   references field (code),
    category           varchar(100),
    priority           varchar(10)   not null,
    summary            varchar(300),
    description        varchar(4000),
    operator           varchar(60),
    department_code    varchar(40)   references department (code),
    deadline           timestamp(6) with time zone,
    raised_to_leaders  boolean       not null default false,
    resolution         varchar(4000),
    duplicate_of       bigint        references ticket (id),
    created_at         timestamp(6) with time zone not null,
    updated_at         timestamp(6) with time zone not null,
    first_answered_at  timestamp(6) with time zone,
    closed_at          timestamp(6) with time zone,
    version            bigint        not null default 0
);

create index ticket_status_idx on ticket (status);
create index ticket_caller_idx on ticket (caller_number);
create index ticket_department_idx on ticket (department_code, status);
create index ticket_created_idx on ticket (created_at);

create sequence ticket_history_seq start with 1 increment by 50;

-- Every change of a ticket: who, when, from which status to which, and why.
create table ticket_history (
    id               bigint        primary key,
    ticket_id        bigint        not null references ticket (id),
    at               timestamp(6) with time zone not null,
    actor            varchar(60)   not null,
    action           varchar(30)   not null,
    from_status      varchar(20),
    to_status        varchar(20),
    department_code  varchar(40),
    note             varchar(4000)
);

create index ticket_history_ticket_idx on ticket_history (ticket_id, id);

create sequence escalation_seq start with 1 increment by 50;

-- One row per department a ticket was sent to; a forward closes one row and opens the next.
create table escalation (
    id                bigint        primary key,
    ticket_id         bigint        not null references ticket (id),
    department_code   varchar(40)   not null references department (code),
    state             varchar(20)   not null,
    deadline          timestamp(6) with time zone not null,
    escalated_by      varchar(60)   not null,
    escalated_at      timestamp(6) with time zone not null,
    note              varchar(2000),
    accepted_by       varchar(60),
    accepted_at       timestamp(6) with time zone,
    answered_by       varchar(60),
    answered_at       timestamp(6) with time zone,
    answer            varchar(4000),
    closed_at         timestamp(6) with time zone,
    breached_at       timestamp(6) with time zone,
    raised_at         timestamp(6) with time zone,
    raised_by         varchar(60),
    raise_reason      varchar(2000),
    version           bigint        not null default 0
);

create index escalation_ticket_idx on escalation (ticket_id);
create index escalation_open_idx on escalation (state, deadline);
create index escalation_department_idx on escalation (department_code, state);
