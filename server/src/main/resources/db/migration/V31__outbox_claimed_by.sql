-- Which node holds a mail it claimed (SENDING): a node that starts again gives back the claims it held before it
-- died, so those mails go out at its first poll instead of after their lease.
ALTER TABLE mail_outbox ADD COLUMN claimed_by VARCHAR(255);
