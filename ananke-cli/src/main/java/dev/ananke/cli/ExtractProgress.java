package dev.ananke.cli;

import dev.ananke.clew.Clew.Progress;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;

/**
 * A progress bar for {@code ananke extract} on stderr: drawn only when the console is a terminal
 * and the run has lasted over half a second (short runs stay silent), redrawn at most ten times a
 * second, erased when done.
 */
final class ExtractProgress implements AutoCloseable {
  private static final long SHOW_AFTER_NANOS = 500_000_000L;
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int WIDTH = 30;

  private final @Nullable PrintWriter err;
  private final long start = System.nanoTime();
  private long lastDraw;
  private boolean drawn;

  private ExtractProgress(@Nullable PrintWriter err) {
    this.err = err;
  }

  /** A bar on {@code err} when this process runs in a terminal; otherwise one that draws nothing. */
  static ExtractProgress forTerminal(PrintWriter err) {
    var console = System.console();
    String term = System.getenv("TERM");
    boolean terminal = console != null && console.isTerminal() && !"dumb".equals(term);
    return new ExtractProgress(terminal ? err : null);
  }

  @Nullable Progress callback() {
    return err == null ? null : this::update;
  }

  private synchronized void update(int done, int total) {
    if (err == null) return;
    long now = System.nanoTime();
    if (now - start < SHOW_AFTER_NANOS || (now - lastDraw < REDRAW_NANOS && done < total)) return;
    lastDraw = now;
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
    err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " files");
    err.flush();
    drawn = true;
  }

  @Override
  public synchronized void close() {
    if (err != null && drawn) {
      err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
      err.flush();
      drawn = false;
    }
  }
}
