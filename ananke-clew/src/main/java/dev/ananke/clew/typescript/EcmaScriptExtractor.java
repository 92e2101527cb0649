package dev.ananke.clew.typescript;

import static dev.ananke.clew.spi.Nodes.field;
import static dev.ananke.clew.spi.Nodes.fieldText;
import static dev.ananke.clew.spi.Nodes.hasChildOfType;

import dev.ananke.clew.spi.Facts;
import dev.ananke.clew.spi.LanguageSpec;
import dev.ananke.clew.spi.Nodes;
import dev.ananke.clew.spi.SecuritySmells;
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
import io.github.treesitter.jtreesitter.Node;
import io.github.treesitter.jtreesitter.QueryCapture;
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
    file.forEachMatch(m -> {
      for (QueryCapture c : m.captures()) {
        run.visit(c.name(), c.node());
      }
    });
    run.finish();
  }

  private static final Set<String> CLASS_TYPES = Set.of("class_declaration", "abstract_class_declaration", "class");
  private static final Set<String> FUNCTION_VALUES = Set.of("arrow_function", "function_expression", "function");
  private static final Set<String> SQL_CALLS = Set.of("query", "execute", "raw", "exec", "prepare", "run", "all", "get");
  private static final Set<String> CHILD_PROCESS = Set.of("child_process", "node:child_process");
  private static final Set<String> SHELL_FUNCTIONS = Set.of("exec", "execSync");

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
    final Set<Long> sqlReported = new HashSet<>();
    int anyCount;
    @Nullable Origin firstAny;

    Run(SourceFile file, Facts facts) {
      this.file = file;
      this.facts = facts;
    }

    void visit(String capture, Node node) {
      switch (capture) {
        case "function", "method" -> function(node, null);
        case "variable" -> variable(node);
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
          Node body = field(node, "body");
          if (body != null && isEmptyBlock(body)) facts.errorIdiom(ErrorIdiom.IGNORED_ERROR, node);
        }
        case "throw" -> facts.errorIdiom(ErrorIdiom.THROW, node);
        case "await" -> facts.asyncIdiom(AsyncStyle.ASYNC_AWAIT, node);
        case "call" -> call(node);
        case "new" -> newExpression(node);
        case "assignment" -> {
          Node left = field(node, "left");
          if (left != null) secret(node, lastName(file.text(left)), field(node, "right"));
        }
        case "pair" -> {
          Node key = field(node, "key");
          if (key != null) secret(node, Nodes.unquote(file.text(key)), field(node, "value"));
        }
        case "template", "concat" -> sql(node);
        case "any" -> {
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

    /** A function, method or signature; {@code declarator} is the variable it is assigned to. */
    void function(Node node, @Nullable Node declarator) {
      Node nameNode = declarator != null ? field(declarator, "name") : field(node, "name");
      if (nameNode == null) return;
      String name = file.text(nameNode);
      Node owner = Nodes.ancestor(node, "class_declaration", "abstract_class_declaration", "class",
          "interface_declaration", "object_type");
      String enclosing = owner == null ? null : fieldText(owner, "name");
      if (owner != null && enclosing == null) return; // a method of an anonymous class or object type
      List<Parameter> params = parameters(node);
      String returnType = typeOf(field(node, "return_type"));
      boolean async = hasChildOfType(node, "async");
      Visibility visibility = owner != null ? memberVisibility(node, nameNode)
          : exported(declarator != null ? declarator.getParent().orElse(node) : node) ? Visibility.PUBLIC : Visibility.PACKAGE;
      List<String> typeParameters = typeParameters(node);
      // A function bound to a variable is declared by its statement: `export const f = (...) =>`.
      Node declaration = declarator == null ? node : statementOf(declarator);
      String signature = signature(declaration, node);
      facts.function(declaration, new FunctionSignature(name, params, returnType, async, visibility, enclosing,
          typeParameters, signature));
      if (!name.equals("constructor")) facts.name(IdentifierCategory.FUNCTION, name);
      for (Parameter p : params) {
        if (p.name().chars().allMatch(c -> Character.isJavaIdentifierPart(c))) facts.name(IdentifierCategory.PARAMETER, p.name());
      }
    }

    Node statementOf(Node declarator) {
      Node p = Nodes.parent(declarator);
      if (p == null || !(p.getType().equals("lexical_declaration") || p.getType().equals("variable_declaration"))) {
        return declarator;
      }
      return p;
    }

    List<Parameter> parameters(Node function) {
      Node single = field(function, "parameter"); // x => ...
      if (single != null) return List.of(Parameter.of(file.text(single), null));
      Node list = field(function, "parameters");
      if (list == null) return List.of();
      List<Parameter> out = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (Node p : list.getNamedChildren()) {
        Parameter param = parameter(p);
        if (param != null && seen.add(param.name())) out.add(param);
      }
      return out;
    }

    @Nullable Parameter parameter(Node p) {
      return switch (p.getType()) {
        case "required_parameter", "optional_parameter" -> {
          Node pattern = field(p, "pattern");
          if (pattern == null) yield null;
          boolean rest = pattern.getType().equals("rest_pattern");
          String name = rest ? restName(pattern) : file.text(pattern);
          if (name.equals("this")) yield null; // a `this` type annotation, not a parameter
          Node value = field(p, "value");
          yield new Parameter(Nodes.squash(name), typeOf(field(p, "type")),
              p.getType().equals("optional_parameter") || value != null, rest,
              value == null ? null : Nodes.squash(file.text(value)));
        }
        case "identifier" -> Parameter.of(file.text(p), null);
        case "assignment_pattern" -> {
          Node left = field(p, "left");
          Node right = field(p, "right");
          yield left == null ? null : new Parameter(Nodes.squash(file.text(left)), null, true, false,
              right == null ? null : Nodes.squash(file.text(right)));
        }
        case "rest_pattern" -> new Parameter(restName(p), null, false, true, null);
        case "object_pattern", "array_pattern" -> Parameter.of(Nodes.squash(file.text(p)), null);
        default -> null; // comments, decorators
      };
    }

    String restName(Node rest) {
      String t = file.text(rest);
      return t.startsWith("...") ? t.substring(3).strip() : t;
    }

    /** The type in a type annotation ({@code : T} gives {@code T}), or null. */
    @Nullable String typeOf(@Nullable Node annotation) {
      if (annotation == null) return null;
      String t = file.text(annotation).strip();
      if (t.startsWith(":")) t = t.substring(1).strip();
      return t.isEmpty() ? null : Nodes.squash(t);
    }

    List<String> typeParameters(Node node) {
      Node tp = field(node, "type_parameters");
      if (tp == null) return List.of();
      List<String> out = new ArrayList<>();
      for (Node p : tp.getNamedChildren()) {
        if (p.getType().equals("type_parameter")) out.add(Nodes.squash(file.text(p)));
      }
      return out;
    }

    /** Source text from the declaration's start up to its body, on one line. */
    String signature(Node from, Node function) {
      Node body = field(function, "body");
      String text = file.text(from);
      if (body != null) {
        int cut = body.getStartByte() - from.getStartByte();
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (cut > 0 && cut <= bytes.length) text = new String(bytes, 0, cut, java.nio.charset.StandardCharsets.UTF_8);
      }
      text = Nodes.squash(text);
      if (text.endsWith("=>")) text = text.substring(0, text.length() - 2).strip();
      if (text.endsWith(";")) text = text.substring(0, text.length() - 1).strip();
      return text;
    }

    Visibility memberVisibility(Node member, Node nameNode) {
      if (nameNode.getType().equals("private_property_identifier")) return Visibility.PRIVATE;
      Node modifier = Nodes.childOfType(member, "accessibility_modifier");
      if (modifier == null) return Visibility.PUBLIC;
      return switch (file.text(modifier)) {
        case "private" -> Visibility.PRIVATE;
        case "protected" -> Visibility.PROTECTED;
        default -> Visibility.PUBLIC;
      };
    }

    boolean exported(Node declaration) {
      Node p = Nodes.parent(declaration);
      return p != null && p.getType().equals("export_statement");
    }

    // ---- variables ----------------------------------------------------------------------

    void variable(Node declarator) {
      Node nameNode = field(declarator, "name");
      Node value = field(declarator, "value");
      if (nameNode == null) return;
      String name = file.text(nameNode);
      if (value != null && FUNCTION_VALUES.contains(value.getType())) {
        function(value, declarator);
        return;
      }
      if (value != null && value.getType().equals("call_expression")) requireImport(nameNode, value);
      if (!nameNode.getType().equals("identifier")) return;
      facts.name(isConstant(declarator, value) ? IdentifierCategory.CONSTANT : IdentifierCategory.VARIABLE, name);
      secret(declarator, name, value);
    }

    /** A module-level {@code const} bound to a literal. */
    boolean isConstant(Node declarator, @Nullable Node value) {
      Node declaration = Nodes.parent(declarator);
      if (declaration == null || value == null) return false;
      if (!file.text(declaration).startsWith("const")) return false;
      Node scope = Nodes.parent(declaration);
      if (scope != null && scope.getType().equals("export_statement")) scope = Nodes.parent(scope);
      if (scope == null || !scope.getType().equals("program")) return false;
      return switch (value.getType()) {
        case "number", "string", "true", "false", "regex" -> true;
        case "template_string" -> Nodes.childOfType(value, "template_substitution") == null;
        default -> false;
      };
    }

    void secret(Node at, String name, @Nullable Node value) {
      if (value == null || !SecuritySmells.isSecretName(name)) return;
      boolean literal = value.getType().equals("string")
          || (value.getType().equals("template_string") && Nodes.childOfType(value, "template_substitution") == null);
      if (literal && !Nodes.unquote(file.text(value)).isEmpty()) {
        facts.security(at, "hardcoded-secret", SecuritySmells.hardcodedSecret(name), 0.7);
      }
    }

    // ---- types --------------------------------------------------------------------------

    void classDeclaration(Node node) {
      String name = fieldText(node, "name");
      if (name == null) return;
      List<String> supertypes = new ArrayList<>();
      Node heritage = Nodes.childOfType(node, "class_heritage");
      if (heritage != null) {
        for (Node clause : heritage.getNamedChildren()) {
          if (clause.getType().equals("extends_clause")) {
            for (Node v : clause.getNamedChildren()) supertypes.add(Nodes.squash(file.text(v)));
          } else if (clause.getType().equals("implements_clause")) {
            for (Node t : clause.getNamedChildren()) supertypes.add(Nodes.squash(file.text(t)));
          } else { // JavaScript: class_heritage holds the expression
            supertypes.add(Nodes.squash(file.text(clause)));
          }
        }
      }
      List<Field> fields = new ArrayList<>();
      Node body = field(node, "body");
      if (body != null) {
        for (Node member : body.getNamedChildren()) {
          if (member.getType().equals("public_field_definition") || member.getType().equals("field_definition")) {
            Field f = fieldOf(member);
            if (f != null && fields.stream().noneMatch(x -> x.name().equals(f.name()))) fields.add(f);
          }
        }
      }
      facts.type(node, new TypeDeclaration(name, TypeKind.CLASS, fields, typeParameters(node), supertypes,
          List.of(), null, exported(node) ? Visibility.PUBLIC : Visibility.PACKAGE));
      facts.name(IdentifierCategory.TYPE, name);
    }

    @Nullable Field fieldOf(Node member) {
      Node nameNode = field(member, "name");
      if (nameNode == null) nameNode = field(member, "property"); // JavaScript field_definition
      if (nameNode == null) return null;
      return new Field(Nodes.unquote(file.text(nameNode)), typeOf(field(member, "type")), hasChildOfType(member, "?"));
    }

    void fieldDefinition(Node member) {
      Node nameNode = field(member, "name");
      if (nameNode == null) nameNode = field(member, "property");
      if (nameNode == null) return;
      String name = file.text(nameNode);
      boolean isStaticReadonly = hasChildOfType(member, "static") && hasChildOfType(member, "readonly");
      facts.name(isStaticReadonly ? IdentifierCategory.CONSTANT : IdentifierCategory.FIELD, name.replace("#", ""));
      secret(member, name, field(member, "value"));
      Node value = field(member, "value");
      if (value != null && FUNCTION_VALUES.contains(value.getType())) function(value, member);
    }

    void interfaceDeclaration(Node node) {
      String name = fieldText(node, "name");
      if (name == null) return;
      List<String> supertypes = new ArrayList<>();
      Node ext = Nodes.childOfType(node, "extends_type_clause");
      if (ext != null) for (Node t : ext.getNamedChildren()) supertypes.add(Nodes.squash(file.text(t)));
      Node body = field(node, "body");
      facts.type(node, new TypeDeclaration(name, TypeKind.INTERFACE, body == null ? List.of() : propertySignatures(body),
          typeParameters(node), supertypes, List.of(), null, exported(node) ? Visibility.PUBLIC : Visibility.PACKAGE));
      facts.name(IdentifierCategory.TYPE, name);
    }

    List<Field> propertySignatures(Node body) {
      List<Field> fields = new ArrayList<>();
      for (Node member : body.getNamedChildren()) {
        if (!member.getType().equals("property_signature")) continue;
        Field f = fieldOf(member);
        if (f != null && fields.stream().noneMatch(x -> x.name().equals(f.name()))) {
          fields.add(f);
          facts.name(IdentifierCategory.FIELD, f.name());
        }
      }
      return fields;
    }

    void alias(Node node) {
      String name = fieldText(node, "name");
      Node value = field(node, "value");
      if (name == null || value == null) return;
      Visibility visibility = exported(node) ? Visibility.PUBLIC : Visibility.PACKAGE;
      TypeDeclaration decl;
      if (value.getType().equals("union_type")) {
        List<String> variants = new ArrayList<>();
        flattenUnion(value, variants);
        decl = new TypeDeclaration(name, TypeKind.UNION, List.of(), typeParameters(node), List.of(), variants, null, visibility);
      } else {
        List<Field> fields = value.getType().equals("object_type") ? propertySignatures(value) : List.of();
        decl = new TypeDeclaration(name, TypeKind.ALIAS, fields, typeParameters(node), List.of(), List.of(),
            Nodes.squash(file.text(value)), visibility);
      }
      facts.type(node, decl);
      facts.name(IdentifierCategory.TYPE, name);
    }

    void flattenUnion(Node union, List<String> out) {
      for (Node member : union.getNamedChildren()) {
        if (member.getType().equals("union_type")) {
          flattenUnion(member, out);
        } else {
          String v = Nodes.squash(file.text(member));
          if (!out.contains(v)) out.add(v);
        }
      }
    }

    void enumDeclaration(Node node) {
      String name = fieldText(node, "name");
      Node body = field(node, "body");
      if (name == null || body == null) return;
      List<String> variants = new ArrayList<>();
      for (Node member : body.getNamedChildren()) {
        Node n = member.getType().equals("enum_assignment") ? field(member, "name") : member;
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
      final Node at;
      final Set<String> symbols = new java.util.TreeSet<>();
      @Nullable String alias;
      boolean wildcard;

      ImportAcc(Node at) {
        this.at = at;
      }
    }

    void importStatement(Node node) {
      Node source = field(node, "source");
      if (source == null) return;
      String module = Nodes.unquote(file.text(source));
      if (module.isBlank()) return;
      ImportAcc acc = imports.computeIfAbsent(module, k -> new ImportAcc(node));
      Node clause = Nodes.childOfType(node, "import_clause");
      if (clause == null) return; // import "./polyfill": a side effect, no symbols
      for (Node part : clause.getNamedChildren()) {
        switch (part.getType()) {
          case "identifier" -> { // default import
            acc.alias = file.text(part);
            if (CHILD_PROCESS.contains(module)) childProcessModules.add(acc.alias);
          }
          case "namespace_import" -> {
            Node id = Nodes.childOfType(part, "identifier");
            if (id != null) acc.alias = file.text(id);
            acc.wildcard = true;
            if (CHILD_PROCESS.contains(module) && acc.alias != null) childProcessModules.add(acc.alias);
          }
          case "named_imports" -> {
            for (Node spec : part.getNamedChildren()) {
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
    void requireImport(Node nameNode, Node call) {
      Node fn = field(call, "function");
      Node args = field(call, "arguments");
      if (fn == null || args == null || !file.text(fn).equals("require")) return;
      Node arg = args.getNamedChildCount() == 1 ? args.getNamedChild(0).orElse(null) : null;
      if (arg == null || !arg.getType().equals("string")) return;
      String module = Nodes.unquote(file.text(arg));
      ImportAcc acc = imports.computeIfAbsent(module, k -> new ImportAcc(call));
      if (nameNode.getType().equals("identifier")) {
        acc.alias = file.text(nameNode);
        if (CHILD_PROCESS.contains(module)) childProcessModules.add(acc.alias);
      } else if (nameNode.getType().equals("object_pattern")) {
        for (Node p : nameNode.getNamedChildren()) {
          Node key = p.getType().equals("pair_pattern") ? field(p, "key") : p;
          if (key == null) continue;
          String imported = file.text(key);
          if (p.getType().equals("shorthand_property_identifier_pattern") || p.getType().equals("pair_pattern")) {
            acc.symbols.add(imported);
            if (CHILD_PROCESS.contains(module) && SHELL_FUNCTIONS.contains(imported)) {
              Node local = p.getType().equals("pair_pattern") ? field(p, "value") : p;
              shellFunctions.add(local == null ? imported : file.text(local));
            }
          }
        }
      }
    }

    // ---- expressions --------------------------------------------------------------------

    void call(Node call) {
      Node fn = field(call, "function");
      if (fn == null) return;
      Node args = field(call, "arguments");
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
          Node object = field(fn, "object");
          Node property = field(fn, "property");
          if (object == null || property == null) return;
          String method = file.text(property);
          String target = file.text(object);
          switch (method) {
            case "then" -> facts.asyncIdiom(AsyncStyle.PROMISE_THEN, call);
            case "catch" -> {
              Node handler = firstArgument(args);
              if (handler != null && FUNCTION_VALUES.contains(handler.getType())) {
                Node body = field(handler, "body");
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

    void shell(Node call, String api) {
      facts.security(call, "shell-exec", SecuritySmells.shell("\\bexec(Sync)?\\s*\\(", "child_process exec"), 0.85);
    }

    @Nullable Node firstArgument(@Nullable Node args) {
      if (args == null || args.getNamedChildCount() == 0) return null;
      return args.getNamedChild(0).orElse(null);
    }

    void newExpression(Node node) {
      Node ctor = field(node, "constructor");
      if (ctor != null && file.text(ctor).equals("Function")) {
        facts.security(node, "function-constructor", SecuritySmells.functionConstructor(), 0.95);
      }
    }

    /** A string built by {@code +} or {@code ${}} whose literal parts read like SQL. */
    void sql(Node node) {
      Node parent = Nodes.parent(node);
      if (node.getType().equals("binary_expression") && parent != null
          && parent.getType().equals("binary_expression")) {
        return; // only the outermost concatenation is reported
      }
      if (node.getType().equals("binary_expression") && !hasStringOperand(node)) return;
      String text = file.text(node);
      if (!SecuritySmells.looksLikeSql(text)) return;
      if (!sqlReported.add(node.getId())) return;
      facts.security(node, "sql-injection", SecuritySmells.sqlConcatenation(), 0.75);
    }

    boolean hasStringOperand(Node binary) {
      for (Node side : new Node[] {field(binary, "left"), field(binary, "right")}) {
        if (side == null) continue;
        String t = side.getType();
        if (t.equals("string") || t.equals("template_string")) return true;
        if (t.equals("binary_expression") && hasStringOperand(side)) return true;
      }
      return false;
    }

    boolean isEmptyBlock(Node block) {
      if (!block.getType().equals("statement_block")) return false;
      for (Node c : block.getNamedChildren()) {
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
