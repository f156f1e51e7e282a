-- Instance settings a System Administrator changes at runtime (GET/PATCH /api/v1/settings, the console's Settings
-- page). Only values changed from their configured default are kept: a setting without a row takes its default from
-- the configuration (application.yml, environment), so the configuration keeps working until someone changes it.
CREATE TABLE settings_value (
    name          VARCHAR(64)  PRIMARY KEY,
    setting_value VARCHAR(200) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    UUID
);

-- One row, bumped by every change: the ETag of the settings, and what every node polls to know it must read them again.
CREATE TABLE settings_version (
    id      INT    PRIMARY KEY,
    version BIGINT NOT NULL
);

INSERT INTO settings_version (id, version) VALUES (1, 0);
