package dev.ananke.core.payload;

import dev.ananke.core.Checks;
import dev.ananke.core.ConstraintKind;
import org.jspecify.annotations.Nullable;

/**
 * A bound on a runtime measure, usually mined from telemetry ({@code latency_p99} at most
 * 200 ms, {@code error_rate} at most 0.01).
 */
public record OperationalBound(String metric, @Nullable Double min, @Nullable Double max, String unit)
    implements Payload {

  public OperationalBound {
    Checks.notBlank(metric, "metric");
    Checks.notBlank(unit, "unit");
    if (min == null && max == null) {
      throw new IllegalArgumentException("operational bound " + metric + " needs a min or a max");
    }
    if (min != null && !Double.isFinite(min)) {
      throw new IllegalArgumentException("min of " + metric + " must be finite, was " + min);
    }
    if (max != null && !Double.isFinite(max)) {
      throw new IllegalArgumentException("max of " + metric + " must be finite, was " + max);
    }
    if (min != null && max != null && min > max) {
      throw new IllegalArgumentException("min " + min + " of " + metric + " is above its max " + max);
    }
  }

  @Override
  public ConstraintKind defaultKind() {
    return ConstraintKind.OPERATIONAL;
  }
}
