package dev.ananke.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.ir.ConstraintIR;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random model values survive JSON exactly, and their JSON is a fixed point. */
class RoundTripProperties {

  @Property(tries = 300)
  void constraintsRoundTrip(@ForAll("constraints") Constraint c) {
    String json = ConstraintJson.write(c);
    Constraint back = ConstraintJson.readConstraint(json);
    assertEquals(c, back);
    assertEquals(json, ConstraintJson.write(back));
  }

  @Property(tries = 100)
  void setsRoundTrip(@ForAll("sets") ConstraintSet set) {
    String json = ConstraintJson.write(set);
    ConstraintSet back = ConstraintJson.readSet(json);
    assertEquals(set, back);
    assertEquals(json, ConstraintJson.write(back));
    assertEquals(ConstraintJson.writeCompact(set), ConstraintJson.writeCompact(back));
  }

  @Property(tries = 200)
  void irRoundTrips(@ForAll("irs") ConstraintIR ir) {
    String json = ConstraintJson.write(ir);
    ConstraintIR back = ConstraintJson.readIR(json);
    assertEquals(ir, back);
    assertEquals(json, ConstraintJson.write(back));
  }

  @Property(tries = 100)
  void compactAndPrettyFormsReadTheSame(@ForAll("sets") ConstraintSet set) {
    assertEquals(
        ConstraintJson.readSet(ConstraintJson.write(set)), ConstraintJson.readSet(ConstraintJson.writeCompact(set)));
  }

  @Provide
  Arbitrary<Constraint> constraints() {
    return dev.ananke.core.TestModels.constraints();
  }

  @Provide
  Arbitrary<ConstraintSet> sets() {
    return dev.ananke.core.TestModels.sets();
  }

  @Provide
  Arbitrary<ConstraintIR> irs() {
    return dev.ananke.core.TestModels.irs();
  }
}
