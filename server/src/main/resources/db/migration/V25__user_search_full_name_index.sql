-- The users list's search for a full name ("patricia pat") on PostgreSQL. Every trigram of such a text can lie in the
-- first name alone (a Patricia's username and email hold "pat" too), so the trigram index of V17 hands over every
-- Patricia to find the few whose last name starts with "pat": 18,000 rows read for 124 matches at a million users.
-- This column holds the full name without its spaces ("patriciapatel"): there the text, without its spaces too,
-- has trigrams that span the two names ("iap", "apa"), which only the matching users hold. A text with a space can
-- only be found in the full name (usernames and emails hold no spaces), so asking this column as well as
-- search_text loses no match; see UserSearchStore. H2 scans, as for the rest of the search.
ALTER TABLE users_account ADD COLUMN full_name_joined VARCHAR(200) GENERATED ALWAYS AS (
    REPLACE(COALESCE(first_name_normalized, '') || COALESCE(last_name_normalized, ''), ' ', '')) ${generated_stored};

${postgres_only} CREATE INDEX users_account_full_name_trgm_ix ON users_account USING gin (full_name_joined gin_trgm_ops);
