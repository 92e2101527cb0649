package dev.ananke.maze.backend;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How an HTTP backend talks to its server. Build with {@link #builder()}; {@link #defaults()} suits
 * a server on the local network.
 *
 * @param connectTimeout how long to wait for a TCP connection
 * @param requestTimeout how long to wait for the response headers of one attempt (for a
 *     non-streaming request that is the whole generation) and, when streaming, the longest
 *     silence between two pieces of the stream
 * @param maxAttempts attempts per generation, the first included; retries happen only on
 *     connection errors, 429 and 5xx
 * @param initialBackoff the wait before the first retry; it doubles on each retry, with jitter
 * @param maxBackoff the longest wait between two attempts; a {@code Retry-After} longer than this
 *     ends the retries with an error that says how long the server asked to wait
 * @param model the model name to send, or null to let the server use the one it serves (the
 *     OpenAI service itself requires one)
 * @param apiKeyEnv the environment variable holding the API key sent as {@code Authorization:
 *     Bearer} (OpenAI-compatible backend only); an unset variable sends no header
 * @param environment looks up environment variables ({@code System::getenv} unless replaced, for
 *     tests and embedding)
 */
public record BackendOptions(
    Duration connectTimeout,
    Duration requestTimeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    @Nullable String model,
    String apiKeyEnv,
    Function<String, @Nullable String> environment) {

  public BackendOptions {
    positive(connectTimeout, "connect timeout");
    positive(requestTimeout, "request timeout");
    Objects.requireNonNull(initialBackoff, "initial backoff");
    Objects.requireNonNull(maxBackoff, "max backoff");
    if (initialBackoff.isNegative()) throw new IllegalArgumentException("initial backoff must be >= 0, was " + initialBackoff);
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("max backoff " + maxBackoff + " is shorter than the initial backoff " + initialBackoff);
    }
    if (maxAttempts < 1) throw new IllegalArgumentException("max attempts must be >= 1, was " + maxAttempts);
    if (model != null && model.isBlank()) throw new IllegalArgumentException("model must not be blank");
    Objects.requireNonNull(apiKeyEnv, "api key environment variable");
    if (apiKeyEnv.isBlank()) throw new IllegalArgumentException("api key environment variable must not be blank");
    Objects.requireNonNull(environment, "environment");
  }

  /** 10 s to connect, 5 min a request, 4 attempts, backoff from 0.5 s to 30 s, {@code OPENAI_API_KEY}. */
  public static BackendOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .connectTimeout(connectTimeout)
        .requestTimeout(requestTimeout)
        .maxAttempts(maxAttempts)
        .backoff(initialBackoff, maxBackoff)
        .model(model)
        .apiKeyEnv(apiKeyEnv)
        .environment(environment);
  }

  private static void positive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(what + " must be > 0, was " + d);
  }

  /** Fills the defaults of {@link #defaults()}; {@link #build()} validates. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofMinutes(5);
    private int maxAttempts = 4;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private @Nullable String model;
    private String apiKeyEnv = "OPENAI_API_KEY";
    private Function<String, @Nullable String> environment = System::getenv;

    private Builder() {}

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    public Builder model(@Nullable String model) {
      this.model = model;
      return this;
    }

    public Builder apiKeyEnv(String apiKeyEnv) {
      this.apiKeyEnv = apiKeyEnv;
      return this;
    }

    public Builder environment(Function<String, @Nullable String> environment) {
      this.environment = environment;
      return this;
    }

    public BackendOptions build() {
      return new BackendOptions(
          connectTimeout, requestTimeout, maxAttempts, initialBackoff, maxBackoff, model, apiKeyEnv, environment);
    }
  }
}
