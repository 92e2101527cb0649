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
import dev.ananke.core.Priority;
import dev.ananke.core.Tier;
import dev.ananke.core.payload.AsyncStyle;
import dev.ananke.core.payload.ErrorIdiom;
import dev.ananke.core.payload.Field;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.core.payload.IdentifierCategory;
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

/** Exact facts of samples/typescript/user_service.ts. */
class TypeScriptExtractionTest {
  private static final ExtractionResult RESULT = Samples.extract("typescript/user_service.ts");
  private static final ConstraintSet SET = RESULT.constraints();

  @Test
  void fileParsesCleanly() {
    assertEquals(List.of(), RESULT.diagnostics());
  }

  @Test
  void asyncMethodWithItsFullSignature() {
    FunctionSignature f = function(SET, "UserService.getUser");
    assertEquals(List.of(Parameter.of("id", "string")), f.parameters());
    assertEquals("Promise<User>", f.returnType());
    assertTrue(f.async());
    assertEquals(Visibility.PUBLIC, f.visibility());
    assertEquals("UserService", f.enclosingType());
    assertEquals("async getUser(id: string): Promise<User>", f.signature());
    assertLine(43, SET, "function.UserService.getUser");
    assertEquals(Tier.HARD, constraint(SET, "function.UserService.getUser").tier());
  }

  @Test
  void defaultAndRestParameters() {
    FunctionSignature f = function(SET, "UserService.listUsers");
    assertEquals(List.of(
        new Parameter("limit", "number", false, false, "50"),
        new Parameter("roles", "UserRole[]", false, true, null)), f.parameters());
    assertEquals("Promise<User[]>", f.returnType());
  }

  @Test
  void genericsAndVisibilityModifiers() {
    FunctionSignature toDto = function(SET, "UserService.toDto");
    assertEquals(List.of("T extends User"), toDto.typeParameters());
    assertEquals(Visibility.PRIVATE, toDto.visibility());
    assertEquals("Record<string, unknown>", toDto.returnType());
    assertEquals(Visibility.PROTECTED, function(SET, "UserService.findByEmail").visibility());
    assertEquals(List.of(Parameter.of("repo", "Repository<User>")), function(SET, "UserService.constructor").parameters());
  }

  @Test
  void exportedAndModulePrivateFunctions() {
    FunctionSignature fetch = function(SET, "fetchAvatars");
    assertTrue(fetch.async());
    assertEquals(Visibility.PUBLIC, fetch.visibility());
    assertNull(fetch.enclosingType());
    assertEquals(Visibility.PACKAGE, function(SET, "runReport").visibility());
    assertEquals("void", function(SET, "runReport").returnType());
  }

  @Test
  void arrowFunctionBoundToAConstant() {
    FunctionSignature f = function(SET, "hashPassword");
    assertEquals(List.of(Parameter.of("password", "string"), new Parameter("salt", "string", true, false, null)),
        f.parameters());
    assertEquals("string", f.returnType());
    assertEquals("const hashPassword = (password: string, salt?: string): string", f.signature());
    assertLine(82, SET, "function.hashPassword");
  }

  @Test
  void interfaceSignatureMember() {
    FunctionSignature f = function(SET, "UserLookup.getUser");
    assertEquals("Promise<User>", f.returnType());
    assertEquals(Visibility.PACKAGE, type(SET, "UserLookup").visibility());
  }

  @Test
  void interfaceWithOptionalFields() {
    TypeDeclaration user = type(SET, "User");
    assertEquals(TypeKind.INTERFACE, user.kind());
    assertEquals(List.of(new Field("id", "string", false), new Field("email", "string", false),
        new Field("displayName", "string", true), new Field("createdAt", "Date", false)), user.fields());
    assertEquals(Visibility.PUBLIC, user.visibility());
    assertLine(12, SET, "type.User");
  }

  @Test
  void unionAliasAndEnum() {
    TypeDeclaration role = type(SET, "UserRole");
    assertEquals(TypeKind.ALIAS, role.kind());
    assertEquals("\"admin\" | \"editor\" | \"viewer\"", role.aliasOf());
    assertEquals("Partial<User>", type(SET, "UserPatch").aliasOf());
    TypeDeclaration status = type(SET, "AccountStatus");
    assertEquals(TypeKind.ENUM, status.kind());
    assertEquals(List.of("Active", "Suspended", "Deleted"), status.variants());
  }

  @Test
  void classWithHeritageAndFields() {
    TypeDeclaration service = type(SET, "UserService");
    assertEquals(TypeKind.CLASS, service.kind());
    assertEquals(List.of("UserLookup"), service.supertypes());
    assertEquals(List.of(new Field("logger", null, false), new Field("cache", "Map<string, User>", false),
        new Field("retries", "number", true)), service.fields());
    assertEquals(List.of("Error"), type(SET, "UserNotFoundError").supertypes());
  }

  @Test
  void importsWithTheirSymbols() {
    assertEquals(new ImportSet("@nestjs/common", List.of("Injectable", "Logger"), null, false),
        importOf(SET, "@nestjs/common"));
    assertEquals(new ImportSet("typeorm", List.of("Repository"), null, false), importOf(SET, "typeorm"));
    assertEquals(new ImportSet("crypto", List.of(), "crypto", true), importOf(SET, "crypto"));
    assertEquals(new ImportSet("axios", List.of(), "axios", false), importOf(SET, "axios"));
    assertEquals(new ImportSet("./polyfills", List.of(), null, false), importOf(SET, "./polyfills"));
    assertLine(5, SET, "import.child_process");
  }

  @Test
  void errorAndAsyncIdioms() {
    assertEquals(2, errorIdiomCount(SET, ErrorIdiom.TRY_CATCH));
    assertEquals(2, errorIdiomCount(SET, ErrorIdiom.THROW));
    assertEquals(1, errorIdiomCount(SET, ErrorIdiom.IGNORED_ERROR));
    assertLine(89, SET, "error-idiom.ignored_error");
    assertEquals(2, asyncIdiomCount(SET, AsyncStyle.ASYNC_AWAIT));
    assertEquals(2, asyncIdiomCount(SET, AsyncStyle.PROMISE_THEN));
    assertEquals(1, asyncIdiomCount(SET, AsyncStyle.GATHER));
    assertEquals(Tier.SOFT, constraint(SET, "error-idiom.try_catch").tier());
  }

  @Test
  void securitySmells() {
    assertLine(88, SET, "security.eval");
    assertLine(95, SET, "security.function-constructor");
    assertLine(86, SET, "security.shell-exec");
    assertLine(61, SET, "security.sql-injection");
    assertLine(9, SET, "security.hardcoded-secret");
    var eval = constraint(SET, "security.eval");
    assertEquals(ConstraintKind.SECURITY, eval.kind());
    assertEquals(Tier.HARD, eval.tier());
    assertEquals(Priority.CRITICAL, eval.priority());
    assertTrue(((dev.ananke.core.payload.ForbiddenPattern) constraint(SET, "security.hardcoded-secret").payload())
        .reason().contains("API_KEY"));
  }

  @Test
  void anyIsATypeSafetySignal() {
    var c = constraint(SET, "type-safety.no-any");
    assertEquals(new TypeBound("*", null, List.of("any"), false), c.payload());
    assertEquals(65, c.origin().line());
    assertTrue(c.description().startsWith("'any' is used 3 times"), c.description());
  }

  @Test
  void namingConventions() {
    var functions = (NamingConvention) constraint(SET, "naming.typescript.function").payload();
    assertEquals(new NamingConvention(IdentifierCategory.FUNCTION, NamingStyle.CAMEL_CASE, 9, 9), functions);
    var types = (NamingConvention) constraint(SET, "naming.typescript.type").payload();
    assertEquals(NamingStyle.PASCAL_CASE, types.style());
    assertEquals(7, types.total());
  }

  @Test
  void tsxUsesItsOwnGrammar() {
    String tsx = """
        import React from "react";

        export function Greeting({ name }: { name: string }): JSX.Element {
          return <div className="greeting">Hello {name}</div>;
        }
        """;
    ExtractionResult r = Clew.builder().build().extractSource("Greeting.tsx", tsx, null);
    assertEquals(List.of(), r.diagnostics());
    FunctionSignature f = function(r.constraints(), "Greeting");
    assertEquals("JSX.Element", f.returnType());
    assertEquals("{ name }", f.parameters().getFirst().name());
    assertFalse(f.async());
  }
}
