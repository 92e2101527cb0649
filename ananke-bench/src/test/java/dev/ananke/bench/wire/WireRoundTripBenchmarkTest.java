package dev.ananke.bench.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.core.json.ConstraintJson;
import dev.ananke.core.wire.IrFrame;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each wire benchmark round-trips its value exactly: it measures a real, lossless crossing. */
class WireRoundTripBenchmarkTest {

  @Test
  void everyValueComesBackEqual() {
    WireRoundTripBenchmark b = new WireRoundTripBenchmark();
    b.setUp();
    assertTrue(b.ir50.provenance().size() >= 5 && b.ir50.grammar() != null, "a real compiled IR");
    assertEquals(b.ir50, b.ir50());
    assertEquals(b.ir50, b.ir50Frame());
    assertEquals(b.ir50WithoutGrammar, b.ir50WithoutGrammar());
    assertEquals(b.ir50.provenance(), b.ir50WithoutGrammar.provenance());
    assertEquals(b.single, b.struct());
    assertEquals(b.largeVectors, b.largeVectors());
    assertEquals(10_000, b.largeVectors().provenance().size());
    assertEquals(b.largeVectors, b.largeVectorsFrame());
    assertEquals(b.map, b.map());
    assertEquals(b.map, b.mapFrame());
    assertEquals(100, b.batch());
  }

  @Test
  void theFrameOfTheRealIrIsDeterministicAndSmallerThanItsJson() {
    WireRoundTripBenchmark b = new WireRoundTripBenchmark();
    b.setUp();
    byte[] frame = IrFrame.write(b.ir50);
    assertArrayEquals(frame, IrFrame.write(b.ir50));
    assertArrayEquals(frame, IrFrame.write(IrFrame.read(frame)));
    int json = ConstraintJson.writeCompact(b.ir50).getBytes(StandardCharsets.UTF_8).length;
    assertTrue(frame.length < json, "the frame (" + frame.length + " bytes) escapes nothing: smaller than its JSON (" + json + ")");
  }

  @Test
  void theNativeCrossingParsesForReal() {
    NativeCrossingBenchmark b = new NativeCrossingBenchmark();
    assertEquals(1, b.emptyParse(), "an empty program is one node");
    assertTrue(b.oneLineParse() > 5, "a declaration has a handful of nodes");
  }
}
