package dev.ananke.cli;

import dev.ananke.maze.Maze;
import dev.ananke.maze.local.LocalBackend;
import dev.ananke.maze.serve.ApiServer;
import dev.ananke.tokens.TokenizerCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ananke serve}: the pipeline as an HTTP JSON API, until the process is stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the pipeline as an HTTP JSON API: POST /v1/extract, /v1/compile, /v1/generate, /v1/validate;",
      "GET /health, /metrics (Prometheus text). The local backend is available to /v1/generate."
    })
final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "Port (default: ${DEFAULT-VALUE}; 0 picks one).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(names = "--max-body", defaultValue = "4194304", paramLabel = "BYTES", description = "Largest request body (default: ${DEFAULT-VALUE}).")
  int maxBody;

  @Option(names = "--tokenizer", defaultValue = "llama3.1", paramLabel = "NAME", description = "Vocabulary of the local backend.")
  String tokenizer = "llama3.1";

  @Override
  public Integer call() {
    Maze maze = Maze.builder().backend(LocalBackend.random(TokenizerCache.load(TokenizerNames.parse(tokenizer)))).build();
    try (ApiServer server = new ApiServer(maze, new InetSocketAddress(host, port), maxBody).start()) {
      spec.commandLine().getErr().println("ananke: serving on http://" + host + ":" + server.port());
      spec.commandLine().getErr().flush();
      new CountDownLatch(1).await();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      maze.close();
    }
    return Main.OK;
  }
}
