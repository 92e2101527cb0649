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

import dev.ananke.core.ConstraintSet;
import dev.ananke.core.payload.AsyncStyle;
import dev.ananke.core.payload.ErrorIdiom;
import dev.ananke.core.payload.Field;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.core.payload.ImportSet;
import dev.ananke.core.payload.NamingConvention;
import dev.ananke.core.payload.NamingStyle;
import dev.ananke.core.payload.Parameter;
import dev.ananke.core.payload.TypeBound;
import dev.ananke.core.payload.TypeDeclaration;
import dev.ananke.core.payload.TypeKind;
import dev.ananke.core.payload.Visibility;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact facts of samples/python/orders.py. */
class PythonExtractionTest {
  private static final ExtractionResult RESULT = Samples.extract("python/orders.py");
  private static final ConstraintSet SET = RESULT.constraints();

  @Test
  void fileParsesCleanly() {
    assertEquals(List.of(), RESULT.diagnostics());
  }

  @Test
  void asyncMethodWithoutItsReceiver() {
    FunctionSignature f = function(SET, "OrderService.get_order");
    assertEquals(List.of(Parameter.of("order_id", "str")), f.parameters());
    assertEquals("Optional[Order]", f.returnType());
    assertTrue(f.async());
    assertEquals("async def get_order(self, order_id: str) -> Optional[Order]", f.signature());
    assertLine(44, SET, "function.OrderService.get_order");
  }

  @Test
  void keywordOnlyDefaultsAndPrivateMethods() {
    FunctionSignature ship = function(SET, "OrderService.ship_all");
    assertEquals(List.of(Parameter.of("orders", "list[Order]"), new Parameter("dry_run", "bool", false, false, "False")),
        ship.parameters());
    assertEquals("int", ship.returnType());
    FunctionSignature priv = function(SET, "OrderService._ship");
    assertEquals(Visibility.PRIVATE, priv.visibility());
    assertNull(priv.returnType());
  }

  @Test
  void staticMethodKeepsItsFirstParameterAndSplats() {
    FunctionSignature f = function(SET, "OrderService.find_by_customer");
    assertEquals(List.of(Parameter.of("cursor", null), Parameter.of("customer_id", null),
        new Parameter("args", null, false, true, null), new Parameter("kwargs", null, false, true, null)),
        f.parameters());
  }

  @Test
  void moduleFunctions() {
    FunctionSignature export = function(SET, "export_orders");
    assertEquals("None", export.returnType());
    assertNull(export.enclosingType());
    assertFalse(export.async());
    assertLine(68, SET, "function.export_orders");
    assertEquals(List.of(Parameter.of("repo", null), Parameter.of("notifier", "Notifier")),
        function(SET, "OrderService.__init__").parameters());
  }

  @Test
  void dataclassEnumProtocolAndAlias() {
    TypeDeclaration order = type(SET, "Order");
    assertEquals(TypeKind.CLASS, order.kind());
    assertEquals(List.of(new Field("order_id", "str", false), new Field("customer_id", "str", false),
        new Field("total_cents", "int", true), new Field("note", "Optional[str]", true),
        new Field("items", "list[str]", true)), order.fields());
    TypeDeclaration status = type(SET, "OrderStatus");
    assertEquals(TypeKind.ENUM, status.kind());
    assertEquals(List.of("PENDING", "PAID", "SHIPPED"), status.variants());
    assertEquals(TypeKind.INTERFACE, type(SET, "Notifier").kind());
    assertEquals("dict[str, Order]", type(SET, "OrderMap").aliasOf());
    assertLine(17, SET, "type.OrderStatus");
  }

  @Test
  void imports() {
    assertEquals(new ImportSet("typing", List.of("Optional", "Protocol"), null, false), importOf(SET, "typing"));
    assertEquals(new ImportSet("subprocess", List.of(), "sp", false), importOf(SET, "subprocess"));
    assertEquals(new ImportSet(".db", List.of("connection"), null, false), importOf(SET, ".db"));
    assertEquals(new ImportSet(".models", List.of(), null, true), importOf(SET, ".models"));
    assertLine(4, SET, "import.os");
  }

  @Test
  void errorAndAsyncIdioms() {
    assertEquals(2, errorIdiomCount(SET, ErrorIdiom.TRY_EXCEPT));
    assertEquals(1, errorIdiomCount(SET, ErrorIdiom.THROW));
    assertEquals(1, errorIdiomCount(SET, ErrorIdiom.IGNORED_ERROR));
    assertLine(73, SET, "error-idiom.ignored_error");
    assertEquals(2, asyncIdiomCount(SET, AsyncStyle.ASYNC_AWAIT));
    assertEquals(1, asyncIdiomCount(SET, AsyncStyle.GATHER));
    assertEquals(1, asyncIdiomCount(SET, AsyncStyle.TASK_SPAWN));
  }

  @Test
  void securitySmells() {
    assertLine(78, SET, "security.exec");
    assertLine(79, SET, "security.eval");
    assertLine(64, SET, "security.sql-injection");
    assertLine(13, SET, "security.hardcoded-secret");
    var shells = Samples.all(SET, "security.shell-exec");
    assertEquals(List.of(69, 70), shells.stream().map(c -> c.origin().line()).toList());
  }

  @Test
  void missingAnnotationsAreCounted() {
    var c = constraint(SET, "type-safety.annotations");
    assertEquals(new TypeBound("*", null, List.of(), true), c.payload());
    // 21 slots: notify 3, __init__ 2, get_order 2, ship_all 3, _ship 2, find_by_customer 5, export_orders 2, run_hook 2
    // 10 missing: repo, _ship 2, find_by_customer 5, run_hook 2
    assertTrue(c.description().startsWith("10 of 21 parameters and return types lack annotations"), c.description());
    assertEquals(40, c.origin().line());
  }

  @Test
  void namingConventions() {
    assertEquals(NamingStyle.SNAKE_CASE, ((NamingConvention) constraint(SET, "naming.python.function").payload()).style());
    assertEquals(NamingStyle.SNAKE_CASE, ((NamingConvention) constraint(SET, "naming.python.variable").payload()).style());
    assertEquals(NamingStyle.SCREAMING_SNAKE_CASE,
        ((NamingConvention) constraint(SET, "naming.python.constant").payload()).style());
    assertEquals(NamingStyle.PASCAL_CASE, ((NamingConvention) constraint(SET, "naming.python.type").payload()).style());
  }
}
