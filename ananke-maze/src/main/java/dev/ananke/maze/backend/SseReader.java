package dev.ananke.maze.backend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a {@code text/event-stream} body as the WHATWG server-sent-events spec says: lines end with
 * LF, CR or CRLF; a line starting with {@code :} is a comment; {@code field: value} loses one space
 * after the colon; {@code data} lines of one event are joined with LF; a blank line dispatches the
 * event; an event not closed by a blank line at the end of the stream is dropped. {@code event},
 * {@code id} and {@code retry} are read and ignored but for the event name.
 *
 * <p>Two departures for the inference servers: an event whose data is {@code [DONE]} (OpenAI,
 * vLLM, sglang) ends the stream, and llama.cpp's non-standard {@code error:} field (it writes
 * {@code error: {json}} when a streamed generation fails) is dispatched as an event named
 * {@code error}.
 */
final class SseReader {

  /** Receives events; returns false to stop reading. */
  interface Handler {
    boolean event(String name, String data);
  }

  /** How a stream ended. */
  enum End {
    /** A {@code [DONE]} event. */
    DONE,
    /** The handler asked to stop. */
    STOPPED,
    /** The body ended. */
    EOF
  }

  private SseReader() {}

  static End read(InputStream body, Handler handler) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    StringBuilder data = new StringBuilder();
    StringBuilder error = new StringBuilder();
    boolean hasData = false;
    boolean hasError = false;
    String name = "message";
    for (String line; (line = in.readLine()) != null; ) {
      if (line.isEmpty()) {
        if (hasError) {
          if (!handler.event("error", error.toString())) return End.STOPPED;
        } else if (hasData) {
          String d = data.toString();
          if (d.equals("[DONE]")) return End.DONE;
          if (!handler.event(name, d)) return End.STOPPED;
        }
        data.setLength(0);
        error.setLength(0);
        hasData = hasError = false;
        name = "message";
        continue;
      }
      if (line.charAt(0) == ':') continue;
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = "";
      if (colon >= 0) {
        int from = colon + 1;
        if (from < line.length() && line.charAt(from) == ' ') from++;
        value = line.substring(from);
      }
      switch (field) {
        case "data" -> {
          if (hasData) data.append('\n');
          data.append(value);
          hasData = true;
        }
        case "error" -> {
          if (hasError) error.append('\n');
          error.append(value);
          hasError = true;
        }
        case "event" -> name = value.isEmpty() ? "message" : value;
        default -> {} // id, retry and unknown fields
      }
    }
    return End.EOF;
  }
}
