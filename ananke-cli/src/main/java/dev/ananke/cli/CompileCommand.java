package dev.ananke.cli;

import dev.ananke.braid.Braid;
import dev.ananke.braid.Compilation;
import dev.ananke.braid.Targets;
import dev.ananke.braid.Unenforced;
import dev.ananke.clew.Clew;
import dev.ananke.clew.Diagnostic;
import dev.ananke.clew.ExtractionResult;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.error.BadInputException;
import dev.ananke.core.ir.ConstraintIR;
import dev.ananke.core.ir.Target;
import dev.ananke.core.json.ConstraintJson;
import dev.ananke.core.wire.IrFrame;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ananke compile}: constraint sets (JSON) or source code (extracted first) to the
 * ConstraintIR of one target, or one part of it ({@code --emit}).
 */
@Command(
    name = "compile",
    mixinStandardHelpOptions = true,
    description = {
      "Compile constraints into the ConstraintIR of one generation target.",
      "INPUTs ending in .json are constraint sets (the output of 'ananke extract'); other files and",
      "directories are extracted first. Constraints the IR does not enforce are listed on stderr;",
      "--strict makes that an error. '--format frame -o FILE' writes the IR as a binary IR frame",
      "(CBOR), which a program reads in microseconds where its JSON takes a hundred."
    })
final class CompileCommand implements Callable<Integer> {

  /** What to print. */
  enum Emit {
    ir,
    lark,
    gbnf,
    json_schema,
    regex
  }

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Constraint sets (.json) or source files and directories.")
  List<Path> inputs;

  @Option(
      names = "--target",
      defaultValue = "module",
      paramLabel = "TARGET",
      description = "module | new-function | function:NAME (or Type.name) | type:NAME (default: ${DEFAULT-VALUE}).")
  String target = "module";

  @Option(names = "--language", paramLabel = "LANG", description = "Target language (default: the language of most constraints).")
  @Nullable String language;

  @Option(
      names = "--emit",
      paramLabel = "PART",
      defaultValue = "ir",
      converter = EmitConverter.class,
      description = "ir | lark | gbnf | json-schema | regex: the whole IR (--format json, pretty or frame) or one part of it, as is.")
  Emit emit = Emit.ir;

  @Option(names = "--strict", description = "Fail (exit 2) when a constraint that applies to the target cannot be enforced.")
  boolean strict;

  @Option(names = {"-v", "--verbose"}, description = "Also list the constraints that do not apply to the target.")
  boolean verbose;

  @Override
  public Integer call() {
    checkFrameOptions();
    PrintWriter err = spec.commandLine().getErr();
    ConstraintSet set = readInputs(err);
    Target t = Targets.parse(target, language, set);
    Compilation compilation = Braid.compile(set, t, strict);
    String source = inputs.size() == 1 ? inputs.getFirst().toString() : "input";
    List<Unenforced> weakenings = compilation.weakenings();
    if (strict && !weakenings.isEmpty()) {
      Unenforced first = weakenings.getFirst();
      throw new BadInputException(
          source,
          weakenings.size() + " constraints cannot be enforced for " + target
              + " (first: '" + first.name() + "': " + first.reason() + ")");
    }
    report(err, set, compilation, weakenings);
    if (output.format == Format.frame && output.output != null) {
      Output.writeAtomically(output.output, IrFrame.write(compilation.ir()));
    } else {
      Output.emit(render(compilation.ir()), output, spec.commandLine().getOut());
    }
    return Main.OK;
  }

  /** A frame is the whole IR, and binary: refused before any work unless both hold. */
  private void checkFrameOptions() {
    if (output.format != Format.frame) return;
    if (emit != Emit.ir) {
      throw new BadInputException("--format frame", "a frame holds the whole IR: use it with --emit ir, not --emit "
          + emit.name().replace('_', '-'));
    }
    if (output.output == null) {
      throw new BadInputException("--format frame", "a frame is binary, not for a terminal: write it to a file with -o FILE");
    }
  }

  private ConstraintSet readInputs(PrintWriter err) {
    ConstraintSet set = ConstraintSet.EMPTY;
    List<Path> sources = new ArrayList<>();
    for (Path p : inputs) {
      if (!Files.exists(p)) throw new BadInputException(p.toString(), "no such file");
      if (Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json")) {
        set = set.merge(ConstraintJson.readSet(p));
      } else {
        sources.add(p);
      }
    }
    if (!sources.isEmpty()) {
      ExtractionResult result = Clew.builder().build().extract(sources);
      for (Diagnostic d : result.diagnostics()) err.println("ananke: " + d);
      set = set.merge(result.constraints());
    }
    return set;
  }

  private void report(PrintWriter err, ConstraintSet set, Compilation compilation, List<Unenforced> weakenings) {
    for (String note : compilation.notes()) err.println("ananke: note: " + note);
    if (!weakenings.isEmpty()) {
      err.println("ananke: warning: " + weakenings.size() + " of " + set.size()
          + " constraints apply to target " + target + " but are not enforced:");
      for (Unenforced u : weakenings) {
        err.println("  " + u.constraintId() + "  " + u.name() + ": " + u.reason());
      }
    }
    int quiet = compilation.unenforced().size() - weakenings.size();
    if (quiet > 0) {
      err.println("ananke: note: " + quiet + " of " + set.size() + " constraints do not apply to target "
          + target + " or are advisory" + (verbose ? ":" : " (--verbose lists them)"));
      if (verbose) {
        for (Unenforced u : compilation.unenforced()) {
          if (!u.weakensTheIr()) err.println("  " + u.constraintId() + "  " + u.name() + ": " + u.reason());
        }
      }
    }
  }

  private String render(ConstraintIR ir) {
    return switch (emit) {
      case ir -> switch (output.format) {
        case json -> ConstraintJson.write(ir);
        case pretty -> PrettyText.render(ir);
        case frame -> throw new IllegalStateException("a frame is written as bytes");
      };
      case lark -> required(ir.grammar(), "grammar").lark();
      case gbnf -> required(ir.grammar(), "grammar").gbnf();
      case json_schema -> required(ir.jsonSchema(), "JSON Schema").text() + "\n";
      case regex -> {
        if (ir.regexes().isEmpty()) throw missing("regex");
        yield String.join("\n", ir.regexes()) + "\n";
      }
    };
  }

  private <T> T required(@Nullable T part, String what) {
    if (part == null) throw missing(what);
    return part;
  }

  private BadInputException missing(String what) {
    return new BadInputException("--emit " + emit.name().replace('_', '-'),
        "the IR of target " + target + " has no " + what + " (a type target has a JSON Schema, a code target a grammar)");
  }

  /** Accepts {@code json-schema} for the enum constant {@code json_schema}. */
  static final class EmitConverter implements picocli.CommandLine.ITypeConverter<Emit> {
    @Override
    public Emit convert(String value) {
      try {
        return Emit.valueOf(value.replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException("expected ir, lark, gbnf, json-schema or regex, not '" + value + "'");
      }
    }
  }
}
