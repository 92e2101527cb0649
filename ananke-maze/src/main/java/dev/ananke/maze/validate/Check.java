package dev.ananke.maze.validate;

import org.jspecify.annotations.Nullable;

/**
 * One checked rule.
 *
 * @param constraintId the constraint checked, null for a check of the IR itself (grammar, schema, parse)
 * @param detail why it holds or, when violated, where and what
 */
public record Check(@Nullable String constraintId, String name, boolean satisfied, String detail) {}
