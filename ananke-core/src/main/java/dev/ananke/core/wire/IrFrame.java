package dev.ananke.core.wire;

import dev.ananke.core.error.BadInputException;
import dev.ananke.core.ir.ConstraintIR;
import java.util.Arrays;

/**
 * The IR frame: a {@link ConstraintIR} as a compact binary message, for the HTTP API and files
 * between processes. The 24 KB IR of 50 constraints round-trips in about a tenth of the time its
 * JSON form takes, because grammar text is copied as UTF-8 instead of escaped and unescaped.
 *
 * <p>A frame is standard CBOR (RFC 8949) in a fixed layout (docs/ARCHITECTURE.md, "The IR
 * frame"): any CBOR library decodes it to a map whose keys are those of the JSON form. Output is
 * deterministic: the same IR always gives the same bytes. Input is strict: every malformed frame
 * is a {@link BadInputException} located at {@code ir frame @ OFFSET (field.path)}, never a
 * partly built IR; the records' own validation applies as for JSON. Thread-safe.
 */
public final class IrFrame {
  private IrFrame() {}

  /** The media type of a frame in HTTP. */
  public static final String MEDIA_TYPE = "application/vnd.ananke.ir-frame";

  /** The layout version this build writes and reads; a frame of another version is refused. */
  public static final int VERSION = 1;

  public static byte[] write(ConstraintIR ir) {
    return IrLayout.write(ir);
  }

  /** Reads a whole frame: trailing bytes are an error. */
  public static ConstraintIR read(byte[] frame) {
    return IrLayout.read(frame);
  }

  /**
   * True when {@code bytes} start with a frame's magic (of any version) as {@link #write} writes
   * it: cheap, to tell a frame from JSON text, which can never start so.
   */
  public static boolean isFrame(byte[] bytes) {
    byte[] tag = IrLayout.SELF_DESCRIBED;
    byte[] magic = IrLayout.MAGIC.encoded();
    int mapAt = tag.length;
    return bytes.length >= IrLayout.VERSION_AT
        && Arrays.equals(bytes, 0, tag.length, tag, 0, tag.length)
        && (bytes[mapAt] & 0xe0) == 0xa0
        && Arrays.equals(bytes, mapAt + 1, IrLayout.VERSION_AT, magic, 0, magic.length);
  }

  /**
   * True when {@code bytes} are meant as a frame: they start with the first byte of its magic,
   * which no JSON text starts with. Unlike {@link #isFrame}, a damaged frame still counts, so
   * that reading it reports what is wrong with the frame rather than that it is not text.
   */
  public static boolean startsLikeFrame(byte[] bytes) {
    return bytes.length > 0 && bytes[0] == IrLayout.SELF_DESCRIBED[0];
  }

  static BadInputException error(int offset, String field, String detail) {
    return new BadInputException("ir frame @ " + offset + (field.isEmpty() ? "" : " (" + field + ")"), detail);
  }
}
