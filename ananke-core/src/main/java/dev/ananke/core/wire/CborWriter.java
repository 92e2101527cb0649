package dev.ananke.core.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/*
 * The few CBOR items a frame is made of, written in RFC 8949's deterministic encoding (section
 * 4.2.1): every head in its shortest form, every length definite. Together with the frame's fixed
 * layout that makes the bytes a function of the value.
 *
 * The layout is written twice through one writer: first to size the frame, then into an array of
 * exactly that size. A frame is mostly two 11 KB grammar texts, and at that size the cost is the
 * memory touched, not the instructions: sizing first means the output is allocated once and
 * never copied to trim or grow it, and each text is encoded to UTF-8 once, in the sizing pass,
 * and only copied in the second. Not thread-safe: one writer per frame.
 */
final class CborWriter {
  static final int UNSIGNED = 0;
  static final int TEXT = 3;
  static final int ARRAY = 4;
  static final int MAP = 5;
  static final int NULL = 0xf6;

  /** The UTF-8 of every text in writing order, encoded in the sizing pass. */
  private final List<byte[]> texts = new ArrayList<>();
  private boolean sizing = true;
  private long size;
  private int nextText;
  private byte[] buf = new byte[0];
  private int pos;

  /** Ends the sizing pass: the same calls again then write into an array of the size measured. */
  void allocate() {
    if (!sizing) throw new IllegalStateException("already writing");
    if (size > Integer.MAX_VALUE - 16) throw new IllegalArgumentException("an IR frame of " + size + " bytes is too large");
    buf = new byte[(int) size];
    sizing = false;
  }

  /** The frame, once the writing pass is done. */
  byte[] toByteArray() {
    if (sizing || pos != buf.length || nextText != texts.size()) {
      throw new IllegalStateException("the writing pass did not repeat the sizing pass");
    }
    return buf;
  }

  /** The head of an item: major type and argument, in the fewest bytes (1, 2, 3, 5 or 9). */
  void head(int major, long argument) {
    int extra = argument < 24 ? 0 : argument < 0x100 ? 1 : argument < 0x10000 ? 2 : argument < 0x1_0000_0000L ? 4 : 8;
    if (sizing) {
      size += 1 + extra;
      return;
    }
    int info = switch (extra) {
      case 0 -> (int) argument;
      case 1 -> 24;
      case 2 -> 25;
      case 4 -> 26;
      default -> 27;
    };
    buf[pos++] = (byte) ((major << 5) | info);
    for (int shift = (extra - 1) * 8; shift >= 0; shift -= 8) buf[pos++] = (byte) (argument >>> shift);
  }

  /** A text string as UTF-8, which String.getBytes produces with a plain copy when it is ASCII. */
  void text(String s) {
    if (sizing) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      texts.add(utf8);
      head(TEXT, utf8.length);
      size += utf8.length;
    } else {
      byte[] utf8 = texts.get(nextText++);
      head(TEXT, utf8.length);
      raw(utf8);
    }
  }

  void textOrNull(@Nullable String s) {
    if (s == null) nil();
    else text(s);
  }

  void textArray(List<String> list) {
    head(ARRAY, list.size());
    for (String s : list) text(s);
  }

  void nil() {
    if (sizing) size++;
    else buf[pos++] = (byte) NULL;
  }

  /** Bytes already encoded: a key, the magic. */
  void raw(byte[] bytes) {
    if (sizing) {
      size += bytes.length;
      return;
    }
    System.arraycopy(bytes, 0, buf, pos, bytes.length);
    pos += bytes.length;
  }
}
