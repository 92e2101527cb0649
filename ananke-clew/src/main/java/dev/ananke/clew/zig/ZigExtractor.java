package dev.ananke.clew.zig;

import static dev.ananke.clew.spi.Nodes.field;
import static dev.ananke.clew.spi.Nodes.fieldText;

import dev.ananke.clew.spi.Facts;
import dev.ananke.clew.spi.LanguageSpec;
import dev.ananke.clew.spi.Nodes;
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
import dev.ananke.clew.spi.Match;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Extracts Zig. Types are {@code const} declarations bound to a container: {@code struct}
 * (STRUCT), {@code enum} (ENUM), {@code union} (UNION, with the cases as variants and their
 * payloads as fields) and {@code error{...}} (an ENUM of error names); or bound to a type expression ({@code const Id = u64;},
 * {@code ?*SyntaxNode}, {@code []const u8}): an ALIAS. A name bound to another name
 * ({@code const Allocator = std.mem.Allocator;}) may be a type, a namespace or a value, so it is
 * remembered for resolving paths but not reported as a type. Visibility: {@code pub}
 * is PUBLIC, anything else PRIVATE (visible in its file only). A function's first parameter is
 * its receiver, not a parameter, when it is named {@code self} or typed by its container
 * ({@code *Account}, {@code Self}, {@code *@This()}); {@code comptime T: type} parameters are also
 * the function's type parameters.
 *
 * <p>Names bound to namespaces ({@code const Thread = std.Thread;},
 * {@code const db = @import("db.zig");}) are resolved in calls and types, so
 * {@code Thread.spawn} is recognised as {@code std.Thread.spawn}. An ignored error is an empty
 * handler, {@code f() catch {}}: Zig rejects a discarded error union, so there is no other way.
 */
final class ZigExtractor implements LanguageSpec.Extractor {

  private static final Set<String> CONCATENATIONS = Set.of("std.mem.concat", "std.mem.concatWithSentinel",
      "std.mem.join", "std.mem.joinZ");
  /** Formatting functions and the index of their format argument. */
  private static final Map<String, Integer> FORMATS = Map.of("std.fmt.allocPrint", 1, "std.fmt.allocPrintZ", 1,
      "std.fmt.bufPrint", 1, "std.fmt.bufPrintZ", 1, "std.fmt.comptimePrint", 0);
  private static final Set<String> LOCK_METHODS = Set.of("lock", "lockShared", "tryLock");
  private static final Set<String> LITERALS = Set.of("integer", "float", "string", "boolean", "character");
  private static final Set<String> CONTAINERS = Set.of("struct_declaration", "enum_declaration",
      "union_declaration", "opaque_declaration");

  @Override
  public void extract(SourceFile file, Facts facts) {
    Run run = new Run(file, facts);
    file.forEachMatch(m -> {
      for (int i = 0, n = m.captureCount(); i < n; i++) run.visit(m.captureName(i), m.captureNode(i));
    });
    run.finish();
  }

  /** What the file imports from one module, merged over its {@code @import} bindings. */
  private static final class ImportAcc {
    final SyntaxNode at;
    final Set<String> symbols = new TreeSet<>();
    @Nullable String alias;

    ImportAcc(SyntaxNode at) {
      this.at = at;
    }
  }

  private static final class Run {
    final SourceFile file;
    final Facts facts;
    /** Local name to the dotted path it is bound to ({@code Thread} to {@code std.Thread}). */
    final Map<String, String> paths = new HashMap<>();
    final Set<Long> sqlReported = new HashSet<>();
    final Set<Long> shellReported = new HashSet<>();
    /** Enclosing containers and functions, tracked in document order (no parent walks). */
    final Scopes scopes = new Scopes();
    final Map<String, ImportAcc> imports = new LinkedHashMap<>();

    Run(SourceFile file, Facts facts) {
      this.file = file;
      this.facts = facts;
    }

    void visit(String capture, SyntaxNode node) {
      switch (capture) {
        case "function" -> function(node);
        case "declaration" -> declaration(node);
        case "assign" -> {
          SyntaxNode left = field(node, "left");
          if (left != null) assignment(node, left, field(node, "right"));
        }
        case "try" -> facts.errorIdiom(ErrorIdiom.ZIG_TRY, node);
        case "catch" -> {
          facts.errorIdiom(ErrorIdiom.ZIG_CATCH, node);
          SyntaxNode handler = Nodes.childOfType(node, "block");
          if (handler != null && isEmpty(handler)) facts.errorIdiom(ErrorIdiom.IGNORED_ERROR, node);
        }
        case "errdefer" -> facts.errorIdiom(ErrorIdiom.ERRDEFER, node);
        case "panic" -> facts.errorIdiom(ErrorIdiom.PANIC, node);
        case "call" -> call(node);
        case "argv" -> argv(node);
        case "wait_group" -> {
          if (resolve(stripPointer(file.text(node))).equals("std.Thread.WaitGroup")) {
            facts.asyncIdiom(AsyncStyle.WAIT_GROUP, node);
          }
        }
        case "container" -> { // an anonymous container; a named one was opened by its declaration
          Scopes.Scope scope = scopes.enclosing(node);
          if (scope == null || scope.start() != node.getStartByte()) scopes.push(node, Scopes.Kind.TYPE, "");
        }
        case "test" -> {
          scopes.enclosing(node);
          scopes.push(node, Scopes.Kind.FUNCTION, "");
        }
        default -> { }
      }
    }

    void finish() {
      imports.forEach((module, acc) -> facts.imports(acc.at, new ImportSet(module, List.copyOf(acc.symbols), acc.alias,
          false)));
    }

    // ---- functions ----------------------------------------------------------------------

    void function(SyntaxNode node) {
      String name = fieldText(node, "name");
      Scopes.Scope scope = scopes.enclosing(node);
      scopes.push(node, Scopes.Kind.FUNCTION, name == null ? "" : name);
      if (name == null) return;
      boolean inContainer = scope != null && scope.kind() == Scopes.Kind.TYPE;
      String enclosing = inContainer && !scope.name().isEmpty() ? scope.name() : null;
      List<Parameter> params = new ArrayList<>();
      List<String> typeParameters = new ArrayList<>();
      SyntaxNode list = Nodes.childOfType(node, "parameters"); // a child, not a field, in this grammar
      if (list != null) {
        boolean first = true;
        for (SyntaxNode p : list.getNamedChildren()) {
          if (!p.getType().equals("parameter")) continue;
          boolean receiver = first && isReceiver(p, inContainer, enclosing);
          first = false;
          if (receiver) continue;
          Parameter param = parameter(p);
          if (param == null || Signatures.hasParameter(params, param.name())) continue;
          params.add(param);
          if (Nodes.hasChildOfType(p, "comptime") && "type".equals(param.type())) {
            typeParameters.add(Nodes.squash(file.text(p)));
          }
        }
      }
      facts.function(node, new FunctionSignature(name, params, typeText(field(node, "type")), false,
          visibility(node), enclosing, typeParameters, Signatures.upToBody(file, node, field(node, "body"))));
      facts.name(IdentifierCategory.FUNCTION, name);
      for (Parameter p : params) facts.name(IdentifierCategory.PARAMETER, p.name());
    }

    @Nullable Parameter parameter(SyntaxNode p) {
      String name = fieldText(p, "name");
      if (name == null) return null;
      SyntaxNode type = field(p, "type");
      if (type != null && type.getType().equals("variadic_parameter")) return new Parameter(name, null, false, true, null);
      return Parameter.of(name, typeText(type));
    }

    /** {@code self}, or in a container typed by it: {@code *Account}, {@code *const Self}, {@code @This()}. */
    boolean isReceiver(SyntaxNode p, boolean inContainer, @Nullable String container) {
      if ("self".equals(fieldText(p, "name"))) return true;
      if (!inContainer) return false;
      String type = typeText(field(p, "type"));
      if (type == null) return false;
      String base = stripPointer(type);
      return base.equals("Self") || base.equals("@This()") || base.equals(container);
    }

    static String stripPointer(String type) {
      String t = type.strip();
      while (t.startsWith("*")) t = t.substring(1).strip();
      if (t.startsWith("const ")) t = t.substring(6).strip();
      return t;
    }

    @Nullable String typeText(@Nullable SyntaxNode type) {
      return type == null ? null : Nodes.squash(file.text(type));
    }

    static Visibility visibility(SyntaxNode declaration) {
      return Nodes.hasChildOfType(declaration, "pub") ? Visibility.PUBLIC : Visibility.PRIVATE;
    }

    // ---- declarations -------------------------------------------------------------------

    void declaration(SyntaxNode node) {
      boolean isConst = Nodes.hasChildOfType(node, "const");
      if (!isConst && !Nodes.hasChildOfType(node, "var")) { // an assignment statement, `c.token = "...";`
        SyntaxNode target = node.getNamedChildCount() == 0 ? null : node.getNamedChild(0).orElse(null);
        if (target != null) assignment(node, target, value(node));
        return;
      }
      Scopes.Scope scope = scopes.enclosing(node);
      SyntaxNode nameNode = Nodes.childOfType(node, "identifier");
      SyntaxNode value = value(node);
      if (nameNode == null) return;
      String name = file.text(nameNode);
      if (value != null) {
        if (CONTAINERS.contains(value.getType())) scopes.push(value, Scopes.Kind.TYPE, name);
        switch (value.getType()) {
          case "struct_declaration" -> {
            type(node, name, TypeKind.STRUCT, fields(value), List.of());
            return;
          }
          case "enum_declaration" -> {
            type(node, name, TypeKind.ENUM, List.of(), caseNames(value));
            return;
          }
          case "union_declaration" -> {
            type(node, name, TypeKind.UNION, fields(value), caseNames(value));
            return;
          }
          case "builtin_type", "pointer_type", "nullable_type", "slice_type", "array_type", "error_union_type" -> {
            if (isConst) {
              facts.type(node, new TypeDeclaration(name, TypeKind.ALIAS, List.of(), List.of(), List.of(), List.of(),
                  Nodes.squash(file.text(value)), visibility(node)));
              facts.name(IdentifierCategory.TYPE, name);
              return;
            }
          }
          case "error_set_declaration" -> {
            List<String> errors = new ArrayList<>();
            for (SyntaxNode e : value.getNamedChildren()) {
              if (e.getType().equals("identifier") && !errors.contains(file.text(e))) errors.add(file.text(e));
            }
            type(node, name, TypeKind.ENUM, List.of(), errors);
            return;
          }
          case "builtin_function", "field_expression" -> {
            if (binding(node, name, value)) return;
          }
          default -> { }
        }
      }
      boolean literal = value != null && LITERALS.contains(value.getType());
      if (scope == null && isConst && literal) facts.name(IdentifierCategory.CONSTANT, name);
      else if (scope != null && scope.kind() == Scopes.Kind.FUNCTION) facts.name(IdentifierCategory.VARIABLE, name);
      secret(node, name, value);
    }

    /** {@code target = value}: a string assigned to a credential field or variable is a secret. */
    void assignment(SyntaxNode at, SyntaxNode target, @Nullable SyntaxNode value) {
      String name = target.getType().equals("field_expression") ? fieldText(target, "member") : file.text(target);
      if (name != null) secret(at, name, value);
    }

    /** The node after {@code =}. */
    static @Nullable SyntaxNode value(SyntaxNode declaration) {
      boolean afterEquals = false;
      int n = declaration.getChildCount();
      for (int i = 0; i < n; i++) {
        SyntaxNode c = declaration.getChild(i).orElseThrow();
        if (afterEquals && c.isNamed()) return c;
        if (c.getType().equals("=")) afterEquals = true;
      }
      return null;
    }

    void type(SyntaxNode node, String name, TypeKind kind, List<Field> fields, List<String> variants) {
      facts.type(node, new TypeDeclaration(name, kind, fields, List.of(), List.of(), variants, null, visibility(node)));
      facts.name(IdentifierCategory.TYPE, name);
    }

    /** Container fields; {@code ?T} is optional. A field without a type (an enum-tagged case) has none. */
    List<Field> fields(SyntaxNode container) {
      List<Field> out = new ArrayList<>();
      boolean struct = container.getType().equals("struct_declaration");
      for (SyntaxNode f : container.getNamedChildren()) {
        if (!f.getType().equals("container_field")) continue;
        String name = fieldText(f, "name");
        if (name == null || Signatures.hasField(out, name)) continue;
        SyntaxNode type = field(f, "type");
        out.add(new Field(name, typeText(type), type != null && type.getType().equals("nullable_type")));
        if (struct) facts.name(IdentifierCategory.FIELD, name);
      }
      return out;
    }

    List<String> caseNames(SyntaxNode container) {
      List<String> out = new ArrayList<>();
      for (SyntaxNode f : container.getNamedChildren()) {
        String name = f.getType().equals("container_field") ? fieldText(f, "name") : null;
        if (name != null && !out.contains(name)) out.add(name);
      }
      return out;
    }

    /**
     * {@code const std = @import("std");} (the module, with an alias when bound to another name
     * than its own), {@code const print = @import("std").debug.print;} (symbol {@code debug.print}
     * of {@code std}) and {@code const Thread = std.Thread;} (a namespace binding, no import):
     * remembered for resolving paths. Returns whether the declaration was one.
     */
    boolean binding(SyntaxNode node, String name, SyntaxNode value) {
      SyntaxNode root = value;
      while (root.getType().equals("field_expression")) {
        SyntaxNode object = field(root, "object");
        if (object == null) break;
        root = object;
      }
      if (root.getType().equals("builtin_function")) {
        String module = importedModule(root);
        if (module == null) return false;
        String natural = module.endsWith(".zig") ? module.substring(module.lastIndexOf('/') + 1, module.length() - 4)
            : module;
        ImportAcc acc = imports.computeIfAbsent(module, k -> new ImportAcc(node));
        String member = Signatures.compact(file.text(value).substring(file.text(root).length()));
        if (member.startsWith(".")) {
          acc.symbols.add(member.substring(1));
        } else if (!name.equals(natural)) {
          acc.alias = name;
        }
        paths.put(name, (module.endsWith(".zig") ? natural : module) + member);
        return true;
      }
      if (root.getType().equals("identifier") && paths.containsKey(file.text(root))) {
        paths.put(name, resolve(Signatures.compact(file.text(value))));
        return true;
      }
      return false;
    }

    /** The argument of {@code @import("...")}, or null for another builtin. */
    @Nullable String importedModule(SyntaxNode builtin) {
      SyntaxNode id = Nodes.childOfType(builtin, "builtin_identifier");
      if (id == null || !file.text(id).equals("@import")) return null;
      SyntaxNode args = Nodes.childOfType(builtin, "arguments");
      SyntaxNode arg = args == null ? null : Nodes.childOfType(args, "string");
      return arg == null ? null : Nodes.unquote(file.text(arg));
    }

    /** A dotted path with its first name replaced by what it is bound to. */
    String resolve(String path) {
      int dot = path.indexOf('.');
      String head = dot < 0 ? path : path.substring(0, dot);
      String bound = paths.get(head);
      if (bound == null) return path;
      return dot < 0 ? bound : bound + path.substring(dot);
    }

    void secret(SyntaxNode at, String name, @Nullable SyntaxNode value) {
      if (value == null || !value.getType().equals("string") || !SecuritySmells.isSecretName(name)) return;
      if (!Nodes.unquote(file.text(value)).isEmpty()) {
        facts.security(at, "hardcoded-secret", SecuritySmells.hardcodedSecret(name), 0.7);
      }
    }

    static boolean isEmpty(SyntaxNode block) {
      for (SyntaxNode c : block.getNamedChildren()) {
        if (!c.getType().equals("comment")) return false;
      }
      return true;
    }

    // ---- calls --------------------------------------------------------------------------

    void call(SyntaxNode call) {
      SyntaxNode fn = field(call, "function");
      if (fn == null) return;
      String callee = resolve(Signatures.compact(file.text(fn)));
      if (callee.equals("std.Thread.spawn")) {
        facts.asyncIdiom(AsyncStyle.THREAD, call);
      } else if (FORMATS.containsKey(callee)) {
        format(call, FORMATS.get(callee));
      } else if (CONCATENATIONS.contains(callee)) {
        concatenation(call);
      } else if (fn.getType().equals("field_expression")) {
        String member = fieldText(fn, "member");
        if (member != null && LOCK_METHODS.contains(member)) facts.asyncIdiom(AsyncStyle.LOCK, call);
      }
    }

    /** The call's arguments (the grammar puts them directly under the call, after the function). */
    static List<SyntaxNode> arguments(SyntaxNode call) {
      List<SyntaxNode> out = new ArrayList<>();
      for (SyntaxNode c : call.getNamedChildren()) {
        if (c.getType().equals("comment")) continue;
        out.add(c);
      }
      return out.isEmpty() ? out : out.subList(1, out.size());
    }

    /**
     * An argument list that runs a command line through a shell: {@code .{ "/bin/sh", "-c", cmd }},
     * whether written inline in {@code std.process.Child.init(...)} or bound to a variable first.
     * The query matched a list holding a shell; a {@code "-c"} in it makes the command line.
     */
    void argv(SyntaxNode list) {
      boolean commandLine = false;
      for (SyntaxNode s : list.getNamedChildren()) {
        if (!s.getType().equals("string")) continue;
        String text = Nodes.unquote(file.text(s));
        if (text.equals("-c") || text.equals("/C") || text.equals("/c")) commandLine = true;
      }
      if (commandLine && shellReported.add(list.getId())) {
        facts.security(list, "shell-exec", SecuritySmells.shell(
            "\"(/bin/|/usr/bin/)?(sh|bash|zsh)\"\\s*,\\s*\"-c\"", "a shell with -c as the child process"), 0.9);
      }
    }

    /** {@code std.mem.concat(a, u8, &.{ "SELECT ... '", name, "'" })}: SQL built by concatenation. */
    void concatenation(SyntaxNode call) {
      StringBuilder literal = new StringBuilder();
      for (SyntaxNode arg : arguments(call)) {
        for (SyntaxNode s : Nodes.descendantsOfType(arg, "string")) literal.append(Nodes.unquote(file.text(s))).append(' ');
      }
      if (SecuritySmells.looksLikeSql(literal.toString()) && sqlReported.add(call.getId())) {
        facts.security(call, "sql-injection", SecuritySmells.sqlConcatenation(), 0.75);
      }
    }

    /** {@code std.fmt.allocPrint(a, "SELECT ... '{s}'", .{v})}: SQL with values formatted in. */
    void format(SyntaxNode call, int formatIndex) {
      List<SyntaxNode> args = arguments(call);
      if (args.size() <= formatIndex) return;
      SyntaxNode format = args.get(formatIndex);
      if (!format.getType().equals("string")) return;
      String text = Nodes.unquote(file.text(format));
      if (text.contains("{") && SecuritySmells.looksLikeSql(text) && sqlReported.add(call.getId())) {
        facts.security(call, "sql-injection", SecuritySmells.sqlConcatenation(), 0.75);
      }
    }
  }
}
