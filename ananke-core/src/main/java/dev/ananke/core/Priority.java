package dev.ananke.core;

/** Order of precedence when constraints conflict; higher wins. */
public enum Priority {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL
}
