package dev.ananke.bench.wire;

import dev.ananke.bench.braid.BraidSets;
import dev.ananke.braid.Braid;
import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.ir.ConstraintIR;
import dev.ananke.core.ir.Target;
import dev.ananke.core.ir.TargetKind;
import dev.ananke.core.ir.TokenMaskRules;
import dev.ananke.core.json.ConstraintJson;
import dev.ananke.core.wire.IrFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The seed's FFI round-trip suite, for our boundary: the forms every consumer of Ananke (the HTTP
 * API, another process, a file) crosses. An IR crosses as an {@link IrFrame} (binary CBOR, the
 * fast form) or as JSON (the human and file form; every model record has it). Each benchmark
 * writes a value and reads it back, validation included:
 * <ul>
 *   <li>{@code ir50Frame}: the ConstraintIR Braid compiles from 50 constraints (its grammar,
 *       regexes, mask rules and provenance) as an IR frame; goal 20 us (the seed's target for its
 *       FFI round trip: 1 ms);
 *   <li>{@code ir50}: the same IR as JSON, 24.5 KB of it, nearly all the grammar's Lark and GBNF
 *       texts, whose quotes and backslashes JSON escapes and unescapes: the human form's figure;
 *   <li>{@code ir50WithoutGrammar}: the same IR without its grammar, as JSON: what the rest of the
 *       IR costs;
 *   <li>{@code struct}: one constraint with a function-signature payload, the struct-like case;
 *   <li>{@code largeVectors}, {@code largeVectorsFrame}: an IR whose lists hold 10,000 strings
 *       (provenance and denied strings), as JSON and as a frame;
 *   <li>{@code map}, {@code mapFrame}: an IR whose JSON Schema is an object of 100 properties, as
 *       JSON and as a frame (which carries the schema as text, checked and normalised on reading
 *       as the record requires);
 *   <li>{@code batch}: 100 single constraints, one after the other, as a stream of small messages.
 * </ul>
 * Constraint sets at 10 to 1,000 constraints are {@link ConstraintJsonBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WireRoundTripBenchmark {
  ConstraintIR ir50;
  ConstraintIR ir50WithoutGrammar;
  Constraint single;
  ConstraintIR largeVectors;
  ConstraintIR map;
  List<Constraint> batch;

  @Setup
  public void setUp() {
    ConstraintSet fifty = BraidSets.spread(50);
    ir50 = Braid.compile(fifty, new Target("typescript", TargetKind.FUNCTION_BODY, "fnName", BraidSets.TARGET_FILE)).ir();
    if (ir50.grammar() == null || ir50.provenance().isEmpty()) throw new IllegalStateException("the 50-constraint IR compiled to nothing");
    ir50WithoutGrammar = new ConstraintIR(ir50.target(), ir50.jsonSchema(), null, ir50.regexes(), ir50.tokenMaskRules(),
        ir50.priority(), ir50.provenance());
    List<String> ids = new ArrayList<>();
    List<String> denied = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(String.format(java.util.Locale.ROOT, "%064x", (long) i * 0x9E3779B97F4A7C15L));
      denied.add("forbiddenCall" + i);
    }
    largeVectors = new ConstraintIR(ir50.target(), null, null, List.of(), new TokenMaskRules(List.of(), denied),
        ir50.priority(), ids);
    StringBuilder schema = new StringBuilder("{\"type\":\"object\",\"properties\":{");
    for (int i = 0; i < 100; i++) {
      schema.append(i == 0 ? "" : ",").append("\"field").append(i).append("\":{\"type\":\"")
          .append(i % 3 == 0 ? "string" : i % 3 == 1 ? "integer" : "boolean").append("\"}");
    }
    schema.append("},\"additionalProperties\":false}");
    map = new ConstraintIR(new Target("typescript", TargetKind.TYPE_VALUE, "Wide", null),
        new dev.ananke.core.ir.JsonSchema(schema.toString()), null, List.of(), TokenMaskRules.NONE, ir50.priority(), List.of());
    batch = SampleSets.of(100).constraints();
    single = batch.getFirst();
  }

  @Benchmark
  public ConstraintIR ir50() {
    return ConstraintJson.readIR(ConstraintJson.writeCompact(ir50));
  }

  @Benchmark
  public ConstraintIR ir50Frame() {
    return IrFrame.read(IrFrame.write(ir50));
  }

  @Benchmark
  public ConstraintIR ir50WithoutGrammar() {
    return ConstraintJson.readIR(ConstraintJson.writeCompact(ir50WithoutGrammar));
  }

  @Benchmark
  public Constraint struct() {
    return ConstraintJson.readConstraint(ConstraintJson.writeCompact(single));
  }

  @Benchmark
  public ConstraintIR largeVectors() {
    return ConstraintJson.readIR(ConstraintJson.writeCompact(largeVectors));
  }

  @Benchmark
  public ConstraintIR largeVectorsFrame() {
    return IrFrame.read(IrFrame.write(largeVectors));
  }

  @Benchmark
  public ConstraintIR map() {
    return ConstraintJson.readIR(ConstraintJson.writeCompact(map));
  }

  @Benchmark
  public ConstraintIR mapFrame() {
    return IrFrame.read(IrFrame.write(map));
  }

  @Benchmark
  public int batch() {
    int n = 0;
    for (Constraint c : batch) n += ConstraintJson.readConstraint(ConstraintJson.writeCompact(c)).confidence() > 0 ? 1 : 0;
    return n;
  }
}
