package dev.ananke.clew.go;

import static dev.ananke.clew.spi.Nodes.field;
import static dev.ananke.clew.spi.Nodes.fieldText;

import dev.ananke.clew.spi.Facts;
import dev.ananke.clew.spi.LanguageSpec;
import dev.ananke.clew.spi.Nodes;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Extracts Go. Visibility: a capitalised name is exported (PUBLIC), any other is visible in its
 * package (PACKAGE). Package names in selectors ({@code exec.Command}, {@code sync.WaitGroup})
 * are resolved through the file's imports, so an aliased import is recognised too.
 *
 * <p>Without type information, ignored errors are judged by shape: {@code _ = f()} and a call
 * whose last result is assigned to {@code _} ({@code n, _ := strconv.Atoi(s)}), Go's convention
 * being that the error comes last. A call whose last result is something else (a {@code bool},
 * as in {@code v, _ := cache.Load(k)}) is a false positive; a call used as a statement whose
 * error result is dropped ({@code f.Close()}) is missed. Map lookups, type assertions and
 * channel receives with {@code _} are not calls and are not counted. Likewise
 * {@code if err != nil} is recognised by the name: {@code err} or a name ending in {@code Err}
 * or {@code err}.
 *
 * <p>A defined type ({@code type Celsius float64}, {@code type Status int} with its {@code iota}
 * constants) is reported as an ALIAS of its underlying type, as Go declares it: the model has no
 * kind for it, and what generated code needs is the underlying type.
 *
 * <p>A pointer field is optional (it may be nil) unless it points to a type of another package
 * ({@code *sql.DB}, {@code *log.Logger}): those are handles to shared services, not values that
 * may be absent. {@code time.Time} and fields tagged {@code omitempty} count as values.
 *
 * <p>CHANNEL counts the channels made ({@code make(chan T)}) and the {@code select} statements,
 * as the Rust extractor counts channel constructors and {@code select!}; single sends and
 * receives are uses of those channels, not further idioms.
 */
final class GoExtractor implements LanguageSpec.Extractor {

  private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "/bin/sh", "/bin/bash", "/bin/zsh", "cmd",
      "cmd.exe", "powershell");
  private static final Set<String> SQL_FORMATS = Set.of("Sprintf");
  private static final Set<String> LOCK_METHODS = Set.of("Lock", "RLock", "TryLock");

  @Override
  public void extract(SourceFile file, Facts facts) {
    Run run = new Run(file, facts);
    file.forEachMatch(m -> {
      for (int i = 0, n = m.captureCount(); i < n; i++) run.visit(m.captureName(i), m.captureNode(i));
    });
  }

  private static final class Run {
    final SourceFile file;
    final Facts facts;
    /** Local package name to import path ({@code log} to {@code github.com/sirupsen/logrus}). */
    final Map<String, String> packages = new HashMap<>();
    final Set<Long> sqlReported = new HashSet<>();
    /** End of the last concatenation looked at: a {@code +} inside it is part of it. */
    int concatenationEnd = -1;

    Run(SourceFile file, Facts facts) {
      this.file = file;
      this.facts = facts;
    }

    void visit(String capture, SyntaxNode node) {
      switch (capture) {
        case "function" -> function(node);
        case "types" -> {
          for (SyntaxNode spec : node.getNamedChildren()) {
            if (spec.getType().equals("type_spec")) typeSpec(spec, at(node, spec));
            else if (spec.getType().equals("type_alias")) alias(spec, at(node, spec));
          }
        }
        case "imports" -> {
          SyntaxNode list = Nodes.childOfType(node, "import_spec_list");
          for (SyntaxNode spec : (list == null ? node : list).getNamedChildren()) {
            if (spec.getType().equals("import_spec")) importSpec(spec, list == null ? node : spec);
          }
        }
        case "constant" -> valueSpec(node, IdentifierCategory.CONSTANT);
        case "variable" -> valueSpec(node, IdentifierCategory.VARIABLE);
        case "define" -> {
          assignment(node);
          SyntaxNode left = field(node, "left");
          if (left != null) {
            for (SyntaxNode n : left.getNamedChildren()) {
              if (n.getType().equals("identifier")) facts.name(IdentifierCategory.VARIABLE, file.text(n));
            }
          }
        }
        case "assign" -> assignment(node);
        case "keyed" -> {
          SyntaxNode key = field(node, "key");
          if (key != null) secret(node, file.text(key), field(node, "value"));
        }
        case "if" -> {
          if (isErrNilCheck(field(node, "condition"))) facts.errorIdiom(ErrorIdiom.ERR_NIL_CHECK, node);
        }
        case "call" -> call(node);
        case "concat" -> concatenation(node);
        case "go" -> facts.asyncIdiom(AsyncStyle.GOROUTINE, node);
        case "select" -> facts.asyncIdiom(AsyncStyle.CHANNEL, node);
        case "qualified_type" -> qualifiedType(node);
        default -> { }
      }
    }

    // ---- functions ----------------------------------------------------------------------

    void function(SyntaxNode node) {
      String name = fieldText(node, "name");
      if (name == null) return;
      SyntaxNode receiver = field(node, "receiver");
      String enclosing = null;
      if (receiver != null) {
        SyntaxNode p = Nodes.childOfType(receiver, "parameter_declaration");
        SyntaxNode type = p == null ? null : field(p, "type");
        enclosing = type == null ? null : baseTypeName(type);
      }
      signature(node, name, enclosing, Signatures.upToBody(file, node, field(node, "body")));
    }

    void signature(SyntaxNode node, String name, @Nullable String enclosing, String signature) {
      List<Parameter> params = parameters(field(node, "parameters"));
      facts.function(node, new FunctionSignature(name, params, typeText(field(node, "result")), false,
          visibility(name), enclosing, typeParameters(node), signature));
      facts.name(IdentifierCategory.FUNCTION, name);
      for (Parameter p : params) facts.name(IdentifierCategory.PARAMETER, p.name());
    }

    /**
     * Parameters in order; {@code a, b int} gives two. Unnamed parameters ({@code func(int)}) are
     * named by their 1-based position, {@code _1}, {@code _2}, since a parameter needs a name.
     */
    List<Parameter> parameters(@Nullable SyntaxNode list) {
      if (list == null) return List.of();
      List<Parameter> out = new ArrayList<>();
      int position = 0;
      for (SyntaxNode p : list.getNamedChildren()) {
        boolean variadic = p.getType().equals("variadic_parameter_declaration");
        if (!variadic && !p.getType().equals("parameter_declaration")) continue;
        String type = typeText(field(p, "type"));
        List<SyntaxNode> names = p.getChildrenByFieldName("name");
        if (names.isEmpty()) {
          position++;
          String name = "_" + position;
          if (!Signatures.hasParameter(out, name)) out.add(new Parameter(name, type, false, variadic, null));
          continue;
        }
        for (SyntaxNode n : names) {
          position++;
          String name = file.text(n);
          if (name.equals("_")) name = "_" + position;
          if (!Signatures.hasParameter(out, name)) out.add(new Parameter(name, type, false, variadic, null));
        }
      }
      return out;
    }

    /** {@code [K comparable, V any]} gives {@code K comparable}, {@code V any}; {@code [T, U any]} gives both with {@code any}. */
    List<String> typeParameters(SyntaxNode node) {
      SyntaxNode list = field(node, "type_parameters");
      if (list == null) return List.of();
      List<String> out = new ArrayList<>();
      for (SyntaxNode p : list.getNamedChildren()) {
        if (!p.getType().equals("type_parameter_declaration")) continue;
        String constraint = typeText(field(p, "type"));
        for (SyntaxNode n : p.getChildrenByFieldName("name")) {
          out.add(constraint == null ? file.text(n) : file.text(n) + " " + constraint);
        }
      }
      return out;
    }

    /** {@code *Set[T]} gives {@code Set}; {@code sync.Mutex} gives {@code Mutex}. */
    String baseTypeName(SyntaxNode type) {
      return switch (type.getType()) {
        case "pointer_type" -> type.getNamedChildCount() == 0 ? file.text(type)
            : baseTypeName(type.getNamedChild(0).orElseThrow());
        case "generic_type" -> {
          SyntaxNode inner = field(type, "type");
          yield inner == null ? file.text(type) : baseTypeName(inner);
        }
        case "qualified_type" -> {
          String name = fieldText(type, "name");
          yield name == null ? file.text(type) : name;
        }
        default -> Nodes.squash(file.text(type));
      };
    }

    @Nullable String typeText(@Nullable SyntaxNode type) {
      return type == null ? null : Nodes.squash(file.text(type));
    }

    static Visibility visibility(String name) {
      return !name.isEmpty() && Character.isUpperCase(name.codePointAt(0)) ? Visibility.PUBLIC : Visibility.PACKAGE;
    }

    // ---- types --------------------------------------------------------------------------

    void typeSpec(SyntaxNode node, SyntaxNode at) {
      String name = fieldText(node, "name");
      SyntaxNode type = field(node, "type");
      if (name == null || type == null) return;
      List<String> typeParameters = typeParameters(node);
      TypeDeclaration decl = switch (type.getType()) {
        case "struct_type" -> {
          List<String> embedded = new ArrayList<>();
          List<Field> fields = structFields(type, embedded);
          yield new TypeDeclaration(name, TypeKind.STRUCT, fields, typeParameters, embedded, List.of(), null,
              visibility(name));
        }
        case "interface_type" -> new TypeDeclaration(name, TypeKind.INTERFACE, List.of(), typeParameters,
            interfaceMembers(name, type), List.of(), null, visibility(name));
        default -> new TypeDeclaration(name, TypeKind.ALIAS, List.of(), typeParameters, List.of(), List.of(),
            Nodes.squash(file.text(type)), visibility(name));
      };
      facts.type(at, decl);
      facts.name(IdentifierCategory.TYPE, name);
    }

    /** Where a type spec is declared: the whole {@code type X ...} when it stands alone, else the spec. */
    static SyntaxNode at(SyntaxNode declaration, SyntaxNode spec) {
      return declaration.getNamedChildCount() == 1 ? declaration : spec;
    }

    /**
     * Fields in order; {@code X, Y int} gives two. An embedded type is a field named after the
     * type (as Go names it) and a supertype. A pointer is optional: it may be nil.
     */
    List<Field> structFields(SyntaxNode struct, List<String> embedded) {
      SyntaxNode list = Nodes.childOfType(struct, "field_declaration_list");
      if (list == null) return List.of();
      List<Field> out = new ArrayList<>();
      for (SyntaxNode f : list.getNamedChildren()) {
        if (!f.getType().equals("field_declaration")) continue;
        SyntaxNode type = field(f, "type");
        if (type == null) continue;
        String t = Nodes.squash(file.text(type));
        boolean optional = isOptional(type, fieldText(f, "tag"));
        List<SyntaxNode> names = f.getChildrenByFieldName("name");
        if (names.isEmpty()) {
          String name = baseTypeName(type);
          embedded.add(t);
          if (!Signatures.hasField(out, name)) out.add(new Field(name, t, optional));
          continue;
        }
        for (SyntaxNode n : names) {
          String name = file.text(n);
          if (!Signatures.hasField(out, name)) out.add(new Field(name, t, optional));
          facts.name(IdentifierCategory.FIELD, name);
        }
      }
      return out;
    }

    boolean isOptional(SyntaxNode type, @Nullable String tag) {
      if (!type.getType().equals("pointer_type")) return false;
      if (tag != null && tag.contains("omitempty")) return true;
      SyntaxNode pointee = type.getNamedChildCount() == 0 ? null : type.getNamedChild(0).orElse(null);
      return pointee == null || !pointee.getType().equals("qualified_type") || file.text(pointee).equals("time.Time");
    }

    /** Reports the interface's methods as functions; returns its embedded interfaces. */
    List<String> interfaceMembers(String interfaceName, SyntaxNode type) {
      List<String> embedded = new ArrayList<>();
      for (SyntaxNode member : type.getNamedChildren()) {
        switch (member.getType()) {
          case "method_elem" -> {
            String name = fieldText(member, "name");
            if (name != null) signature(member, name, interfaceName, Signatures.upToBody(file, member, null));
          }
          case "type_elem" -> embedded.add(Nodes.squash(file.text(member)));
          default -> { }
        }
      }
      return embedded;
    }

    void alias(SyntaxNode node, SyntaxNode at) {
      String name = fieldText(node, "name");
      SyntaxNode type = field(node, "type");
      if (name == null || type == null) return;
      facts.type(at, new TypeDeclaration(name, TypeKind.ALIAS, List.of(), typeParameters(node),
          List.of(), List.of(), Nodes.squash(file.text(type)), visibility(name)));
      facts.name(IdentifierCategory.TYPE, name);
    }

    // ---- imports ------------------------------------------------------------------------

    /**
     * {@code "database/sql"}, {@code log "github.com/sirupsen/logrus"}, {@code _ "lib/pq"} (alias
     * {@code _}: imported for its side effects) and {@code . "fmt"} (a wildcard).
     */
    void importSpec(SyntaxNode node, SyntaxNode at) {
      SyntaxNode path = field(node, "path");
      if (path == null) return;
      String module = Nodes.unquote(file.text(path));
      if (module.isBlank()) return;
      SyntaxNode nameNode = field(node, "name");
      String name = nameNode == null ? null : file.text(nameNode);
      boolean dot = ".".equals(name);
      String alias = dot ? null : name;
      facts.imports(at, new ImportSet(module, List.of(), alias, dot));
      packages.put(alias != null ? alias : packageName(module), module);
    }

    /** The package name an import path binds by default: its last element, skipping a {@code /vN} suffix. */
    static String packageName(String path) {
      String[] parts = path.split("/");
      String last = parts[parts.length - 1];
      if (parts.length > 1 && isMajorVersion(last)) last = parts[parts.length - 2];
      return last;
    }

    /** {@code v[0-9]+}, without compiling that regex for every import. */
    static boolean isMajorVersion(String s) {
      if (s.length() < 2 || s.charAt(0) != 'v') return false;
      for (int i = 1; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') return false;
      }
      return true;
    }

    /** The import path of a package name used in a selector, or null when it is not imported. */
    @Nullable String importPath(String packageName) {
      return packages.get(packageName);
    }

    // ---- bindings and statements --------------------------------------------------------

    void valueSpec(SyntaxNode spec, IdentifierCategory category) {
      List<SyntaxNode> names = spec.getChildrenByFieldName("name");
      SyntaxNode values = field(spec, "value");
      List<SyntaxNode> valueList = values == null ? List.of() : values.getNamedChildren();
      for (int i = 0; i < names.size(); i++) {
        String name = file.text(names.get(i));
        if (name.equals("_")) continue;
        facts.name(category, name);
        if (i < valueList.size()) secret(spec, name, valueList.get(i));
      }
    }

    /** {@code x := v}, {@code x = v}: secrets, and errors dropped into {@code _}. */
    void assignment(SyntaxNode node) {
      SyntaxNode left = field(node, "left");
      SyntaxNode right = field(node, "right");
      if (left == null || right == null) return;
      List<SyntaxNode> targets = left.getNamedChildren();
      List<SyntaxNode> values = right.getNamedChildren();
      if (targets.isEmpty()) return;
      boolean lastBlank = file.text(targets.getLast()).equals("_");
      if (lastBlank && values.size() == 1 && values.getFirst().getType().equals("call_expression")
          && (targets.size() > 1 || !isBuiltinCall(values.getFirst()))) {
        facts.errorIdiom(ErrorIdiom.IGNORED_ERROR, node);
      }
      if (targets.size() == values.size()) {
        for (int i = 0; i < targets.size(); i++) {
          SyntaxNode t = targets.get(i);
          String name = t.getType().equals("selector_expression") ? fieldText(t, "field") : file.text(t);
          if (name != null) secret(node, name, values.get(i));
        }
      }
    }

    /** {@code _ = len(x)} and friends: builtins return no error. */
    boolean isBuiltinCall(SyntaxNode call) {
      SyntaxNode fn = field(call, "function");
      return fn != null && fn.getType().equals("identifier")
          && Set.of("len", "cap", "append", "make", "new", "copy", "min", "max").contains(file.text(fn));
    }

    /** {@code err != nil} (either side), the condition of an {@code if}. */
    boolean isErrNilCheck(@Nullable SyntaxNode condition) {
      if (condition == null || !condition.getType().equals("binary_expression")) return false;
      SyntaxNode left = field(condition, "left");
      SyntaxNode right = field(condition, "right");
      if (left == null || right == null) return false;
      SyntaxNode other = right.getType().equals("nil") ? left : left.getType().equals("nil") ? right : null;
      if (other == null || !other.getType().equals("identifier")) return false;
      String name = file.text(other);
      return name.equals("err") || name.endsWith("Err") || name.endsWith("err");
    }

    void secret(SyntaxNode at, String name, @Nullable SyntaxNode value) {
      if (value == null || !SecuritySmells.isSecretName(name)) return;
      if (value.getType().equals("literal_element")) value = value.getNamedChild(0).orElse(null);
      if (value == null) return;
      String t = value.getType();
      if ((t.equals("interpreted_string_literal") || t.equals("raw_string_literal"))
          && !Nodes.unquote(file.text(value)).isEmpty()) {
        facts.security(at, "hardcoded-secret", SecuritySmells.hardcodedSecret(name), 0.7);
      }
    }

    // ---- expressions --------------------------------------------------------------------

    void call(SyntaxNode call) {
      SyntaxNode fn = field(call, "function");
      SyntaxNode args = field(call, "arguments");
      if (fn == null) return;
      switch (fn.getType()) {
        case "identifier" -> {
          String name = file.text(fn);
          if (name.equals("panic")) facts.errorIdiom(ErrorIdiom.PANIC, call);
          else if (name.equals("make") && args != null && Nodes.childOfType(args, "channel_type") != null) {
            facts.asyncIdiom(AsyncStyle.CHANNEL, call);
          }
        }
        case "selector_expression" -> {
          SyntaxNode operand = field(fn, "operand");
          String method = fieldText(fn, "field");
          if (operand == null || method == null) return;
          String pkg = operand.getType().equals("identifier") ? importPath(file.text(operand)) : null;
          if (pkg == null) {
            if (LOCK_METHODS.contains(method)) facts.asyncIdiom(AsyncStyle.LOCK, call);
          } else if (pkg.equals("os/exec") && (method.equals("Command") || method.equals("CommandContext"))) {
            command(call, args, method.equals("CommandContext") ? 1 : 0);
          } else if (pkg.equals("fmt") && SQL_FORMATS.contains(method)) {
            sprintf(call, args);
          }
        }
        default -> { }
      }
    }

    /** {@code exec.Command("sh", "-c", line)}: a command line run by a shell. */
    void command(SyntaxNode call, @Nullable SyntaxNode args, int programIndex) {
      if (args == null || args.getNamedChildCount() <= programIndex) return;
      SyntaxNode program = args.getNamedChild(programIndex).orElseThrow();
      if (!isStringLiteral(program) || !SHELLS.contains(Nodes.unquote(file.text(program)))) return;
      boolean commandLine = false;
      for (SyntaxNode a : args.getNamedChildren()) {
        String t = file.text(a);
        if (t.equals("\"-c\"") || t.equals("\"/C\"") || t.equals("\"/c\"")) commandLine = true;
      }
      facts.security(call, "shell-exec", SecuritySmells.shell(
          "exec\\.Command(Context)?\\([^)]*\"(/bin/)?(sh|bash|zsh)\"", "exec.Command with a shell"),
          commandLine ? 0.9 : 0.7);
    }

    /** {@code fmt.Sprintf("SELECT ... '%s'", v)}: SQL with values formatted in. */
    void sprintf(SyntaxNode call, @Nullable SyntaxNode args) {
      SyntaxNode format = args == null || args.getNamedChildCount() == 0 ? null : args.getNamedChild(0).orElse(null);
      if (format == null || !isStringLiteral(format)) return;
      String text = Nodes.unquote(file.text(format));
      if (text.contains("%") && SecuritySmells.looksLikeSql(text)) reportSql(call);
    }

    /** {@code "UPDATE ... WHERE sku = " + sku}: the outermost {@code +} with a literal operand. */
    void concatenation(SyntaxNode node) {
      if (node.getStartByte() < concatenationEnd) return; // inside the one looked at: outermost only
      concatenationEnd = node.getEndByte();
      if (!hasStringOperand(node)) return;
      if (SecuritySmells.looksLikeSql(file.text(node))) reportSql(node);
    }

    boolean hasStringOperand(SyntaxNode binary) {
      for (SyntaxNode side : new SyntaxNode[] {field(binary, "left"), field(binary, "right")}) {
        if (side == null) continue;
        if (isStringLiteral(side)) return true;
        if (side.getType().equals("binary_expression") && hasStringOperand(side)) return true;
      }
      return false;
    }

    static boolean isStringLiteral(SyntaxNode n) {
      return n.getType().equals("interpreted_string_literal") || n.getType().equals("raw_string_literal");
    }

    void reportSql(SyntaxNode node) {
      if (sqlReported.add(node.getId())) facts.security(node, "sql-injection", SecuritySmells.sqlConcatenation(), 0.75);
    }

    /** {@code sync.WaitGroup}, {@code errgroup.Group}: waiting for a group of goroutines. */
    void qualifiedType(SyntaxNode node) {
      String pkg = fieldText(node, "package");
      String name = fieldText(node, "name");
      if (pkg == null || name == null) return;
      String path = importPath(pkg);
      if (("sync".equals(path) && name.equals("WaitGroup"))
          || ("golang.org/x/sync/errgroup".equals(path) && name.equals("Group"))) {
        facts.asyncIdiom(AsyncStyle.WAIT_GROUP, node);
      }
    }
  }
}
