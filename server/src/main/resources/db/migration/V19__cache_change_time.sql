-- When each slot of the change table last moved (a node's clock, written by the change): a node that notices the
-- change measures how long that took, the cross-node invalidation lag it reports in its metrics.
ALTER TABLE cache_change ADD COLUMN changed_at TIMESTAMP WITH TIME ZONE;
