package dev.ananke.clew.python;

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
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Extracts Python. Visibility follows the convention: a leading underscore is PRIVATE, anything
 * else PUBLIC. Classes deriving from {@code Enum} are ENUMs, from {@code Protocol} INTERFACEs.
 * Missing annotations (parameters other than self/cls, and returns other than __init__'s) are
 * counted into one {@code annotationsRequired} type bound per file.
 */
final class PythonExtractor implements LanguageSpec.Extractor {

  private static final Set<String> ENUM_BASES = Set.of("Enum", "IntEnum", "StrEnum", "Flag", "IntFlag",
      "enum.Enum", "enum.IntEnum", "enum.StrEnum");
  private static final Set<String> INTERFACE_BASES = Set.of("Protocol", "typing.Protocol");
  private static final Set<String> SQL_METHODS = Set.of("execute", "executemany", "executescript", "raw", "query",
      "text", "fetch", "fetchrow", "fetchval");
  private static final Set<String> SUBPROCESS = Set.of("run", "call", "check_call", "check_output", "Popen");

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
    /** Start bytes of functions decorated with @staticmethod (the decoration comes first). */
    final Set<Integer> staticMethods = new HashSet<>();
    /** End of the last string building looked at: the parts nested in it are not reported again. */
    int concatEnd = -1;
    /** Local names of the subprocess module ({@code import subprocess as sp}) and of its functions. */
    final Set<String> subprocessModules = new HashSet<>(Set.of("subprocess"));
    final Set<String> subprocessFunctions = new HashSet<>();
    int annotationSlots;
    int missingAnnotations;
    @Nullable Origin firstMissing;

    Run(SourceFile file, Facts facts) {
      this.file = file;
      this.facts = facts;
    }

    void visit(String capture, SyntaxNode node) {
      switch (capture) {
        case "function" -> function(node);
        case "decorated" -> decorated(node);
        case "lambda" -> {
          scopes.enclosing(node);
          scopes.push(node, Scopes.Kind.FUNCTION, "");
        }
        case "class" -> classDefinition(node);
        case "alias" -> alias(node);
        case "import" -> importStatement(node);
        case "import_from" -> importFrom(node);
        case "try" -> facts.errorIdiom(ErrorIdiom.TRY_EXCEPT, node);
        case "except" -> {
          if (isIgnored(node)) facts.errorIdiom(ErrorIdiom.IGNORED_ERROR, node);
        }
        case "raise" -> facts.errorIdiom(ErrorIdiom.THROW, node);
        case "await" -> facts.asyncIdiom(AsyncStyle.ASYNC_AWAIT, node);
        case "call" -> call(node);
        case "assignment" -> assignment(node);
        case "keyword" -> {
          SyntaxNode name = field(node, "name");
          if (name != null) secret(node, file.text(name), field(node, "value"));
        }
        case "concat", "fstring" -> sql(node);
        default -> { }
      }
    }

    void finish() {
      if (annotationSlots > 0) {
        Origin at = firstMissing != null ? firstMissing : new Origin(file.path(), 1, 1);
        int annotated = annotationSlots - missingAnnotations;
        facts.typeBound(at, "annotations", new TypeBound("*", null, List.of(), true),
            missingAnnotations + " of " + annotationSlots + " parameters and return types lack annotations in "
                + file.path() + (missingAnnotations == 0 ? ": the code is fully annotated" : ": annotate new code"),
            Math.max(0.05, (double) annotated / annotationSlots));
      }
    }

    // ---- functions ----------------------------------------------------------------------

    void decorated(SyntaxNode node) {
      SyntaxNode definition = field(node, "definition");
      if (definition == null) return;
      for (SyntaxNode d : node.getNamedChildren()) {
        if (d.getType().equals("decorator") && file.text(d).strip().equals("@staticmethod")) {
          staticMethods.add(definition.getStartByte());
        }
      }
    }

    void function(SyntaxNode node) {
      Scopes.Scope scope = scopes.enclosing(node);
      scopes.push(node, Scopes.Kind.FUNCTION, "");
      String name = fieldText(node, "name");
      if (name == null) return;
      if (scope != null && scope.kind() == Scopes.Kind.FUNCTION) return; // a local function
      String enclosing = scope == null ? null : scope.name();
      boolean method = enclosing != null;
      List<Parameter> params = parameters(node, method);
      String returnType = typeText(field(node, "return_type"));
      boolean async = Nodes.hasChildOfType(node, "async");
      Visibility visibility = name.startsWith("_") && !(name.startsWith("__") && name.endsWith("__"))
          ? Visibility.PRIVATE : Visibility.PUBLIC;
      List<String> typeParameters = typeParameters(node);
      facts.function(node, new FunctionSignature(name, params, returnType, async, visibility, enclosing,
          typeParameters, signature(node)));
      if (!(name.startsWith("__") && name.endsWith("__"))) facts.name(IdentifierCategory.FUNCTION, name);
      for (Parameter p : params) facts.name(IdentifierCategory.PARAMETER, p.name());
      // Annotations: every parameter, and the return type unless it is __init__'s (always None).
      for (Parameter p : params) countAnnotation(p.type() != null, node);
      if (!name.equals("__init__")) countAnnotation(returnType != null, node);
    }

    void countAnnotation(boolean present, SyntaxNode at) {
      annotationSlots++;
      if (!present) {
        missingAnnotations++;
        if (firstMissing == null) firstMissing = file.origin(at);
      }
    }

    List<Parameter> parameters(SyntaxNode function, boolean method) {
      SyntaxNode list = field(function, "parameters");
      if (list == null) return List.of();
      List<Parameter> out = new ArrayList<>();
      boolean first = true;
      for (SyntaxNode p : list.getNamedChildren()) {
        Parameter param = parameter(p);
        if (param == null) continue;
        boolean receiver = method && first && (param.name().equals("self") || param.name().equals("cls"))
            && !isStatic(function);
        first = false;
        if (receiver) continue; // the receiver is not a parameter
        if (!Signatures.hasParameter(out, param.name())) out.add(param);
      }
      return out;
    }

    boolean isStatic(SyntaxNode function) {
      return staticMethods.contains(function.getStartByte());
    }

    @Nullable Parameter parameter(SyntaxNode p) {
      return switch (p.getType()) {
        case "identifier" -> Parameter.of(file.text(p), null);
        case "typed_parameter" -> {
          SyntaxNode inner = p.getNamedChild(0).orElse(null);
          if (inner == null) yield null;
          String type = typeText(field(p, "type"));
          yield switch (inner.getType()) {
            case "list_splat_pattern", "dictionary_splat_pattern" ->
                new Parameter(splatName(inner), type, false, true, null);
            default -> Parameter.of(file.text(inner), type);
          };
        }
        case "default_parameter", "typed_default_parameter" -> {
          String name = fieldText(p, "name");
          SyntaxNode value = field(p, "value");
          // optional is for a declared-optional marker; a default value is reported as such
          yield name == null ? null : new Parameter(name, typeText(field(p, "type")), false, false,
              value == null ? null : Nodes.squash(file.text(value)));
        }
        case "list_splat_pattern", "dictionary_splat_pattern" -> new Parameter(splatName(p), null, false, true, null);
        default -> null; // "*" and "/" separators, comments
      };
    }

    String splatName(SyntaxNode splat) {
      String t = file.text(splat);
      return t.startsWith("**") ? t.substring(2) : t.startsWith("*") ? t.substring(1) : t;
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

    /** From {@code def} (or {@code async def}) up to the colon before the body. */
    String signature(SyntaxNode function) {
      String text = Nodes.squash(Signatures.textUpTo(file, function, field(function, "body")));
      if (text.endsWith(":")) text = text.substring(0, text.length() - 1).strip();
      return text;
    }

    // ---- classes and aliases ------------------------------------------------------------

    void classDefinition(SyntaxNode node) {
      String name = fieldText(node, "name");
      Scopes.Scope outer = scopes.enclosing(node);
      scopes.push(node, Scopes.Kind.TYPE, name == null ? "" : outer != null && outer.kind() == Scopes.Kind.TYPE
          ? outer.name() + "." + name : String.valueOf(name));
      if (name == null) return;
      List<String> supertypes = new ArrayList<>();
      SyntaxNode bases = field(node, "superclasses");
      if (bases != null) {
        for (SyntaxNode b : bases.getNamedChildren()) {
          if (!b.getType().equals("keyword_argument") && !b.getType().equals("comment")) {
            supertypes.add(Nodes.squash(file.text(b)));
          }
        }
      }
      boolean isEnum = supertypes.stream().anyMatch(ENUM_BASES::contains);
      boolean isInterface = supertypes.stream().anyMatch(s -> INTERFACE_BASES.contains(s) || s.startsWith("Protocol["));
      List<Field> fields = new ArrayList<>();
      List<String> variants = new ArrayList<>();
      SyntaxNode body = field(node, "body");
      if (body != null) {
        for (SyntaxNode stmt : body.getNamedChildren()) {
          if (!stmt.getType().equals("expression_statement")) continue;
          SyntaxNode a = stmt.getNamedChild(0).orElse(null);
          if (a == null || !a.getType().equals("assignment")) continue;
          SyntaxNode left = field(a, "left");
          if (left == null || !left.getType().equals("identifier")) continue;
          String fieldName = file.text(left);
          if (isEnum) {
            if (!variants.contains(fieldName)) variants.add(fieldName);
          } else if (!Signatures.hasField(fields, fieldName)) {
            SyntaxNode type = field(a, "type");
            boolean optional = field(a, "right") != null
                || (type != null && (file.text(type).startsWith("Optional[") || file.text(type).contains("| None")));
            fields.add(new Field(fieldName, typeText(type), optional));
          }
        }
      }
      TypeKind kind = isEnum ? TypeKind.ENUM : isInterface ? TypeKind.INTERFACE : TypeKind.CLASS;
      facts.type(node, new TypeDeclaration(name, kind, fields, typeParameters(node), supertypes, variants, null,
          name.startsWith("_") ? Visibility.PRIVATE : Visibility.PUBLIC));
      facts.name(IdentifierCategory.TYPE, name);
      for (Field f : fields) facts.name(IdentifierCategory.FIELD, f.name());
    }

    void alias(SyntaxNode node) {
      SyntaxNode left = field(node, "left");
      SyntaxNode right = field(node, "right");
      if (left == null || right == null) return;
      String name = file.text(left);
      int bracket = name.indexOf('[');
      if (bracket > 0) name = name.substring(0, bracket);
      facts.type(node, new TypeDeclaration(name, TypeKind.ALIAS, List.of(), List.of(), List.of(), List.of(),
          Nodes.squash(file.text(right)), name.startsWith("_") ? Visibility.PRIVATE : Visibility.PUBLIC));
      facts.name(IdentifierCategory.TYPE, name);
    }

    // ---- imports ------------------------------------------------------------------------

    void importStatement(SyntaxNode node) {
      for (SyntaxNode n : node.getChildrenByFieldName("name")) {
        if (n.getType().equals("aliased_import")) {
          String module = fieldText(n, "name");
          String alias = fieldText(n, "alias");
          if ("subprocess".equals(module) && alias != null) subprocessModules.add(alias);
          if (module != null) facts.imports(node, new ImportSet(module, List.of(), alias, false));
        } else {
          facts.imports(node, new ImportSet(file.text(n), List.of(), null, false));
        }
      }
    }

    void importFrom(SyntaxNode node) {
      SyntaxNode moduleNode = field(node, "module_name");
      if (moduleNode == null) return;
      List<String> symbols = new ArrayList<>();
      String module = Nodes.squash(file.text(moduleNode));
      for (SyntaxNode n : node.getChildrenByFieldName("name")) {
        boolean aliased = n.getType().equals("aliased_import");
        String symbol = aliased ? String.valueOf(fieldText(n, "name")) : file.text(n);
        symbols.add(symbol);
        if (module.equals("subprocess") && SUBPROCESS.contains(symbol)) {
          subprocessFunctions.add(aliased ? String.valueOf(fieldText(n, "alias")) : symbol);
        }
      }
      boolean wildcard = Nodes.childOfType(node, "wildcard_import") != null;
      facts.imports(node, new ImportSet(module, symbols, null, wildcard));
    }

    // ---- statements and expressions ------------------------------------------------------

    /** {@code except: pass}, {@code except E: ...}: the error is dropped. */
    boolean isIgnored(SyntaxNode except) {
      SyntaxNode block = Nodes.childOfType(except, "block");
      if (block == null) return false;
      for (SyntaxNode s : block.getNamedChildren()) {
        String t = s.getType();
        if (t.equals("comment") || t.equals("pass_statement")) continue;
        if (t.equals("expression_statement") && file.text(s).strip().equals("...")) continue;
        return false;
      }
      return true;
    }

    void assignment(SyntaxNode node) {
      SyntaxNode left = field(node, "left");
      SyntaxNode right = field(node, "right");
      if (left == null) return;
      if (left.getType().equals("identifier")) {
        String name = file.text(left);
        Scopes.Scope scope = scopes.enclosing(node);
        boolean moduleLevel = scope == null;
        boolean inClass = scope != null && scope.kind() == Scopes.Kind.TYPE;
        if (!inClass) {
          boolean constant = moduleLevel && right != null && isLiteral(right);
          facts.name(constant ? IdentifierCategory.CONSTANT : IdentifierCategory.VARIABLE, name);
        }
        if (right != null && field(node, "type") != null && file.text(field(node, "type")).equals("TypeAlias")) {
          facts.type(node, new TypeDeclaration(name, TypeKind.ALIAS, List.of(), List.of(), List.of(), List.of(),
              Nodes.squash(file.text(right)), name.startsWith("_") ? Visibility.PRIVATE : Visibility.PUBLIC));
        }
        secret(node, name, right);
      } else if (left.getType().equals("attribute")) {
        SyntaxNode attr = field(left, "attribute");
        if (attr != null) secret(node, file.text(attr), right);
      }
    }

    boolean isLiteral(SyntaxNode n) {
      return switch (n.getType()) {
        case "integer", "float", "true", "false", "none" -> true;
        case "string" -> Nodes.childOfType(n, "interpolation") == null;
        case "unary_operator" -> n.getNamedChildCount() == 1 && isLiteral(n.getNamedChild(0).orElseThrow());
        case "tuple", "list", "set" -> n.getNamedChildren().stream().allMatch(this::isLiteral);
        default -> false;
      };
    }

    void secret(SyntaxNode at, String name, @Nullable SyntaxNode value) {
      if (value == null || !SecuritySmells.isSecretName(name)) return;
      if (value.getType().equals("string") && Nodes.childOfType(value, "interpolation") == null
          && !Nodes.unquote(file.text(value)).isEmpty()) {
        facts.security(at, "hardcoded-secret", SecuritySmells.hardcodedSecret(name), 0.7);
      }
    }

    void call(SyntaxNode call) {
      SyntaxNode fn = field(call, "function");
      SyntaxNode args = field(call, "arguments");
      if (fn == null) return;
      // a chained callee can be long; the names we look for are short
      String callee = fn.getEndByte() - fn.getStartByte() > 80 ? "" : file.text(fn);
      switch (callee) {
        case "eval" -> facts.security(call, "eval", SecuritySmells.eval(), 0.95);
        case "exec" -> facts.security(call, "exec", SecuritySmells.execCode(), 0.95);
        case "os.system", "os.popen" ->
            facts.security(call, "shell-exec", SecuritySmells.shell("\\bos\\.(system|popen)\\s*\\(", callee), 0.9);
        case "asyncio.gather", "gather" -> facts.asyncIdiom(AsyncStyle.GATHER, call);
        case "asyncio.create_task", "asyncio.ensure_future", "create_task" -> facts.asyncIdiom(AsyncStyle.TASK_SPAWN, call);
        case "threading.Thread", "Thread" -> facts.asyncIdiom(AsyncStyle.THREAD, call);
        case "threading.Lock", "threading.RLock", "asyncio.Lock", "Lock", "RLock" -> facts.asyncIdiom(AsyncStyle.LOCK, call);
        default -> { }
      }
      int dot = callee.lastIndexOf('.');
      boolean subprocessCall = dot > 0
          ? subprocessModules.contains(callee.substring(0, dot)) && SUBPROCESS.contains(callee.substring(dot + 1))
          : subprocessFunctions.contains(callee);
      if (subprocessCall && hasShellTrue(args)) {
        facts.security(call, "shell-exec",
            SecuritySmells.shell("\\bshell\\s*=\\s*True\\b", "subprocess with shell=True"), 0.9);
      }
      if (fn.getType().equals("attribute")) {
        SyntaxNode attr = field(fn, "attribute");
        if (attr != null && file.text(attr).endsWith("create_task") && !callee.startsWith("asyncio.")) {
          facts.asyncIdiom(AsyncStyle.TASK_SPAWN, call);
        }
        if (attr != null && SQL_METHODS.contains(file.text(attr)) && args != null) {
          SyntaxNode first = args.getNamedChild(0).orElse(null);
          if (first != null && isFormatCall(first) && SecuritySmells.looksLikeSql(file.text(first))) {
            reportSql(first);
          }
        }
      }
    }

    boolean hasShellTrue(@Nullable SyntaxNode args) {
      if (args == null) return false;
      for (SyntaxNode a : args.getNamedChildren()) {
        if (a.getType().equals("keyword_argument") && "shell".equals(fieldText(a, "name"))
            && "True".equals(fieldText(a, "value"))) {
          return true;
        }
      }
      return false;
    }

    /** {@code "... {}".format(x)}: SQL formatted with str.format. */
    boolean isFormatCall(SyntaxNode n) {
      if (!n.getType().equals("call")) return false;
      SyntaxNode fn = field(n, "function");
      return fn != null && fn.getType().equals("attribute") && "format".equals(fieldText(fn, "attribute"));
    }

    /** SQL built with {@code +}, {@code %} or an f-string. */
    void sql(SyntaxNode node) {
      int start = node.getStartByte();
      if (start < concatEnd) return; // nested in a string building already looked at
      if (node.getType().equals("binary_operator")) {
        String op = fieldText(node, "operator");
        if (!"+".equals(op) && !"%".equals(op)) return;
        concatEnd = node.getEndByte();
        if (!hasStringOperand(node)) return;
      } else {
        concatEnd = node.getEndByte();
      }
      if (SecuritySmells.looksLikeSql(file.text(node))) reportSql(node);
    }

    void reportSql(SyntaxNode node) {
      facts.security(node, "sql-injection", SecuritySmells.sqlConcatenation(), 0.75);
    }

    boolean hasStringOperand(SyntaxNode binary) {
      for (SyntaxNode side : new SyntaxNode[] {field(binary, "left"), field(binary, "right")}) {
        if (side == null) continue;
        if (side.getType().equals("string") || side.getType().equals("concatenated_string")) return true;
        if (side.getType().equals("binary_operator") && hasStringOperand(side)) return true;
      }
      return false;
    }
  }
}
