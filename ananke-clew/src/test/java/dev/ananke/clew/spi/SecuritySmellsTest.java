package dev.ananke.clew.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written checks answer as the regex and the lower-cased search they replace. */
class SecuritySmellsTest {
  private static final String ALPHABET = "aAbBcCdDeEiIkKlLnNoOpPrRsStTuUwWyY_-0 \n\r\u0085\u2028\u0130\u212a\u017f\u00e9";

  private static List<String> names() {
    List<String> out = new ArrayList<>(List.of("password", "PASSWORD", "userPassword", "db_passwd", "PWD", "secret",
        "apiKey", "api_key", "API-KEY", "apikey", "accessKey", "access_key", "privateKey", "private-key", "authToken",
        "auth_token", "token", "TOKEN", "credential", "credentials", "Credentials", "secret_url", "token\n",
        "token\r\n", "token\n\n", "token\u2028", "tokens", "to_ken", "", "x", "\u212aey", "passwor\u0130",
        "SELECT * FROM t", "insert into", "upDate x set", "DeLeTe FROM", "drop table", "\u0130NSERT", "\u017felect",
        "selec", "xselectx", "sElEcT"));
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(12);
      for (int k = 0; k < n; k++) sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      if (random.nextInt(3) == 0) sb.append(List.of("token", "Secret", "PWD", "api_KEY", "select", "DROP").get(random.nextInt(6)));
      out.add(sb.toString());
    }
    return out;
  }

  @Test
  void secretSuffixIsTheRegex() {
    for (String name : names()) {
      assertEquals(SecuritySmells.SECRET_NAME.matcher(name).find(), SecuritySmells.secretSuffix(name), name);
    }
  }

  @Test
  void sqlWordSearchIsTheLowerCasedSearch() {
    for (String text : names()) {
      for (String w : new String[] {"select", "insert", "update", "delete", "drop"}) {
        assertEquals(text.toLowerCase(Locale.ROOT).contains(w), SecuritySmells.containsIgnoreAsciiCase(text, w),
            text + " / " + w);
      }
    }
  }
}
