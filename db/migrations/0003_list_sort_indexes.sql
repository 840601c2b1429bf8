CREATE INDEX `contacts_lifecycle_rank_idx` ON `contacts` (`deleted_at`,(CASE lifecycle WHEN 'lead' THEN 0 WHEN 'prospect' THEN 1 WHEN 'customer' THEN 2 WHEN 'inactive' THEN 3 ELSE 4 END),`sort_name`,`id`);--> statement-breakpoint
CREATE INDEX `orders_number_sort_idx` ON `orders` (`deleted_at`,`number`,`id`);--> statement-breakpoint
CREATE INDEX `orders_total_idx` ON `orders` (`deleted_at`,`total_minor`,`id`);--> statement-breakpoint
CREATE INDEX `orders_status_rank_idx` ON `orders` (`deleted_at`,(CASE status WHEN 'draft' THEN 0 WHEN 'sent' THEN 1 WHEN 'accepted' THEN 2 WHEN 'declined' THEN 3 WHEN 'converted' THEN 4 WHEN 'placed' THEN 5 WHEN 'paid' THEN 6 WHEN 'shipped' THEN 7 WHEN 'delivered' THEN 8 WHEN 'returned' THEN 9 WHEN 'cancelled' THEN 10 ELSE 11 END),`id`);--> statement-breakpoint
CREATE INDEX `products_sku_sort_idx` ON `products` (`deleted_at`,lower("sku"),`id`);--> statement-breakpoint
CREATE INDEX `products_price_idx` ON `products` (`deleted_at`,`unit_price_minor`,`id`);