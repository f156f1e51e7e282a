-- The users list's search matches anywhere in the username, the email (domain included), the first and last name
-- and the full name ("ada lovelace"). One column holds them all, normalized, one per line, so that a query is a
-- single LIKE '%text%' and a typed "ada lovelace" finds first and last name together. The database keeps it in step
-- with the columns it is made of (a generated column): no write path can forget it, the bulk loader included.
ALTER TABLE users_account ADD COLUMN search_text VARCHAR(530) GENERATED ALWAYS AS (
    username_normalized || CHR(10) || email_normalized || CHR(10)
    || COALESCE(first_name_normalized, '') || ' ' || COALESCE(last_name_normalized, '')) ${generated_stored};

-- PostgreSQL answers LIKE '%text%' from a trigram index (queries of three characters or more); H2, whose
-- directories are small, scans. The extension is trusted: the database's owner may create it.
${postgres_only} CREATE EXTENSION IF NOT EXISTS pg_trgm;
${postgres_only} CREATE INDEX users_account_search_trgm_ix ON users_account USING gin (search_text gin_trgm_ops);
