package dev.ananke.braid;

/** A constraint that the compiled IR does not enforce, and why. */
public record Unenforced(String constraintId, String name, String reason) {}
