package dev.ananke.core.wire;

import dev.ananke.core.error.BadInputException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/*
 * Reads the CBOR items of a frame, strictly: every item must be of the type the layout expects,
 * every length must fit in what is left of the input, text must be valid UTF-8, and indefinite
 * lengths (which a frame never uses) are refused. Any problem is a BadInputException located at
 * the byte offset of the offending item and named by its field path ("grammar.gbnf",
 * "regexes[3]"), built only when the error is thrown. Heads of any width are accepted, so a frame
 * written by a CBOR library that does not pick the shortest form still reads.
 */
final class CborReader {
  private static final int NULL = 0xf6;

  private final byte[] in;
  private int pos;
  /** The argument of the last head read (a length, a count, a value). */
  private long argument;
  /** Where the last head started: the offset errors about its item point at. */
  private int headAt;
  /** The first byte of the last head, which says what the item is. */
  private int initial;

  CborReader(byte[] in, int start) {
    this.in = in;
    this.pos = start;
  }

  int position() {
    return pos;
  }

  /** Reads a head; returns its major type (0-7), its argument in {@link #argument}. */
  int head(String field, int index) {
    headAt = pos;
    if (pos >= in.length) throw error(pos, field, index, "truncated: the frame ends where an item was expected");
    initial = in[pos++] & 0xff;
    int major = initial >>> 5;
    int info = initial & 0x1f;
    if (info < 24) {
      argument = info;
    } else if (info <= 27) {
      int n = 1 << (info - 24);
      if (in.length - pos < n) throw error(headAt, field, index, "truncated: the frame ends inside an item's head");
      long v = 0;
      for (int i = 0; i < n; i++) v = (v << 8) | (in[pos++] & 0xff);
      argument = v < 0 ? Long.MAX_VALUE : v; // above 2^63: larger than any frame anyway
    } else if (info == 31) {
      throw error(headAt, field, index, "indefinite-length items are not part of an IR frame");
    } else {
      throw error(headAt, field, index, "malformed CBOR: reserved head byte 0x" + Integer.toHexString(initial));
    }
    return major;
  }

  long argument() {
    return argument;
  }

  /** True, and consumed, when the next item is null. */
  boolean nullNext() {
    if (pos < in.length && (in[pos] & 0xff) == NULL) {
      pos++;
      return true;
    }
    return false;
  }

  String text(String field, int index) {
    int major = head(field, index);
    if (major != CborWriter.TEXT) throw mismatch(field, index, "a text string", major);
    int length = fitting(argument, 1, field, index, "a text string of " + argument + " bytes");
    int start = pos;
    pos += length;
    return utf8(start, length, field, index);
  }

  @Nullable String textOrNull(String field) {
    return nullNext() ? null : text(field, -1);
  }

  List<String> textArray(String field) {
    int major = head(field, -1);
    if (major != CborWriter.ARRAY) throw mismatch(field, -1, "an array", major);
    // every element takes at least one byte: a count beyond that is a lie, caught before allocating
    int count = fitting(argument, 1, field, -1, "an array of " + argument + " items");
    String[] out = new String[count];
    for (int i = 0; i < count; i++) out[i] = text(field, i);
    return Arrays.asList(out);
  }

  /** A map head with exactly {@code pairs} pairs. */
  void map(String field, int pairs) {
    int major = head(field, -1);
    if (major != CborWriter.MAP) throw mismatch(field, -1, "a map of " + pairs + " pairs", major);
    if (argument != pairs) {
      throw error(headAt, field, -1, "expected a map of " + pairs + " pairs, found a map of " + argument);
    }
  }

  /** The next key, which must be {@code key} (the layout fixes the order); {@code field} is the key's path. */
  void key(Key key, String field) {
    if (skip(key)) return;
    int at = pos;
    int major = head(field, -1);
    if (major != CborWriter.TEXT) throw mismatch(field, -1, "the key \"" + key.name() + "\"", major);
    pos = at;
    String found = text(field, -1);
    throw error(at, field, -1, "expected the key \"" + key.name() + "\", found \"" + found + "\"");
  }

  /** True, and consumed, when the next item is the text of {@code key}. */
  boolean skip(Key key) {
    byte[] expected = key.encoded();
    int end = pos + expected.length;
    if (end <= in.length && Arrays.equals(in, pos, end, expected, 0, expected.length)) {
      pos = end;
      return true;
    }
    return false;
  }

  /** An enum constant by its name, compared as UTF-8 bytes. */
  <E extends Enum<E>> E constant(Names<E> names, String field) {
    int at = pos;
    int major = head(field, -1);
    if (major != CborWriter.TEXT) throw mismatch(field, -1, "a text string", major);
    int length = fitting(argument, 1, field, -1, "a text string of " + argument + " bytes");
    for (int i = 0; i < names.utf8.length; i++) {
      byte[] name = names.utf8[i];
      if (name.length == length && Arrays.equals(in, pos, pos + length, name, 0, length)) {
        pos += length;
        return names.values[i];
      }
    }
    pos = at;
    String found = text(field, -1);
    throw error(at, field, -1, "expected one of " + Arrays.toString(names.values) + ", found \"" + found + "\"");
  }

  /** Fails when input is left after the frame. */
  void end() {
    if (pos != in.length) throw error(pos, "", -1, "trailing bytes: " + (in.length - pos) + " after the end of the frame");
  }

  /** {@code n} (a length or a count of items of at least {@code unit} bytes) as an int, if what is left holds it. */
  private int fitting(long n, int unit, String field, int index, String what) {
    long left = in.length - pos;
    if (n > left / unit) throw error(headAt, field, index, "truncated: " + what + ", " + left + " bytes left");
    return (int) n;
  }

  /*
   * String's UTF-8 constructor is the fast path (for ASCII, a vectorised check and a copy) but
   * replaces malformed input with U+FFFD instead of failing. So only a result that holds U+FFFD,
   * which for an ASCII string is known without a scan, is checked again with a reporting decoder,
   * which also finds the offset of the bad byte.
   */
  private String utf8(int start, int length, String field, int index) {
    String s = new String(in, start, length, StandardCharsets.UTF_8);
    if (s.indexOf('\uFFFD') >= 0) {
      CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder(); // REPORT is its default
      ByteBuffer bytes = ByteBuffer.wrap(in, start, length);
      CoderResult r = strict.decode(bytes, CharBuffer.allocate(length), true);
      if (r.isError()) throw error(bytes.position(), field, index, "invalid UTF-8 in a text string");
    }
    return s;
  }

  private BadInputException mismatch(String field, int index, String expected, int major) {
    return error(headAt, field, index, "expected " + expected + ", found " + describe(major));
  }

  private String describe(int major) {
    return switch (major) {
      case 0 -> "an unsigned integer";
      case 1 -> "a negative integer";
      case 2 -> "a byte string";
      case 3 -> "a text string";
      case 4 -> "an array";
      case 5 -> "a map";
      case 6 -> "a tag";
      default -> switch (initial) {
        case 0xf4, 0xf5 -> "a boolean";
        case 0xf6 -> "null";
        case 0xf7 -> "undefined";
        case 0xf9, 0xfa, 0xfb -> "a float";
        default -> "a simple value";
      };
    };
  }

  BadInputException error(int offset, String field, int index, String detail) {
    return IrFrame.error(offset, index < 0 ? field : field + "[" + index + "]", detail);
  }

  /** A map key and its encoding (head and UTF-8), written and compared as bytes. */
  record Key(String name, byte[] encoded) {
    static Key of(String name) {
      CborWriter w = new CborWriter();
      w.text(name);
      w.allocate();
      w.text(name);
      return new Key(name, w.toByteArray());
    }
  }

  /** The constants of an enum with their names as UTF-8, for {@link #constant}. */
  static final class Names<E extends Enum<E>> {
    private final E[] values;
    private final byte[][] utf8;

    Names(Class<E> type) {
      values = type.getEnumConstants();
      utf8 = new byte[values.length][];
      for (int i = 0; i < values.length; i++) utf8[i] = values[i].name().getBytes(StandardCharsets.UTF_8);
    }
  }
}
