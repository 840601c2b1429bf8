-- Full-text search over people (DESIGN §5). Rowid encodes the record: kind * 1e12 + id.
-- Trigram handles substrings of three or more characters in any script;
-- the grams table holds every 1- and 2-character piece so short queries (张伟, "an") are indexed too.
CREATE VIRTUAL TABLE `search_trigram` USING fts5(`text`, tokenize = 'trigram remove_diacritics 1');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_grams` USING fts5(`grams`, tokenize = 'unicode61 remove_diacritics 2', detail = none);
