-- The access model: resources, the permission catalog, roles, groups with permission profiles, bindings,
-- restriction scopes and token scopes.

CREATE TABLE access_resource_type (
    name        VARCHAR(64)  PRIMARY KEY,
    description VARCHAR(255),
    built_in    BOOLEAN      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO access_resource_type (name, description, built_in, created_at) VALUES
    ('instance', 'The Gatehouse instance: the root of every resource', TRUE, CURRENT_TIMESTAMP),
    ('workspace', 'A workspace (organization, tenant) of the platform', TRUE, CURRENT_TIMESTAMP),
    ('project', 'A project inside a workspace', TRUE, CURRENT_TIMESTAMP),
    ('environment', 'An environment of a project', TRUE, CURRENT_TIMESTAMP);

CREATE TABLE access_resource (
    id          UUID PRIMARY KEY,
    type        VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    parent_id   UUID,
    owner_id    UUID,
    external_id VARCHAR(255),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT NOT NULL,
    CONSTRAINT access_resource_type_fk FOREIGN KEY (type) REFERENCES access_resource_type (name),
    CONSTRAINT access_resource_parent_fk FOREIGN KEY (parent_id) REFERENCES access_resource (id)
);
CREATE INDEX access_resource_parent_ix ON access_resource (parent_id);
CREATE INDEX access_resource_owner_ix ON access_resource (owner_id);
INSERT INTO access_resource (id, type, name, parent_id, owner_id, external_id, created_at, updated_at, version)
VALUES ('00000000-0000-0000-0000-000000000001', 'instance', 'Instance', NULL, NULL, NULL, CURRENT_TIMESTAMP,
        CURRENT_TIMESTAMP, 1);

-- The permission catalog: areas and the actions each declares.
CREATE TABLE access_area (
    name           VARCHAR(64) PRIMARY KEY,
    description    VARCHAR(255),
    administrative BOOLEAN NOT NULL,
    built_in       BOOLEAN NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE access_area_action (
    area   VARCHAR(64) NOT NULL,
    action VARCHAR(64) NOT NULL,
    CONSTRAINT access_area_action_pk PRIMARY KEY (area, action),
    CONSTRAINT access_area_action_area_fk FOREIGN KEY (area) REFERENCES access_area (name) ON DELETE CASCADE
);
INSERT INTO access_area (name, description, administrative, built_in, created_at) VALUES
    ('users', 'User accounts', TRUE, TRUE, CURRENT_TIMESTAMP),
    ('groups', 'Groups, their members and permission profiles', TRUE, TRUE, CURRENT_TIMESTAMP),
    ('roles', 'Roles and role bindings', TRUE, TRUE, CURRENT_TIMESTAMP),
    ('tokens', 'Personal access tokens of other users', TRUE, TRUE, CURRENT_TIMESTAMP),
    ('audit', 'The audit log', TRUE, TRUE, CURRENT_TIMESTAMP),
    ('settings', 'Instance settings', TRUE, TRUE, CURRENT_TIMESTAMP),
    ('resources', 'The resource tree and resource types', FALSE, TRUE, CURRENT_TIMESTAMP),
    ('workspaces', 'Workspaces', FALSE, TRUE, CURRENT_TIMESTAMP),
    ('projects', 'Projects', FALSE, TRUE, CURRENT_TIMESTAMP),
    ('environments', 'Environments', FALSE, TRUE, CURRENT_TIMESTAMP);
INSERT INTO access_area_action (area, action)
SELECT a.name, c.action FROM access_area a
CROSS JOIN (SELECT 'create' AS action UNION ALL SELECT 'read' UNION ALL SELECT 'update' UNION ALL SELECT 'delete') c;

CREATE TABLE access_role (
    id              UUID PRIMARY KEY,
    name            VARCHAR(100) NOT NULL,
    name_normalized VARCHAR(100) NOT NULL,
    description     VARCHAR(255),
    built_in        BOOLEAN NOT NULL,
    -- NULL: usable anywhere; otherwise the workspace that defines the role and is the only place it applies
    defined_at      UUID,
    -- defined_at, or 'instance': a NOT NULL key, so that role names are unique per scope on every database
    scope_key       VARCHAR(36) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT NOT NULL,
    CONSTRAINT access_role_name_uq UNIQUE (scope_key, name_normalized),
    CONSTRAINT access_role_defined_at_fk FOREIGN KEY (defined_at) REFERENCES access_resource (id)
);
INSERT INTO access_role (id, name, name_normalized, description, built_in, defined_at, scope_key, created_at, updated_at, version) VALUES
    ('00000000-0000-0000-0000-0000000000a1', 'System Administrator', 'system administrator', 'Everything, everywhere', TRUE, NULL, 'instance', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1),
    ('00000000-0000-0000-0000-0000000000a2', 'Admin', 'admin', 'Every permission where it is bound', TRUE, NULL, 'instance', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1),
    ('00000000-0000-0000-0000-0000000000a3', 'Editor', 'editor', 'Create, read, update and delete, except administration', TRUE, NULL, 'instance', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1),
    ('00000000-0000-0000-0000-0000000000a4', 'Viewer', 'viewer', 'Read, except administration', TRUE, NULL, 'instance', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1),
    ('00000000-0000-0000-0000-0000000000a5', 'No Access', 'no access', 'Nothing: hides what it is bound to', TRUE, NULL, 'instance', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1);
CREATE TABLE access_role_permission (
    role_id    UUID NOT NULL,
    permission VARCHAR(130) NOT NULL,
    CONSTRAINT access_role_permission_pk PRIMARY KEY (role_id, permission),
    CONSTRAINT access_role_permission_role_fk FOREIGN KEY (role_id) REFERENCES access_role (id) ON DELETE CASCADE
);

CREATE TABLE access_group (
    id              UUID PRIMARY KEY,
    name            VARCHAR(100) NOT NULL,
    name_normalized VARCHAR(100) NOT NULL,
    description     VARCHAR(255),
    -- the group's permission profile: NULL when the group has none; else the global actions, comma separated
    profile_actions VARCHAR(255),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT NOT NULL,
    CONSTRAINT access_group_name_uq UNIQUE (name_normalized)
);
-- granular profile entries; when a group has any, its global actions do not apply
CREATE TABLE access_group_grant (
    group_id UUID NOT NULL,
    area     VARCHAR(64) NOT NULL,
    actions  VARCHAR(255) NOT NULL,
    CONSTRAINT access_group_grant_pk PRIMARY KEY (group_id, area),
    CONSTRAINT access_group_grant_group_fk FOREIGN KEY (group_id) REFERENCES access_group (id) ON DELETE CASCADE
);
CREATE TABLE access_group_member (
    group_id UUID NOT NULL,
    user_id  UUID NOT NULL,
    added_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT access_group_member_pk PRIMARY KEY (group_id, user_id),
    CONSTRAINT access_group_member_group_fk FOREIGN KEY (group_id) REFERENCES access_group (id) ON DELETE CASCADE
);
CREATE INDEX access_group_member_user_ix ON access_group_member (user_id);

CREATE TABLE access_binding (
    id             UUID PRIMARY KEY,
    principal_type VARCHAR(8)  NOT NULL,
    principal_id   UUID        NOT NULL,
    role_id        UUID        NOT NULL,
    resource_id    UUID        NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT access_binding_uq UNIQUE (principal_type, principal_id, role_id, resource_id),
    CONSTRAINT access_binding_role_fk FOREIGN KEY (role_id) REFERENCES access_role (id),
    CONSTRAINT access_binding_resource_fk FOREIGN KEY (resource_id) REFERENCES access_resource (id)
);
CREATE INDEX access_binding_principal_ix ON access_binding (principal_id);
CREATE INDEX access_binding_resource_ix ON access_binding (resource_id);
CREATE INDEX access_binding_role_ix ON access_binding (role_id);

-- System Administrators become bindings of the built-in role at the instance.
INSERT INTO access_binding (id, principal_type, principal_id, role_id, resource_id, created_at)
SELECT user_id, 'USER', user_id, '00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-000000000001', granted_at
FROM access_system_admin;
DROP TABLE access_system_admin;

-- The reseller restriction: the one subtree a user may ever reach.
CREATE TABLE access_restriction (
    user_id     UUID PRIMARY KEY,
    resource_id UUID NOT NULL,
    CONSTRAINT access_restriction_resource_fk FOREIGN KEY (resource_id) REFERENCES access_resource (id)
);

-- A token may be limited to some permissions (space separated patterns) and to one resource subtree.
ALTER TABLE tokens_personal ADD COLUMN scopes VARCHAR(4000);
ALTER TABLE tokens_personal ADD COLUMN scope_resource_id UUID;

-- Bumped by every change that can change a decision, so that every node drops its cached decisions.
CREATE TABLE access_epoch (
    id    INTEGER PRIMARY KEY,
    epoch BIGINT  NOT NULL
);
INSERT INTO access_epoch (id, epoch) VALUES (1, 1);
