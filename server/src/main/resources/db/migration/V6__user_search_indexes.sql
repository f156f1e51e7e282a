-- The users list's prefix search reads each column in username order (users.PrefixSearch): the name and email
-- indexes carry the username and id, so a page is read from the index alone. They replace the single-column name
-- indexes, which they cover.
CREATE INDEX users_account_email_search_ix ON users_account (email_normalized, username_normalized, id);
CREATE INDEX users_account_first_name_search_ix ON users_account (first_name_normalized, username_normalized, id);
CREATE INDEX users_account_last_name_search_ix ON users_account (last_name_normalized, username_normalized, id);
DROP INDEX users_account_first_name_ix;
DROP INDEX users_account_last_name_ix;
