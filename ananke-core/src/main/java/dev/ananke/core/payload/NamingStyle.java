package dev.ananke.core.payload;

import java.util.regex.Pattern;

/**
 * A naming style and the regex (full-match, the dialect of the token engine) that accepts
 * exactly the names that follow it. Leading underscores, which mark privacy in several
 * languages, are allowed by every style.
 */
public enum NamingStyle {
  CAMEL_CASE("_*[a-z][a-zA-Z0-9]*"),
  PASCAL_CASE("_*[A-Z][a-zA-Z0-9]*"),
  SNAKE_CASE("_*[a-z][a-z0-9_]*"),
  SCREAMING_SNAKE_CASE("_*[A-Z][A-Z0-9_]*");

  private final String regex;
  private final Pattern pattern;

  NamingStyle(String regex) {
    this.regex = regex;
    this.pattern = Pattern.compile(regex);
  }

  /** The full-match regex of names in this style. */
  public String regex() {
    return regex;
  }

  public boolean matches(String name) {
    return pattern.matcher(name).matches();
  }
}
