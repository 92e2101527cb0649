package dev.ananke.bench.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ananke.core.error.BadInputException;
import dev.ananke.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and writes runs as JSON: the baselines file and the archived results. */
public final class ResultsFiles {
  private ResultsFiles() {}

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

  public static String toJson(BenchRun run) {
    try {
      return MAPPER.writeValueAsString(run) + "\n";
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot write a run as JSON", e);
    }
  }

  /** Writes atomically: a reader never sees half a file. */
  public static void write(Path file, BenchRun run) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    AtomicFiles.writeString(file, toJson(run));
  }

  /** Reads a run; a missing or malformed file is the user's input error, named with its JSON path. */
  public static BenchRun read(Path file) {
    try {
      return MAPPER.readValue(Files.readString(file), BenchRun.class);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file.toString(), "no such file");
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      throw new BadInputException(file.toString(), "not a benchmark run at " + jsonPath(e) + ": " + e.getOriginalMessage());
    } catch (JacksonException e) {
      throw new BadInputException(file.toString(), "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadInputException(file.toString(), "cannot read: " + e.getMessage());
    }
  }

  private static String jsonPath(com.fasterxml.jackson.databind.JsonMappingException e) {
    StringBuilder sb = new StringBuilder("$");
    for (var ref : e.getPath()) {
      if (ref.getFieldName() != null) sb.append('.').append(ref.getFieldName());
      else sb.append('[').append(ref.getIndex()).append(']');
    }
    return sb.toString();
  }
}
