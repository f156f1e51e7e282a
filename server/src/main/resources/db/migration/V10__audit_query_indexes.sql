-- The audit log is read newest first, a page at a time, by keyset on (occurred_at, id) (audit.AuditQuery). Each
-- filter that narrows to few rows has an index ending in those columns, so a page of a busy table is one short
-- range scan. An action prefix (user.*) and the outcome filter walk the time index instead: most events match them.
CREATE INDEX audit_event_actor_ix ON audit_event (actor_id, occurred_at, id);
CREATE INDEX audit_event_actor_name_ix ON audit_event (actor_username, occurred_at, id);
CREATE INDEX audit_event_action_ix ON audit_event (action, occurred_at, id);
CREATE INDEX audit_event_target_id_ix ON audit_event (target_id, occurred_at, id);
DROP INDEX audit_event_target_ix;
