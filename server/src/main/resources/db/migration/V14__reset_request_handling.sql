-- A password-reset request is answered before its link is made and mailed, so that a known address takes no longer
-- than an unknown one; handled_at marks the requests whose link is made (or that need none). One left unhandled by
-- a node that stopped is found by any node's sweep.
ALTER TABLE users_reset_request ADD COLUMN handled_at TIMESTAMP WITH TIME ZONE;
UPDATE users_reset_request SET handled_at = requested_at;
CREATE INDEX users_reset_request_unhandled_ix ON users_reset_request (handled_at, requested_at);
