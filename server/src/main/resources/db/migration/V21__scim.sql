-- SCIM provisioning: the registered SCIM clients and the enterprise-extension fields the user directory does not hold.

-- A SCIM client is a personal access token of the administrator who registered it, limited to what SCIM needs;
-- revoking that token (here or among the administrator's tokens) removes the client with it.
CREATE TABLE provisioning_scim_client (
    id          UUID PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    token_id    UUID NOT NULL,
    created_by  UUID NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT provisioning_scim_client_token_uq UNIQUE (token_id),
    CONSTRAINT provisioning_scim_client_token_fk FOREIGN KEY (token_id) REFERENCES tokens_personal (id) ON DELETE CASCADE
);

-- What a SCIM client says of a user beyond the directory's fields: its userName when that is no Gatehouse username
-- (an email, as Okta and Entra ID send), and the enterprise extension's employeeNumber and manager.
CREATE TABLE provisioning_user_profile (
    user_id          UUID PRIMARY KEY,
    user_name        VARCHAR(254),
    user_name_normalized VARCHAR(254),
    employee_number  VARCHAR(255),
    manager_id       VARCHAR(255),
    CONSTRAINT provisioning_user_profile_name_uq UNIQUE (user_name_normalized),
    CONSTRAINT provisioning_user_profile_user_fk FOREIGN KEY (user_id) REFERENCES users_account (id) ON DELETE CASCADE
);
