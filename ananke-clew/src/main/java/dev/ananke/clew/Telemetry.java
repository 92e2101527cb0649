package dev.ananke.clew;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintKind;
import dev.ananke.core.ConstraintSource;
import dev.ananke.core.Origin;
import dev.ananke.core.Priority;
import dev.ananke.core.Severity;
import dev.ananke.core.Tier;
import dev.ananke.core.error.BadInputException;
import dev.ananke.core.payload.OperationalBound;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mines operational bounds from a telemetry file:
 *
 * <pre>{@code
 * {
 *   "service": "checkout",                      // optional, names the constraints
 *   "latency_p99_ms": 250,                      // p99 latency, milliseconds, >= 0
 *   "error_rate": 0.01,                         // share of failed requests, in [0, 1]
 *   "endpoints": {                              // optional, the same fields per endpoint
 *     "getUser": { "latency_p99_ms": 120, "error_rate": 0.001 }
 *   }
 * }
 * }</pre>
 *
 * Each measure becomes an OPERATIONAL, SOFT constraint (source TELEMETRY) bounding new code by
 * what the service achieves today. Unknown fields and out-of-range values are errors naming
 * the JSON path.
 */
final class Telemetry {
  private Telemetry() {}

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Set<String> TOP = Set.of("service", "latency_p99_ms", "error_rate", "endpoints");
  private static final Set<String> MEASURES = Set.of("latency_p99_ms", "error_rate");

  static List<Constraint> read(Path file) {
    String where = file.toString().replace('\\', '/');
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new BadInputException(where, "telemetry file does not exist");
    } catch (JacksonException e) {
      var loc = e.getLocation();
      String at = loc == null ? where : where + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
      throw new BadInputException(at, "malformed telemetry JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadInputException(where, "cannot read telemetry file: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new BadInputException(where, "telemetry must be a JSON object with latency_p99_ms and/or error_rate");
    }
    checkFields(where, "$", root, TOP);
    String service = root.has("service") ? text(where, "$.service", root.get("service")) : "service";
    List<Constraint> out = new ArrayList<>();
    Origin origin = new Origin(where, 1, 1);
    measures(where, "$", root, service, origin, out);
    JsonNode endpoints = root.get("endpoints");
    if (endpoints != null) {
      if (!endpoints.isObject()) throw new BadInputException(where, "$.endpoints: expected an object of endpoint name to measures");
      for (Iterator<Map.Entry<String, JsonNode>> it = endpoints.fields(); it.hasNext(); ) {
        var e = it.next();
        String path = "$.endpoints." + e.getKey();
        if (!e.getValue().isObject()) throw new BadInputException(where, path + ": expected an object");
        checkFields(where, path, e.getValue(), MEASURES);
        measures(where, path, e.getValue(), service + "." + e.getKey(), origin, out);
      }
    }
    if (out.isEmpty()) {
      throw new BadInputException(where, "telemetry has no measure: expected latency_p99_ms or error_rate");
    }
    return out;
  }

  private static void measures(String file, String path, JsonNode node, String subject, Origin origin, List<Constraint> out) {
    JsonNode latency = node.get("latency_p99_ms");
    if (latency != null) {
      double ms = number(file, path + ".latency_p99_ms", latency, 0, Double.MAX_VALUE);
      out.add(bound(subject, "latency_p99", ms, "ms",
          "p99 latency of " + subject + " is " + fmt(ms) + " ms: new code must not make it slower", origin));
    }
    JsonNode rate = node.get("error_rate");
    if (rate != null) {
      double r = number(file, path + ".error_rate", rate, 0, 1);
      out.add(bound(subject, "error_rate", r, "ratio",
          "error rate of " + subject + " is " + fmt(r) + ": new code must not raise it", origin));
    }
  }

  private static Constraint bound(String subject, String metric, double max, String unit, String description, Origin origin) {
    return Constraint.builder("telemetry." + subject + "." + metric, new OperationalBound(metric, null, max, unit))
        .description(description)
        .kind(ConstraintKind.OPERATIONAL)
        .tier(Tier.SOFT)
        .severity(Severity.WARNING)
        .priority(Priority.MEDIUM)
        .source(ConstraintSource.TELEMETRY)
        .origin(origin)
        .build();
  }

  private static void checkFields(String file, String path, JsonNode node, Set<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw new BadInputException(file, path + "." + f + ": unknown field, expected one of " + new java.util.TreeSet<>(allowed));
      }
    }
  }

  private static double number(String file, String path, JsonNode n, double min, double max) {
    if (!n.isNumber()) throw new BadInputException(file, path + ": expected a number, found " + n.getNodeType().name().toLowerCase());
    double v = n.asDouble();
    if (!Double.isFinite(v) || v < min || v > max) {
      throw new BadInputException(file, path + ": " + fmt(v) + " is out of range, expected "
          + (max == Double.MAX_VALUE ? ">= " + fmt(min) : "[" + fmt(min) + ", " + fmt(max) + "]"));
    }
    return v;
  }

  private static String text(String file, String path, JsonNode n) {
    if (!n.isTextual() || n.asText().isBlank()) throw new BadInputException(file, path + ": expected a non-empty string");
    return n.asText();
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
