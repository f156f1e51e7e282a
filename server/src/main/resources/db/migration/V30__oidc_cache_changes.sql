-- The change-table areas of the OpenID Provider's per-node caches (see cache/ChangeArea): applications (OAuth
-- clients) and the authorizations found by their access tokens.
INSERT INTO cache_change (area, slot, version) VALUES ('applications', 1, 0);
INSERT INTO cache_change (area, slot, version) VALUES ('authorizations', 1, 0);
INSERT INTO cache_change (area, slot, version) VALUES ('authorizations', 2, 0);
INSERT INTO cache_change (area, slot, version) VALUES ('authorizations', 3, 0);
INSERT INTO cache_change (area, slot, version) VALUES ('authorizations', 4, 0);
