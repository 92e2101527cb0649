package dev.ananke.bench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ananke.core.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFilesTest {
  @TempDir Path dir;

  private static BenchRun sample() {
    Result sampled = new Result("grammar", "p.C.m", Map.of("b", "2", "a", "1"), Result.PRIMARY, "sample", "us/op", 31.5, 0.4,
        120_000, 28.9, 650.0, 2200.0, 70.1, 0.7);
    Result single = new Result("memory", "p.PeakRss.x", Map.of(), Result.PRIMARY, "process", "MB", 122, Double.NaN, 1, 122,
        null, null, 70.1, Double.NaN);
    return new BenchRun("0.1.0", "standard", "2026-11-27T06:00:00Z", 1.5, Machine.current(), List.of("grammar", "memory"),
        List.of(sampled, single));
  }

  @Test
  void aRunSurvivesItsFileExactlyNaNsIncluded() throws IOException {
    Path f = dir.resolve("sub/run.json");
    ResultsFiles.write(f, sample());
    BenchRun back = ResultsFiles.read(f);
    assertEquals(sample(), back);
    assertEquals("p.C.m{a=1,b=2}", back.results().getFirst().key());
    assertTrue(Double.isNaN(back.results().get(1).error()));
  }

  @Test
  void aBrokenFileIsNamedWithItsJsonPath() throws IOException {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, ResultsFiles.toJson(sample()).replaceFirst("\"score\" : 31.5", "\"score\" : \"fast\""));
    BadInputException e = assertThrows(BadInputException.class, () -> ResultsFiles.read(f));
    assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("$.results[0].score"), e.getMessage());
    BadInputException missing = assertThrows(BadInputException.class, () -> ResultsFiles.read(dir.resolve("none.json")));
    assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
  }
}
