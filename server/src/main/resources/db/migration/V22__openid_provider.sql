-- Gatehouse as an OpenID Provider: the tables of Spring Security's authorization server JDBC services, kept to the
-- schema it ships with two portable changes: every time is TIMESTAMP WITH TIME ZONE (an Instant on both databases),
-- and the token values and JSON attributes are VARCHAR without a length (PostgreSQL has no BLOB; unbounded VARCHAR
-- is text on PostgreSQL and stays comparable on H2, where the service looks tokens up by value).

-- The applications (OAuth clients). client_secret holds only a hash (see applications/ApplicationSecrets).
CREATE TABLE oauth2_registered_client (
    id                            VARCHAR(100) NOT NULL,
    client_id                     VARCHAR(100) NOT NULL,
    client_id_issued_at           TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    client_secret                 VARCHAR(200) DEFAULT NULL,
    client_secret_expires_at      TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    client_name                   VARCHAR(200) NOT NULL,
    client_authentication_methods VARCHAR(1000) NOT NULL,
    authorization_grant_types     VARCHAR(1000) NOT NULL,
    redirect_uris                 VARCHAR(1000) DEFAULT NULL,
    post_logout_redirect_uris     VARCHAR(1000) DEFAULT NULL,
    scopes                        VARCHAR(1000) NOT NULL,
    client_settings               VARCHAR(2000) NOT NULL,
    token_settings                VARCHAR(2000) NOT NULL,
    CONSTRAINT oauth2_registered_client_pk PRIMARY KEY (id),
    CONSTRAINT oauth2_registered_client_client_id_uq UNIQUE (client_id)
);

-- One row per authorization (a code flow or a client-credentials grant) with its current tokens.
CREATE TABLE oauth2_authorization (
    id                            VARCHAR(100) NOT NULL,
    registered_client_id          VARCHAR(100) NOT NULL,
    principal_name                VARCHAR(200) NOT NULL,
    authorization_grant_type      VARCHAR(100) NOT NULL,
    authorized_scopes             VARCHAR(1000) DEFAULT NULL,
    attributes                    VARCHAR DEFAULT NULL,
    state                         VARCHAR(500) DEFAULT NULL,
    authorization_code_value      VARCHAR DEFAULT NULL,
    authorization_code_issued_at  TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    authorization_code_expires_at TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    authorization_code_metadata   VARCHAR DEFAULT NULL,
    access_token_value            VARCHAR DEFAULT NULL,
    access_token_issued_at        TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    access_token_expires_at       TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    access_token_metadata         VARCHAR DEFAULT NULL,
    access_token_type             VARCHAR(100) DEFAULT NULL,
    access_token_scopes           VARCHAR(1000) DEFAULT NULL,
    oidc_id_token_value           VARCHAR DEFAULT NULL,
    oidc_id_token_issued_at       TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    oidc_id_token_expires_at      TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    oidc_id_token_metadata        VARCHAR DEFAULT NULL,
    refresh_token_value           VARCHAR DEFAULT NULL,
    refresh_token_issued_at       TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    refresh_token_expires_at      TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    refresh_token_metadata        VARCHAR DEFAULT NULL,
    user_code_value               VARCHAR DEFAULT NULL,
    user_code_issued_at           TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    user_code_expires_at          TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    user_code_metadata            VARCHAR DEFAULT NULL,
    device_code_value             VARCHAR DEFAULT NULL,
    device_code_issued_at         TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    device_code_expires_at        TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    device_code_metadata          VARCHAR DEFAULT NULL,
    CONSTRAINT oauth2_authorization_pk PRIMARY KEY (id)
);
-- a user's authorizations are revoked together (deactivation, password reset, end all sessions)
CREATE INDEX oauth2_authorization_principal_ix ON oauth2_authorization (principal_name);
CREATE INDEX oauth2_authorization_client_ix ON oauth2_authorization (registered_client_id);

CREATE TABLE oauth2_authorization_consent (
    registered_client_id VARCHAR(100) NOT NULL,
    principal_name       VARCHAR(200) NOT NULL,
    authorities          VARCHAR(1000) NOT NULL,
    CONSTRAINT oauth2_authorization_consent_pk PRIMARY KEY (registered_client_id, principal_name)
);

-- Refresh tokens already exchanged, by SHA-256: one presented again means the token leaked, and the whole
-- authorization it belonged to is revoked (reuse detection, OAuth 2.1 section 4.3.1).
CREATE TABLE oidc_spent_refresh_token (
    token_hash       VARCHAR(64) NOT NULL,
    authorization_id VARCHAR(100) NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT oidc_spent_refresh_token_pk PRIMARY KEY (token_hash)
);

-- The keys tokens are signed with, shared by every node. A retired key is still published until the tokens it
-- signed have expired.
CREATE TABLE oidc_signing_key (
    kid         VARCHAR(64) NOT NULL,
    private_jwk VARCHAR NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT oidc_signing_key_pk PRIMARY KEY (kid)
);

-- Who may register applications: a built-in administrative area of the catalog.
INSERT INTO access_area (name, description, administrative, built_in, created_at)
SELECT 'applications', 'Applications that sign users in with OpenID Connect', TRUE, TRUE, CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM access_area WHERE name = 'applications');
INSERT INTO access_area_action (area, action)
SELECT 'applications', c.action
FROM (SELECT 'create' AS action UNION ALL SELECT 'read' UNION ALL SELECT 'update' UNION ALL SELECT 'delete') c
WHERE NOT EXISTS (SELECT 1 FROM access_area_action x WHERE x.area = 'applications' AND x.action = c.action);
