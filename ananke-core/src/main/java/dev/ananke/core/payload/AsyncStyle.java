package dev.ananke.core.payload;

/** Concurrency idioms across the supported languages. */
public enum AsyncStyle {
  /** {@code async}/{@code await} (TS, JS, Python, Rust). */
  ASYNC_AWAIT,
  /** {@code .then(...)} chains. */
  PROMISE_THEN,
  /** Waiting on many at once: {@code Promise.all}, {@code asyncio.gather}, {@code join!}. */
  GATHER,
  /** A spawned task: {@code tokio::spawn}, {@code asyncio.create_task}. */
  TASK_SPAWN,
  /** {@code go f()} (Go). */
  GOROUTINE,
  /** Channel sends, receives and {@code select} (Go, Rust). */
  CHANNEL,
  /** {@code sync.WaitGroup}, {@code std.Thread.WaitGroup}. */
  WAIT_GROUP,
  /** Mutexes and locks. */
  LOCK,
  /** OS threads: {@code std.Thread.spawn}, {@code threading.Thread}, {@code std::thread::spawn}. */
  THREAD
}
