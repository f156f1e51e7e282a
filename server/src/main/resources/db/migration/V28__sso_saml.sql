-- SAML 2.0 identity providers: the provider's metadata as registered, the service provider's own key pair (one for
-- every node), the requests sent and not yet answered (so any node can take the answer), and the assertions already
-- used (so none is used twice, whichever node it is sent to).

ALTER TABLE sso_provider ADD COLUMN saml_metadata VARCHAR(200000);
ALTER TABLE sso_provider ALTER COLUMN client_id DROP NOT NULL;

CREATE TABLE sso_saml_key (
    name         VARCHAR(16)   PRIMARY KEY,
    certificate  VARCHAR(8000) NOT NULL,
    private_key  VARCHAR(8000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sso_saml_request (
    request_id    VARCHAR(100)  PRIMARY KEY,
    provider_id   UUID          NOT NULL,
    browser_hash  VARCHAR(64)   NOT NULL,
    return_to     VARCHAR(2000),
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sso_saml_request_provider_fk FOREIGN KEY (provider_id) REFERENCES sso_provider (id) ON DELETE CASCADE
);
CREATE INDEX sso_saml_request_expires_ix ON sso_saml_request (expires_at);

CREATE TABLE sso_saml_assertion (
    assertion_hash  VARCHAR(64) PRIMARY KEY,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sso_saml_assertion_expires_ix ON sso_saml_assertion (expires_at);
