package dev.ananke.clew;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decides whether a file's bytes are text Clew should parse, and decodes them. */
final class SourceText {
  private SourceText() {}

  /** How far to look for a NUL byte, the mark of a binary file (as git and grep do). */
  private static final int BINARY_PROBE = 8192;

  /** The decoded text, or why the bytes are not source text. */
  sealed interface Decoded permits Text, Rejected {}

  record Text(String text) implements Decoded {}

  record Rejected(String reason) implements Decoded {}

  static Decoded decode(byte[] bytes, long maxBytes) {
    if (bytes.length > maxBytes) {
      return new Rejected("larger than the limit of " + maxBytes + " bytes (" + bytes.length + " bytes)");
    }
    int probe = Math.min(bytes.length, BINARY_PROBE);
    for (int i = 0; i < probe; i++) {
      if (bytes[i] == 0) return new Rejected("binary file (NUL byte at offset " + i + ")");
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      String text = decoder.decode(in).toString();
      if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1); // byte order mark
      return new Text(text);
    } catch (CharacterCodingException e) {
      return new Rejected("not UTF-8 text (malformed byte near offset " + in.position() + ")");
    }
  }
}
