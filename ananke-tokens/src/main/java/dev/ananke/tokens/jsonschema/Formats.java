package dev.ananke.tokens.jsonschema;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The string formats the compiler knows, as regexes over the (unescaped) string content. */
final class Formats {
  /** Days per month, February 29 only in leap years (Gregorian rules). */
  private static final String DATE = "(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
      + "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
      + "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)";
  private static final String TIME = "(?:[01][0-9]|2[0-3]):[0-5][0-9]:(?:[0-5][0-9]|60)(?:\\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])";
  private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final String LABEL = "[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?";

  private static final Map<String, String> FORMATS = Map.ofEntries(
      Map.entry("date-time", DATE + "[Tt ]" + TIME),
      Map.entry("date", DATE),
      Map.entry("time", TIME),
      Map.entry("duration", "P(?:[0-9]+(?:\\.[0-9]+)?[YMWD])*(?:T(?:[0-9]+(?:\\.[0-9]+)?[HMS])+)?"),
      Map.entry("email", "[^\\s@\"\\\\]+@[^\\s@\"\\\\]+"),
      Map.entry("idn-email", "[^\\s@\"\\\\]+@[^\\s@\"\\\\]+"),
      Map.entry("hostname", LABEL + "(?:\\." + LABEL + ")*\\.?"),
      Map.entry("ipv4", OCTET + "(?:\\." + OCTET + "){3}"),
      Map.entry("ipv6", "[0-9a-fA-F:.]*:[0-9a-fA-F:.]*"),
      Map.entry("uuid", "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
      Map.entry("uri", "[a-zA-Z][a-zA-Z0-9+.-]*:[^\\s\"\\\\]*"),
      Map.entry("iri", "[a-zA-Z][a-zA-Z0-9+.-]*:[^\\s\"\\\\]*"),
      Map.entry("uri-reference", "[^\\s\"\\\\]*"),
      Map.entry("iri-reference", "[^\\s\"\\\\]*"),
      Map.entry("uri-template", "[^\\s\"\\\\]*"),
      Map.entry("json-pointer", "(?:/(?:[^/~\"\\\\]|~[01])*)*"),
      Map.entry("relative-json-pointer", "[0-9]+(?:#|(?:/(?:[^/~\"\\\\]|~[01])*)*)"),
      Map.entry("regex", "[^\"\\\\]*"));

  private Formats() {}

  static @Nullable String regex(String format) {
    return FORMATS.get(format);
  }
}
