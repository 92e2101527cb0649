package dev.ananke.core.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.error.BadInputException;
import dev.ananke.core.ir.ConstraintIR;
import dev.ananke.core.wire.IrFrame;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes the model as JSON. Output is canonical: the same value always gives the
 * same bytes. Input errors are {@link BadInputException}s located at a JSON path, or at
 * {@code line:column} for malformed JSON. Thread-safe.
 */
public final class ConstraintJson {
  private ConstraintJson() {}

  /** Canonical, indented JSON with a final newline. */
  public static String write(Record model) {
    try {
      return Jackson.PRETTY.writeValueAsString(RecordCodec.encode(model)) + "\n";
    } catch (JacksonException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Canonical JSON on one line: the wire form, and the input of content hashes. */
  public static String writeCompact(Record model) {
    CompactJson.Buffer out = new CompactJson.Buffer(256);
    if (CompactJson.write(model, out)) return out.toString();
    try {
      return Jackson.COMPACT.writeValueAsString(RecordCodec.encode(model));
    } catch (JacksonException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads any model record (a payload, a constraint, a set, an IR) from JSON text. */
  public static <T extends Record> T read(String json, Class<T> type) {
    JsonNode node;
    try {
      // from UTF-8 bytes: Jackson's byte parser reads a 24 KB IR in half the time its String
      // parser takes, the encoding included
      node = Jackson.MAPPER.readTree(json.getBytes(StandardCharsets.UTF_8));
    } catch (JacksonException e) {
      JsonLocation loc = e.getLocation();
      String where = loc == null ? "" : loc.getLineNr() + ":" + loc.getColumnNr();
      throw new BadInputException(where, "malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("reading JSON from memory", e); // no I/O happens: an array
    }
    if (node == null || node.isMissingNode()) {
      throw new BadInputException("", "empty input: expected a JSON object");
    }
    return RecordCodec.decode(node, type);
  }

  /** Reads a model record from a UTF-8 file; errors are located in that file. */
  public static <T extends Record> T read(Path file, Class<T> type) {
    return fromText(file, bytes(file), type);
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file.toString(), "no such file");
    } catch (IOException e) {
      throw new BadInputException(file.toString(), "cannot read: " + e.getMessage(), e);
    }
  }

  private static <T extends Record> T fromText(Path file, byte[] bytes, Class<T> type) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new BadInputException(file.toString(), "not UTF-8 text");
    }
    try {
      return read(text, type);
    } catch (BadInputException e) {
      throw e.inFile(file.toString());
    }
  }

  public static ConstraintSet readSet(String json) {
    return read(json, ConstraintSet.class);
  }

  public static ConstraintSet readSet(Path file) {
    return read(file, ConstraintSet.class);
  }

  public static Constraint readConstraint(String json) {
    return read(json, Constraint.class);
  }

  public static ConstraintIR readIR(String json) {
    return read(json, ConstraintIR.class);
  }

  /**
   * Reads an IR from a file of its JSON form or an {@link IrFrame}, told apart by the first byte
   * ({@link IrFrame#startsLikeFrame}). Errors are located in that file.
   */
  public static ConstraintIR readIR(Path file) {
    byte[] bytes = bytes(file);
    if (!IrFrame.startsLikeFrame(bytes)) return fromText(file, bytes, ConstraintIR.class);
    try {
      return IrFrame.read(bytes);
    } catch (BadInputException e) {
      throw e.inFile(file.toString());
    }
  }
}
