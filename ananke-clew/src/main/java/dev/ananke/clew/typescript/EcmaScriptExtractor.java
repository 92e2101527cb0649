package dev.ananke.clew.typescript;

import static dev.ananke.clew.spi.Nodes.field;
import static dev.ananke.clew.spi.Nodes.fieldText;
import static dev.ananke.clew.spi.Nodes.hasChildOfType;

import dev.ananke.clew.spi.Facts;
import dev.ananke.clew.spi.LanguageSpec;
import dev.ananke.clew.spi.Match;
import dev.ananke.clew.spi.Nodes;
import dev.ananke.clew.spi.Offsets;
import dev.ananke.clew.spi.Scopes;
import dev.ananke.clew.spi.SecuritySmells;
import dev.ananke.clew.spi.Signatures;
import dev.ananke.clew.spi.SourceFile;
import dev.ananke.core.Origin;
import dev.ananke.core.payload.AsyncStyle;
import dev.ananke.core.payload.ErrorIdiom;
import dev.ananke.core.payload.Field;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.core.payload.IdentifierCategory;
import dev.ananke.core.payload.ImportSet;
import dev.ananke.core.payload.Parameter;
import dev.ananke.core.payload.TypeBound;
import dev.ananke.core.payload.TypeDeclaration;
import dev.ananke.core.payload.TypeKind;
import dev.ananke.core.payload.Visibility;
import dev.ananke.clew.spi.SyntaxNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Extracts TypeScript, TSX and JavaScript: the grammars share their node names, and the
 * JavaScript query simply has no type patterns. Driven by the language's query; each match is
 * one declaration, statement or expression worth a look.
 */
public final class EcmaScriptExtractor implements LanguageSpec.Extractor {
  private final boolean typed;

  /** @param typed the grammar has type annotations (TypeScript) */
  public EcmaScriptExtractor(boolean typed) {
    this.typed = typed;
  }

  @Override
  public void extract(SourceFile file, Facts facts) {
    Run run = new Run(file, facts);
    for (Match m : file.matches()) {
      run.visit(m);
    }
    run.finish();
  }

  private static final Set<String> CLASS_TYPES = Set.of("class_declaration", "abstract_class_declaration", "class");
  private static final Set<String> FUNCTION_VALUES = Set.of("arrow_function", "function_expression", "function");
  private static final Set<String> SQL_CALLS = Set.of("query", "execute", "raw", "exec", "prepare", "run", "all", "get");
  private static final Set<String> CHILD_PROCESS = Set.of("child_process", "node:child_process");
  private static final Set<String> SHELL_FUNCTIONS = Set.of("exec", "execSync");
  /** Methods whose calls say something: promise idioms, shell execution. */
  private static final Set<String> INTERESTING_METHODS =
      Set.of("then", "catch", "all", "allSettled", "race", "any", "exec", "execSync");

  /** Per-file state: the matches of one file in document order. */
  private final class Run {
    final SourceFile file;
    final Facts facts;
    /** Local names bound to child_process's shell functions or to the module itself. */
    final Set<String> shellFunctions = new HashSet<>();
    final Set<String> childProcessModules = new HashSet<>();
    /** Merges repeated imports of one module (import type + import). */
    final Map<String, ImportAcc> imports = new LinkedHashMap<>();
    /** Nodes already reported as SQL, so a nested concatenation is not reported again. */
    final Scopes scopes = new Scopes();
    /** Start bytes of exported declarations (recorded at the export, which comes first). */
    final Offsets exported = new Offsets();
    /** End of the last string concatenation looked at: the ones nested in it are not reported again. */
    int concatEnd = -1;
    int anyCount;
    @Nullable Origin firstAny;

    Run(SourceFile file, Facts facts) {
      this.file = file;
      this.facts = facts;
    }

    void visit(Match m) {
      SyntaxNode node = m.node();
      switch (m.name()) {
        case "function" -> function(node, null, null, false);
        case "method" -> function(node, null, null, true);
        case "lambda" -> {
          scopes.enclosing(node);
          scopes.push(node, Scopes.Kind.FUNCTION, "");
        }
        case "export" -> {
          SyntaxNode declaration = m.capture("export.declaration");
          if (declaration != null) exported.add(declaration.getStartByte());
        }
        case "variable" -> variable(node, m.capture("variable.declaration"));
        case "class" -> classDeclaration(node);
        case "interface" -> interfaceDeclaration(node);
        case "alias" -> alias(node);
        case "enum" -> enumDeclaration(node);
        case "field" -> fieldDefinition(node);
        case "import" -> importStatement(node);
        case "try" -> {
          if (field(node, "handler") != null) facts.errorIdiom(ErrorIdiom.TRY_CATCH, node);
        }
        case "catch" -> {
          SyntaxNode body = field(node, "body");
          if (body != null && isEmptyBlock(body)) facts.errorIdiom(ErrorIdiom.IGNORED_ERROR, node);
        }
        case "throw" -> facts.errorIdiom(ErrorIdiom.THROW, node);
        case "await" -> facts.asyncIdiom(AsyncStyle.ASYNC_AWAIT, node);
        case "call" -> call(node);
        case "new" -> newExpression(node);
        case "assignment" -> {
          SyntaxNode left = field(node, "left");
          if (left != null) secret(node, lastName(file.text(left)), field(node, "right"));
        }
        case "pair" -> {
          SyntaxNode key = field(node, "key");
          if (key != null) secret(node, Nodes.unquote(file.text(key)), field(node, "value"));
        }
        case "template", "concat" -> sql(node);
        case "any" -> { // the query matches `any` only
          if (firstAny == null) firstAny = file.origin(node);
          anyCount++;
        }
        default -> { } // helper captures
      }
    }

    void finish() {
      imports.forEach((module, acc) -> facts.imports(acc.at,
          new ImportSet(module, List.copyOf(acc.symbols), acc.alias, acc.wildcard)));
      if (anyCount > 0 && firstAny != null) {
        facts.typeBound(firstAny, "no-any", new TypeBound("*", null, List.of("any"), false),
            "'any' is used " + anyCount + " time" + (anyCount == 1 ? "" : "s")
                + " in " + file.path() + ": new code should use precise types, not any", 0.8);
      }
    }

    // ---- functions ----------------------------------------------------------------------

    /**
     * A function, method or signature. {@code declarator} is the variable or class field it is
     * bound to, and {@code declaration} the statement declaring that variable. Only top-level
     * functions and the members of named classes and interfaces are signatures worth keeping:
     * functions local to another function are skipped.
     */
    void function(SyntaxNode node, @Nullable SyntaxNode declarator, @Nullable SyntaxNode declaration, boolean member) {
      Scopes.Scope scope = scopes.enclosing(declarator != null ? declarator : node);
      scopes.push(node, Scopes.Kind.FUNCTION, "");
      SyntaxNode nameNode = declarator != null ? field(declarator, "name") : field(node, "name");
      if (declarator != null && nameNode == null) nameNode = field(declarator, "property");
      if (nameNode == null) return;
      boolean inType = scope != null && scope.kind() == Scopes.Kind.TYPE;
      if (member != inType || (scope != null && !inType)) return; // local, or in an object literal
      if (inType && scope.name().isEmpty()) return; // a member of an anonymous class
      String name = file.text(nameNode);
      String enclosing = inType ? scope.name() : null;
      List<Parameter> params = parameters(node);
      String returnType = typeOf(field(node, "return_type"));
      boolean async = hasChildOfType(node, "async");
      SyntaxNode statement = declaration != null ? declaration : node;
      Visibility visibility = inType ? memberVisibility(declarator != null ? declarator : node, nameNode)
          : exported(statement) ? Visibility.PUBLIC : Visibility.PACKAGE;
      List<String> typeParameters = typeParameters(node);
      // A function bound to a variable is declared by its statement: `export const f = (...) =>`.
      String signature = signature(declarator == null ? node : declaration != null ? declaration : declarator, node);
      SyntaxNode at = declaration != null ? declaration : declarator != null ? declarator : node;
      facts.function(at, new FunctionSignature(name, params, returnType, async, visibility, enclosing,
          typeParameters, signature));
      if (!name.equals("constructor")) facts.name(IdentifierCategory.FUNCTION, name);
      for (Parameter p : params) {
        if (isIdentifier(p.name())) facts.name(IdentifierCategory.PARAMETER, p.name());
      }
    }

    /** A plain name, not a destructuring pattern ({@code {a, b}}): only those have a naming style. */
    static boolean isIdentifier(String name) {
      for (int i = 0, n = name.length(); i < n; i++) {
        if (!Character.isJavaIdentifierPart(name.charAt(i))) return false;
      }
      return true;
    }

    List<Parameter> parameters(SyntaxNode function) {
      SyntaxNode single = field(function, "parameter"); // x => ...
      if (single != null) return List.of(Parameter.of(file.text(single), null));
      SyntaxNode list = field(function, "parameters");
      if (list == null) return List.of();
      List<Parameter> out = new ArrayList<>();
      for (SyntaxNode p : list.getNamedChildren()) {
        Parameter param = parameter(p);
        if (param != null && !Signatures.hasParameter(out, param.name())) out.add(param);
      }
      return out;
    }

    @Nullable Parameter parameter(SyntaxNode p) {
      return switch (p.getType()) {
        case "required_parameter", "optional_parameter" -> {
          SyntaxNode pattern = field(p, "pattern");
          if (pattern == null) yield null;
          boolean rest = pattern.getType().equals("rest_pattern");
          String name = rest ? restName(pattern) : file.text(pattern);
          if (name.equals("this")) yield null; // a `this` type annotation, not a parameter
          SyntaxNode value = field(p, "value");
          // optional means declared with `?`; a default value is reported as such
          yield new Parameter(Nodes.squash(name), typeOf(field(p, "type")),
              p.getType().equals("optional_parameter"), rest,
              value == null ? null : Nodes.squash(file.text(value)));
        }
        case "identifier" -> Parameter.of(file.text(p), null);
        case "assignment_pattern" -> {
          SyntaxNode left = field(p, "left");
          SyntaxNode right = field(p, "right");
          yield left == null ? null : new Parameter(Nodes.squash(file.text(left)), null, false, false,
              right == null ? null : Nodes.squash(file.text(right)));
        }
        case "rest_pattern" -> new Parameter(restName(p), null, false, true, null);
        case "object_pattern", "array_pattern" -> Parameter.of(Nodes.squash(file.text(p)), null);
        default -> null; // comments, decorators
      };
    }

    String restName(SyntaxNode rest) {
      String t = file.text(rest);
      return t.startsWith("...") ? t.substring(3).strip() : t;
    }

    /** The type in a type annotation ({@code : T} gives {@code T}), or null. */
    @Nullable String typeOf(@Nullable SyntaxNode annotation) {
      if (annotation == null) return null;
      String t = file.text(annotation).strip();
      if (t.startsWith(":")) t = t.substring(1).strip();
      return t.isEmpty() ? null : Nodes.squash(t);
    }

    List<String> typeParameters(SyntaxNode node) {
      SyntaxNode tp = field(node, "type_parameters");
      if (tp == null) return List.of();
      List<String> out = new ArrayList<>();
      for (SyntaxNode p : tp.getNamedChildren()) {
        if (p.getType().equals("type_parameter")) out.add(Nodes.squash(file.text(p)));
      }
      return out;
    }

    /** Source text from the declaration's start up to its body, on one line. */
    String signature(SyntaxNode from, SyntaxNode function) {
      String text = Nodes.squash(Signatures.textUpTo(file, from, field(function, "body")));
      if (text.endsWith("=>")) text = text.substring(0, text.length() - 2).strip();
      if (text.endsWith(";")) text = text.substring(0, text.length() - 1).strip();
      return text;
    }

    Visibility memberVisibility(SyntaxNode member, SyntaxNode nameNode) {
      if (nameNode.getType().equals("private_property_identifier")) return Visibility.PRIVATE;
      SyntaxNode modifier = Nodes.childOfType(member, "accessibility_modifier");
      if (modifier == null) return Visibility.PUBLIC;
      return switch (file.text(modifier)) {
        case "private" -> Visibility.PRIVATE;
        case "protected" -> Visibility.PROTECTED;
        default -> Visibility.PUBLIC;
      };
    }

    boolean exported(SyntaxNode declaration) {
      return exported.contains(declaration.getStartByte());
    }

    // ---- variables ----------------------------------------------------------------------

    void variable(SyntaxNode declarator, @Nullable SyntaxNode declaration) {
      SyntaxNode nameNode = field(declarator, "name");
      SyntaxNode value = field(declarator, "value");
      if (nameNode == null) return;
      String name = file.text(nameNode);
      if (value != null && FUNCTION_VALUES.contains(value.getType())) {
        function(value, declarator, declaration, false);
        return;
      }
      if (value != null && value.getType().equals("call_expression")) requireImport(nameNode, value);
      if (!nameNode.getType().equals("identifier")) return;
      boolean constant = declaration != null && value != null && scopes.topLevel(declarator) && isConstant(declaration, value);
      facts.name(constant ? IdentifierCategory.CONSTANT : IdentifierCategory.VARIABLE, name);
      secret(declarator, name, value);
    }

    /** A {@code const} bound to a literal (the caller checks that it is at top level). */
    boolean isConstant(SyntaxNode declaration, SyntaxNode value) {
      SyntaxNode keyword = declaration.getChild(0).orElse(null);
      if (keyword == null || !keyword.getType().equals("const")) return false;
      return switch (value.getType()) {
        case "number", "string", "true", "false", "regex" -> true;
        case "template_string" -> Nodes.childOfType(value, "template_substitution") == null;
        default -> false;
      };
    }

    void secret(SyntaxNode at, String name, @Nullable SyntaxNode value) {
      if (value == null || !SecuritySmells.isSecretName(name)) return;
      boolean literal = value.getType().equals("string")
          || (value.getType().equals("template_string") && Nodes.childOfType(value, "template_substitution") == null);
      if (literal && !Nodes.unquote(file.text(value)).isEmpty()) {
        facts.security(at, "hardcoded-secret", SecuritySmells.hardcodedSecret(name), 0.7);
      }
    }

    // ---- types --------------------------------------------------------------------------

    void classDeclaration(SyntaxNode node) {
      String name = fieldText(node, "name");
      scopes.enclosing(node);
      scopes.push(node, Scopes.Kind.TYPE, name == null ? "" : name);
      if (name == null) return; // an anonymous class expression
      List<String> supertypes = new ArrayList<>();
      SyntaxNode heritage = Nodes.childOfType(node, "class_heritage");
      if (heritage != null) {
        for (SyntaxNode clause : heritage.getNamedChildren()) {
          if (clause.getType().equals("extends_clause")) {
            for (SyntaxNode v : clause.getNamedChildren()) supertypes.add(Nodes.squash(file.text(v)));
          } else if (clause.getType().equals("implements_clause")) {
            for (SyntaxNode t : clause.getNamedChildren()) supertypes.add(Nodes.squash(file.text(t)));
          } else { // JavaScript: class_heritage holds the expression
            supertypes.add(Nodes.squash(file.text(clause)));
          }
        }
      }
      List<Field> fields = new ArrayList<>();
      SyntaxNode body = field(node, "body");
      if (body != null) {
        for (SyntaxNode member : body.getNamedChildren()) {
          if (member.getType().equals("public_field_definition") || member.getType().equals("field_definition")) {
            Field f = fieldOf(member);
            if (f != null && !Signatures.hasField(fields, f.name())) fields.add(f);
          }
        }
      }
      facts.type(node, new TypeDeclaration(name, TypeKind.CLASS, fields, typeParameters(node), supertypes,
          List.of(), null, exported(node) ? Visibility.PUBLIC : Visibility.PACKAGE));
      facts.name(IdentifierCategory.TYPE, name);
    }

    @Nullable Field fieldOf(SyntaxNode member) {
      SyntaxNode nameNode = field(member, "name");
      if (nameNode == null) nameNode = field(member, "property"); // JavaScript field_definition
      if (nameNode == null) return null;
      return new Field(Nodes.unquote(file.text(nameNode)), typeOf(field(member, "type")), hasChildOfType(member, "?"));
    }

    void fieldDefinition(SyntaxNode member) {
      SyntaxNode nameNode = field(member, "name");
      if (nameNode == null) nameNode = field(member, "property");
      if (nameNode == null) return;
      String name = file.text(nameNode);
      boolean isStaticReadonly = hasChildOfType(member, "static") && hasChildOfType(member, "readonly");
      facts.name(isStaticReadonly ? IdentifierCategory.CONSTANT : IdentifierCategory.FIELD, name.replace("#", ""));
      secret(member, name, field(member, "value"));
      SyntaxNode value = field(member, "value");
      if (value != null && FUNCTION_VALUES.contains(value.getType())) function(value, member, null, true);
    }

    void interfaceDeclaration(SyntaxNode node) {
      String name = fieldText(node, "name");
      if (name == null) return;
      scopes.enclosing(node);
      scopes.push(node, Scopes.Kind.TYPE, name);
      List<String> supertypes = new ArrayList<>();
      SyntaxNode ext = Nodes.childOfType(node, "extends_type_clause");
      if (ext != null) for (SyntaxNode t : ext.getNamedChildren()) supertypes.add(Nodes.squash(file.text(t)));
      SyntaxNode body = field(node, "body");
      facts.type(node, new TypeDeclaration(name, TypeKind.INTERFACE, body == null ? List.of() : propertySignatures(body),
          typeParameters(node), supertypes, List.of(), null, exported(node) ? Visibility.PUBLIC : Visibility.PACKAGE));
      facts.name(IdentifierCategory.TYPE, name);
    }

    List<Field> propertySignatures(SyntaxNode body) {
      List<Field> fields = new ArrayList<>();
      for (SyntaxNode member : body.getNamedChildren()) {
        if (!member.getType().equals("property_signature")) continue;
        Field f = fieldOf(member);
        if (f != null && !Signatures.hasField(fields, f.name())) {
          fields.add(f);
          facts.name(IdentifierCategory.FIELD, f.name());
        }
      }
      return fields;
    }

    void alias(SyntaxNode node) {
      String name = fieldText(node, "name");
      SyntaxNode value = field(node, "value");
      if (name == null || value == null) return;
      Visibility visibility = exported(node) ? Visibility.PUBLIC : Visibility.PACKAGE;
      TypeDeclaration decl;
      {
        // A union alias (`type Role = "admin" | "viewer"`) stays an ALIAS: UNION is for tagged
        // unions (Rust enums, Zig unions); the alias text lists the members.
        List<Field> fields = value.getType().equals("object_type") ? propertySignatures(value) : List.of();
        decl = new TypeDeclaration(name, TypeKind.ALIAS, fields, typeParameters(node), List.of(), List.of(),
            Nodes.squash(file.text(value)), visibility);
      }
      facts.type(node, decl);
      facts.name(IdentifierCategory.TYPE, name);
    }

    void enumDeclaration(SyntaxNode node) {
      String name = fieldText(node, "name");
      SyntaxNode body = field(node, "body");
      if (name == null || body == null) return;
      List<String> variants = new ArrayList<>();
      for (SyntaxNode member : body.getNamedChildren()) {
        SyntaxNode n = member.getType().equals("enum_assignment") ? field(member, "name") : member;
        if (n != null && !n.getType().equals("comment")) {
          String v = Nodes.unquote(file.text(n));
          if (!variants.contains(v)) variants.add(v);
        }
      }
      facts.type(node, new TypeDeclaration(name, TypeKind.ENUM, List.of(), List.of(), List.of(), variants, null,
          exported(node) ? Visibility.PUBLIC : Visibility.PACKAGE));
      facts.name(IdentifierCategory.TYPE, name);
    }

    // ---- imports ------------------------------------------------------------------------

    static final class ImportAcc {
      final SyntaxNode at;
      final Set<String> symbols = new java.util.TreeSet<>();
      @Nullable String alias;
      boolean wildcard;

      ImportAcc(SyntaxNode at) {
        this.at = at;
      }
    }

    void importStatement(SyntaxNode node) {
      SyntaxNode source = field(node, "source");
      if (source == null) return;
      String module = Nodes.unquote(file.text(source));
      if (module.isBlank()) return;
      ImportAcc acc = imports.computeIfAbsent(module, k -> new ImportAcc(node));
      SyntaxNode clause = Nodes.childOfType(node, "import_clause");
      if (clause == null) return; // import "./polyfill": a side effect, no symbols
      for (SyntaxNode part : clause.getNamedChildren()) {
        switch (part.getType()) {
          case "identifier" -> { // default import
            acc.alias = file.text(part);
            if (CHILD_PROCESS.contains(module)) childProcessModules.add(acc.alias);
          }
          case "namespace_import" -> {
            SyntaxNode id = Nodes.childOfType(part, "identifier");
            if (id != null) acc.alias = file.text(id);
            acc.wildcard = true;
            if (CHILD_PROCESS.contains(module) && acc.alias != null) childProcessModules.add(acc.alias);
          }
          case "named_imports" -> {
            for (SyntaxNode spec : part.getNamedChildren()) {
              if (!spec.getType().equals("import_specifier")) continue;
              String imported = Nodes.unquote(fieldText(spec, "name") == null ? file.text(spec) : fieldText(spec, "name"));
              String local = fieldText(spec, "alias");
              acc.symbols.add(imported);
              if (CHILD_PROCESS.contains(module) && SHELL_FUNCTIONS.contains(imported)) {
                shellFunctions.add(local != null ? local : imported);
              }
            }
          }
          default -> { }
        }
      }
    }

    /** {@code const x = require("m")} and {@code const {a, b} = require("m")}. */
    void requireImport(SyntaxNode nameNode, SyntaxNode call) {
      SyntaxNode fn = field(call, "function");
      SyntaxNode args = field(call, "arguments");
      if (fn == null || args == null || !file.text(fn).equals("require")) return;
      SyntaxNode arg = args.getNamedChildCount() == 1 ? args.getNamedChild(0).orElse(null) : null;
      if (arg == null || !arg.getType().equals("string")) return;
      String module = Nodes.unquote(file.text(arg));
      ImportAcc acc = imports.computeIfAbsent(module, k -> new ImportAcc(call));
      if (nameNode.getType().equals("identifier")) {
        acc.alias = file.text(nameNode);
        if (CHILD_PROCESS.contains(module)) childProcessModules.add(acc.alias);
      } else if (nameNode.getType().equals("object_pattern")) {
        for (SyntaxNode p : nameNode.getNamedChildren()) {
          SyntaxNode key = p.getType().equals("pair_pattern") ? field(p, "key") : p;
          if (key == null) continue;
          String imported = file.text(key);
          if (p.getType().equals("shorthand_property_identifier_pattern") || p.getType().equals("pair_pattern")) {
            acc.symbols.add(imported);
            if (CHILD_PROCESS.contains(module) && SHELL_FUNCTIONS.contains(imported)) {
              SyntaxNode local = p.getType().equals("pair_pattern") ? field(p, "value") : p;
              shellFunctions.add(local == null ? imported : file.text(local));
            }
          }
        }
      }
    }

    // ---- expressions --------------------------------------------------------------------

    void call(SyntaxNode call) {
      SyntaxNode fn = field(call, "function");
      if (fn == null) return;
      SyntaxNode args = field(call, "arguments");
      switch (fn.getType()) {
        case "identifier" -> {
          String name = file.text(fn);
          switch (name) {
            case "eval" -> facts.security(call, "eval", SecuritySmells.eval(), 0.95);
            case "Function" -> facts.security(call, "function-constructor", SecuritySmells.functionConstructor(), 0.95);
            default -> {
              if (shellFunctions.contains(name)) shell(call, name);
            }
          }
        }
        case "member_expression" -> {
          SyntaxNode object = field(fn, "object");
          SyntaxNode property = field(fn, "property");
          if (object == null || property == null) return;
          String method = file.text(property);
          if (!INTERESTING_METHODS.contains(method)) return;
          String target = file.text(object); // only now: the object of a chained call can be long
          switch (method) {
            case "then" -> facts.asyncIdiom(AsyncStyle.PROMISE_THEN, call);
            case "catch" -> {
              SyntaxNode handler = firstArgument(args);
              if (handler != null && FUNCTION_VALUES.contains(handler.getType())) {
                SyntaxNode body = field(handler, "body");
                if (body != null && isEmptyBlock(body)) facts.errorIdiom(ErrorIdiom.IGNORED_ERROR, call);
              }
            }
            case "all", "allSettled", "race", "any" -> {
              if (target.equals("Promise")) facts.asyncIdiom(AsyncStyle.GATHER, call);
            }
            default -> { }
          }
          if (SHELL_FUNCTIONS.contains(method)
              && (childProcessModules.contains(target) || target.equals("child_process")
                  || target.startsWith("require("))) {
            shell(call, target + "." + method);
          }
        }
        default -> { }
      }
    }

    void shell(SyntaxNode call, String api) {
      facts.security(call, "shell-exec", SecuritySmells.shell("\\bexec(Sync)?\\s*\\(", "child_process exec"), 0.85);
    }

    @Nullable SyntaxNode firstArgument(@Nullable SyntaxNode args) {
      if (args == null || args.getNamedChildCount() == 0) return null;
      return args.getNamedChild(0).orElse(null);
    }

    void newExpression(SyntaxNode node) {
      SyntaxNode ctor = field(node, "constructor");
      if (ctor != null && file.text(ctor).equals("Function")) {
        facts.security(node, "function-constructor", SecuritySmells.functionConstructor(), 0.95);
      }
    }

    /** A string built by {@code +} or {@code ${}} whose literal parts read like SQL. */
    void sql(SyntaxNode node) {
      int start = node.getStartByte();
      if (start < concatEnd) return; // nested in a concatenation already looked at
      concatEnd = node.getEndByte();
      if (node.getType().equals("binary_expression") && !hasStringOperand(node)) return;
      if (SecuritySmells.looksLikeSql(file.text(node))) {
        facts.security(node, "sql-injection", SecuritySmells.sqlConcatenation(), 0.75);
      }
    }

    boolean hasStringOperand(SyntaxNode binary) {
      for (SyntaxNode side : new SyntaxNode[] {field(binary, "left"), field(binary, "right")}) {
        if (side == null) continue;
        String t = side.getType();
        if (t.equals("string") || t.equals("template_string")) return true;
        if (t.equals("binary_expression") && hasStringOperand(side)) return true;
      }
      return false;
    }

    boolean isEmptyBlock(SyntaxNode block) {
      if (!block.getType().equals("statement_block")) return false;
      for (SyntaxNode c : block.getNamedChildren()) {
        if (!c.getType().equals("comment")) return false;
      }
      return true;
    }

    String lastName(String target) {
      int dot = target.lastIndexOf('.');
      return dot >= 0 ? target.substring(dot + 1) : target;
    }
  }
}
