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
import dev.ananke.core.payload.IdentifierCategory;
import dev.ananke.core.payload.ImportSet;
import dev.ananke.core.payload.NamingConvention;
import dev.ananke.core.payload.NamingStyle;
import dev.ananke.core.payload.Parameter;
import dev.ananke.core.payload.ParseError;
import dev.ananke.core.payload.TypeDeclaration;
import dev.ananke.core.payload.TypeKind;
import dev.ananke.core.payload.Visibility;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact facts of samples/rust/order_service.rs (and broken.rs). */
class RustExtractionTest {
  private static final ExtractionResult RESULT = Samples.extract("rust/order_service.rs");
  private static final ConstraintSet SET = RESULT.constraints();

  @Test
  void fileParsesCleanly() {
    assertEquals(List.of(), RESULT.diagnostics());
  }

  @Test
  void asyncMethodOfAnInherentImpl() {
    FunctionSignature f = function(SET, "OrderService.place_order");
    assertEquals(List.of(Parameter.of("order", "Order")), f.parameters()); // &mut self is the receiver
    assertEquals("Result<u64, OrderError>", f.returnType());
    assertTrue(f.async());
    assertEquals(Visibility.PUBLIC, f.visibility());
    assertEquals("OrderService", f.enclosingType());
    assertEquals("pub async fn place_order(&mut self, order: Order) -> Result<u64, OrderError>", f.signature());
    assertEquals(new Origin("rust/order_service.rs", 56, 5), constraint(SET, "function.OrderService.place_order").origin());
    assertEquals(Tier.HARD, constraint(SET, "function.OrderService.place_order").tier());
  }

  @Test
  void visibilityModifiers() {
    assertEquals(Visibility.PACKAGE, function(SET, "OrderService.cached").visibility()); // pub(crate)
    assertEquals(Visibility.PRIVATE, function(SET, "OrderService.validate").visibility());
    assertEquals(Visibility.PRIVATE, function(SET, "notify").visibility());
    assertEquals(List.of(Parameter.of("order", "&Order")), function(SET, "OrderService.validate").parameters());
  }

  @Test
  void traitMethodsAndTheirImplementation() {
    FunctionSignature declared = function(SET, "Repository.save");
    assertTrue(declared.async());
    assertEquals(List.of(Parameter.of("item", "T")), declared.parameters());
    assertEquals("async fn save(&mut self, item: T) -> Result<(), RepoError>", declared.signature());
    FunctionSignature implemented = function(SET, "OrderMap.find"); // impl Repository<Order> for OrderMap
    assertEquals("Option<Order>", implemented.returnType());
    assertEquals(Visibility.PUBLIC, implemented.visibility());
    assertLine(86, SET, "function.OrderMap.find");
  }

  @Test
  void freeFunctions() {
    FunctionSignature archive = function(SET, "archive_orders");
    assertEquals(List.of(Parameter.of("dir", "&str"), Parameter.of("ids", "&[u64]")), archive.parameters());
    assertEquals("std::io::Result<()>", archive.returnType());
    assertNull(archive.enclosingType());
    assertFalse(archive.async());
    assertEquals("pub unsafe fn raw_id(id: &RawId) -> u64", function(SET, "raw_id").signature());
  }

  @Test
  void structWithOptionalField() {
    TypeDeclaration order = type(SET, "Order");
    assertEquals(TypeKind.STRUCT, order.kind());
    assertEquals(List.of(new Field("id", "u64", false), new Field("customer_email", "String", false),
        new Field("coupon", "Option<String>", true), new Field("items", "Vec<LineItem>", false)), order.fields());
    assertEquals(Visibility.PUBLIC, order.visibility());
    assertLine(15, SET, "type.Order");
    assertEquals(List.of(new Field("0", "String", false), new Field("1", "u32", false)), type(SET, "LineItem").fields());
  }

  @Test
  void genericStructEnumTraitAliasUnion() {
    assertEquals(List.of("R: Repository<Order>"), type(SET, "OrderService").typeParameters());
    TypeDeclaration status = type(SET, "OrderStatus");
    assertEquals(TypeKind.ENUM, status.kind());
    assertEquals(List.of("Pending", "Paid", "Shipped", "Cancelled"), status.variants());
    TypeDeclaration repo = type(SET, "Repository");
    assertEquals(TypeKind.TRAIT, repo.kind());
    assertEquals(List.of("T"), repo.typeParameters());
    assertEquals(List.of("Send", "Sync"), repo.supertypes());
    assertEquals(new TypeDeclaration("OrderMap", TypeKind.ALIAS, List.of(), List.of(), List.of(), List.of(),
        "HashMap<u64, Order>", Visibility.PUBLIC), type(SET, "OrderMap"));
    TypeDeclaration raw = type(SET, "RawId");
    assertEquals(TypeKind.UNION, raw.kind());
    assertEquals(Visibility.PRIVATE, raw.visibility());
    assertEquals(List.of(new Field("number", "u64", false), new Field("bytes", "[u8; 8]", false)), raw.fields());
  }

  @Test
  void useDeclarations() {
    assertEquals(new ImportSet("std::collections", List.of("HashMap", "HashSet"), null, false),
        importOf(SET, "std::collections"));
    assertEquals(new ImportSet("std::sync", List.of("Arc", "Mutex", "mpsc"), null, false), importOf(SET, "std::sync"));
    assertEquals(new ImportSet("std", List.of("thread"), null, false), importOf(SET, "std"));
    assertEquals(new ImportSet("sqlx", List.of("PgPool"), null, false), importOf(SET, "sqlx")); // PgPool as Pool
    assertEquals(new ImportSet("crate::errors", List.of(), null, true), importOf(SET, "crate::errors"));
    assertLine(6, SET, "import.serde");
  }

  @Test
  void nestedUseTreesAndModuleAliases() {
    String source = """
        use std::{io::{self, Read}, fmt};
        use serde_json as json;
        """;
    ConstraintSet set = Clew.builder().build().extractSource("lib.rs", source, null).constraints();
    assertEquals(new ImportSet("std::io", List.of("Read"), null, false), importOf(set, "std::io"));
    assertEquals(new ImportSet("std", List.of("fmt", "io"), null, false), importOf(set, "std"));
    assertEquals(new ImportSet("serde_json", List.of(), "json", false), importOf(set, "serde_json"));
  }

  @Test
  void errorIdioms() {
    // Four `?`: the one in cached() (returning Option) propagates an Option, not a Result.
    assertEquals(4, errorIdiomCount(SET, ErrorIdiom.RESULT_PROPAGATION));
    assertLine(57, SET, "error-idiom.result_propagation");
    assertEquals(2, errorIdiomCount(SET, ErrorIdiom.UNWRAP));
    assertEquals(1, errorIdiomCount(SET, ErrorIdiom.EXPECT));
    assertEquals(1, errorIdiomCount(SET, ErrorIdiom.PANIC));
    assertLine(105, SET, "error-idiom.panic");
    assertEquals(1, errorIdiomCount(SET, ErrorIdiom.IGNORED_ERROR)); // let _ = send_mail(..)
    assertLine(98, SET, "error-idiom.ignored_error");
  }

  @Test
  void concurrencyIdioms() {
    assertEquals(4, asyncIdiomCount(SET, AsyncStyle.ASYNC_AWAIT));
    assertEquals(1, asyncIdiomCount(SET, AsyncStyle.TASK_SPAWN));
    assertLine(60, SET, "async-idiom.task_spawn");
    assertEquals(1, asyncIdiomCount(SET, AsyncStyle.THREAD)); // thread::spawn through `use std::thread`
    assertEquals(1, asyncIdiomCount(SET, AsyncStyle.CHANNEL)); // mpsc::channel()
    assertEquals(1, asyncIdiomCount(SET, AsyncStyle.LOCK)); // .lock()
  }

  @Test
  void securitySmells() {
    assertLine(103, SET, "security.shell-exec");
    assertEquals(0.9, constraint(SET, "security.shell-exec").confidence()); // "sh" with "-c"
    assertLine(79, SET, "security.sql-injection"); // format!("SELECT ... '{}'", email)
    var secrets = Samples.all(SET, "security.hardcoded-secret");
    assertEquals(List.of(11, 97), secrets.stream().map(c -> c.origin().line()).toList());
    assertEquals(ConstraintKind.SECURITY, secrets.getFirst().kind());
    assertTrue(((ForbiddenPattern) secrets.getFirst().payload()).reason().contains("API_KEY"));
  }

  @Test
  void secretInAStructLiteral() {
    String source = """
        fn connect() -> Config {
            Config { host: "db", password: "hunter22", port: 5432 }
        }
        """;
    ConstraintSet set = Clew.builder().build().extractSource("config.rs", source, null).constraints();
    assertLine(2, set, "security.hardcoded-secret");
    assertTrue(((ForbiddenPattern) constraint(set, "security.hardcoded-secret").payload()).reason().contains("password"));
  }

  @Test
  void unsafeIsATypeSafetySignal() {
    var c = constraint(SET, "type-safety.no-unsafe");
    assertEquals(ConstraintKind.TYPE_SAFETY, c.kind());
    assertEquals(Tier.SOFT, c.tier());
    assertEquals(121, c.origin().line());
    assertTrue(c.description().startsWith("'unsafe' is used 2 times"), c.description());
  }

  @Test
  void namingConventions() {
    var functions = (NamingConvention) constraint(SET, "naming.rust.function").payload();
    assertEquals(new NamingConvention(IdentifierCategory.FUNCTION, NamingStyle.SNAKE_CASE, 14, 14), functions);
    var types = (NamingConvention) constraint(SET, "naming.rust.type").payload();
    assertEquals(new NamingConvention(IdentifierCategory.TYPE, NamingStyle.PASCAL_CASE, 7, 7), types);
  }

  @Test
  void syntaxErrorKeepsTheValidParts() {
    ExtractionResult r = Samples.extract("rust/broken.rs");
    ConstraintSet set = r.constraints();
    assertEquals(List.of("rust/broken.rs:7:21: warning: syntax error: missing ')'; extracted what the rest of the file gives",
        "rust/broken.rs:8:8: warning: syntax error: missing 'identifier'; extracted what the rest of the file gives"),
        r.diagnostics().stream().map(Object::toString).toList());
    var errors = Samples.all(set, "syntax-error");
    assertEquals(2, errors.size());
    assertEquals(new ParseError(7, 21, "syntax error: missing ')'"), errors.getFirst().payload());
    assertEquals("i32", function(set, "ok_before").returnType());
    assertEquals(List.of(new Field("name", "String", false)), type(set, "AfterError").fields());
    assertLine(11, set, "type.AfterError");
  }
}
