-- The acr values a provider is trusted for as a second factor (with trust_provider_mfa), space-separated.
ALTER TABLE sso_provider ADD COLUMN trusted_acr_values VARCHAR(5200) DEFAULT '' NOT NULL;

-- The ID token of a session signed in through an OpenID provider, kept for its sign-out: the provider's logout is
-- asked with it (id_token_hint) by whichever node the sign-out reaches. It goes with the session.
CREATE TABLE sso_session (
    session_id   UUID           PRIMARY KEY,
    provider_id  UUID           NOT NULL,
    id_token     VARCHAR(16000) NOT NULL,
    CONSTRAINT sso_session_session_fk FOREIGN KEY (session_id) REFERENCES auth_session (id) ON DELETE CASCADE,
    CONSTRAINT sso_session_provider_fk FOREIGN KEY (provider_id) REFERENCES sso_provider (id) ON DELETE CASCADE
);
