package dev.ananke.clew.rust;

import static dev.ananke.clew.spi.Nodes.field;
import static dev.ananke.clew.spi.Nodes.fieldText;

import dev.ananke.clew.spi.Facts;
import dev.ananke.clew.spi.LanguageSpec;
import dev.ananke.clew.spi.Match;
import dev.ananke.clew.spi.Nodes;
import dev.ananke.clew.spi.Scopes;
import dev.ananke.clew.spi.SecuritySmells;
import dev.ananke.clew.spi.Signatures;
import dev.ananke.clew.spi.SourceFile;
import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintKind;
import dev.ananke.core.ConstraintSource;
import dev.ananke.core.Origin;
import dev.ananke.core.payload.AsyncStyle;
import dev.ananke.core.payload.ErrorIdiom;
import dev.ananke.core.payload.Field;
import dev.ananke.core.payload.ForbiddenPattern;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.core.payload.IdentifierCategory;
import dev.ananke.core.payload.ImportSet;
import dev.ananke.core.payload.Parameter;
import dev.ananke.core.payload.PatternSyntax;
import dev.ananke.core.payload.TypeDeclaration;
import dev.ananke.core.payload.TypeKind;
import dev.ananke.core.payload.Visibility;
import dev.ananke.clew.spi.SyntaxNode;

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
 * Extracts Rust. Visibility: {@code pub} is PUBLIC, {@code pub(crate)}, {@code pub(super)} and
 * {@code pub(in path)} are PACKAGE, no modifier is PRIVATE; trait members take the trait's
 * visibility and members of {@code impl Trait for T} are PUBLIC (they are as visible as the
 * trait). Paths in calls are resolved through the file's {@code use} declarations, so
 * {@code use std::thread; thread::spawn(...)} is recognised as {@code std::thread::spawn}.
 *
 * <p>Without type information some idioms are judged by their shape: {@code ?} counts as
 * RESULT_PROPAGATION unless the enclosing function returns an {@code Option}, and
 * {@code let _ = call();} counts as an ignored error (the compiler's {@code #[must_use]} warning
 * on unused {@code Result}s is what that pattern usually silences).
 */
final class RustExtractor implements LanguageSpec.Extractor {

  private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "/bin/sh", "/bin/bash", "/bin/zsh", "cmd",
      "cmd.exe", "powershell");
  private static final Set<String> TASK_SPAWNS = Set.of("tokio::spawn", "tokio::task::spawn",
      "tokio::task::spawn_blocking", "tokio::task::spawn_local", "async_std::task::spawn", "task::spawn",
      "task::spawn_blocking");
  private static final Set<String> THREAD_SPAWNS = Set.of("std::thread::spawn", "thread::spawn",
      "std::thread::scope", "thread::scope");
  private static final Set<String> CHANNEL_CONSTRUCTORS = Set.of("mpsc::channel", "mpsc::sync_channel",
      "mpsc::unbounded_channel", "oneshot::channel", "broadcast::channel", "watch::channel",
      "crossbeam_channel::unbounded", "crossbeam_channel::bounded", "async_channel::unbounded", "async_channel::bounded");
  private static final Set<String> GATHER_FUNCTIONS = Set.of("join_all", "try_join_all", "select_all");
  private static final Set<String> GATHER_MACROS = Set.of("join", "try_join");
  private static final Set<String> PANIC_MACROS = Set.of("panic");
  private static final Set<String> LOCK_METHODS = Set.of("lock", "try_lock");

  @Override
  public void extract(SourceFile file, Facts facts) {
    Run run = new Run(file, facts);
    file.forEachMatch(m -> {
      for (int i = 0, n = m.captureCount(); i < n; i++) run.visit(m.captureName(i), m.captureNode(i));
    });
    run.finish();
  }

  /** Symbols imported from one module, merged over the file's {@code use} declarations. */
  private static final class ImportAcc {
    final SyntaxNode at;
    final Set<String> symbols = new TreeSet<>();
    @Nullable String alias;
    boolean wildcard;

    ImportAcc(SyntaxNode at) {
      this.at = at;
    }
  }

  /** The impl or trait a function is declared in: its type, and the visibility its members get. */
  private record Container(@Nullable String name, @Nullable Visibility memberVisibility) {}

  private static final class Run {
    final SourceFile file;
    final Facts facts;
    final Map<String, ImportAcc> imports = new LinkedHashMap<>();
    /** Local name to the full path it was imported as ({@code thread} to {@code std::thread}). */
    final Map<String, String> paths = new HashMap<>();
    final Set<Long> sqlReported = new HashSet<>();
    /** Enclosing impls, traits, functions and closures, tracked in document order (no parent walks). */
    final Scopes scopes = new Scopes();
    /** What an impl or trait scope (by its start byte) gives its functions. */
    final Map<Integer, Container> containers = new HashMap<>();
    /** Start bytes of the function scopes that return an Option. */
    final Set<Integer> optionFunctions = new HashSet<>();
    /** End of the last concatenation looked at: a {@code +} inside it is part of it. */
    int concatenationEnd = -1;
    int unsafeCount;
    @Nullable Origin firstUnsafe;

    Run(SourceFile file, Facts facts) {
      this.file = file;
      this.facts = facts;
    }

    void visit(String capture, SyntaxNode node) {
      switch (capture) {
        case "function" -> function(node);
        case "impl" -> impl(node);
        case "closure" -> {
          scopes.enclosing(node);
          scopes.push(node, Scopes.Kind.FUNCTION, "");
        }
        case "struct" -> struct(node);
        case "enum" -> enumItem(node);
        case "union" -> union(node);
        case "trait" -> trait(node);
        case "alias" -> alias(node);
        case "use" -> {
          SyntaxNode argument = field(node, "argument");
          if (argument != null) use(node, "", argument);
        }
        case "constant" -> constant(node);
        case "let" -> let(node);
        case "field_init" -> { // Config { password: "...", .. }
          String name = fieldText(node, "field");
          if (name != null) secret(node, name, field(node, "value"));
        }
        case "try" -> {
          Scopes.Scope function = scopes.enclosing(node);
          boolean option = function != null && optionFunctions.contains(function.start());
          if (!option) facts.errorIdiom(ErrorIdiom.RESULT_PROPAGATION, node);
        }
        case "await" -> facts.asyncIdiom(AsyncStyle.ASYNC_AWAIT, node);
        case "call" -> call(node);
        case "macro" -> macro(node);
        case "concat" -> concatenation(node);
        case "unsafe" -> {
          if (firstUnsafe == null) firstUnsafe = file.origin(node);
          unsafeCount++;
        }
        default -> { }
      }
    }

    void finish() {
      imports.forEach((module, acc) -> facts.imports(acc.at,
          new ImportSet(module, List.copyOf(acc.symbols), acc.alias, acc.wildcard)));
      if (unsafeCount > 0 && firstUnsafe != null) {
        // As the TypeScript extractor does for `any`: one SOFT signal per file, with the count.
        facts.add(Constraint.builder("type-safety.no-unsafe", new ForbiddenPattern(
                "\\bunsafe\\s*(\\{|fn\\b|impl\\b|trait\\b)", PatternSyntax.REGEX,
                "unsafe code opts out of the borrow checker's guarantees"))
            .description("'unsafe' is used " + unsafeCount + " time" + (unsafeCount == 1 ? "" : "s") + " in "
                + file.path() + ": new code should stay in safe Rust")
            .kind(ConstraintKind.TYPE_SAFETY)
            .confidence(0.8)
            .source(ConstraintSource.TYPE_SYSTEM)
            .origin(firstUnsafe));
      }
    }

    // ---- functions ----------------------------------------------------------------------

    void function(SyntaxNode node) {
      String name = fieldText(node, "name");
      Scopes.Scope scope = scopes.enclosing(node);
      scopes.push(node, Scopes.Kind.FUNCTION, name == null ? "" : name);
      String returnType = typeText(field(node, "return_type"));
      if (returnType != null && isOption(returnType)) optionFunctions.add(node.getStartByte());
      if (name == null) return;
      // Only a function directly in an impl or trait is a method; one in a function body is local.
      Container container = scope != null && scope.kind() == Scopes.Kind.TYPE ? containers.get(scope.start()) : null;
      String enclosing = container == null ? null : container.name();
      Visibility visibility = container != null && container.memberVisibility() != null
          ? container.memberVisibility() : visibility(node);
      List<Parameter> params = parameters(node);
      SyntaxNode modifiers = Nodes.childOfType(node, "function_modifiers");
      boolean async = modifiers != null && Nodes.hasChildOfType(modifiers, "async");
      facts.function(node, new FunctionSignature(name, params, returnType, async,
          visibility, enclosing, typeParameters(node), Signatures.upToBody(file, node, field(node, "body"))));
      facts.name(IdentifierCategory.FUNCTION, name);
      for (Parameter p : params) facts.name(IdentifierCategory.PARAMETER, p.name());
    }

    /**
     * Opens an impl's scope: its functions are methods of the impl target; those of
     * {@code impl Trait for T} are as visible as the trait, so PUBLIC.
     */
    void impl(SyntaxNode node) {
      scopes.enclosing(node);
      scopes.push(node, Scopes.Kind.TYPE, "impl");
      SyntaxNode target = field(node, "type");
      containers.put(node.getStartByte(), new Container(target == null ? null : typeName(target),
          field(node, "trait") != null ? Visibility.PUBLIC : null));
    }

    /** Parameters other than the {@code self} receiver, in order. */
    List<Parameter> parameters(SyntaxNode function) {
      SyntaxNode list = field(function, "parameters");
      if (list == null) return List.of();
      List<Parameter> out = new ArrayList<>();
      for (SyntaxNode p : list.getNamedChildren()) {
        if (!p.getType().equals("parameter")) continue; // self_parameter, variadic, attributes
        SyntaxNode pattern = field(p, "pattern");
        if (pattern == null) continue;
        String name = Nodes.squash(file.text(pattern));
        if (name.startsWith("mut ")) name = name.substring(4).strip();
        if (!Signatures.hasParameter(out, name)) out.add(Parameter.of(name, typeText(field(p, "type"))));
      }
      return out;
    }

    List<String> typeParameters(SyntaxNode node) {
      SyntaxNode tp = field(node, "type_parameters");
      if (tp == null) return List.of();
      List<String> out = new ArrayList<>();
      for (SyntaxNode p : tp.getNamedChildren()) {
        String t = p.getType();
        if (t.equals("type_parameter") || t.equals("lifetime_parameter") || t.equals("const_parameter")) {
          out.add(Nodes.squash(file.text(p)));
        }
      }
      return out;
    }

    /** The name of a type without its arguments or reference: {@code &mut Vec<T>} gives {@code Vec}. */
    String typeName(SyntaxNode type) {
      return switch (type.getType()) {
        case "generic_type", "reference_type", "pointer_type" -> {
          SyntaxNode inner = field(type, "type");
          yield inner == null ? Nodes.squash(file.text(type)) : typeName(inner);
        }
        default -> Nodes.squash(file.text(type));
      };
    }

    @Nullable String typeText(@Nullable SyntaxNode type) {
      return type == null ? null : Nodes.squash(file.text(type));
    }

    Visibility visibility(SyntaxNode item) {
      SyntaxNode modifier = Nodes.childOfType(item, "visibility_modifier");
      if (modifier == null) return Visibility.PRIVATE;
      String text = file.text(modifier).replace(" ", "");
      if (text.equals("pub")) return Visibility.PUBLIC;
      return text.equals("pub(self)") ? Visibility.PRIVATE : Visibility.PACKAGE;
    }

    static boolean isOption(String type) {
      return type.startsWith("Option<") || type.startsWith("std::option::Option<")
          || type.startsWith("core::option::Option<");
    }

    // ---- types --------------------------------------------------------------------------

    void struct(SyntaxNode node) {
      String name = fieldText(node, "name");
      if (name == null) return;
      declare(node, new TypeDeclaration(name, TypeKind.STRUCT, fields(field(node, "body")), typeParameters(node),
          List.of(), List.of(), null, visibility(node)));
    }

    void union(SyntaxNode node) {
      String name = fieldText(node, "name");
      if (name == null) return;
      declare(node, new TypeDeclaration(name, TypeKind.UNION, fields(field(node, "body")), typeParameters(node),
          List.of(), List.of(), null, visibility(node)));
    }

    /** Named fields, or tuple fields named by position ({@code 0}, {@code 1}, ...). */
    List<Field> fields(@Nullable SyntaxNode body) {
      if (body == null) return List.of();
      List<Field> out = new ArrayList<>();
      boolean tuple = body.getType().equals("ordered_field_declaration_list");
      if (tuple) {
        for (SyntaxNode type : body.getChildrenByFieldName("type")) out.add(fieldOf(String.valueOf(out.size()), type));
        return out;
      }
      for (SyntaxNode f : body.getNamedChildren()) {
        if (!f.getType().equals("field_declaration")) continue;
        String name = fieldText(f, "name");
        SyntaxNode type = field(f, "type");
        if (name == null || type == null) continue;
        out.add(fieldOf(name, type));
        facts.name(IdentifierCategory.FIELD, name);
      }
      return out;
    }

    Field fieldOf(String name, SyntaxNode type) {
      String t = Nodes.squash(file.text(type));
      return new Field(name, t, isOption(t));
    }

    void enumItem(SyntaxNode node) {
      String name = fieldText(node, "name");
      SyntaxNode body = field(node, "body");
      if (name == null || body == null) return;
      List<String> variants = new ArrayList<>();
      for (SyntaxNode v : body.getNamedChildren()) {
        String variant = v.getType().equals("enum_variant") ? fieldText(v, "name") : null;
        if (variant != null && !variants.contains(variant)) variants.add(variant);
      }
      declare(node, new TypeDeclaration(name, TypeKind.ENUM, List.of(), typeParameters(node), List.of(), variants,
          null, visibility(node)));
    }

    void trait(SyntaxNode node) {
      String name = fieldText(node, "name");
      scopes.enclosing(node);
      scopes.push(node, Scopes.Kind.TYPE, name == null ? "" : name);
      containers.put(node.getStartByte(), new Container(name, visibility(node)));
      if (name == null) return;
      List<String> supertypes = new ArrayList<>();
      SyntaxNode bounds = field(node, "bounds");
      if (bounds != null) {
        for (SyntaxNode b : bounds.getNamedChildren()) supertypes.add(Nodes.squash(file.text(b)));
      }
      declare(node, new TypeDeclaration(name, TypeKind.TRAIT, List.of(), typeParameters(node), supertypes, List.of(),
          null, visibility(node)));
    }

    void alias(SyntaxNode node) {
      String name = fieldText(node, "name");
      SyntaxNode type = field(node, "type");
      if (name == null || type == null) return;
      declare(node, new TypeDeclaration(name, TypeKind.ALIAS, List.of(), typeParameters(node), List.of(), List.of(),
          Nodes.squash(file.text(type)), visibility(node)));
    }

    void declare(SyntaxNode node, TypeDeclaration type) {
      facts.type(node, type);
      facts.name(IdentifierCategory.TYPE, type.name());
    }

    // ---- imports ------------------------------------------------------------------------

    /**
     * One use tree under {@code prefix}. {@code use a::b::C} imports {@code C} from {@code a::b};
     * {@code use a::{self, b}} imports {@code a} itself (from its parent) and {@code b}. An
     * aliased path keeps the alias when it renames a module ({@code use serde_json as json},
     * lower case by convention); a renamed item ({@code use sqlx::PgPool as Pool}) is recorded
     * under its own name, as {@link ImportSet#symbols} holds imported names.
     */
    void use(SyntaxNode decl, String prefix, SyntaxNode tree) {
      switch (tree.getType()) {
        case "scoped_use_list" -> {
          SyntaxNode path = field(tree, "path");
          SyntaxNode list = field(tree, "list");
          String p = join(prefix, path == null ? "" : file.text(path));
          if (list != null) use(decl, p, list);
        }
        case "use_list" -> {
          for (SyntaxNode item : tree.getNamedChildren()) use(decl, prefix, item);
        }
        case "use_wildcard" -> {
          SyntaxNode path = tree.getNamedChildCount() > 0 ? tree.getNamedChild(0).orElse(null) : null;
          String module = join(prefix, path == null ? "" : file.text(path));
          if (!module.isEmpty()) imports.computeIfAbsent(module, k -> new ImportAcc(decl)).wildcard = true;
        }
        case "use_as_clause" -> {
          SyntaxNode path = field(tree, "path");
          String alias = fieldText(tree, "alias");
          if (path == null || alias == null) return;
          String full = join(prefix, file.text(path));
          paths.put(alias, full);
          String last = lastSegment(full);
          if (!last.isEmpty() && Character.isLowerCase(last.charAt(0)) && !alias.equals("_")) {
            imports.computeIfAbsent(full, k -> new ImportAcc(decl)).alias = alias;
          } else {
            symbol(decl, full);
          }
        }
        case "self" -> {
          if (!prefix.isEmpty()) {
            paths.put(lastSegment(prefix), prefix);
            symbol(decl, prefix);
          }
        }
        default -> { // identifier, scoped_identifier, crate, super
          String full = join(prefix, file.text(tree));
          paths.put(lastSegment(full), full);
          symbol(decl, full);
        }
      }
    }

    /** {@code a::b::c}: symbol {@code c} of module {@code a::b}; a lone {@code serde} is a module. */
    void symbol(SyntaxNode decl, String full) {
      int sep = full.lastIndexOf("::");
      if (sep < 0) {
        imports.computeIfAbsent(full, k -> new ImportAcc(decl));
      } else {
        imports.computeIfAbsent(full.substring(0, sep), k -> new ImportAcc(decl)).symbols.add(full.substring(sep + 2));
      }
    }

    static String join(String prefix, String path) {
      String p = Signatures.compact(path);
      if (prefix.isEmpty()) return p;
      return p.isEmpty() ? prefix : prefix + "::" + p;
    }

    static String lastSegment(String path) {
      int sep = path.lastIndexOf("::");
      return sep < 0 ? path : path.substring(sep + 2);
    }

    /** A path as written with its first segment replaced by what a {@code use} bound it to. */
    String resolve(String path) {
      String p = Signatures.compact(path);
      int sep = p.indexOf("::");
      String head = sep < 0 ? p : p.substring(0, sep);
      String full = paths.get(head);
      if (full == null) return p;
      return sep < 0 ? full : full + p.substring(sep);
    }

    static boolean matches(String resolved, Set<String> paths) {
      for (String p : paths) {
        if (resolved.equals(p) || resolved.endsWith("::" + p)) return true;
      }
      return false;
    }

    // ---- bindings -----------------------------------------------------------------------

    void constant(SyntaxNode node) {
      String name = fieldText(node, "name");
      if (name == null) return;
      facts.name(IdentifierCategory.CONSTANT, name);
      secret(node, name, field(node, "value"));
    }

    void let(SyntaxNode node) {
      SyntaxNode pattern = field(node, "pattern");
      SyntaxNode value = field(node, "value");
      if (pattern == null) return;
      if (file.text(pattern).equals("_")) {
        if (value != null && isCall(value)) facts.errorIdiom(ErrorIdiom.IGNORED_ERROR, node);
        return;
      }
      if (pattern.getType().equals("identifier")) {
        String name = file.text(pattern);
        facts.name(IdentifierCategory.VARIABLE, name);
        secret(node, name, value);
      }
    }

    static boolean isCall(SyntaxNode value) {
      SyntaxNode v = value;
      while (v.getType().equals("await_expression") && v.getNamedChildCount() > 0) v = v.getNamedChild(0).orElseThrow();
      return v.getType().equals("call_expression");
    }

    void secret(SyntaxNode at, String name, @Nullable SyntaxNode value) {
      if (value == null || !SecuritySmells.isSecretName(name)) return;
      SyntaxNode v = value.getType().equals("reference_expression") ? field(value, "value") : value;
      if (v == null) return;
      String t = v.getType();
      if ((t.equals("string_literal") || t.equals("raw_string_literal")) && !Nodes.unquote(file.text(v)).isEmpty()) {
        facts.security(at, "hardcoded-secret", SecuritySmells.hardcodedSecret(name), 0.7);
      }
    }

    // ---- expressions --------------------------------------------------------------------

    void call(SyntaxNode call) {
      SyntaxNode fn = field(call, "function");
      if (fn == null) return;
      if (fn.getType().equals("generic_function")) fn = field(fn, "function");
      if (fn == null) return;
      switch (fn.getType()) {
        case "field_expression" -> {
          String method = fieldText(fn, "field");
          if (method == null) return;
          switch (method) {
            case "unwrap" -> facts.errorIdiom(ErrorIdiom.UNWRAP, call);
            case "expect" -> facts.errorIdiom(ErrorIdiom.EXPECT, call);
            default -> {
              if (LOCK_METHODS.contains(method)) facts.asyncIdiom(AsyncStyle.LOCK, call);
            }
          }
        }
        case "identifier", "scoped_identifier" -> {
          String path = resolve(file.text(fn));
          if (matches(path, TASK_SPAWNS)) facts.asyncIdiom(AsyncStyle.TASK_SPAWN, call);
          else if (matches(path, THREAD_SPAWNS)) facts.asyncIdiom(AsyncStyle.THREAD, call);
          else if (matches(path, CHANNEL_CONSTRUCTORS)) facts.asyncIdiom(AsyncStyle.CHANNEL, call);
          else if (GATHER_FUNCTIONS.contains(lastSegment(path))) facts.asyncIdiom(AsyncStyle.GATHER, call);
          else if (path.endsWith("Command::new")) command(call);
        }
        default -> { }
      }
    }

    /**
     * {@code Command::new("sh")}: a shell as the program. With a {@code "-c"} argument in the same
     * statement (the builder chain) it runs a command line, the injection-prone case.
     */
    void command(SyntaxNode call) {
      SyntaxNode args = field(call, "arguments");
      SyntaxNode program = args == null || args.getNamedChildCount() == 0 ? null : args.getNamedChild(0).orElse(null);
      if (program == null || !program.getType().equals("string_literal")) return;
      if (!SHELLS.contains(Nodes.unquote(file.text(program)))) return;
      SyntaxNode statement = call;
      for (SyntaxNode p = Nodes.parent(call); p != null; p = Nodes.parent(p)) {
        String t = p.getType();
        if (!t.equals("field_expression") && !t.equals("call_expression") && !t.equals("try_expression")
            && !t.equals("await_expression")) {
          break;
        }
        statement = p;
      }
      String chain = file.text(statement);
      boolean commandLine = chain.contains("\"-c\"") || chain.contains("\"/C\"") || chain.contains("\"/c\"");
      facts.security(call, "shell-exec",
          SecuritySmells.shell("Command::new\\(\\s*\"(/bin/)?(sh|bash|zsh)\"", "Command::new with a shell"),
          commandLine ? 0.9 : 0.7);
    }

    void macro(SyntaxNode node) {
      SyntaxNode name = field(node, "macro");
      if (name == null) return;
      String macro = lastSegment(file.text(name));
      if (PANIC_MACROS.contains(macro)) facts.errorIdiom(ErrorIdiom.PANIC, node);
      else if (GATHER_MACROS.contains(macro)) facts.asyncIdiom(AsyncStyle.GATHER, node);
      else if (macro.equals("select")) facts.asyncIdiom(AsyncStyle.CHANNEL, node);
      else if (macro.equals("format")) format(node);
    }

    /** {@code format!("SELECT ... {}", x)}: SQL with values interpolated. */
    void format(SyntaxNode node) {
      SyntaxNode tokens = Nodes.childOfType(node, "token_tree");
      SyntaxNode template = tokens == null ? null : Nodes.childOfType(tokens, "string_literal");
      if (template == null) template = tokens == null ? null : Nodes.childOfType(tokens, "raw_string_literal");
      if (template == null) return;
      String text = Nodes.unquote(file.text(template));
      if (text.contains("{") && SecuritySmells.looksLikeSql(text)) reportSql(node);
    }

    /** {@code "SELECT ... " + &id} or {@code query.to_owned() + "WHERE ..."}. */
    void concatenation(SyntaxNode node) {
      if (node.getStartByte() < concatenationEnd) return; // inside the one looked at: outermost only
      concatenationEnd = node.getEndByte();
      if (Nodes.descendantsOfType(node, "string_literal").isEmpty()) return;
      if (SecuritySmells.looksLikeSql(file.text(node))) reportSql(node);
    }

    void reportSql(SyntaxNode node) {
      if (sqlReported.add(node.getId())) {
        facts.security(node, "sql-injection", SecuritySmells.sqlConcatenation(), 0.75);
      }
    }
  }
}
