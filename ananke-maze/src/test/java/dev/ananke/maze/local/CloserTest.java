package dev.ananke.maze.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What closes the open constructs at the end of generated code, per language. */
class CloserTest {
  @Test
  void closesStringsCommentsAndBracketsInnermostFirst() {
    assertEquals("\")}", Closer.suffix("typescript", "function f() { g(\"abc"));
    assertEquals("*/]}", Closer.suffix("rust", "fn f() { let a = [1, /* two"));
    assertEquals("\n}", Closer.suffix("go", "func f() { // note"));
    assertEquals("`)}", Closer.suffix("typescript", "f() { log(`a ${x} b"));
    assertEquals("}`)}", Closer.suffix("typescript", "f() { log(`a ${g(1)"));
  }

  @Test
  void pythonEndsTheLineAndClosesTripleQuotes() {
    assertEquals("\"\"\")\n", Closer.suffix("python", "def f():\n    g(\"\"\"doc"));
    assertEquals("\n", Closer.suffix("python", "def f():\n    return 1"));
  }

  @Test
  void escapedQuotesAndRustLifetimesDoNotOpenStrings() {
    assertEquals("\"}", Closer.suffix("typescript", "f() { s = \"a\\\"b"));
    assertEquals("}", Closer.suffix("rust", "fn f<'a>(x: &'a str) { x"));
    assertEquals("'}", Closer.suffix("rust", "fn f() { let c = '#"));
    assertEquals("x')}", Closer.suffix("zig", "fn f() void { g('"));
    assertEquals("\n}", Closer.suffix("zig", "fn f() void { \\\\a}"));
    // a lone backslash can only begin a multiline string line (found by LocalBackendTest, zig heartbeat)
    assertEquals("\\\n])}", Closer.suffix("zig", "fn f() void { g([#\\"));
    assertEquals("}", Closer.suffix("rust", "fn f() { let c = 'x'; let d = '\\n'"));
  }

  @Test
  void incompleteUtf8IsDetected() {
    byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
    assertTrue(LocalBackend.incompleteUtf8(new byte[] {'a', euro[0], euro[1]}));
    assertFalse(LocalBackend.incompleteUtf8(euro));
    assertFalse(LocalBackend.incompleteUtf8("abc".getBytes(StandardCharsets.UTF_8)));
  }
}
