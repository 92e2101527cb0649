package dev.ananke.core.payload;

/** Error-handling idioms across the supported languages. */
public enum ErrorIdiom {
  /** {@code try { } catch} (TS, JS, Java). */
  TRY_CATCH,
  /** {@code try: ... except} (Python). */
  TRY_EXCEPT,
  /** {@code throw} / {@code raise}. */
  THROW,
  /** {@code Result} propagated with {@code ?} (Rust). */
  RESULT_PROPAGATION,
  /** {@code .unwrap()} (Rust). */
  UNWRAP,
  /** {@code .expect("...")} (Rust). */
  EXPECT,
  /** {@code if err != nil} (Go). */
  ERR_NIL_CHECK,
  /** An error result dropped: {@code _ = f()}, an empty catch, {@code except: pass}. */
  IGNORED_ERROR,
  /** {@code try f()} (Zig). */
  ZIG_TRY,
  /** {@code f() catch |e| ...} (Zig). */
  ZIG_CATCH,
  /** {@code errdefer} (Zig). */
  ERRDEFER,
  /** {@code panic(...)}, {@code panic!}, {@code @panic}. */
  PANIC
}
