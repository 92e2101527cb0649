package dev.ananke.maze.validate;

import dev.ananke.core.payload.IdentifierCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a piece of code declares, by category, found by each language's declaring forms (the
 * same forms the code grammars check), in code whose strings and comments are blanked.
 */
final class Declarations {
  private Declarations() {}

  /** A declared name; it follows the conventions when it has the style of any of {@code categories}. */
  record Declared(List<IdentifierCategory> categories, String name, int offset) {}

  private record Form(List<IdentifierCategory> categories, Pattern pattern) {}

  private static Form form(IdentifierCategory c, String regex) {
    return new Form(List.of(c), Pattern.compile(regex, Pattern.MULTILINE));
  }

  private static Form form(List<IdentifierCategory> c, String regex) {
    return new Form(c, Pattern.compile(regex, Pattern.MULTILINE));
  }

  private static final List<IdentifierCategory> VARIABLE_OR_CONSTANT =
      List.of(IdentifierCategory.VARIABLE, IdentifierCategory.CONSTANT);

  private static final Map<String, List<Form>> FORMS = Map.of(
      "typescript", List.of(
          form(IdentifierCategory.VARIABLE, "\\b(?:let|var)\\s+([A-Za-z_$][\\w$]*)"),
          form(VARIABLE_OR_CONSTANT, "\\bconst\\s+([A-Za-z_$][\\w$]*)"),
          form(IdentifierCategory.FUNCTION, "\\bfunction\\s+([A-Za-z_$][\\w$]*)"),
          form(IdentifierCategory.TYPE, "\\bclass\\s+([A-Za-z_$][\\w$]*)")),
      "python", List.of(
          form(IdentifierCategory.FUNCTION, "^\\s*(?:async\\s+)?def\\s+(\\w+)"),
          form(IdentifierCategory.TYPE, "^\\s*class\\s+(\\w+)"),
          form(VARIABLE_OR_CONSTANT, "^[ \\t]*([A-Za-z_]\\w*)[ \\t]*=(?!=)")),
      "rust", List.of(
          form(IdentifierCategory.VARIABLE, "\\blet\\s+(?:mut\\s+)?([a-z_]\\w*)"),
          form(IdentifierCategory.FUNCTION, "\\bfn\\s+(\\w+)"),
          form(IdentifierCategory.TYPE, "\\b(?:struct|enum|trait)\\s+(\\w+)")),
      "go", List.of(
          form(IdentifierCategory.VARIABLE, "\\bvar\\s+(\\w+)"),
          form(IdentifierCategory.CONSTANT, "\\bconst\\s+(\\w+)"),
          form(IdentifierCategory.VARIABLE, "(\\w+(?:[ \\t]*,[ \\t]*\\w+)*)[ \\t]*:=")),
      "zig", List.of(
          form(IdentifierCategory.VARIABLE, "\\bvar\\s+(\\w+)"),
          form(List.of(IdentifierCategory.VARIABLE, IdentifierCategory.TYPE, IdentifierCategory.CONSTANT),
              "(?<![\\]*]\\s{0,3})\\bconst\\s+(\\w+)\\s*[=:]"),
          form(IdentifierCategory.FUNCTION, "\\bfn\\s+(\\w+)")));

  static List<Declared> of(String language, String code) {
    String lang = language.equals("javascript") ? "typescript" : language;
    String blank = CodeText.withoutStringsAndComments(lang, code);
    List<Declared> out = new ArrayList<>();
    for (Form f : FORMS.getOrDefault(lang, List.of())) {
      Matcher m = f.pattern().matcher(blank);
      while (m.find()) {
        int at = m.start(1);
        for (String name : m.group(1).split("[ \\t]*,[ \\t]*")) {
          out.add(new Declared(f.categories(), name, at));
          at += name.length();
        }
      }
    }
    return out;
  }
}
