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

import dev.ananke.core.ConstraintSet;
import dev.ananke.core.payload.AsyncStyle;
import dev.ananke.core.payload.ErrorIdiom;
import dev.ananke.core.payload.Field;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.core.payload.ImportSet;
import dev.ananke.core.payload.NamingConvention;
import dev.ananke.core.payload.NamingStyle;
import dev.ananke.core.payload.Parameter;
import dev.ananke.core.payload.TypeDeclaration;
import dev.ananke.core.payload.TypeKind;
import dev.ananke.core.payload.Visibility;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact facts of samples/java/com/acme/billing/InvoiceService.java. */
class JavaExtractionTest {
  private static final ExtractionResult RESULT = Samples.extract("java/com/acme/billing/InvoiceService.java");
  private static final ConstraintSet SET = RESULT.constraints();

  @Test
  void fileParsesCleanly() {
    assertEquals(List.of(), RESULT.diagnostics());
  }

  @Test
  void methodWithThrowsClause() {
    FunctionSignature f = function(SET, "InvoiceService.findInvoice");
    assertEquals(List.of(Parameter.of("invoiceId", "String")), f.parameters());
    assertEquals("Invoice", f.returnType());
    assertEquals(Visibility.PUBLIC, f.visibility());
    assertEquals("public Invoice findInvoice(String invoiceId) throws SQLException", f.signature());
    assertLine(24, SET, "function.InvoiceService.findInvoice");
  }

  @Test
  void completableFutureIsAsync() {
    FunctionSignature f = function(SET, "InvoiceService.loadAll");
    assertTrue(f.async());
    assertEquals("CompletableFuture<List<Invoice>>", f.returnType());
  }

  @Test
  void genericsVarargsAndPackageVisibility() {
    FunctionSignature f = function(SET, "InvoiceService.maxOf");
    assertEquals(List.of("T extends Comparable<T>"), f.typeParameters());
    assertEquals(List.of(Parameter.of("values", "List<T>"), new Parameter("extra", "T...", false, true, null)),
        f.parameters());
    assertEquals(Visibility.PACKAGE, f.visibility());
    assertEquals(Visibility.PRIVATE, function(SET, "InvoiceService.loadQuietly").visibility());
  }

  /** A C-style array parameter ({@code String args[]}) has the array in its type. */
  @Test
  void cStyleArrayDimensionsAreInTheType() {
    ConstraintSet set = Clew.builder().build().extractSource("Main.java",
        "class Main {\n  static void main(String args[], int grid[][], long n) {}\n}\n", "java").constraints();
    assertEquals(List.of(Parameter.of("args", "String[]"), Parameter.of("grid", "int[][]"), Parameter.of("n", "long")),
        function(set, "Main.main").parameters());
  }

  @Test
  void constructorAndOverrideAnnotationIsNotInTheSignature() {
    FunctionSignature ctor = function(SET, "InvoiceService.InvoiceService");
    assertNull(ctor.returnType());
    assertEquals(List.of(Parameter.of("connection", "Connection")), ctor.parameters());
    assertEquals("public void close()", function(SET, "InvoiceService.close").signature());
  }

  @Test
  void nestedInterfaceMethodIsPublic() {
    FunctionSignature f = function(SET, "InvoiceService.Listener.onSettled");
    assertEquals(Visibility.PUBLIC, f.visibility());
    assertEquals("void", f.returnType());
    assertEquals(TypeKind.INTERFACE, type(SET, "InvoiceService.Listener").kind());
  }

  @Test
  void classRecordAndEnum() {
    TypeDeclaration service = type(SET, "InvoiceService");
    assertEquals(TypeKind.CLASS, service.kind());
    assertEquals(List.of("AbstractService", "AutoCloseable", "Auditable"), service.supertypes());
    assertEquals(List.of(new Field("connection", "Connection", false), new Field("lock", "ReentrantLock", false),
        new Field("retries", "int", false)), service.fields());
    TypeDeclaration line = type(SET, "InvoiceService.Line");
    assertEquals(TypeKind.RECORD, line.kind());
    assertEquals(List.of(new Field("sku", "String", false), new Field("quantity", "int", false),
        new Field("unitCents", "long", false)), line.fields());
    assertEquals(List.of("DRAFT", "ISSUED", "PAID"), type(SET, "InvoiceService.Status").variants());
    assertLine(66, SET, "type.InvoiceService.Line");
  }

  @Test
  void importsGroupedByPackage() {
    assertEquals(new ImportSet("java.sql", List.of("Connection", "ResultSet", "SQLException"), null, false),
        importOf(SET, "java.sql"));
    assertEquals(new ImportSet("static java.util.Objects", List.of("requireNonNull"), null, false),
        importOf(SET, "static java.util.Objects"));
    assertEquals(new ImportSet("com.acme.billing.model", List.of(), null, true), importOf(SET, "com.acme.billing.model"));
    assertLine(3, SET, "import.java.sql");
  }

  @Test
  void errorAndConcurrencyIdioms() {
    assertEquals(2, errorIdiomCount(SET, ErrorIdiom.TRY_CATCH));
    assertEquals(1, errorIdiomCount(SET, ErrorIdiom.THROW));
    assertEquals(1, errorIdiomCount(SET, ErrorIdiom.IGNORED_ERROR));
    assertLine(42, SET, "error-idiom.ignored_error");
    assertEquals(1, asyncIdiomCount(SET, AsyncStyle.TASK_SPAWN));
    assertEquals(1, asyncIdiomCount(SET, AsyncStyle.PROMISE_THEN));
    assertEquals(2, asyncIdiomCount(SET, AsyncStyle.LOCK));
  }

  @Test
  void securitySmells() {
    var sql = constraint(SET, "security.sql-injection");
    assertEquals(25, sql.origin().line());
    assertEquals(2, sql.frequency()); // the local variable and the executeQuery argument
    assertLine(57, SET, "security.shell-exec");
    assertLine(15, SET, "security.hardcoded-secret");
  }

  @Test
  void namingConventions() {
    var methods = (NamingConvention) constraint(SET, "naming.java.function").payload();
    assertEquals(NamingStyle.CAMEL_CASE, methods.style());
    assertEquals(7, methods.total());
    assertEquals(NamingStyle.PASCAL_CASE, ((NamingConvention) constraint(SET, "naming.java.type").payload()).style());
  }
}
