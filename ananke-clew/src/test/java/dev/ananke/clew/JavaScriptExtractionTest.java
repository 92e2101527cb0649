package dev.ananke.clew;

import static dev.ananke.clew.Samples.asyncIdiomCount;
import static dev.ananke.clew.Samples.assertLine;
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
import dev.ananke.core.payload.Parameter;
import dev.ananke.core.payload.TypeDeclaration;
import dev.ananke.core.payload.TypeKind;
import dev.ananke.core.payload.Visibility;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact facts of samples/javascript/cart.js. */
class JavaScriptExtractionTest {
  private static final ExtractionResult RESULT = Samples.extract("javascript/cart.js");
  private static final ConstraintSet SET = RESULT.constraints();

  @Test
  void fileParsesCleanly() {
    assertEquals(List.of(), RESULT.diagnostics());
  }

  @Test
  void untypedMethodWithDefaultsAndRest() {
    FunctionSignature f = function(SET, "CartStore.addItem");
    assertEquals(List.of(Parameter.of("sku", null), new Parameter("quantity", null, false, false, "1"),
        new Parameter("tags", null, false, true, null)), f.parameters());
    assertTrue(f.async());
    assertNull(f.returnType());
    assertEquals("async addItem(sku, quantity = 1, ...tags)", f.signature());
    assertLine(20, SET, "function.CartStore.addItem");
  }

  @Test
  void staticMethodAndConstructor() {
    assertEquals("static fromJSON(json)", function(SET, "CartStore.fromJSON").signature());
    assertEquals(List.of(Parameter.of("owner", null), new Parameter("options", null, false, false, "{}")),
        function(SET, "CartStore.constructor").parameters());
  }

  @Test
  void functionsAndArrowFunctions() {
    FunctionSignature checkout = function(SET, "checkout");
    assertTrue(checkout.async());
    assertEquals(Visibility.PACKAGE, checkout.visibility());
    assertLine(32, SET, "function.checkout");
    assertEquals("const loadAll = (ids)", function(SET, "loadAll").signature());
  }

  @Test
  void classWithFields() {
    TypeDeclaration cart = type(SET, "CartStore");
    assertEquals(TypeKind.CLASS, cart.kind());
    assertEquals(List.of("EventEmitter"), cart.supertypes());
    assertEquals(List.of(new Field("items", null, false), new Field("#secretToken", null, false)), cart.fields());
  }

  @Test
  void importsAndRequires() {
    assertEquals(new ImportSet("express", List.of(), "express", false), importOf(SET, "express"));
    assertEquals(new ImportSet("child_process", List.of("exec", "execFile"), null, false), importOf(SET, "child_process"));
    assertEquals(new ImportSet("./money.js", List.of("formatPrice", "parsePrice"), null, false), importOf(SET, "./money.js"));
    assertEquals(new ImportSet("./db.js", List.of(), "db", true), importOf(SET, "./db.js"));
  }

  @Test
  void idioms() {
    assertEquals(1, errorIdiomCount(SET, ErrorIdiom.TRY_CATCH));
    assertEquals(1, errorIdiomCount(SET, ErrorIdiom.THROW));
    assertEquals(1, errorIdiomCount(SET, ErrorIdiom.IGNORED_ERROR)); // .catch(() => {})
    assertLine(47, SET, "error-idiom.ignored_error");
    assertEquals(2, asyncIdiomCount(SET, AsyncStyle.ASYNC_AWAIT));
    assertEquals(1, asyncIdiomCount(SET, AsyncStyle.GATHER));
    assertEquals(1, asyncIdiomCount(SET, AsyncStyle.PROMISE_THEN));
  }

  @Test
  void securitySmells() {
    assertLine(35, SET, "security.sql-injection");
    assertLine(46, SET, "security.shell-exec");
    assertLine(48, SET, "security.eval");
    assertEquals(List.of(8, 13), Samples.all(SET, "security.hardcoded-secret").stream()
        .map(c -> c.origin().line()).toList());
  }
}
