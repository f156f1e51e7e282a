-- The password preset "seed" is now called "complexity" (8-60 characters with upper, lower, digit and special),
-- after its rule. A value changed at runtime is stored as its code: rewrite the former one, so the database holds
-- only codes Gatehouse writes. Gatehouse still reads "seed", which a node not yet upgraded may write after this.
UPDATE settings_value SET setting_value = 'complexity'
 WHERE name = 'passwordPreset' AND LOWER(TRIM(setting_value)) = 'seed';
