package dev.ananke.braid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ananke.core.payload.ForbiddenPattern;
import dev.ananke.core.payload.PatternSyntax;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which of Clew's forbidden patterns a grammar can enforce by excluding identifiers. */
class ForbiddenCallsTest {
  private static Optional<Set<String>> names(String regex, String language) {
    return ForbiddenCalls.excludedNames(new ForbiddenPattern(regex, PatternSyntax.REGEX, "test"), language);
  }

  @Test
  void callsOfNamesExcludeTheNames() {
    assertEquals(Optional.of(Set.of("eval")), names("\\beval\\s*\\(", "typescript"));
    assertEquals(Optional.of(Set.of("exec", "execSync")), names("\\bexec(Sync)?\\s*\\(", "typescript"));
    assertEquals(Optional.of(Set.of("system", "popen")), names("\\bos\\.(system|popen)\\s*\\(", "python"));
    assertEquals(Optional.of(Set.of("exec")), names("\\bRuntime\\.getRuntime\\(\\)\\.exec\\s*\\(", "java"));
  }

  @Test
  void reservedWordsAreExcludedInTheirLanguageOnly() {
    assertEquals(Optional.of(Set.of("unsafe")), names("\\bunsafe\\s*(\\{|fn\\b|impl\\b|trait\\b)", "rust"));
    assertEquals(Optional.empty(), names("\\bunsafe\\s*(\\{|fn\\b|impl\\b|trait\\b)", "go"));
  }

  @Test
  void patternsAcrossLexemesAreNotClaimed() {
    assertEquals(Optional.empty(), names("(?i)\\bapiKey\\b\\s*[:=]\\s*[\"'][^\"']+[\"']", "typescript"));
    assertEquals(Optional.empty(), names("\\bshell\\s*=\\s*True\\b", "python"));
    assertEquals(Optional.empty(), names("(?i)(select|insert|update|delete)\\b[^;\\n]*(\\$\\{|\"\\s*\\+)", "go"));
    assertEquals(Optional.empty(), ForbiddenCalls.excludedNames(new ForbiddenPattern("password =", PatternSyntax.LITERAL, "x"), "python"));
  }

  @Test
  void literalCallsExcludeTheirLastName() {
    assertEquals(Optional.of(Set.of("eval")), ForbiddenCalls.excludedNames(new ForbiddenPattern("eval(", PatternSyntax.LITERAL, "x"), "python"));
    assertEquals(Optional.of(Set.of("system")), ForbiddenCalls.excludedNames(new ForbiddenPattern("os.system(", PatternSyntax.LITERAL, "x"), "python"));
  }
}
