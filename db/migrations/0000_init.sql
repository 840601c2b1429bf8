CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`user_id` integer,
	`action` text NOT NULL,
	`table_name` text NOT NULL,
	`row_id` integer NOT NULL,
	`changes` text NOT NULL,
	CONSTRAINT "audit_log_action_check" CHECK("audit_log"."action" in ('create','update','delete','restore','purge'))
);
--> statement-breakpoint
CREATE INDEX `audit_log_row_idx` ON `audit_log` (`table_name`,`row_id`,`id`);--> statement-breakpoint
CREATE TABLE `changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`table_name` text NOT NULL,
	`row_id` integer NOT NULL,
	`op` text NOT NULL,
	`client_id` text NOT NULL,
	CONSTRAINT "changes_op_check" CHECK("changes"."op" in ('insert','update','delete','restore','purge'))
);
--> statement-breakpoint
CREATE TABLE `presence` (
	`client_id` text PRIMARY KEY NOT NULL,
	`host` text NOT NULL,
	`os_user` text NOT NULL,
	`pid` integer NOT NULL,
	`user_id` integer,
	`started_at` integer NOT NULL,
	`heartbeat_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`pin_hash` text,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`deleted_at` integer,
	CONSTRAINT "users_role_check" CHECK("users"."role" in ('owner','manager','staff','read_only'))
);
--> statement-breakpoint
CREATE TABLE `companies` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`sort_name` text NOT NULL,
	`industry` text,
	`website` text,
	`email` text,
	`phone` text,
	`street` text,
	`city` text,
	`region` text,
	`postal_code` text,
	`country` text,
	`owner_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`deleted_at` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `companies_sort_name_idx` ON `companies` (`deleted_at`,`sort_name`,`id`);--> statement-breakpoint
CREATE INDEX `companies_updated_idx` ON `companies` (`deleted_at`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `companies_created_idx` ON `companies` (`deleted_at`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `companies_owner_idx` ON `companies` (`owner_id`);--> statement-breakpoint
CREATE TABLE `company_tags` (
	`company_id` integer NOT NULL,
	`tag_id` integer NOT NULL,
	PRIMARY KEY(`company_id`, `tag_id`),
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `company_tags_tag_idx` ON `company_tags` (`tag_id`,`company_id`);--> statement-breakpoint
CREATE TABLE `contact_channels` (
	`id` integer PRIMARY KEY NOT NULL,
	`contact_id` integer NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`value` text NOT NULL,
	`normalized` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "contact_channels_kind_check" CHECK("contact_channels"."kind" in ('email','phone')),
	CONSTRAINT "contact_channels_label_check" CHECK("contact_channels"."label" in ('work','home','mobile','other'))
);
--> statement-breakpoint
CREATE INDEX `contact_channels_contact_idx` ON `contact_channels` (`contact_id`,`kind`,`position`);--> statement-breakpoint
CREATE INDEX `contact_channels_lookup_idx` ON `contact_channels` (`kind`,`normalized`);--> statement-breakpoint
CREATE TABLE `contact_tags` (
	`contact_id` integer NOT NULL,
	`tag_id` integer NOT NULL,
	PRIMARY KEY(`contact_id`, `tag_id`),
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contact_tags_tag_idx` ON `contact_tags` (`tag_id`,`contact_id`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`sort_name` text NOT NULL,
	`job_title` text,
	`company_id` integer,
	`street` text,
	`city` text,
	`region` text,
	`postal_code` text,
	`country` text,
	`birthday` text,
	`source` text,
	`lifecycle` text DEFAULT 'lead' NOT NULL,
	`owner_id` integer,
	`vip` integer DEFAULT false NOT NULL,
	`credit_rating` text,
	`dnc_email` integer DEFAULT false NOT NULL,
	`dnc_phone` integer DEFAULT false NOT NULL,
	`dnc_sms` integer DEFAULT false NOT NULL,
	`dnc_mail` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`deleted_at` integer,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "contacts_lifecycle_check" CHECK("contacts"."lifecycle" in ('lead','prospect','customer','inactive')),
	CONSTRAINT "contacts_source_check" CHECK("contacts"."source" is null or "contacts"."source" in ('walk_in','referral','web','phone','campaign','event','social','other')),
	CONSTRAINT "contacts_credit_check" CHECK("contacts"."credit_rating" is null or "contacts"."credit_rating" in ('A','B','C','D'))
);
--> statement-breakpoint
CREATE INDEX `contacts_sort_name_idx` ON `contacts` (`deleted_at`,`sort_name`,`id`);--> statement-breakpoint
CREATE INDEX `contacts_updated_idx` ON `contacts` (`deleted_at`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `contacts_created_idx` ON `contacts` (`deleted_at`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `contacts_lifecycle_idx` ON `contacts` (`deleted_at`,`lifecycle`,`sort_name`,`id`);--> statement-breakpoint
CREATE INDEX `contacts_company_idx` ON `contacts` (`company_id`,`sort_name`);--> statement-breakpoint
CREATE INDEX `contacts_owner_idx` ON `contacts` (`owner_id`,`sort_name`);--> statement-breakpoint
CREATE TABLE `notes` (
	`id` integer PRIMARY KEY NOT NULL,
	`contact_id` integer,
	`company_id` integer,
	`body` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`deleted_at` integer,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "notes_target_check" CHECK("notes"."contact_id" is not null or "notes"."company_id" is not null)
);
--> statement-breakpoint
CREATE INDEX `notes_contact_idx` ON `notes` (`contact_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `notes_company_idx` ON `notes` (`company_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `tags` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`color` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tags_name_idx` ON `tags` (lower("name"));