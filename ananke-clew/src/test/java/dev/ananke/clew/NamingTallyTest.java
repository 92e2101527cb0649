package dev.ananke.clew;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ananke.clew.spi.NamingTally;
import dev.ananke.core.payload.IdentifierCategory;
import dev.ananke.core.payload.NamingStyle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tally's fast style check agrees with each style's regex. */
class NamingTallyTest {
  private static final List<String> NAMES = List.of("getUser", "GetUser", "get_user", "GET_USER", "user", "User",
      "USER", "_private", "__dunder__", "x1", "X1", "a_B", "A_b", "getHTTPClient", "HTTP", "éclair", "user-name",
      "$scope", "_", "_Foo", "foo__bar", "ABC_def");

  @Test
  void fastCheckAgreesWithTheRegexes() {
    for (NamingStyle style : NamingStyle.values()) {
      NamingTally tally = new NamingTally();
      int expected = 0;
      for (String name : NAMES) {
        tally.add(IdentifierCategory.VARIABLE, name);
        if (style.matches(name) && name.chars().anyMatch(Character::isLetter)) expected++;
      }
      assertEquals(expected, tally.conforming(IdentifierCategory.VARIABLE, style), style.name());
    }
  }
}
