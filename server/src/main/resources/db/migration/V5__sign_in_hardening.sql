-- Sign-in hardening (issue 5): IP allowlists, brute-force state, TOTP, MFA challenges, restricted sessions.
-- Runs on H2 (MODE=PostgreSQL) and PostgreSQL alike.

-- Per-user IP allowlist, in the order the administrator wrote the rules. No rows: any address.
CREATE TABLE allowlist_rule (
    user_id     UUID        NOT NULL,
    rule_order  INTEGER     NOT NULL,
    rule_text   VARCHAR(64) NOT NULL,
    CONSTRAINT allowlist_rule_pk PRIMARY KEY (user_id, rule_order)
);

-- Bumped by every allowlist change, so the other nodes drop their cached rules within a poll.
CREATE TABLE allowlist_epoch (
    id     INTEGER PRIMARY KEY,
    epoch  BIGINT  NOT NULL
);
INSERT INTO allowlist_epoch (id, epoch) VALUES (1, 0);

-- Brute-force state, one row per account ('account:<id>'), unknown login ('login:<normalized>') or client
-- address ('address:<ip>'). Shared by every node; changed only by compare-and-set on version.
CREATE TABLE auth_throttle (
    throttle_key     VARCHAR(300) PRIMARY KEY,
    failures         INTEGER      NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until     TIMESTAMP WITH TIME ZONE,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT       NOT NULL
);

-- A session of a user who must enrol a second factor before doing anything else.
ALTER TABLE auth_session ADD COLUMN mfa_enrolment_required BOOLEAN DEFAULT FALSE NOT NULL;

-- The step between a correct password and a session: short-lived, stored hashed, used once.
CREATE TABLE auth_mfa_challenge (
    id           UUID PRIMARY KEY,
    secret_hash  VARCHAR(64) NOT NULL,
    user_id      UUID        NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    failures     INTEGER     NOT NULL,
    CONSTRAINT auth_mfa_challenge_secret_uq UNIQUE (secret_hash)
);
CREATE INDEX auth_mfa_challenge_expiry_ix ON auth_mfa_challenge (expires_at);

-- A user's TOTP authenticator: the secret encrypted (AES-GCM), confirmed once a code proved the enrolment.
-- last_step is the last time step whose code was accepted: a code is never accepted twice.
CREATE TABLE mfa_totp (
    user_id            UUID PRIMARY KEY,
    secret_ciphertext  VARCHAR(255) NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at       TIMESTAMP WITH TIME ZONE,
    last_step          BIGINT
);

-- Recovery codes: shown once, stored as SHA-256 of an 80-bit random code, each usable once.
CREATE TABLE mfa_recovery_code (
    id         UUID PRIMARY KEY,
    user_id    UUID        NOT NULL,
    code_hash  VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX mfa_recovery_code_user_ix ON mfa_recovery_code (user_id);

-- The key that encrypts TOTP secrets when gatehouse.mfa.encryption-key is not set (generated once, shared).
CREATE TABLE mfa_key (
    id             INTEGER PRIMARY KEY,
    key_material   VARCHAR(64) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
