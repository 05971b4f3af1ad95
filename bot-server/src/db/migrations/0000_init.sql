CREATE TABLE `admin_unit_moves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`from_parent_id` integer,
	`to_parent_id` integer,
	`reason` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `admin_units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`parent_id` integer,
	`level` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`search_name` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `admin_units_code_uq` ON `admin_units` (`code`);--> statement-breakpoint
CREATE INDEX `admin_units_parent_idx` ON `admin_units` (`parent_id`);--> statement-breakpoint
CREATE TABLE `announcements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commune_id` integer NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`village_ids` text,
	`author_person_id` integer,
	`published_at` integer NOT NULL,
	FOREIGN KEY (`commune_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `announcements_commune_idx` ON `announcements` (`commune_id`,`published_at`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`category` text NOT NULL,
	`name` text NOT NULL,
	`title` text,
	`phone` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contacts_unit_idx` ON `contacts` (`unit_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `conversations` (
	`follower_id` text PRIMARY KEY NOT NULL,
	`person_id` integer NOT NULL,
	`state` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`title` text NOT NULL,
	`number` text NOT NULL,
	`issued_date` text NOT NULL,
	`issuer` text NOT NULL,
	`url` text,
	`summary` text,
	`published_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `documents_unit_idx` ON `documents` (`unit_id`,`published_at`);--> statement-breakpoint
CREATE TABLE `faq_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commune_id` integer,
	`question` text NOT NULL,
	`answer` text NOT NULL,
	`keywords` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`commune_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `faq_commune_idx` ON `faq_entries` (`commune_id`,`active`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`title` text NOT NULL,
	`employer` text NOT NULL,
	`description` text NOT NULL,
	`contact` text NOT NULL,
	`is_training` integer DEFAULT false NOT NULL,
	`published_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `jobs_unit_idx` ON `jobs` (`unit_id`,`expires_at`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`is_leader` integer DEFAULT false NOT NULL,
	`civic_role` text DEFAULT 'other' NOT NULL,
	`active_from` integer NOT NULL,
	`active_to` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `memberships_team_idx` ON `memberships` (`team_id`,`active_to`);--> statement-breakpoint
CREATE INDEX `memberships_person_idx` ON `memberships` (`person_id`);--> statement-breakpoint
CREATE TABLE `news` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`image_url` text,
	`is_event` integer DEFAULT false NOT NULL,
	`event_at` integer,
	`pinned` integer DEFAULT false NOT NULL,
	`author_person_id` integer,
	`published_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `news_unit_idx` ON `news` (`unit_id`,`pinned`,`published_at`);--> statement-breakpoint
CREATE TABLE `oa_tokens` (
	`id` integer PRIMARY KEY NOT NULL,
	`access_token` text NOT NULL,
	`refresh_token` text NOT NULL,
	`expires_at` integer NOT NULL,
	`refreshing_until` integer,
	`last_refresh_error` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idempotency_key` text NOT NULL,
	`recipient_follower_id` text NOT NULL,
	`person_id` integer,
	`purpose` text NOT NULL,
	`request_id` integer,
	`announcement_id` integer,
	`message` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`error_code` integer,
	`zalo_message_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`announcement_id`) REFERENCES `announcements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_idempotency_uq` ON `outbox_messages` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox_messages` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_announcement_idx` ON `outbox_messages` (`announcement_id`,`status`);--> statement-breakpoint
CREATE INDEX `outbox_request_idx` ON `outbox_messages` (`request_id`);--> statement-breakpoint
CREATE INDEX `outbox_person_idx` ON `outbox_messages` (`person_id`,`status`);--> statement-breakpoint
CREATE TABLE `persons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`zalo_app_user_id` text,
	`oa_follower_id` text,
	`display_name` text NOT NULL,
	`avatar_url` text,
	`photo_consent` integer DEFAULT false NOT NULL,
	`phone` text,
	`phone_consent_at` integer,
	`home_village_id` integer,
	`oa_following` integer DEFAULT false NOT NULL,
	`oa_last_interaction_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`home_village_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `persons_zalo_app_user_id_uq` ON `persons` (`zalo_app_user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `persons_oa_follower_id_uq` ON `persons` (`oa_follower_id`);--> statement-breakpoint
CREATE TABLE `photos` (
	`id` text PRIMARY KEY NOT NULL,
	`uploader_person_id` integer NOT NULL,
	`file_name` text,
	`source_url` text,
	`mime_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`uploader_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `places` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`category` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`address` text,
	`phone` text,
	FOREIGN KEY (`unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `places_unit_idx` ON `places` (`unit_id`,`category`);--> statement-breakpoint
CREATE TABLE `procedures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer,
	`field` text NOT NULL,
	`name` text NOT NULL,
	`what_to_bring` text NOT NULL,
	`fee` text,
	`processing_time` text,
	`national_portal_url` text NOT NULL,
	`provincial_portal_url` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `request_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`actor_person_id` integer,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`detail` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_events_request_idx` ON `request_events` (`request_id`,`id`);--> statement-breakpoint
CREATE TABLE `request_photos` (
	`request_id` integer NOT NULL,
	`photo_id` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`photo_id`) REFERENCES `photos`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `request_photos_uq` ON `request_photos` (`request_id`,`photo_id`);--> statement-breakpoint
CREATE INDEX `request_photos_photo_idx` ON `request_photos` (`photo_id`);--> statement-breakpoint
CREATE TABLE `requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`category` text NOT NULL,
	`text` text NOT NULL,
	`meeting_mode` text,
	`latitude` real,
	`longitude` real,
	`place_text` text,
	`village_id` integer NOT NULL,
	`commune_id` integer NOT NULL,
	`team_id` integer,
	`routed_to` text NOT NULL,
	`requester_person_id` integer,
	`filed_by_person_id` integer NOT NULL,
	`on_behalf_name` text,
	`on_behalf_relationship` text,
	`on_behalf_phone` text,
	`on_behalf_consent` integer,
	`client_id` text,
	`status` text NOT NULL,
	`escalation_level` integer DEFAULT 0 NOT NULL,
	`owner_person_id` integer,
	`claimed_at` integer,
	`start_due_at` integer,
	`started_at` integer,
	`claim_due_at` integer NOT NULL,
	`resolve_due_at` integer NOT NULL,
	`resolved_at` integer,
	`closed_at` integer,
	`outcome_code` text,
	`outcome_note` text,
	`receipt_code` text,
	`reject_reason` text,
	`duplicate_of_id` integer,
	`is_public` integer DEFAULT false NOT NULL,
	`public_answer` text,
	`public_answered_at` integer,
	`rating` integer,
	`rating_comment` text,
	`rated_at` integer,
	`reopen_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`village_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requester_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`filed_by_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "requests_rating_range" CHECK("requests"."rating" IS NULL OR ("requests"."rating" BETWEEN 1 AND 5)),
	CONSTRAINT "requests_owner_matches_status" CHECK(("requests"."status" IN ('claimed','in_progress') AND "requests"."owner_person_id" IS NOT NULL) OR "requests"."status" NOT IN ('claimed','in_progress'))
);
--> statement-breakpoint
CREATE INDEX `requests_team_queue_idx` ON `requests` (`team_id`,`status`,`created_at`,`owner_person_id`,`claim_due_at`,`resolve_due_at`);--> statement-breakpoint
CREATE INDEX `requests_owner_idx` ON `requests` (`owner_person_id`,`status`,`resolve_due_at`);--> statement-breakpoint
CREATE INDEX `requests_requester_idx` ON `requests` (`requester_person_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `requests_filed_by_idx` ON `requests` (`filed_by_person_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `requests_public_idx` ON `requests` (`commune_id`,`kind`,`is_public`);--> statement-breakpoint
CREATE INDEX `requests_commune_stats_idx` ON `requests` (`commune_id`,`status`,`kind`,`village_id`,`resolve_due_at`);--> statement-breakpoint
CREATE INDEX `requests_claim_due_idx` ON `requests` (`status`,`claim_due_at`);--> statement-breakpoint
CREATE INDEX `requests_resolve_due_idx` ON `requests` (`status`,`resolve_due_at`);--> statement-breakpoint
CREATE INDEX `requests_start_due_idx` ON `requests` (`status`,`start_due_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `requests_client_id_uq` ON `requests` (`filed_by_person_id`,`client_id`);--> statement-breakpoint
CREATE TABLE `team_activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`client_id` text,
	`activity_date` text NOT NULL,
	`form` text NOT NULL,
	`topic` text NOT NULL,
	`place` text NOT NULL,
	`member_person_ids` text NOT NULL,
	`residents_reached` integer DEFAULT 0 NOT NULL,
	`leaflets` integer DEFAULT 0 NOT NULL,
	`photo_ids` text NOT NULL,
	`note` text,
	`author_person_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `team_activities_team_idx` ON `team_activities` (`team_id`,`activity_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `team_activities_client_id_uq` ON `team_activities` (`author_person_id`,`client_id`);--> statement-breakpoint
CREATE TABLE `teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`decision_no` text,
	`decision_date` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `teams_unit_idx` ON `teams` (`unit_id`,`kind`);--> statement-breakpoint
CREATE TABLE `unit_roles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`role` text NOT NULL,
	`active_from` integer NOT NULL,
	`active_to` integer,
	FOREIGN KEY (`unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `unit_roles_person_idx` ON `unit_roles` (`person_id`);--> statement-breakpoint
CREATE INDEX `unit_roles_unit_idx` ON `unit_roles` (`unit_id`,`role`);--> statement-breakpoint
CREATE TABLE `webhook_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dedupe_key` text NOT NULL,
	`event_name` text NOT NULL,
	`raw_body` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`error` text,
	`received_at` integer NOT NULL,
	`processed_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_events_dedupe_uq` ON `webhook_events` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `webhook_events_status_idx` ON `webhook_events` (`status`,`id`);