package dev.ananke.core;

/** Whether a constraint must hold (enforced by token masks) or is a preference. */
public enum Tier {
  /** Must hold; enforced at the token level and checked on the output. */
  HARD,
  /** A preference: reported when violated, never enforced by masks. */
  SOFT
}
