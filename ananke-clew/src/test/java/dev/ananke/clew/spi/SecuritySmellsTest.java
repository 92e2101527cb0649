package dev.ananke.clew.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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

  /** Texts built from SQL words, spaces of every kind, names, marks and surrogates, around each rule. */
  private static List<String> sqlTexts() {
    List<String> out = new ArrayList<>(List.of("SELECT * FROM t", "select\tname\nfrom users", "select from", "select  from",
        "select x from", "select x fromage", "select x from_", "select x from\u0301", "xselect x from t", "_select a from b",
        "\u00e9select a from b", "e\u0301select a from b", "\u0301select a from b", "insert into t", "INSERT\u000binto",
        "insert  into", "insertinto", "insert into2", "update users set x", "update  users\tset", "update set", "update x  set",
        "update x set_", "updatex set", "delete from t", "DeLeTe\fFROM", "drop table t", "drop  table", "dropped table",
        "\ud835\udc00select a from b", "select \ud835\udc00 from b", "update \ud835\udc00 set", "\u0130NSERT into",
        "\u017felect a from b", "sel ect a from b", ""));
    String[] parts = {"select", "SELECT", "from", "FrOm", "insert", "into", "update", "set", "delete", "drop", "table",
        " ", "  ", "\t", "\n", "\r", "\u000b", "\f", "\u0085", "\u00a0", "x", "users", "_", "9", "\u00e9", "\u0301",
        "\ud835\udc00", "'", "\"", "+", ";", "*"};
    String[][] rules = {{"select", "from"}, {"insert", "into"}, {"update", "set"}, {"delete", "from"}, {"drop", "table"}};
    String[] gaps = {" ", "  ", "\t", "\u000b", "\u0085", "", "x", " x ", "\n\r"};
    Random random = new Random(11);
    for (int i = 0; i < 30_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = random.nextInt(3); k > 0; k--) sb.append(parts[random.nextInt(parts.length)]);
      if (random.nextBoolean()) { // around one rule's shape, its gaps and edges varied
        String[] rule = rules[random.nextInt(rules.length)];
        sb.append(random.nextInt(4) == 0 ? rule[0].toUpperCase(java.util.Locale.ROOT) : rule[0]);
        sb.append(gaps[random.nextInt(gaps.length)]);
        for (int k = random.nextInt(3); k > 0; k--) sb.append(parts[random.nextInt(parts.length)]);
        sb.append(gaps[random.nextInt(gaps.length)]).append(rule[1]);
      }
      for (int k = random.nextInt(3); k > 0; k--) sb.append(parts[random.nextInt(parts.length)]);
      out.add(sb.toString());
    }
    return out;
  }

  @Test
  void sqlShapeIsTheRegex() {
    int sql = 0;
    for (String text : sqlTexts()) {
      boolean expected = SecuritySmells.SQL.matcher(text).find();
      assertEquals(expected, SecuritySmells.looksLikeSql(text), text);
      if (expected) sql++;
    }
    assertTrue(sql > 1_000, "the texts exercise the matches too: " + sql);
  }
}
