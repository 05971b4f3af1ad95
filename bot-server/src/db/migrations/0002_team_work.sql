CREATE TABLE `kpi_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commune_id` integer NOT NULL,
	`month` text NOT NULL,
	`indicator` text NOT NULL,
	`numerator` integer NOT NULL,
	`denominator` integer NOT NULL,
	`source` text,
	`entered_by_person_id` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`commune_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "kpi_values_ratio_ck" CHECK("kpi_values"."numerator" >= 0 and "kpi_values"."denominator" > 0 and "kpi_values"."numerator" <= "kpi_values"."denominator")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kpi_values_uq` ON `kpi_values` (`commune_id`,`month`,`indicator`);--> statement-breakpoint
CREATE TABLE `report_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`section` text NOT NULL,
	`body` text NOT NULL,
	`author_person_id` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_notes_uq` ON `report_notes` (`unit_id`,`period_from`,`period_to`,`section`);--> statement-breakpoint
CREATE TABLE `survey_responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commune_id` integer NOT NULL,
	`field` text NOT NULL,
	`rating` integer NOT NULL,
	`comment` text,
	`person_id` integer,
	`client_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`commune_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "survey_responses_rating_ck" CHECK("survey_responses"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE INDEX `survey_responses_commune_idx` ON `survey_responses` (`commune_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `survey_responses_client_id_uq` ON `survey_responses` (`person_id`,`client_id`);--> statement-breakpoint
CREATE TABLE `team_activity_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`activity_id` integer NOT NULL,
	`revision` integer NOT NULL,
	`snapshot` text NOT NULL,
	`edited_by_person_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `team_activities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`edited_by_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `team_activity_revisions_uq` ON `team_activity_revisions` (`activity_id`,`revision`);--> statement-breakpoint
CREATE TABLE `team_targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`metric` text NOT NULL,
	`target` integer NOT NULL,
	`set_by_person_id` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`set_by_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "team_targets_positive_ck" CHECK("team_targets"."target" > 0 and "team_targets"."period_from" <= "team_targets"."period_to")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `team_targets_uq` ON `team_targets` (`team_id`,`period_from`,`period_to`,`metric`);