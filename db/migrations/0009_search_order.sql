-- Search entries in each kind's order (issue 7 §8): an FTS rowid becomes code << 59 | bucket << 27 | id,
-- the bucket following the record's order key (db/search/text.ts), so `MATCH … ORDER BY rowid` reads
-- matches in the list's order. search_entries maps a record (code * 1e12 + id, the old rowid) to its rowid.
-- rapport_search_rowid is registered by the migration runner (db/search/order.ts).
CREATE TABLE `search_entries` (`entry` INTEGER PRIMARY KEY, `at` INTEGER NOT NULL);
--> statement-breakpoint
INSERT INTO `search_entries` (`entry`, `at`)
SELECT t.id, rapport_search_rowid(1, c.sort_name, c.id) FROM search_trigram_content t JOIN contacts c ON c.id = t.id - 1000000000000
WHERE t.id > 1000000000000 AND t.id < 2000000000000;
--> statement-breakpoint
INSERT INTO `search_entries` (`entry`, `at`)
SELECT t.id, rapport_search_rowid(2, co.sort_name, co.id) FROM search_trigram_content t JOIN companies co ON co.id = t.id - 2000000000000
WHERE t.id > 2000000000000 AND t.id < 3000000000000;
--> statement-breakpoint
INSERT INTO `search_entries` (`entry`, `at`)
SELECT t.id, rapport_search_rowid(3, n.created_at, n.id) FROM search_trigram_content t JOIN notes n ON n.id = t.id - 3000000000000
WHERE t.id > 3000000000000 AND t.id < 4000000000000;
--> statement-breakpoint
INSERT INTO `search_entries` (`entry`, `at`)
SELECT t.id, rapport_search_rowid(4, d.sort_title, d.id) FROM search_trigram_content t JOIN deals d ON d.id = t.id - 4000000000000
WHERE t.id > 4000000000000 AND t.id < 5000000000000;
--> statement-breakpoint
CREATE TABLE `search_rebuild` AS
SELECT e.at AS at, t.c0 AS text, g.c0 AS grams FROM search_entries e JOIN search_trigram_content t ON t.id = e.entry LEFT JOIN search_grams_content g ON g.id = e.entry;
--> statement-breakpoint
DROP TABLE `search_trigram`;
--> statement-breakpoint
DROP TABLE `search_grams`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_trigram` USING fts5(`text`, tokenize = 'trigram remove_diacritics 1');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_grams` USING fts5(`grams`, tokenize = 'unicode61 remove_diacritics 2', detail = none);
--> statement-breakpoint
INSERT INTO search_trigram (rowid, text) SELECT at, text FROM search_rebuild ORDER BY at;
--> statement-breakpoint
INSERT INTO search_grams (rowid, grams) SELECT at, grams FROM search_rebuild WHERE grams IS NOT NULL ORDER BY at;
--> statement-breakpoint
DROP TABLE `search_rebuild`;
