CREATE INDEX `deals_closed_month_idx` ON `deals` (`stage_id`,`deleted_at`,`expected_close_date`);--> statement-breakpoint
CREATE INDEX `deals_amount_idx` ON `deals` (`deleted_at`,`amount_minor`,`id`);--> statement-breakpoint
CREATE INDEX `deals_expected_close_idx` ON `deals` (`deleted_at`,coalesce(`expected_close_date`, '9999-12-31'),`id`);