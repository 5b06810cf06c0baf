-- Page sessions kept by the server, so that logout, a password or role change and a user's removal end them on
-- every instance sharing the database. The cookie names the session by a random token; only its SHA-256 is kept.
create table web_session (
    token_hash    varchar(64)                 primary key,
    username      varchar(60)                 not null,
    created_at    timestamp(6) with time zone not null,
    last_seen_at  timestamp(6) with time zone not null,
    ended_at      timestamp(6) with time zone,
    end_reason    varchar(30)
);

create index web_session_user_idx on web_session (username, ended_at);

-- Failed logins in the current window, per user name ("user:<name>") and per client address ("addr:<ip>"),
-- shared by every instance: past the limit, logins are refused without checking the password.
create table login_failure (
    throttle_key   varchar(120)                primary key,
    failures       integer                     not null,
    window_start   timestamp(6) with time zone not null,
    blocked_until  timestamp(6) with time zone
);
