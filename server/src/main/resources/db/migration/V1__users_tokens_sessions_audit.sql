-- One migration set for H2 (MODE=PostgreSQL) and PostgreSQL.
-- ${search_collation} is COLLATE "C" on PostgreSQL, so that the *_normalized columns compare bytewise and a
-- plain B-tree index serves both ORDER BY and LIKE 'prefix%' whatever the database's locale; H2 already
-- compares that way and gets nothing.

CREATE TABLE users_account (
    id                     UUID PRIMARY KEY,
    username               VARCHAR(64)  NOT NULL,
    username_normalized    VARCHAR(64)  ${search_collation} NOT NULL,
    email                  VARCHAR(254) NOT NULL,
    email_normalized       VARCHAR(254) ${search_collation} NOT NULL,
    email_verified         BOOLEAN      NOT NULL,
    first_name             VARCHAR(100),
    first_name_normalized  VARCHAR(100) ${search_collation},
    last_name              VARCHAR(100),
    last_name_normalized   VARCHAR(100) ${search_collation},
    display_name           VARCHAR(200),
    department             VARCHAR(100),
    time_zone              VARCHAR(64),
    status                 VARCHAR(16)  NOT NULL,
    source                 VARCHAR(16)  NOT NULL,
    external_id            VARCHAR(255),
    must_change_password   BOOLEAN      NOT NULL,
    password_hash          VARCHAR(255),
    password_changed_at    TIMESTAMP WITH TIME ZONE,
    last_login_at          TIMESTAMP WITH TIME ZONE,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    version                BIGINT       NOT NULL,
    CONSTRAINT users_account_username_uq UNIQUE (username_normalized),
    CONSTRAINT users_account_email_uq UNIQUE (email_normalized)
);
CREATE INDEX users_account_first_name_ix ON users_account (first_name_normalized);
CREATE INDEX users_account_last_name_ix ON users_account (last_name_normalized);
CREATE INDEX users_account_created_ix ON users_account (created_at, id);
CREATE INDEX users_account_last_login_ix ON users_account (last_login_at, id);

-- Sign-ins counted per user and day: activity figures read at most 366 rows of one user, never scan sign-ins.
CREATE TABLE users_login_day (
    user_id  UUID    NOT NULL,
    login_date DATE  NOT NULL,
    logins   INTEGER NOT NULL,
    CONSTRAINT users_login_day_pk PRIMARY KEY (user_id, login_date)
);

CREATE TABLE access_system_admin (
    user_id    UUID PRIMARY KEY,
    granted_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE auth_session (
    id            UUID PRIMARY KEY,
    secret_hash   VARCHAR(64) NOT NULL,
    user_id       UUID        NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    client_ip     VARCHAR(64),
    user_agent    VARCHAR(255),
    CONSTRAINT auth_session_secret_uq UNIQUE (secret_hash)
);
CREATE INDEX auth_session_user_ix ON auth_session (user_id);

-- Every sign-in attempt, successful or not: who tried what login, when, from where, and what came of it.
CREATE TABLE auth_sign_in (
    id           UUID PRIMARY KEY,
    user_id      UUID,
    login        VARCHAR(254) NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    client_ip    VARCHAR(64),
    outcome      VARCHAR(32) NOT NULL
);
CREATE INDEX auth_sign_in_user_ix ON auth_sign_in (user_id, occurred_at);

CREATE TABLE tokens_personal (
    id            UUID PRIMARY KEY,
    user_id       UUID         NOT NULL,
    name          VARCHAR(100) NOT NULL,
    display_prefix VARCHAR(16) NOT NULL,
    secret_hash   VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE,
    last_used_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT tokens_personal_secret_uq UNIQUE (secret_hash)
);
CREATE INDEX tokens_personal_user_ix ON tokens_personal (user_id);

-- Kept when the user is deleted: actor_username records the name as it was.
CREATE TABLE audit_event (
    id              UUID PRIMARY KEY,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id        UUID,
    actor_username  VARCHAR(64),
    action          VARCHAR(64)  NOT NULL,
    target_type     VARCHAR(32)  NOT NULL,
    target_id       VARCHAR(64),
    client_ip       VARCHAR(64),
    outcome         VARCHAR(16)  NOT NULL,
    details         VARCHAR(4000)
);
CREATE INDEX audit_event_time_ix ON audit_event (occurred_at, id);
CREATE INDEX audit_event_target_ix ON audit_event (target_id, occurred_at);
