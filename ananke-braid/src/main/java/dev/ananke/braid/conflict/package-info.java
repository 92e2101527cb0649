/**
 * Conflicts between constraints that no code can satisfy together, and their resolution.
 * Entry points: {@link dev.ananke.braid.conflict.Conflicts#check} (what conflicts, and which
 * pairs could not be checked), {@link dev.ananke.braid.conflict.Conflicts#resolve} (keep the
 * stronger of each conflicting pair) and {@link dev.ananke.braid.conflict.Conflicts#resolveStrict}.
 */
@NullMarked
package dev.ananke.braid.conflict;

import org.jspecify.annotations.NullMarked;
