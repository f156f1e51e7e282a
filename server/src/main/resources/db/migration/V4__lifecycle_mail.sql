-- Account lifecycle and mail: the mail outbox, single-use links, invitations and password-reset requests.

-- Mails written in the transaction of the change that causes them and delivered after commit. The bodies are
-- dropped once delivered (they hold single-use links); the row stays as a record of what was sent to whom.
CREATE TABLE mail_outbox (
    id                   UUID PRIMARY KEY,
    recipient            VARCHAR(254) NOT NULL,
    recipient_normalized VARCHAR(254) NOT NULL,
    template_name        VARCHAR(64)  NOT NULL,
    subject              VARCHAR(255) NOT NULL,
    body_text            VARCHAR(100000),
    body_html            VARCHAR(100000),
    -- PENDING, SENDING (claimed until lease_until), SENT, LOGGED (no SMTP configured), FAILED (given up)
    status               VARCHAR(16)  NOT NULL,
    attempts             INTEGER      NOT NULL,
    next_attempt_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until          TIMESTAMP WITH TIME ZONE,
    last_error           VARCHAR(500),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at              TIMESTAMP WITH TIME ZONE,
    version              BIGINT       NOT NULL
);
CREATE INDEX mail_outbox_due_ix ON mail_outbox (status, next_attempt_at);
CREATE INDEX mail_outbox_recipient_ix ON mail_outbox (recipient_normalized);

-- Single-use links (invitation, email verification, email change, password reset): only a SHA-256 hash of the
-- secret is kept, and a link is deleted when used or replaced.
CREATE TABLE users_link (
    id          UUID PRIMARY KEY,
    user_id     UUID        NOT NULL,
    purpose     VARCHAR(32) NOT NULL,
    secret_hash VARCHAR(64) NOT NULL,
    -- the address the link was mailed to and confirms (for an email change the new one, which does not replace
    -- the current one until the link is used)
    email_address VARCHAR(254),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT users_link_secret_uq UNIQUE (secret_hash)
);
CREATE INDEX users_link_user_ix ON users_link (user_id, purpose);

-- An invitation is a pending user plus who invited them and until when the current link works.
CREATE TABLE users_invitation (
    user_id             UUID PRIMARY KEY,
    invited_by_id       UUID,
    invited_by_username VARCHAR(64),
    invited_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_count          INTEGER NOT NULL
);

-- Password-reset requests, known email or not, counted per email and per client address for the rate limit.
CREATE TABLE users_reset_request (
    id               UUID PRIMARY KEY,
    email_normalized VARCHAR(254) NOT NULL,
    client_ip        VARCHAR(64),
    requested_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX users_reset_request_email_ix ON users_reset_request (email_normalized, requested_at);
CREATE INDEX users_reset_request_ip_ix ON users_reset_request (client_ip, requested_at);
