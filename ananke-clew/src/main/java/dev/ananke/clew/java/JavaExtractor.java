package dev.ananke.clew.java;

import static dev.ananke.clew.spi.Nodes.field;
import static dev.ananke.clew.spi.Nodes.fieldText;

import dev.ananke.clew.spi.Facts;
import dev.ananke.clew.spi.LanguageSpec;
import dev.ananke.clew.spi.Match;
import dev.ananke.clew.spi.Nodes;
import dev.ananke.clew.spi.Offsets;
import dev.ananke.clew.spi.Scopes;
import dev.ananke.clew.spi.SecuritySmells;
import dev.ananke.clew.spi.Signatures;
import dev.ananke.clew.spi.SourceFile;
import dev.ananke.core.payload.AsyncStyle;
import dev.ananke.core.payload.ErrorIdiom;
import dev.ananke.core.payload.Field;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.core.payload.IdentifierCategory;
import dev.ananke.core.payload.ImportSet;
import dev.ananke.core.payload.Parameter;
import dev.ananke.core.payload.TypeDeclaration;
import dev.ananke.core.payload.TypeKind;
import dev.ananke.core.payload.Visibility;
import dev.ananke.clew.spi.SyntaxNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Extracts Java. A method's visibility is its modifier (interface members without one are
 * PUBLIC, others PACKAGE); a method returning {@code CompletableFuture} or
 * {@code CompletionStage} counts as async; a record's components are its fields.
 */
final class JavaExtractor implements LanguageSpec.Extractor {

  private static final Set<String> TYPE_DECLARATIONS =
      Set.of("class_declaration", "interface_declaration", "enum_declaration", "record_declaration");
  private static final Set<String> SQL_METHODS = Set.of("executeQuery", "executeUpdate", "execute",
      "prepareStatement", "createQuery", "createNativeQuery", "addBatch", "query", "update", "queryForObject",
      "queryForList");

  @Override
  public void extract(SourceFile file, Facts facts) {
    Run run = new Run(file, facts);
    for (Match m : file.matches()) {
      run.visit(m.name(), m.node());
    }
    run.finish();
  }

  private static final class Run {
    final SourceFile file;
    final Facts facts;
    final Scopes scopes = new Scopes();
    /** Start bytes of interface declarations, whose members are public without a modifier. */
    final Offsets interfaces = new Offsets();
    /** End of the last concatenation looked at: the ones nested in it are not reported again. */
    int concatEnd = -1;
    /** Imports grouped by package: one ImportSet per package, at its first import. */
    final java.util.Map<String, ImportGroup> imports = new java.util.LinkedHashMap<>();

    record ImportGroup(SyntaxNode at, Set<String> symbols, boolean[] wildcard) {}

    Run(SourceFile file, Facts facts) {
      this.file = file;
      this.facts = facts;
    }

    void finish() {
      imports.forEach((module, g) ->
          facts.imports(g.at(), new ImportSet(module, List.copyOf(g.symbols()), null, g.wildcard()[0])));
    }

    void visit(String capture, SyntaxNode node) {
      switch (capture) {
        case "method" -> method(node);
        case "class" -> type(node, TypeKind.CLASS);
        case "interface" -> type(node, TypeKind.INTERFACE);
        case "enum" -> type(node, TypeKind.ENUM);
        case "record" -> type(node, TypeKind.RECORD);
        case "field" -> fieldDeclaration(node);
        case "local" -> local(node);
        case "import" -> importDeclaration(node);
        case "try" -> {
          if (Nodes.childOfType(node, "catch_clause") != null) facts.errorIdiom(ErrorIdiom.TRY_CATCH, node);
        }
        case "catch" -> {
          SyntaxNode body = field(node, "body");
          if (body != null && body.getNamedChildren().stream().allMatch(c -> c.getType().endsWith("comment"))) {
            facts.errorIdiom(ErrorIdiom.IGNORED_ERROR, node);
          }
        }
        case "throw" -> facts.errorIdiom(ErrorIdiom.THROW, node);
        case "call" -> call(node);
        case "new" -> creation(node);
        case "concat" -> sql(node);
        case "synchronized" -> facts.asyncIdiom(AsyncStyle.LOCK, node);
        case "anonymous" -> {
          scopes.enclosing(node);
          scopes.push(node, Scopes.Kind.TYPE, ""); // its methods are not the API of any named type
        }
        default -> { }
      }
    }

    // ---- declarations -------------------------------------------------------------------

    void method(SyntaxNode node) {
      String name = fieldText(node, "name");
      Scopes.Scope owner = scopes.enclosing(node);
      scopes.push(node, Scopes.Kind.FUNCTION, "");
      if (name == null || owner == null || owner.kind() != Scopes.Kind.TYPE || owner.name().isEmpty()) {
        return; // a method of an anonymous or local class
      }
      String enclosing = owner.name();
      boolean constructor = node.getType().equals("constructor_declaration");
      List<Parameter> params = parameters(field(node, "parameters"));
      String returnType = constructor ? null : typeText(field(node, "type"));
      boolean async = returnType != null
          && (returnType.startsWith("CompletableFuture") || returnType.startsWith("CompletionStage")
              || returnType.startsWith("Future<"));
      facts.function(node, new FunctionSignature(name, params, returnType, async,
          visibility(node, interfaces.contains(owner.start())), enclosing,
          typeParameters(node), signature(node)));
      if (!constructor) facts.name(IdentifierCategory.FUNCTION, name);
      for (Parameter p : params) facts.name(IdentifierCategory.PARAMETER, p.name());
    }

    List<Parameter> parameters(@Nullable SyntaxNode list) {
      if (list == null) return List.of();
      List<Parameter> out = new ArrayList<>();
      for (SyntaxNode p : list.getNamedChildren()) {
        Parameter param = switch (p.getType()) {
          case "formal_parameter" -> {
            String name = fieldText(p, "name");
            if (name == null) yield null;
            String type = typeText(field(p, "type"));
            SyntaxNode dims = field(p, "dimensions"); // C-style: String args[]
            yield Parameter.of(name, type == null || dims == null ? type : type + file.text(dims));
          }
          case "spread_parameter" -> {
            SyntaxNode declarator = Nodes.childOfType(p, "variable_declarator");
            SyntaxNode type = null;
            for (SyntaxNode c : p.getNamedChildren()) {
              if (!c.getType().equals("modifiers") && !c.getType().equals("variable_declarator")) {
                type = c;
                break;
              }
            }
            String name = declarator == null ? null : fieldText(declarator, "name");
            yield name == null ? null : new Parameter(name, typeText(type) == null ? null : typeText(type) + "...",
                false, true, null);
          }
          default -> null; // receiver parameters, comments
        };
        if (param != null && !Signatures.hasParameter(out, param.name())) out.add(param);
      }
      return out;
    }

    @Nullable String typeText(@Nullable SyntaxNode type) {
      return type == null ? null : Nodes.squash(file.text(type));
    }

    List<String> typeParameters(SyntaxNode node) {
      SyntaxNode tp = field(node, "type_parameters");
      if (tp == null) return List.of();
      List<String> out = new ArrayList<>();
      for (SyntaxNode p : tp.getNamedChildren()) out.add(Nodes.squash(file.text(p)));
      return out;
    }

    Visibility visibility(SyntaxNode declaration, boolean interfaceMember) {
      SyntaxNode modifiers = Nodes.childOfType(declaration, "modifiers");
      if (modifiers != null) {
        if (Nodes.hasChildOfType(modifiers, "public")) return Visibility.PUBLIC;
        if (Nodes.hasChildOfType(modifiers, "protected")) return Visibility.PROTECTED;
        if (Nodes.hasChildOfType(modifiers, "private")) return Visibility.PRIVATE;
      }
      return interfaceMember ? Visibility.PUBLIC : Visibility.PACKAGE;
    }

    boolean hasModifier(SyntaxNode declaration, String modifier) {
      SyntaxNode modifiers = Nodes.childOfType(declaration, "modifiers");
      return modifiers != null && Nodes.hasChildOfType(modifiers, modifier);
    }

    /** From the first modifier that is not an annotation up to the body. */
    String signature(SyntaxNode method) {
      int start = method.getStartByte();
      SyntaxNode modifiers = Nodes.childOfType(method, "modifiers");
      if (modifiers != null) {
        int n = modifiers.getChildCount();
        int firstKeyword = -1;
        for (int i = 0; i < n; i++) {
          SyntaxNode c = modifiers.getChild(i).orElseThrow();
          if (!c.getType().endsWith("annotation") && !c.getType().endsWith("comment")) {
            firstKeyword = c.getStartByte();
            break;
          }
        }
        start = firstKeyword >= 0 ? firstKeyword : modifiers.getEndByte();
      }
      SyntaxNode body = field(method, "body");
      int end = body != null ? body.getStartByte() : method.getEndByte();
      String text = Nodes.squash(file.text(Math.max(start, method.getStartByte()), Math.min(end, method.getEndByte())));
      if (text.endsWith(";")) text = text.substring(0, text.length() - 1).strip();
      return text;
    }

    void type(SyntaxNode node, TypeKind kind) {
      String name = fieldText(node, "name");
      if (name == null) return;
      Scopes.Scope outer = scopes.enclosing(node);
      // Nested types are named Outer.Inner; a type local to a method or anonymous class is skipped.
      boolean local = outer != null && (outer.kind() != Scopes.Kind.TYPE || outer.name().isEmpty());
      String qualified = outer == null || local ? name : outer.name() + "." + name;
      scopes.push(node, Scopes.Kind.TYPE, local ? "" : qualified);
      if (kind == TypeKind.INTERFACE) interfaces.add(node.getStartByte());
      if (local) return;
      List<String> supertypes = new ArrayList<>();
      SyntaxNode superclass = field(node, "superclass");
      if (superclass != null) for (SyntaxNode t : superclass.getNamedChildren()) supertypes.add(Nodes.squash(file.text(t)));
      SyntaxNode implemented = field(node, "interfaces");
      if (implemented == null) implemented = Nodes.childOfType(node, "extends_interfaces");
      if (implemented != null) {
        SyntaxNode list = Nodes.childOfType(implemented, "type_list");
        if (list != null) for (SyntaxNode t : list.getNamedChildren()) supertypes.add(Nodes.squash(file.text(t)));
      }
      List<Field> fields = new ArrayList<>();
      List<String> variants = new ArrayList<>();
      SyntaxNode body = field(node, "body");
      if (kind == TypeKind.RECORD) {
        for (Parameter p : parameters(field(node, "parameters"))) {
          fields.add(new Field(p.name(), p.type(), false));
          facts.name(IdentifierCategory.FIELD, p.name());
        }
      } else if (kind == TypeKind.ENUM && body != null) {
        for (SyntaxNode c : body.getNamedChildren()) {
          if (c.getType().equals("enum_constant")) {
            String v = fieldText(c, "name");
            if (v != null && !variants.contains(v)) variants.add(v);
          }
        }
      }
      if (body != null && kind != TypeKind.RECORD) {
        SyntaxNode members = kind == TypeKind.ENUM ? Nodes.childOfType(body, "enum_body_declarations") : body;
        if (members != null) {
          for (SyntaxNode m : members.getNamedChildren()) {
            if (!m.getType().equals("field_declaration") || hasModifier(m, "static")) continue;
            String type = typeText(field(m, "type"));
            for (SyntaxNode d : m.getChildrenByFieldName("declarator")) {
              String fieldName = fieldText(d, "name");
              if (fieldName != null && !Signatures.hasField(fields, fieldName)) {
                fields.add(new Field(fieldName, type, false));
              }
            }
          }
        }
      }
      facts.type(node, new TypeDeclaration(qualified, kind, fields, typeParameters(node), supertypes,
          variants, null, visibility(node, outer != null && interfaces.contains(outer.start()))));
      facts.name(IdentifierCategory.TYPE, name);
    }

    void fieldDeclaration(SyntaxNode node) {
      boolean constant = hasModifier(node, "static") && hasModifier(node, "final");
      for (SyntaxNode d : node.getChildrenByFieldName("declarator")) {
        String name = fieldText(d, "name");
        if (name == null) continue;
        facts.name(constant ? IdentifierCategory.CONSTANT : IdentifierCategory.FIELD, name);
        secret(d, name, field(d, "value"));
      }
    }

    void local(SyntaxNode node) {
      for (SyntaxNode d : node.getChildrenByFieldName("declarator")) {
        String name = fieldText(d, "name");
        if (name == null) continue;
        facts.name(IdentifierCategory.VARIABLE, name);
        secret(d, name, field(d, "value"));
      }
    }

    void secret(SyntaxNode at, String name, @Nullable SyntaxNode value) {
      if (value != null && value.getType().equals("string_literal") && SecuritySmells.isSecretName(name)
          && !Nodes.unquote(file.text(value)).isEmpty()) {
        facts.security(at, "hardcoded-secret", SecuritySmells.hardcodedSecret(name), 0.7);
      }
    }

    void importDeclaration(SyntaxNode node) {
      SyntaxNode name = Nodes.childOfType(node, "scoped_identifier");
      if (name == null) name = Nodes.childOfType(node, "identifier");
      if (name == null) return;
      String path = file.text(name);
      boolean wildcard = Nodes.childOfType(node, "asterisk") != null;
      boolean isStatic = Nodes.hasChildOfType(node, "static");
      int dot = path.lastIndexOf('.');
      String module = wildcard || dot < 0 ? path : path.substring(0, dot);
      ImportGroup g = imports.computeIfAbsent(isStatic ? "static " + module : module,
          k -> new ImportGroup(node, new java.util.TreeSet<>(), new boolean[1]));
      if (wildcard) {
        g.wildcard()[0] = true;
      } else {
        g.symbols().add(dot > 0 ? path.substring(dot + 1) : path);
      }
    }

    // ---- expressions --------------------------------------------------------------------

    void call(SyntaxNode node) {
      String name = fieldText(node, "name");
      if (name == null) return;
      SyntaxNode objectNode = field(node, "object");
      // the object of a chained call can be long: read it only when short enough to matter
      String object = objectNode == null || objectNode.getEndByte() - objectNode.getStartByte() > 80
          ? null : file.text(objectNode);
      switch (name) {
        case "exec" -> {
          if (object != null && object.replace(" ", "").equals("Runtime.getRuntime()")) {
            facts.security(node, "shell-exec",
                SecuritySmells.shell("\\bRuntime\\.getRuntime\\(\\)\\.exec\\s*\\(", "Runtime.exec"), 0.85);
          }
        }
        case "eval" -> {
          if (object != null) facts.security(node, "eval", SecuritySmells.eval(), 0.8); // ScriptEngine.eval
        }
        case "supplyAsync", "runAsync" -> facts.asyncIdiom(AsyncStyle.TASK_SPAWN, node);
        case "submit", "execute" -> {
          if (object != null && object.toLowerCase().contains("executor")) facts.asyncIdiom(AsyncStyle.TASK_SPAWN, node);
        }
        case "thenApply", "thenCompose", "thenAccept", "thenRun", "thenCombine" ->
            facts.asyncIdiom(AsyncStyle.PROMISE_THEN, node);
        case "allOf", "anyOf" -> {
          if ("CompletableFuture".equals(object)) facts.asyncIdiom(AsyncStyle.GATHER, node);
        }
        case "lock" -> facts.asyncIdiom(AsyncStyle.LOCK, node);
        default -> { }
      }
      if (SQL_METHODS.contains(name)) {
        SyntaxNode args = field(node, "arguments");
        SyntaxNode first = args == null ? null : args.getNamedChild(0).orElse(null);
        if (first != null && first.getType().equals("binary_expression")) sql(first);
      }
    }

    void creation(SyntaxNode node) {
      String type = fieldText(node, "type");
      if (type == null) return;
      switch (type) {
        case "Thread" -> facts.asyncIdiom(AsyncStyle.THREAD, node);
        case "ReentrantLock", "ReentrantReadWriteLock" -> facts.asyncIdiom(AsyncStyle.LOCK, node);
        case "ProcessBuilder" -> {
          String args = String.valueOf(fieldText(node, "arguments"));
          if (args.matches("(?s).*\"(sh|bash|/bin/sh|/bin/bash|cmd|cmd\\.exe)\"\\s*,\\s*\"(-c|/c)\".*")) {
            facts.security(node, "shell-exec",
                SecuritySmells.shell("\"(sh|bash|cmd)\"\\s*,\\s*\"(-c|/c)\"", "ProcessBuilder with a shell"), 0.85);
          }
        }
        default -> { }
      }
    }

    void sql(SyntaxNode node) {
      int start = node.getStartByte();
      if (start < concatEnd) return; // nested in a concatenation already looked at
      concatEnd = node.getEndByte();
      if (!hasStringOperand(node) || !SecuritySmells.looksLikeSql(file.text(node))) return;
      facts.security(node, "sql-injection", SecuritySmells.sqlConcatenation(), 0.75);
    }

    boolean hasStringOperand(SyntaxNode binary) {
      for (SyntaxNode side : new SyntaxNode[] {field(binary, "left"), field(binary, "right")}) {
        if (side == null) continue;
        if (side.getType().equals("string_literal")) return true;
        if (side.getType().equals("binary_expression") && hasStringOperand(side)) return true;
      }
      return false;
    }
  }
}
