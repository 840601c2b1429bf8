CREATE INDEX `notes_trash_idx` ON `notes` (`deleted_at`) WHERE "notes"."deleted_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `activities_trash_idx` ON `activities` (`deleted_at`) WHERE "activities"."deleted_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `tasks_assignee_open_idx` ON `tasks` (`assignee_id`,`completed_at`,`deleted_at`,`due_at`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_trash_idx` ON `tasks` (`deleted_at`) WHERE "tasks"."deleted_at" IS NOT NULL;