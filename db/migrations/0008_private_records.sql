ALTER TABLE `companies` ADD `private` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `companies_private_idx` ON `companies` (`owner_id`) WHERE "companies"."private" = 1;--> statement-breakpoint
ALTER TABLE `contacts` ADD `private` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `contacts_private_idx` ON `contacts` (`owner_id`) WHERE "contacts"."private" = 1;--> statement-breakpoint
ALTER TABLE `deals` ADD `private` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `deals_private_idx` ON `deals` (`owner_id`) WHERE "deals"."private" = 1;