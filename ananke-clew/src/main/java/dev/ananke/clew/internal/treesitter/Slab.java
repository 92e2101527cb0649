package dev.ananke.clew.internal.treesitter;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

/**
 * Bump allocation of small native values (nodes, points) in 64 KiB chunks of one arena: a
 * pointer increment instead of a malloc per node. Everything is freed with the arena. Not
 * thread-safe.
 */
final class Slab implements SegmentAllocator {
  private static final long CHUNK = 64 * 1024;

  private final Arena arena;
  private MemorySegment chunk = MemorySegment.NULL;
  private long offset;

  Slab(Arena arena) {
    this.arena = arena;
  }

  @Override
  public MemorySegment allocate(long size, long alignment) {
    long at = (offset + alignment - 1) & -alignment;
    if (at + size > chunk.byteSize()) {
      chunk = arena.allocate(Math.max(CHUNK, size), Math.max(16, alignment));
      at = 0;
    }
    offset = at + size;
    return chunk.asSlice(at, size);
  }
}
