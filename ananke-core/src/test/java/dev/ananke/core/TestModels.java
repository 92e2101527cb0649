package dev.ananke.core;

import dev.ananke.core.ir.ConstraintIR;
import net.jqwik.api.Arbitrary;

/** Public door to the package-private generators, for tests in other packages. */
public final class TestModels {
  private TestModels() {}

  public static Arbitrary<Constraint> constraints() {
    return ModelArbitraries.constraint();
  }

  public static Arbitrary<ConstraintSet> sets() {
    return ModelArbitraries.constraintSet();
  }

  public static Arbitrary<ConstraintIR> irs() {
    return ModelArbitraries.constraintIR();
  }
}
