package dev.ananke.bench.maze;

import com.sun.net.httpserver.HttpServer;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.json.ConstraintJson;
import dev.ananke.maze.Maze;
import dev.ananke.maze.MazeRequest;
import dev.ananke.maze.MazeResult;
import dev.ananke.maze.backend.Backend;
import dev.ananke.maze.backend.BackendOptions;
import dev.ananke.maze.backend.Backends;
import dev.ananke.maze.backend.Generation;
import dev.ananke.maze.backend.GenerationRequest;
import dev.ananke.maze.backend.Sampling;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole request through Maze against a loopback llama.cpp-protocol server that answers at
 * once, next to the same backend call alone: the difference is the orchestration overhead
 * (extract from the cache, compile from the cache, prompt, validate).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OrchestrationBenchmark {
  private static final String SOURCE = """
      export interface Account { id: string; balance: number; }
      export function settleAccount(account: Account, amount: number): number {
        const newBalance = account.balance - amount;
        return newBalance;
      }
      """;
  private static final String ANSWER = "function settleAccount(account: Account, amount: number): number {\\n"
      + "  const rest = account.balance - amount;\\n  return rest;\\n}";

  HttpServer server;
  Maze maze;
  Maze instant;
  MazeRequest instantRequest;
  Backend backend;
  MazeRequest request;
  GenerationRequest direct;
  Path dir;

  @Setup
  public void setUp() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    byte[] body = ("{\"content\":\"" + ANSWER + "\",\"stop\":true,\"stop_type\":\"eos\",\"tokens_predicted\":30,"
        + "\"model\":\"loopback\"}").getBytes(StandardCharsets.UTF_8);
    server.createContext("/completion", ex -> {
      ex.getRequestBody().readAllBytes();
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    backend = Backends.create("llama.cpp", url, BackendOptions.defaults());
    maze = Maze.builder().backend(Backends.create("llama.cpp", url, BackendOptions.defaults())).build();
    dir = Files.createTempDirectory("ananke-bench");
    Path src = dir.resolve("accounts.ts");
    Files.writeString(src, SOURCE);
    Sampling sampling = new Sampling(64, 0.0, 1.0, List.of(), 1L);
    request = new MazeRequest("settle", List.of(src), null, "function:settleAccount", null, "llama.cpp", sampling, false);
    MazeResult first = maze.generate(request);
    if (!first.validation().allSatisfied()) throw new IllegalStateException("the canned answer must validate: " + first.validation());
    // the same pipeline with a backend that answers at once, in process: what Maze itself costs
    Generation canned = new Generation(ANSWER.replace("\\n", "\n"), "canned", "stop", 30, List.of(), List.of());
    instant = Maze.builder().backend(new Backend() {
      @Override
      public String name() {
        return "instant";
      }

      @Override
      public java.util.Set<dev.ananke.maze.backend.ConstraintForm> supports() {
        return java.util.EnumSet.allOf(dev.ananke.maze.backend.ConstraintForm.class);
      }

      @Override
      public Generation generate(GenerationRequest r) {
        return canned;
      }
    }).build();
    instantRequest = new MazeRequest("settle", List.of(src), null, "function:settleAccount", null, "instant", sampling, false);
    if (!instant.generate(instantRequest).validation().allSatisfied()) throw new IllegalStateException("canned answer must validate");
    ConstraintSet set = maze.extract(List.of(src));
    direct = new GenerationRequest("settle", maze.compile(set, dev.ananke.braid.Targets.parse("function:settleAccount", null, set)).ir(),
        sampling, false, false);
  }

  @TearDown
  public void tearDown() throws IOException {
    maze.close();
    instant.close();
    try {
      backend.close();
    } catch (Exception e) {
      // best effort
    }
    server.stop(0);
    Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
  }

  @Benchmark
  public MazeResult orchestration() {
    return maze.generate(request);
  }

  /** Extract and compile (cached), prompt, validate: everything but the backend. */
  @Benchmark
  public MazeResult overheadWithoutBackend() {
    return instant.generate(instantRequest);
  }

  @Benchmark
  public Generation backendOnly() {
    return backend.generate(direct);
  }
}
