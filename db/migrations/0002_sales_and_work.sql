CREATE TABLE `deal_stage_history` (
	`id` integer PRIMARY KEY NOT NULL,
	`deal_id` integer NOT NULL,
	`stage_id` integer NOT NULL,
	`entered_at` integer NOT NULL,
	`left_at` integer,
	`user_id` integer,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`stage_id`) REFERENCES `stages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deal_stage_history_deal_idx` ON `deal_stage_history` (`deal_id`,`entered_at`);--> statement-breakpoint
CREATE TABLE `deals` (
	`id` integer PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`sort_title` text NOT NULL,
	`contact_id` integer,
	`company_id` integer,
	`amount_minor` integer DEFAULT 0 NOT NULL,
	`currency` text NOT NULL,
	`expected_close_date` text,
	`owner_id` integer,
	`source` text,
	`source_campaign_id` integer,
	`pipeline_id` integer NOT NULL,
	`stage_id` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`probability_override` integer,
	`lost_reason` text,
	`closed_at` integer,
	`description` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`deleted_at` integer,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pipeline_id`) REFERENCES `pipelines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stage_id`) REFERENCES `stages`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "deals_status_check" CHECK("deals"."status" in ('open','won','lost')),
	CONSTRAINT "deals_amount_check" CHECK("deals"."amount_minor" >= 0),
	CONSTRAINT "deals_probability_check" CHECK("deals"."probability_override" is null or "deals"."probability_override" between 0 and 100)
);
--> statement-breakpoint
CREATE INDEX `deals_board_idx` ON `deals` (`pipeline_id`,`deleted_at`,`stage_id`,`currency`,`amount_minor`,`probability_override`);--> statement-breakpoint
CREATE INDEX `deals_open_cards_idx` ON `deals` (`stage_id`,`deleted_at`,coalesce(`expected_close_date`, '9999-12-31'),`id`);--> statement-breakpoint
CREATE INDEX `deals_closed_cards_idx` ON `deals` (`stage_id`,`deleted_at`,`closed_at`,`id`);--> statement-breakpoint
CREATE INDEX `deals_close_idx` ON `deals` (`status`,`expected_close_date`);--> statement-breakpoint
CREATE INDEX `deals_closed_at_idx` ON `deals` (`status`,`closed_at`);--> statement-breakpoint
CREATE INDEX `deals_contact_idx` ON `deals` (`contact_id`);--> statement-breakpoint
CREATE INDEX `deals_company_idx` ON `deals` (`company_id`);--> statement-breakpoint
CREATE INDEX `deals_owner_idx` ON `deals` (`owner_id`);--> statement-breakpoint
CREATE INDEX `deals_updated_idx` ON `deals` (`deleted_at`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `deals_title_idx` ON `deals` (`deleted_at`,`sort_title`,`id`);--> statement-breakpoint
CREATE TABLE `order_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`order_id` integer NOT NULL,
	`status` text NOT NULL,
	`at` integer NOT NULL,
	`note` text,
	`user_id` integer,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `order_events_order_idx` ON `order_events` (`order_id`,`at`);--> statement-breakpoint
CREATE TABLE `order_lines` (
	`id` integer PRIMARY KEY NOT NULL,
	`order_id` integer NOT NULL,
	`position` integer NOT NULL,
	`product_id` integer,
	`description` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`discount_type` text DEFAULT 'none' NOT NULL,
	`discount_value` integer DEFAULT 0 NOT NULL,
	`gross_minor` integer NOT NULL,
	`discount_minor` integer NOT NULL,
	`total_minor` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "order_lines_discount_check" CHECK("order_lines"."discount_type" in ('none','percent','amount')),
	CONSTRAINT "order_lines_quantity_check" CHECK("order_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE INDEX `order_lines_order_idx` ON `order_lines` (`order_id`,`position`);--> statement-breakpoint
CREATE INDEX `order_lines_product_idx` ON `order_lines` (`product_id`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`number` text NOT NULL,
	`status` text NOT NULL,
	`contact_id` integer,
	`company_id` integer,
	`deal_id` integer,
	`currency` text NOT NULL,
	`subtotal_minor` integer NOT NULL,
	`discount_minor` integer NOT NULL,
	`total_minor` integer NOT NULL,
	`issued_at` integer NOT NULL,
	`note` text,
	`quote_id` integer,
	`converted_to_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`deleted_at` integer,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "orders_kind_check" CHECK("orders"."kind" in ('quote','order')),
	CONSTRAINT "orders_status_check" CHECK("orders"."status" in ('draft','sent','accepted','declined','converted','placed','paid','shipped','delivered','returned','cancelled')),
	CONSTRAINT "orders_totals_check" CHECK("orders"."total_minor" = "orders"."subtotal_minor" - "orders"."discount_minor" and "orders"."total_minor" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_number_idx` ON `orders` (`number`);--> statement-breakpoint
CREATE INDEX `orders_contact_idx` ON `orders` (`contact_id`,`issued_at`);--> statement-breakpoint
CREATE INDEX `orders_company_idx` ON `orders` (`company_id`,`issued_at`);--> statement-breakpoint
CREATE INDEX `orders_deal_idx` ON `orders` (`deal_id`);--> statement-breakpoint
CREATE INDEX `orders_issued_idx` ON `orders` (`deleted_at`,`issued_at`,`id`);--> statement-breakpoint
CREATE TABLE `pipelines` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE TABLE `products` (
	`id` integer PRIMARY KEY NOT NULL,
	`sku` text NOT NULL,
	`name` text NOT NULL,
	`sort_name` text NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`cost_minor` integer,
	`currency` text NOT NULL,
	`category` text,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_sku_idx` ON `products` (lower("sku"));--> statement-breakpoint
CREATE INDEX `products_name_idx` ON `products` (`deleted_at`,`sort_name`,`id`);--> statement-breakpoint
CREATE TABLE `stages` (
	`id` integer PRIMARY KEY NOT NULL,
	`pipeline_id` integer NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	`probability` integer NOT NULL,
	`kind` text DEFAULT 'open' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`deleted_at` integer,
	FOREIGN KEY (`pipeline_id`) REFERENCES `pipelines`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stages_kind_check" CHECK("stages"."kind" in ('open','won','lost')),
	CONSTRAINT "stages_probability_check" CHECK("stages"."probability" between 0 and 100)
);
--> statement-breakpoint
CREATE INDEX `stages_pipeline_idx` ON `stages` (`pipeline_id`,`position`);--> statement-breakpoint
CREATE TABLE `activities` (
	`id` integer PRIMARY KEY NOT NULL,
	`channel` text NOT NULL,
	`direction` text,
	`subject` text NOT NULL,
	`body` text,
	`outcome` text,
	`duration_minutes` integer,
	`occurred_at` integer NOT NULL,
	`contact_id` integer,
	`company_id` integer,
	`deal_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`deleted_at` integer,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "activities_channel_check" CHECK("activities"."channel" in ('call','email','sms','meeting','visit','fax','web','note')),
	CONSTRAINT "activities_direction_check" CHECK("activities"."direction" is null or "activities"."direction" in ('inbound','outbound')),
	CONSTRAINT "activities_link_check" CHECK("activities"."contact_id" is not null or "activities"."company_id" is not null or "activities"."deal_id" is not null)
);
--> statement-breakpoint
CREATE INDEX `activities_contact_idx` ON `activities` (`contact_id`,`occurred_at`,`id`);--> statement-breakpoint
CREATE INDEX `activities_company_idx` ON `activities` (`company_id`,`occurred_at`,`id`);--> statement-breakpoint
CREATE INDEX `activities_deal_idx` ON `activities` (`deal_id`,`occurred_at`,`id`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`notes` text,
	`due_at` integer,
	`remind_at` integer,
	`reminded_at` integer,
	`assignee_id` integer,
	`priority` text DEFAULT 'normal' NOT NULL,
	`recurrence_every` integer,
	`recurrence_unit` text,
	`completed_at` integer,
	`previous_id` integer,
	`contact_id` integer,
	`company_id` integer,
	`deal_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`deleted_at` integer,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "tasks_priority_check" CHECK("tasks"."priority" in ('low','normal','high','urgent')),
	CONSTRAINT "tasks_recurrence_check" CHECK("tasks"."recurrence_unit" is null or "tasks"."recurrence_unit" in ('day','week','month'))
);
--> statement-breakpoint
CREATE INDEX `tasks_open_due_idx` ON `tasks` (`completed_at`,`deleted_at`,`due_at`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_reminder_idx` ON `tasks` (`reminded_at`,`remind_at`);--> statement-breakpoint
CREATE INDEX `tasks_contact_idx` ON `tasks` (`contact_id`);--> statement-breakpoint
CREATE INDEX `tasks_company_idx` ON `tasks` (`company_id`);--> statement-breakpoint
CREATE INDEX `tasks_deal_idx` ON `tasks` (`deal_id`);