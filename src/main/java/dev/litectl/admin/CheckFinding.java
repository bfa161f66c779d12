package dev.litectl.admin;

/**
 * One thing {@code check} found: its kind ({@code integrity}, {@code foreign_key}, and from the migration
 * engine {@code pending_migration}, {@code modified_migration}, {@code missing_migration}, {@code user_version}),
 * the table or migration it concerns (or null), and a one-line description.
 */
public record CheckFinding(String kind, String object, String detail) {}
