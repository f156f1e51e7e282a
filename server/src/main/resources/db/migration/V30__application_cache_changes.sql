-- The change-table area for the per-node cache of applications (OAuth clients), see cache/ChangeArea.
INSERT INTO cache_change (area, slot, version) VALUES ('applications', 1, 0);
