-- Single sign-on: the identity providers people sign in through, the rules that turn a provider's claims into
-- groups and roles, the link from a provider's subject to an account, and the sign-ins under way (so that any node
-- can finish a sign-in another node started).

CREATE TABLE sso_provider (
    id                  UUID PRIMARY KEY,
    alias               VARCHAR(40)   NOT NULL,
    display_name        VARCHAR(100)  NOT NULL,
    protocol            VARCHAR(8)    NOT NULL,
    issuer              VARCHAR(500)  NOT NULL,
    discovery_url       VARCHAR(500),
    client_id           VARCHAR(255)  NOT NULL,
    client_secret       VARCHAR(2000),
    scopes              VARCHAR(500)  NOT NULL,
    enabled             BOOLEAN       NOT NULL,
    provisioning        VARCHAR(16)   NOT NULL,
    default_role        UUID,
    default_groups      VARCHAR(2000) NOT NULL,
    link_by_email       BOOLEAN       NOT NULL,
    trust_provider_mfa  BOOLEAN       NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT        NOT NULL,
    CONSTRAINT sso_provider_alias_uq UNIQUE (alias)
);

-- A claim value that gives a group, or a role at a resource; position keeps them in the order they were given.
CREATE TABLE sso_mapping (
    provider_id  UUID         NOT NULL,
    position     INTEGER      NOT NULL,
    claim        VARCHAR(100) NOT NULL,
    claim_value  VARCHAR(255) NOT NULL,
    group_id     UUID,
    role_id      UUID,
    resource_id  UUID,
    CONSTRAINT sso_mapping_pk PRIMARY KEY (provider_id, position),
    CONSTRAINT sso_mapping_provider_fk FOREIGN KEY (provider_id) REFERENCES sso_provider (id) ON DELETE CASCADE
);

-- An account is found by (provider, subject), never by email alone.
CREATE TABLE sso_identity (
    provider_id      UUID          NOT NULL,
    subject          VARCHAR(255)  NOT NULL,
    user_id          UUID          NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sign_in_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sso_identity_pk PRIMARY KEY (provider_id, subject),
    CONSTRAINT sso_identity_provider_fk FOREIGN KEY (provider_id) REFERENCES sso_provider (id) ON DELETE CASCADE,
    CONSTRAINT sso_identity_user_fk FOREIGN KEY (user_id) REFERENCES users_account (id)
);
CREATE INDEX sso_identity_user_ix ON sso_identity (user_id);

-- A sign-in under way: found by its state, used once, and only by the browser that started it.
CREATE TABLE sso_pending (
    state_hash    VARCHAR(64)   PRIMARY KEY,
    browser_hash  VARCHAR(64)   NOT NULL,
    request       VARCHAR(8000) NOT NULL,
    return_to     VARCHAR(2000),
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sso_pending_expires_ix ON sso_pending (expires_at);
