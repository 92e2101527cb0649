package dev.ananke.maze.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ananke.core.wire.IrFrame;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which Accept headers get an IR frame: only those that name it, at least as high as JSON. */
class MediaTypesTest {

  @ParameterizedTest(name = "{0} -> frame {1}")
  @CsvSource(delimiter = '|', value = {
      "application/vnd.ananke.ir-frame | true",
      "APPLICATION/VND.ANANKE.IR-FRAME | true",
      "application/vnd.ananke.ir-frame, application/json | true",
      "application/json, application/vnd.ananke.ir-frame;q=0.8 | false",
      "application/json;q=0.1, application/vnd.ananke.ir-frame;q=0.8 | true",
      "application/vnd.ananke.ir-frame;q=0 | false",
      "application/vnd.ananke.ir-frame;q=oops | true",
      "*/* | false",
      "application/* | false",
      "application/json | false",
      "text/html | false",
      "'' | false"})
  void negotiates(String accept, boolean frame) {
    assertEquals(frame, MediaTypes.prefersFrame(List.of(accept)));
  }

  @org.junit.jupiter.api.Test
  void everyAcceptHeaderCounts() {
    assertEquals(true, MediaTypes.prefersFrame(List.of("text/html", IrFrame.MEDIA_TYPE)));
    assertEquals(false, MediaTypes.prefersFrame(List.of()));
  }
}
