package dev.ananke.core.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.core.error.BadInputException;
import dev.ananke.core.ir.ConstraintIR;
import dev.ananke.core.json.ConstraintJson;
import java.util.Arrays;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Random IRs survive a frame exactly; damaged frames fail as bad input, never otherwise. */
class IrFrameProperties {

  @Property(tries = 300)
  void irsRoundTripAndTheirFramesAreFixedPoints(@ForAll("irs") ConstraintIR ir) {
    byte[] frame = IrFrame.write(ir);
    ConstraintIR back = IrFrame.read(frame);
    assertEquals(ir, back);
    assertArrayEquals(frame, IrFrame.write(back));
    assertEquals(ConstraintJson.readIR(ConstraintJson.writeCompact(ir)), back, "the frame and the JSON form agree");
  }

  @Property(tries = 200)
  void everyPrefixIsATruncation(@ForAll("irs") ConstraintIR ir, @ForAll @IntRange(min = 0, max = 10_000) int cut) {
    byte[] frame = IrFrame.write(ir);
    byte[] prefix = Arrays.copyOf(frame, cut % frame.length);
    BadInputException e = assertThrows(BadInputException.class, () -> IrFrame.read(prefix));
    assertTrue(e.location().startsWith("ir frame @ "), e.getMessage());
  }

  /**
   * One byte changed anywhere: the frame still reads (a text changed, and the IR it reads is a
   * valid one) or fails as located bad input; nothing else escapes.
   */
  @Property(tries = 1000)
  void aDamagedFrameIsReadOrRefusedAsBadInput(
      @ForAll("irs") ConstraintIR ir, @ForAll @IntRange(min = 0, max = 10_000) int at, @ForAll byte value) {
    byte[] frame = IrFrame.write(ir);
    frame[at % frame.length] = value;
    try {
      ConstraintIR back = IrFrame.read(frame);
      assertEquals(back, IrFrame.read(IrFrame.write(back)));
    } catch (BadInputException e) {
      assertTrue(e.location().startsWith("ir frame @ "), e.getMessage());
    }
  }

  @Provide
  Arbitrary<ConstraintIR> irs() {
    return dev.ananke.core.TestModels.irs();
  }
}
