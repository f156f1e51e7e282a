-- One change table for every per-node cache, in place of the access epoch (V2, V8), the allowlist epoch (V5) and
-- the settings version (V12). A write bumps its area in the transaction of the change; every node reads the sums
-- once a poll and drops what it cached of an area whose sum moved. An area whose writes can be many at once has
-- several slots (a change bumps one, the area's version is their sum) so that they seldom wait for each other's
-- commit; an area with one slot also serialises its writers, which the allowlist and the settings rely on.
CREATE TABLE cache_change (
    area    VARCHAR(32) NOT NULL,
    slot    INTEGER     NOT NULL,
    version BIGINT      NOT NULL,
    CONSTRAINT cache_change_pk PRIMARY KEY (area, slot)
);

INSERT INTO cache_change (area, slot, version) VALUES
    ('access', 1, 0),
    ('access', 2, 0),
    ('access', 3, 0),
    ('access', 4, 0),
    ('access', 5, 0),
    ('access', 6, 0),
    ('access', 7, 0),
    ('access', 8, 0),
    ('access', 9, 0),
    ('access', 10, 0),
    ('access', 11, 0),
    ('access', 12, 0),
    ('access', 13, 0),
    ('access', 14, 0),
    ('access', 15, 0),
    ('access', 16, 0),
    ('access', 17, 0),
    ('access', 18, 0),
    ('access', 19, 0),
    ('access', 20, 0),
    ('access', 21, 0),
    ('access', 22, 0),
    ('access', 23, 0),
    ('access', 24, 0),
    ('access', 25, 0),
    ('access', 26, 0),
    ('access', 27, 0),
    ('access', 28, 0),
    ('access', 29, 0),
    ('access', 30, 0),
    ('access', 31, 0),
    ('access', 32, 0),
    ('access', 33, 0),
    ('access', 34, 0),
    ('access', 35, 0),
    ('access', 36, 0),
    ('access', 37, 0),
    ('access', 38, 0),
    ('access', 39, 0),
    ('access', 40, 0),
    ('access', 41, 0),
    ('access', 42, 0),
    ('access', 43, 0),
    ('access', 44, 0),
    ('access', 45, 0),
    ('access', 46, 0),
    ('access', 47, 0),
    ('access', 48, 0),
    ('access', 49, 0),
    ('access', 50, 0),
    ('access', 51, 0),
    ('access', 52, 0),
    ('access', 53, 0),
    ('access', 54, 0),
    ('access', 55, 0),
    ('access', 56, 0),
    ('access', 57, 0),
    ('access', 58, 0),
    ('access', 59, 0),
    ('access', 60, 0),
    ('access', 61, 0),
    ('access', 62, 0),
    ('access', 63, 0),
    ('access', 64, 0);

INSERT INTO cache_change (area, slot, version) VALUES
    ('users', 1, 0),
    ('users', 2, 0),
    ('users', 3, 0),
    ('users', 4, 0),
    ('users', 5, 0),
    ('users', 6, 0),
    ('users', 7, 0),
    ('users', 8, 0),
    ('users', 9, 0),
    ('users', 10, 0),
    ('users', 11, 0),
    ('users', 12, 0),
    ('users', 13, 0),
    ('users', 14, 0),
    ('users', 15, 0),
    ('users', 16, 0);

INSERT INTO cache_change (area, slot, version) VALUES
    ('allowlist', 1, 0),
    ('tokens', 1, 0);

-- the settings' version is their ETag: it carries on from where it was, so a client's If-Match stays good
INSERT INTO cache_change (area, slot, version) SELECT 'settings', 1, version FROM settings_version WHERE id = 1;

DROP TABLE access_epoch;
DROP TABLE allowlist_epoch;
DROP TABLE settings_version;
