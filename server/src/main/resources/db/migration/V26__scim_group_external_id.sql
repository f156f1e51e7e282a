-- What a SCIM client says of a group beyond the directory's fields: its externalId (Entra ID and Okta send their own
-- id of the group), kept and returned as sent, and filterable.
CREATE TABLE provisioning_group_profile (
    group_id    UUID PRIMARY KEY,
    external_id VARCHAR(255) NOT NULL,
    CONSTRAINT provisioning_group_profile_group_fk FOREIGN KEY (group_id) REFERENCES access_group (id) ON DELETE CASCADE
);
CREATE INDEX provisioning_group_profile_external_ix ON provisioning_group_profile (external_id);
