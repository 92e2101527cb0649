package dev.ananke.clew;

import static dev.ananke.clew.Samples.asyncIdiomCount;
import static dev.ananke.clew.Samples.assertLine;
import static dev.ananke.clew.Samples.constraint;
import static dev.ananke.clew.Samples.errorIdiomCount;
import static dev.ananke.clew.Samples.function;
import static dev.ananke.clew.Samples.importOf;
import static dev.ananke.clew.Samples.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** Exact facts of samples/go/inventory.go (and broken.go). */
class GoExtractionTest {
  private static final ExtractionResult RESULT = Samples.extract("go/inventory.go");
  private static final ConstraintSet SET = RESULT.constraints();

  @Test
  void fileParsesCleanly() {
    assertEquals(List.of(), RESULT.diagnostics());
  }

  @Test
  void methodWithPointerReceiver() {
    FunctionSignature f = function(SET, "Service.Get");
    assertEquals(List.of(Parameter.of("ctx", "context.Context"), Parameter.of("sku", "string")), f.parameters());
    assertEquals("(*Item, error)", f.returnType());
    assertEquals("Service", f.enclosingType()); // *Service without the pointer
    assertEquals(Visibility.PUBLIC, f.visibility());
    assertFalse(f.async());
    assertEquals("func (s *Service) Get(ctx context.Context, sku string) (*Item, error)", f.signature());
    assertEquals(new Origin("go/inventory.go", 60, 1), constraint(SET, "function.Service.Get").origin());
    assertEquals(Tier.HARD, constraint(SET, "function.Service.Get").tier());
  }

  @Test
  void unexportedValueReceiverAndNamedResults() {
    FunctionSignature f = function(SET, "Service.count");
    assertEquals(Visibility.PACKAGE, f.visibility());
    assertEquals("(n int, err error)", f.returnType());
    assertEquals("func (s Service) count(ctx context.Context) (n int, err error)", f.signature());
  }

  @Test
  void variadicGenericAndResultlessFunctions() {
    assertEquals(new Parameter("skus", "string", false, true, null),
        function(SET, "Service.Restock").parameters().get(1));
    FunctionSignature map = function(SET, "Map");
    assertEquals(List.of("T any", "U any"), map.typeParameters());
    assertEquals(List.of(Parameter.of("items", "[]T"), Parameter.of("f", "func(T) U")), map.parameters());
    assertEquals("[]U", map.returnType());
    assertNull(map.enclosingType());
    FunctionSignature watch = function(SET, "watch");
    assertNull(watch.returnType());
    assertEquals(Parameter.of("updates", "<-chan Item"), watch.parameters().get(1));
    assertLine(124, SET, "function.watch");
  }

  @Test
  void structWithPointerTagsAndEmbedding() {
    TypeDeclaration item = type(SET, "Item");
    assertEquals(TypeKind.STRUCT, item.kind());
    assertEquals(List.of(new Field("SKU", "string", false), new Field("Name", "string", false),
        new Field("Quantity", "int", false), new Field("Location", "*string", true),
        new Field("Tags", "[]string", false), new Field("Store", "Store", false)), item.fields());
    assertEquals(List.of("Store"), item.supertypes());
    assertEquals(new Origin("go/inventory.go", 24, 1), constraint(SET, "type.Item").origin());
    // a pointer to another package's type is a handle, not an optional value
    assertEquals(new Field("db", "*sql.DB", false), type(SET, "Service").fields().getFirst());
  }

  @Test
  void interfaceInAGroupWithItsMethods() {
    TypeDeclaration store = type(SET, "Store");
    assertEquals(TypeKind.INTERFACE, store.kind());
    assertEquals(List.of("fmt.Stringer"), store.supertypes());
    assertEquals(new Origin("go/inventory.go", 35, 2), constraint(SET, "type.Store").origin());
    FunctionSignature put = function(SET, "Store.Put");
    assertEquals(List.of(Parameter.of("ctx", "context.Context"), Parameter.of("item", "*Item")), put.parameters());
    assertEquals("error", put.returnType());
    assertEquals("Put(ctx context.Context, item *Item) error", put.signature());
  }

  @Test
  void aliasesAndDefinedTypes() {
    assertEquals(new TypeDeclaration("SKU", TypeKind.ALIAS, List.of(), List.of(), List.of(), List.of(), "string",
        Visibility.PUBLIC), type(SET, "SKU"));
    assertEquals("int", type(SET, "Quantity").aliasOf());
    TypeDeclaration set = type(SET, "Set");
    assertEquals(List.of("T comparable"), set.typeParameters());
    assertEquals("map[T]struct{}", set.aliasOf());
  }

  @Test
  void typeWithIotaConstantsIsWhatGoDeclares() {
    assertEquals(new TypeDeclaration("Urgency", TypeKind.ALIAS, List.of(), List.of(), List.of(), List.of(), "uint8",
        Visibility.PUBLIC), type(SET, "Urgency"));
    assertEquals(new Origin("go/inventory.go", 144, 1), constraint(SET, "type.Urgency").origin());
  }

  @Test
  void importsWithAliases() {
    assertEquals(new ImportSet("database/sql", List.of(), null, false), importOf(SET, "database/sql"));
    assertEquals(new ImportSet("github.com/sirupsen/logrus", List.of(), "log", false),
        importOf(SET, "github.com/sirupsen/logrus"));
    assertEquals(new ImportSet("github.com/lib/pq", List.of(), "_", false), importOf(SET, "github.com/lib/pq"));
    assertLine(10, SET, "import.os/exec");
    assertEquals(new Origin("go/inventory.go", 17, 1), constraint(SET, "import.strconv").origin());
  }

  @Test
  void errorIdioms() {
    assertEquals(4, errorIdiomCount(SET, ErrorIdiom.ERR_NIL_CHECK));
    assertLine(69, SET, "error-idiom.err_nil_check"); // if err := row.Scan(...); err != nil
    // n, _ := strconv.Atoi(raw) and _ = os.Setenv(...); `_, err := ...` keeps the error.
    assertEquals(2, errorIdiomCount(SET, ErrorIdiom.IGNORED_ERROR));
    assertLine(119, SET, "error-idiom.ignored_error");
    assertEquals(1, errorIdiomCount(SET, ErrorIdiom.PANIC));
    assertLine(139, SET, "error-idiom.panic");
  }

  @Test
  void concurrencyIdioms() {
    assertEquals(1, asyncIdiomCount(SET, AsyncStyle.GOROUTINE));
    assertLine(90, SET, "async-idiom.goroutine");
    // make(chan error) and the select; sends and receives are uses of those channels
    assertEquals(2, asyncIdiomCount(SET, AsyncStyle.CHANNEL));
    assertEquals(1, asyncIdiomCount(SET, AsyncStyle.WAIT_GROUP));
    assertLine(50, SET, "async-idiom.wait_group");
    assertEquals(1, asyncIdiomCount(SET, AsyncStyle.LOCK));
  }

  @Test
  void securitySmells() {
    assertLine(137, SET, "security.shell-exec");
    assertEquals(0.9, constraint(SET, "security.shell-exec").confidence());
    var sql = constraint(SET, "security.sql-injection"); // Sprintf at 66, + at 106: one pattern, twice
    assertEquals(66, sql.origin().line());
    assertEquals(2, sql.frequency());
    var secret = constraint(SET, "security.hardcoded-secret");
    assertEquals(21, secret.origin().line());
    assertEquals(ConstraintKind.SECURITY, secret.kind());
    assertTrue(((ForbiddenPattern) secret.payload()).reason().contains("dbPassword"));
  }

  @Test
  void aliasedPackagesAreResolved() {
    String source = """
        package run

        import (
        \tshell "os/exec"
        \t"sync"
        )

        func Run(line string) error {
        \tvar wg sync.WaitGroup
        \tcmd := shell.CommandContext(ctx, "bash", "-c", line)
        \treturn cmd.Run()
        }
        """;
    ConstraintSet set = Clew.builder().build().extractSource("run.go", source, null).constraints();
    assertLine(10, set, "security.shell-exec");
    assertEquals(1, asyncIdiomCount(set, AsyncStyle.WAIT_GROUP));
  }

  @Test
  void syntaxErrorKeepsTheValidParts() {
    ExtractionResult r = Samples.extract("go/broken.go");
    ConstraintSet set = r.constraints();
    assertEquals(List.of("go/broken.go:10:11: warning: syntax error at '+'; extracted what the rest of the file gives"),
        r.diagnostics().stream().map(Object::toString).toList());
    assertEquals(new ParseError(10, 11, "syntax error at '+'"), constraint(set, "syntax-error").payload());
    assertEquals("string", function(set, "Good").returnType());
    assertEquals(List.of(new Field("Name", "string", false)), type(set, "After").fields());
    assertLine(13, set, "type.After");
  }
}
