package dev.ananke.clew.internal.treesitter;

import java.lang.foreign.MemorySegment;
import org.jspecify.annotations.Nullable;

/**
 * A whole syntax tree as one int array, exported by {@code ananke_flatten} in a single native
 * call: nodes in preorder (document order, parents first), {@link #INTS} ints each. Reading it
 * costs no downcall and no allocation, which is what keeps extraction close to the cost of the
 * parse; see {@code src/main/c/ananke_flatten.c} for the layout.
 */
public final class FlatTree {
  static final int INTS = 6;
  static final int NAMED = 1;
  static final int MISSING = 2;
  static final int HAS_ERROR = 4;
  static final int ERROR = 8;

  /**
   * The array of the last tree this thread released, for its next tree: the array is a third of
   * what an extraction allocates, and a fresh one is zeroed by the JVM only for the flatten to
   * write every slot again. Arrays of huge trees are not kept (up to 4 MB, about 175,000 nodes).
   */
  private static final ThreadLocal<int @Nullable []> SPARE = new ThreadLocal<>();

  private static final int MAX_SPARE_INTS = 1 << 20;

  /** Null once released: a use after {@link #release} fails at once instead of reading another tree. */
  private int @Nullable [] data;
  private final int size;

  private FlatTree(int[] data, int size) {
    this.data = data;
    this.size = size;
  }

  static FlatTree of(MemorySegment tree) {
    int capacity = TsApi.nodeCount(tree);
    for (int attempt = 0; attempt < 3; attempt++) {
      int[] data = array(Math.multiplyExact(capacity, INTS));
      int n = TsApi.flatten(tree, capacity, MemorySegment.ofArray(data));
      if (n == Integer.MIN_VALUE) throw new OutOfMemoryError("ananke_flatten: out of native memory");
      if (n >= 0) return new FlatTree(data, n);
      capacity = -n;
    }
    throw new IllegalStateException("ananke_flatten did not converge");
  }

  /** This thread's spare array when it is large enough (flatten writes all of each node's ints). */
  private static int[] array(int ints) {
    int[] spare = SPARE.get();
    if (spare != null && spare.length >= ints) {
      SPARE.set(null);
      return spare;
    }
    return new int[ints];
  }

  /** Hands the array to this thread's next tree; this tree must not be read again. */
  void release() {
    int[] d = data;
    data = null;
    if (d != null && d.length <= MAX_SPARE_INTS) {
      int[] spare = SPARE.get();
      if (spare == null || spare.length < d.length) SPARE.set(d);
    }
  }

  public int size() {
    return size;
  }

  public short symbol(int node) {
    return (short) (data[node * INTS] & 0xFFFF);
  }

  int flags(int node) {
    return data[node * INTS] >>> 16;
  }

  public boolean isNamed(int node) {
    return (flags(node) & NAMED) != 0;
  }

  public boolean isMissing(int node) {
    return (flags(node) & MISSING) != 0;
  }

  public boolean hasError(int node) {
    return (flags(node) & HAS_ERROR) != 0;
  }

  public boolean isError(int node) {
    return (flags(node) & ERROR) != 0;
  }

  public short field(int node) {
    return (short) data[node * INTS + 1];
  }

  public int parent(int node) {
    return data[node * INTS + 2];
  }

  public int nextSibling(int node) {
    return data[node * INTS + 3];
  }

  /** The first child, or -1. */
  public int firstChild(int node) {
    int next = node + 1;
    return next < size && parent(next) == node ? next : -1;
  }

  public int startByte(int node) {
    return data[node * INTS + 4];
  }

  public int endByte(int node) {
    return data[node * INTS + 5];
  }

  /** The node and all below it. */
  public int descendantCount(int node) {
    for (int n = node; n >= 0; n = parent(n)) {
      int next = nextSibling(n);
      if (next >= 0) return next - node;
    }
    return size - node;
  }
}
