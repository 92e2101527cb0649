package dev.ananke.maze.serve;

import com.sun.net.httpserver.HttpExchange;
import dev.ananke.core.wire.IrFrame;
import java.util.List;
import java.util.Locale;

/*
 * Content negotiation between the JSON answer and an IR frame, from the Accept header (RFC 9110
 * section 12.5.1): the frame only when the client names it, with a weight at least JSON's. A
 * wildcard does not name it: a client that accepts anything has not said it can read a frame,
 * and gets JSON, as does one without an Accept header. A malformed weight counts as 1, the default:
 * a sloppy header must not turn a request into an error.
 */
final class MediaTypes {
  private MediaTypes() {}

  static boolean prefersFrame(HttpExchange ex) {
    List<String> accept = ex.getRequestHeaders().get("Accept");
    return accept != null && prefersFrame(accept);
  }

  /** {@code accept}: the values of every Accept header of the request. */
  static boolean prefersFrame(List<String> accept) {
    double frame = 0;
    double json = 0;
    for (String header : accept) {
      for (String range : header.split(",")) {
        String[] parts = range.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        double q = weight(parts);
        if (type.equals(IrFrame.MEDIA_TYPE)) frame = Math.max(frame, q);
        else if (type.equals("application/json") || type.equals("application/*") || type.equals("*/*")) json = Math.max(json, q);
      }
    }
    return frame > 0 && frame >= json;
  }

  private static double weight(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
        try {
          double q = Double.parseDouble(p.substring(2).trim());
          return q >= 0 && q <= 1 ? q : 1;
        } catch (NumberFormatException e) {
          return 1;
        }
      }
    }
    return 1;
  }
}
