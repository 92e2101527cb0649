package dev.ananke.clew;

import static dev.ananke.clew.Samples.asyncIdiomCount;
import static dev.ananke.clew.Samples.assertLine;
import static dev.ananke.clew.Samples.constraint;
import static dev.ananke.clew.Samples.errorIdiomCount;
import static dev.ananke.clew.Samples.function;
import static dev.ananke.clew.Samples.importOf;
import static dev.ananke.clew.Samples.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.core.ConstraintKind;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.Origin;
import dev.ananke.core.Tier;
import dev.ananke.core.payload.AsyncStyle;
import dev.ananke.core.payload.ErrorIdiom;
import dev.ananke.core.payload.Field;
import dev.ananke.core.payload.ForbiddenPattern;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.core.payload.ImportSet;
import dev.ananke.core.payload.Parameter;
import dev.ananke.core.payload.ParseError;
import dev.ananke.core.payload.TypeDeclaration;
import dev.ananke.core.payload.TypeKind;
import dev.ananke.core.payload.Visibility;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact facts of samples/zig/ledger.zig (and broken.zig). */
class ZigExtractionTest {
  private static final ExtractionResult RESULT = Samples.extract("zig/ledger.zig");
  private static final ConstraintSet SET = RESULT.constraints();

  @Test
  void fileParsesCleanly() {
    assertEquals(List.of(), RESULT.diagnostics());
  }

  @Test
  void methodWithSelfReceiverAndErrorUnion() {
    FunctionSignature f = function(SET, "Ledger.transfer");
    assertEquals(List.of(Parameter.of("from", "u64"), Parameter.of("to", "u64"), Parameter.of("amount", "i64")),
        f.parameters()); // self: *Ledger is the receiver
    assertEquals("LedgerError!void", f.returnType());
    assertEquals("Ledger", f.enclosingType());
    assertEquals(Visibility.PUBLIC, f.visibility());
    assertEquals("pub fn transfer(self: *Ledger, from: u64, to: u64, amount: i64) LedgerError!void", f.signature());
    assertEquals(new Origin("zig/ledger.zig", 54, 5), constraint(SET, "function.Ledger.transfer").origin());
    assertEquals(Tier.HARD, constraint(SET, "function.Ledger.transfer").tier());
  }

  @Test
  void privateMembersAndByValueReceiver() {
    FunctionSignature can = function(SET, "Account.canWithdraw");
    assertEquals(Visibility.PRIVATE, can.visibility());
    assertEquals(List.of(Parameter.of("amount", "i64")), can.parameters()); // self: Account
    assertEquals("bool", can.returnType());
    assertEquals("LedgerError!*Account", function(SET, "Ledger.find").returnType());
    assertEquals(List.of(Parameter.of("allocator", "Allocator")), function(SET, "Ledger.init").parameters());
  }

  @Test
  void freeAndGenericFunctions() {
    FunctionSignature load = function(SET, "loadAccounts");
    assertNull(load.enclosingType());
    assertEquals(List.of(Parameter.of("allocator", "Allocator"), Parameter.of("path", "[]const u8")), load.parameters());
    assertEquals("![]Account", load.returnType());
    FunctionSignature average = function(SET, "average");
    assertEquals(List.of("comptime T: type"), average.typeParameters());
    assertEquals(List.of(Parameter.of("T", "type"), Parameter.of("values", "[]const T")), average.parameters());
    assertEquals(Visibility.PRIVATE, function(SET, "settleAll").visibility());
    assertLine(100, SET, "function.settleBatch");
  }

  @Test
  void structWithOptionalAndDefaultedFields() {
    TypeDeclaration account = type(SET, "Account");
    assertEquals(TypeKind.STRUCT, account.kind());
    assertEquals(List.of(new Field("id", "u64", false), new Field("owner", "[]const u8", false),
        new Field("balance", "i64", false), new Field("currency", "Currency", false),
        new Field("parent", "?*Account", true), new Field("frozen", "bool", false)), account.fields());
    assertEquals(Visibility.PUBLIC, account.visibility());
    assertEquals(new Origin("zig/ledger.zig", 28, 1), constraint(SET, "type.Account").origin());
    assertEquals(new Field("mutex", "std.Thread.Mutex", false), type(SET, "Ledger").fields().get(2));
  }

  @Test
  void enumUnionAndErrorSet() {
    TypeDeclaration currency = type(SET, "Currency");
    assertEquals(TypeKind.ENUM, currency.kind());
    assertEquals(List.of("eur", "usd", "gbp"), currency.variants());
    TypeDeclaration amount = type(SET, "Amount");
    assertEquals(TypeKind.UNION, amount.kind());
    assertEquals(List.of("cents", "fraction", "unknown"), amount.variants());
    assertEquals(List.of(new Field("cents", "u64", false),
        new Field("fraction", "struct { units: u64, scale: u8 }", false), new Field("unknown", null, false)),
        amount.fields());
    assertEquals(new TypeDeclaration("LedgerError", TypeKind.ENUM, List.of(), List.of(), List.of(),
        List.of("InsufficientFunds", "UnknownAccount", "Frozen"), null, Visibility.PUBLIC), type(SET, "LedgerError"));
    assertLine(10, SET, "type.LedgerError");
  }

  @Test
  void typeExpressionsBoundToConstantsAreAliases() {
    assertEquals(new TypeDeclaration("AccountId", TypeKind.ALIAS, List.of(), List.of(), List.of(), List.of(), "u64",
        Visibility.PUBLIC), type(SET, "AccountId"));
    assertEquals("?*Account", type(SET, "MaybeAccount").aliasOf());
    assertEquals(Visibility.PRIVATE, type(SET, "MaybeAccount").visibility());
    assertLine(124, SET, "type.AccountId");
  }

  @Test
  void importsAreTheImportBindings() {
    assertEquals(new ImportSet("std", List.of(), null, false), importOf(SET, "std"));
    assertEquals(new ImportSet("db.zig", List.of(), null, false), importOf(SET, "db.zig"));
    assertLine(5, SET, "import.db.zig");
    // std.mem.Allocator and std.Thread are namespace bindings, not imports
    assertEquals(2, Samples.payloads(SET, ImportSet.class).size());
  }

  @Test
  void renamedAndMemberImports() {
    String source = """
        const print = @import("std").debug.print;
        const store = @import("storage/store.zig");
        const fs = @import("std");
        const T = @import("std").Thread;

        pub fn run() void {
            const t = T.spawn(.{}, work, .{}) catch unreachable;
            t.join();
            print("done", .{});
        }
        """;
    ConstraintSet set = Clew.builder().build().extractSource("run.zig", source, null).constraints();
    assertLine(1, set, "import.std");
    assertEquals(new ImportSet("storage/store.zig", List.of(), null, false), importOf(set, "storage/store.zig"));
    assertEquals(new ImportSet("std", List.of("Thread", "debug.print"), "fs", false), importOf(set, "std"));
    assertEquals(1, asyncIdiomCount(set, AsyncStyle.THREAD)); // T.spawn resolves to std.Thread.spawn
  }

  @Test
  void errorIdioms() {
    assertEquals(10, errorIdiomCount(SET, ErrorIdiom.ZIG_TRY)); // including the two in the test block
    assertLine(57, SET, "error-idiom.zig_try");
    assertEquals(3, errorIdiomCount(SET, ErrorIdiom.ZIG_CATCH));
    assertEquals(1, errorIdiomCount(SET, ErrorIdiom.ERRDEFER));
    assertLine(85, SET, "error-idiom.errdefer");
    assertEquals(1, errorIdiomCount(SET, ErrorIdiom.PANIC)); // catch @panic(...)
    assertEquals(1, errorIdiomCount(SET, ErrorIdiom.IGNORED_ERROR)); // catch {}
    assertLine(103, SET, "error-idiom.ignored_error");
  }

  @Test
  void concurrencyIdioms() {
    assertEquals(1, asyncIdiomCount(SET, AsyncStyle.THREAD)); // Thread.spawn through `const Thread = std.Thread`
    assertLine(94, SET, "async-idiom.thread");
    assertEquals(2, asyncIdiomCount(SET, AsyncStyle.WAIT_GROUP)); // var wg: std.Thread.WaitGroup, wg: *std.Thread.WaitGroup
    assertEquals(1, asyncIdiomCount(SET, AsyncStyle.LOCK)); // self.mutex.lock()
  }

  @Test
  void securitySmells() {
    assertLine(109, SET, "security.shell-exec"); // std.process.Child.init(&.{ "/bin/sh", "-c", cmd }, ...)
    assertEquals(0.9, constraint(SET, "security.shell-exec").confidence());
    // allocPrint("SELECT ... '{s}'") at 72 and std.mem.concat("DELETE ... '", owner, "'") at 128; not the pg_dump line
    assertLine(72, SET, "security.sql-injection");
    assertEquals(2, constraint(SET, "security.sql-injection").frequency());
    var secret = constraint(SET, "security.hardcoded-secret");
    assertEquals(8, secret.origin().line());
    assertEquals(ConstraintKind.SECURITY, secret.kind());
    assertTrue(((ForbiddenPattern) secret.payload()).reason().contains("api_token"));
  }

  @Test
  void secretsAssignedToFields() {
    String source = """
        const config = Config{ .host = "db", .password = "hunter22" };
        fn reset(c: *Config) void {
            c.api_key = "sk_test_123";
            c.host = "localhost";
        }
        """;
    ConstraintSet set = Clew.builder().build().extractSource("config.zig", source, null).constraints();
    assertEquals(List.of(1, 3), Samples.all(set, "security.hardcoded-secret").stream().map(c -> c.origin().line())
        .sorted().toList());
  }

  @Test
  void syntaxErrorKeepsTheValidParts() {
    ExtractionResult r = Samples.extract("zig/broken.zig");
    ConstraintSet set = r.constraints();
    assertEquals(List.of("zig/broken.zig:8:14: warning: syntax error at '+'; extracted what the rest of the file gives"),
        r.diagnostics().stream().map(Object::toString).toList());
    assertEquals(new ParseError(8, 14, "syntax error at '+'"), constraint(set, "syntax-error").payload());
    assertEquals("u32", function(set, "good").returnType());
    assertEquals(List.of(new Field("name", "[]const u8", false)), type(set, "After").fields());
    assertLine(11, set, "type.After");
  }
}
