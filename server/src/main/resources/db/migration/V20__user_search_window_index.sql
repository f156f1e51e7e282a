-- The users list's search, sorted by username, first looks for its page among the next users in username order.
-- On PostgreSQL this index holds everything that step reads, so it never visits the table for the users it skips:
-- a window of 20,000 users is read in a few milliseconds at a million users. H2 scans, as for the search itself.
${postgres_only} CREATE INDEX users_account_username_search_ix ON users_account (username_normalized, id)
${postgres_only}     INCLUDE (search_text, status, last_login_at, created_at);
