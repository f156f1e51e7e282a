-- The users list's text search sorted by username lists the usernames starting with the text first, then every
-- other match newest first (see UserSearchStore). That second part first looks for its page among the next users in
-- that order: an order the names do not cluster in, so a common text fills a page within a few hundred users
-- wherever its matches sit in username order. On PostgreSQL this index holds everything that step reads, so it
-- never visits the table for the users it skips. H2 scans, as for the search itself.
${postgres_only} CREATE INDEX IF NOT EXISTS users_account_created_search_ix ON users_account (created_at DESC, id DESC)
${postgres_only}     INCLUDE (search_text, status, last_login_at);
