package dev.ananke.tokens.earley;

import dev.ananke.tokens.ByteRecognizer;
import dev.ananke.tokens.grammar.LexemeCheck;
import java.util.Arrays;

/*
 * The per-sequence parse state: a stack of bytes, each with the lexer state after it, the Earley
 * row current at that point and where the current lexeme began. push(b) is what both consuming a
 * token and walking the vocabulary trie do.
 *
 * Bytes normally only step the lexer (one table load). Only when the lexer cannot take the next
 * byte does the parser get involved: the lexemes complete in the current lexer state are scanned
 * into a new Earley row (greedy lexing: a lexeme ends when it cannot grow), the lexer restarts on
 * exactly the lexemes that row allows, and takes the byte from there. Ignored lexemes (%ignore,
 * JSON whitespace) leave the row as it is.
 *
 * Rows live on a stack too. Popping bytes only moves pointers; rows above the current one stay in
 * place, tagged with (parent row, lexer state scanned). The trie walk pops and pushes the same
 * lexeme boundary over and over (every token starting with '",' ends the same string lexeme), so
 * scan() first checks whether the row it is about to build is already there: llguidance's row
 * reuse (docs/optimizations.md, "Earley parser optimizations").
 *
 * Items are (dot, origin) pairs in two int arrays; the Aycock-Horspool rule (a predicted nullable
 * nonterminal also advances the predicting item) makes completions within one row unnecessary.
 */
final class EarleyParser implements ByteRecognizer {
  static final int FAIL = -1;
  static final int IGNORED = -2;

  private final Cfg cfg;
  private final Lexer lexer;
  private final int[] dotSym;
  private final int[] dotLhs;

  // byte stack: index d describes the state after d bytes
  int depth;
  byte[] buf = new byte[64];
  int[] lexSt = new int[65];
  int[] rowAt = new int[65];
  int[] lexBeg = new int[65];

  // rows
  private int rowPhys;
  private int[] rowStart = new int[16];
  private int[] rowEnd = new int[16];
  private int[] rowParent = new int[16];
  private int[] rowScanned = new int[16];
  private int[] rowLexStart = new int[16];
  /** For rows scanned from a lexeme with a check: which checks passed (checkOutcome), else 0. */
  private long[] rowOutcome = new long[16];
  /** When that outcome is BY_BYTES: the lexeme's bytes (null otherwise). */
  private byte[][] rowLexeme = new byte[16][];
  /** The lexer start after an ignored lexeme: no second one right away (no runaway whitespace). */
  private int[] rowLexStartNoIgnore = new int[16];
  private boolean[] rowAccept = new boolean[16];
  /**
   * rowVer[k]: a serial given to slot k each time a row is built there. Building a row also
   * invalidates every slot above it (rowPhys), so (k, rowVer[k]) names the whole row stack up to k.
   */
  private int[] rowVer = new int[16];
  /* serials only grow; a parser would need 2^31 row builds to wrap */
  private int rowSerial;

  // items
  private int[] itDot = new int[256];
  private int[] itOrig = new int[256];
  private int itEnd;

  // scratch: item set of the row being built, lexeme marks
  private long[] hashKeys = new long[64];
  private int[] hashStamp = new int[64];
  private int stamp;
  private final int[] lexMark;
  private int lexMarkStamp;
  /** predicted[nt] == predictStamp: nt's productions are already in the row being finished. */
  private final int[] predicted;
  private int predictStamp;
  /** completed[nt] == predictStamp: nt was completed from origin completedOrig[nt] in this row. */
  private final int[] completed;
  private final int[] completedOrig;
  private int[] lexScratch;

  EarleyParser(CompiledGrammar g) {
    this.cfg = g.cfg;
    this.lexer = g.lexer;
    this.dotSym = cfg.dotSym;
    this.dotLhs = cfg.dotLhs;
    this.lexMark = new int[cfg.lexemes.length];
    this.lexScratch = new int[cfg.lexemes.length];
    this.predicted = new int[cfg.nonterminals];
    this.completed = new int[cfg.nonterminals];
    this.completedOrig = new int[cfg.nonterminals];
    // row 0: predict the augmented start
    rowStart[0] = 0;
    newItemSet(0);
    add(cfg.prodsOf[0][0], 0);
    finishRow(0);
    rowParent[0] = -1;
    rowScanned[0] = -1;
    rowPhys = 1;
    lexSt[0] = rowLexStart[0];
  }

  private EarleyParser(EarleyParser o) {
    this.cfg = o.cfg;
    this.lexer = o.lexer;
    this.dotSym = o.dotSym;
    this.dotLhs = o.dotLhs;
    this.lexMark = new int[cfg.lexemes.length];
    this.lexScratch = new int[cfg.lexemes.length];
    this.predicted = new int[cfg.nonterminals];
    this.completed = new int[cfg.nonterminals];
    this.completedOrig = new int[cfg.nonterminals];
    this.depth = o.depth;
    this.buf = o.buf.clone();
    this.lexSt = o.lexSt.clone();
    this.rowAt = o.rowAt.clone();
    this.lexBeg = o.lexBeg.clone();
    this.rowPhys = o.rowAt[o.depth] + 1;
    this.rowStart = o.rowStart.clone();
    this.rowEnd = o.rowEnd.clone();
    this.rowParent = o.rowParent.clone();
    this.rowScanned = o.rowScanned.clone();
    this.rowLexStart = o.rowLexStart.clone();
    this.rowOutcome = o.rowOutcome.clone();
    this.rowLexeme = o.rowLexeme.clone();
    this.rowLexStartNoIgnore = o.rowLexStartNoIgnore.clone();
    this.rowAccept = o.rowAccept.clone();
    this.rowVer = o.rowVer.clone();
    this.rowSerial = o.rowSerial;
    this.itDot = o.itDot.clone();
    this.itOrig = o.itOrig.clone();
    this.itEnd = o.itEnd;
  }

  EarleyParser copy() {
    return new EarleyParser(this);
  }

  /** Back to the state after {@code d} bytes (0 <= d <= depth). */
  void truncate(int d) {
    depth = d;
  }

  @Override
  public boolean push(int b) {
    int d = depth;
    int s = lexSt[d];
    int t = lexer.step(s, b);
    if (t != Lexer.DEAD) {
      if (d + 1 >= lexSt.length) grow();
      buf[d] = (byte) b;
      lexSt[d + 1] = t;
      rowAt[d + 1] = rowAt[d];
      lexBeg[d + 1] = lexBeg[d];
      depth = d + 1;
      return true;
    }
    lastRestart = Lexer.DEAD;
    if (lexBeg[d] == d) return false;
    int r = rowAt[d];
    int r2 = scan(r, s, lexBeg[d], d);
    if (r2 == FAIL) return false;
    int row = r2 == IGNORED ? r : r2;
    int restart = r2 == IGNORED ? rowLexStartNoIgnore[row] : rowLexStart[row];
    lastRestart = restart;
    int t2 = lexer.step(restart, b);
    if (t2 == Lexer.DEAD) return false;
    if (d + 1 >= lexSt.length) grow();
    buf[d] = (byte) b;
    lexSt[d + 1] = t2;
    rowAt[d + 1] = row;
    lexBeg[d + 1] = d;
    depth = d + 1;
    return true;
  }

  @Override
  public void pop(int n) {
    depth -= n;
  }

  /**
   * The lexer state the last push() that met a lexeme boundary restarted from (DEAD when the
   * boundary failed before that: no lexeme complete, or the scan refused it). It depends on the
   * bytes before the boundary only, not on the byte pushed.
   */
  private int lastRestart;
  private int[] walkStates = new int[FlatTrie.MAX_DEPTH + 2];
  private int[] walkNodes = new int[FlatTrie.MAX_DEPTH + 2];
  private byte[] walkPath = new byte[FlatTrie.MAX_DEPTH + 2];

  /*
   * The mask walk: sets the bit of every token of the trie all of whose bytes can be pushed from
   * here, and leaves the parser where it was. Most nodes only step the lexer: the walk keeps its
   * own stack of lexer states by trie depth and reads the transition table directly. Only when
   * the lexer cannot take a byte (a lexeme boundary, or a dead byte) does it bring the parser up
   * to that node, pushing the path bytes it skipped (they re-take the lexer-only branch of push),
   * and let push() scan; the lexer state push() ends in seeds the stack below that node.
   * Invariant: for k < synced, the parser holds path[k] at depth base + k and its lexer state
   * after it equals states[k + 1]; states above synced came from pure lexer steps.
   * Going through ByteRecognizer for every node cost about 3x more per node.
   *
   * Boundary cache: the children of one node that the lexer refuses all meet the same lexeme
   * boundary (same bytes before it), so the parser's answer differs between them only in the
   * byte that restarts the lexer. After the first such child, the others are decided by one step
   * from the remembered restart state, and only the ones that survive it go through push().
   * nodes[d] is the trie node whose state is states[d] (-1: the walk's root).
   */
  void walk(FlatTrie trie, long[] mask) {
    walk(trie, mask, null);
  }

  /**
   * The walk, and when {@code rec} is given, a record of what in it depended on the lexer state
   * only (see {@link LexerWalk}).
   */
  void walk(FlatTrie trie, long[] mask, LexerWalk.Recorder rec) {
    int base = depth;
    walkStates[0] = lexSt[base];
    walkNodes[0] = -1;
    walkNodes(trie, mask, 0, trie.nodes.length, base, 0, rec);
    finishWalk(trie, mask, base);
  }

  /**
   * The walk from a lexer state walked before, replayed from its record: the tokens the lexer
   * alone took are copied, and only the boundary nodes go through the parser, each followed by a
   * walk of its subtree. Gives the same mask as {@link #walk(FlatTrie, long[])} from this state.
   */
  void replay(FlatTrie trie, LexerWalk w, long[] mask) {
    long[] lexed = w.tokens;
    for (int k = 0; k < mask.length; k++) mask[k] |= lexed[k];
    int base = depth;
    long[] ns = trie.nodes;
    int[] states = walkStates;
    int[] nodes = walkNodes;
    byte[] path = walkPath;
    int prevParent = -2;
    int restart = Lexer.DEAD;
    // the parser holds path[0..held) at depth base + held: consecutive boundary nodes share most
    // of their path (siblings after the same closing quote), which is pushed once
    int held = 0;
    for (int f = 0; f < w.node.length; f++) {
      int i = w.node[f];
      long x = ns[i];
      int b = (int) x & 0xFF;
      int pd = (int) (x >>> 8) & 0xFF;
      if (w.parent[f] == prevParent) {
        // boundary cache, as in walkNodes: same boundary, only the restarting byte differs
        if (restart == Lexer.DEAD || lexer.step(restart, b) == Lexer.DEAD) continue;
      }
      int from = w.pathStart[f];
      int common = 0;
      while (common < held && common < pd && path[common] == w.paths[from + common]) common++;
      depth = base + common;
      for (int k = common; k < pd; k++) {
        byte y = w.paths[from + k];
        path[k] = y;
        push(y & 0xFF);
      }
      held = pd;
      boolean ok = push(b);
      prevParent = w.parent[f];
      restart = lastRestart;
      if (!ok) continue;
      int tok = (int) (x >>> 40);
      if (tok != FlatTrie.NONE) mask[tok >>> 6] |= 1L << tok;
      int size = (int) (x >>> 16) & 0xFFFFFF;
      if (size > 1) {
        path[pd] = (byte) b;
        states[pd + 1] = lexSt[depth];
        nodes[pd + 1] = i;
        walkNodes(trie, mask, i + 1, i + size, base, pd + 1, null);
      }
      // the sub-walk may have moved the parser anywhere below base + pd + 1, and its own path
      // stack (walkPath) agrees with the parser only up to base + pd
      depth = base + pd;
      held = pd;
    }
    depth = base;
    finishWalk(trie, mask, base);
  }

  /**
   * The walk's loop over trie nodes [lo, hi), whose parents' lexer states are in walkStates (by
   * depth) and whose path bytes above depth {@code synced} the parser already holds.
   */
  private void walkNodes(FlatTrie trie, long[] mask, int lo, int hi, int base, int synced, LexerWalk.Recorder rec) {
    long[] ns = trie.nodes;
    int[] states = walkStates;
    int[] nodes = walkNodes;
    byte[] path = walkPath;
    int boundaryNode = -2;
    int boundaryRestart = Lexer.DEAD;
    // recording: nodes whose parent depth is above fence are under a boundary (parser-dependent)
    int fence = Integer.MAX_VALUE;
    Lexer lx = lexer;
    int[] tr = lx.table(); // refreshed after anything that may grow it (see Lexer)
    int visits = 0;
    int i = lo;
    while (i < hi) {
      long x = ns[i];
      int b = (int) x & 0xFF;
      int pd = (int) (x >>> 8) & 0xFF;
      visits++;
      if (synced > pd) synced = pd;
      if (rec != null && pd <= fence) fence = Integer.MAX_VALUE;
      int s0 = states[pd];
      int t = tr[(s0 << 8) | b];
      if (t < 0) {
        t = lx.slowStep(s0, b);
        tr = lx.table();
      }
      if (t == Lexer.DEAD) {
        if (lx.accepts(s0).length == 0) {
          // no lexeme is complete before this byte, so no boundary either: push() would refuse
          // it whatever the parser holds, and bringing the parser up to this node is wasted
          i += (int) (x >>> 16) & 0xFFFFFF;
          continue;
        }
        if (rec != null && fence == Integer.MAX_VALUE) {
          rec.boundary(i, nodes[pd], path, pd);
          fence = pd;
        }
        if (nodes[pd] == boundaryNode) {
          if (boundaryRestart == Lexer.DEAD) {
            i += (int) (x >>> 16) & 0xFFFFFF;
            continue;
          }
          int t2 = tr[(boundaryRestart << 8) | b];
          if (t2 < 0) {
            t2 = lx.slowStep(boundaryRestart, b);
            tr = lx.table();
          }
          if (t2 == Lexer.DEAD) {
            i += (int) (x >>> 16) & 0xFFFFFF;
            continue;
          }
        }
        depth = base + synced;
        for (int k = synced; k < pd; k++) push(path[k] & 0xFF);
        boolean ok = push(b);
        tr = lx.table();
        boundaryNode = nodes[pd];
        boundaryRestart = lastRestart;
        if (!ok) {
          synced = pd;
          i += (int) (x >>> 16) & 0xFFFFFF;
          continue;
        }
        t = lexSt[depth];
        synced = pd + 1;
      }
      states[pd + 1] = t;
      nodes[pd + 1] = i;
      path[pd] = (byte) b;
      int tok = (int) (x >>> 40);
      if (tok != FlatTrie.NONE) {
        mask[tok >>> 6] |= 1L << tok;
        if (rec != null && fence == Integer.MAX_VALUE) rec.tokens[tok >>> 6] |= 1L << tok;
      }
      i++;
    }
    if (rec != null) rec.visited += visits;
  }

  /** Tokens the flat trie leaves out: long ones (pushed one by one) and duplicates of a node's. */
  private void finishWalk(FlatTrie trie, long[] mask, int base) {
    depth = base;
    for (int k = 0; k < trie.longTokens.length; k++) {
      byte[] bytes = trie.longBytes[k];
      int pushed = 0;
      while (pushed < bytes.length && push(bytes[pushed] & 0xFF)) pushed++;
      depth = base;
      if (pushed == bytes.length) mask[trie.longTokens[k] >>> 6] |= 1L << trie.longTokens[k];
    }
    for (int[] group : trie.duplicates) {
      if ((mask[group[0] >>> 6] & (1L << group[0])) != 0) {
        for (int k = 1; k < group.length; k++) mask[group[k] >>> 6] |= 1L << group[k];
      }
    }
  }

  /** Whether the bytes so far form a complete sentence. */
  boolean isAccepting() {
    int d = depth;
    int r = rowAt[d];
    if (lexBeg[d] == d) return rowAccept[r];
    int r2 = scan(r, lexSt[d], lexBeg[d], d);
    if (r2 == FAIL) return false;
    return rowAccept[r2 == IGNORED ? r : r2];
  }

  /**
   * A key that determines everything the parser will answer from here on, or -1 when there is
   * none: the row stack (current row and its serial), the lexer state, and whether a lexeme has
   * begun. The bytes of the lexeme in progress matter only to lexeme checks, so the key exists
   * only when no lexeme still alive in the lexer state has one. Equal keys, equal masks.
   */
  long stateKey() {
    int d = depth;
    int s = lexSt[d];
    if (lexer.hasCheckedMember(s)) return -1;
    // serials are unique per built row (row 0 has 0), so the serial alone names the row stack
    return ((long) rowVer[rowAt[d]] << 32) | ((long) s << 1) | (lexBeg[d] == d ? 1 : 0);
  }

  /** The lexer state now (for the slicer). */
  int lexerState() {
    return lexSt[depth];
  }

  private void grow() {
    int cap = lexSt.length * 2;
    buf = Arrays.copyOf(buf, cap);
    lexSt = Arrays.copyOf(lexSt, cap + 1);
    rowAt = Arrays.copyOf(rowAt, cap + 1);
    lexBeg = Arrays.copyOf(lexBeg, cap + 1);
  }

  /**
   * Scans the lexemes complete in lexer state {@code s} (the bytes [from, to)) after row {@code r}:
   * the new row's slot, IGNORED when only an ignored lexeme completed, or FAIL.
   */
  private int scan(int r, int s, int from, int to) {
    int[] acc = lexer.accepts(s);
    if (acc.length == 0) return FAIL;
    int slot = r + 1;
    boolean checked = lexer.acceptsChecked(s);
    // With checks, the new row depends on the bytes only through which checks pass: rows are
    // told apart by that outcome, so every key that is not a listed one ("tenderabc", "tenderx")
    // shares the row after it, and the rows built on top of it (see checkOutcome).
    long outcome = checked ? checkOutcome(acc, from, to) : 0;
    boolean byBytes = outcome == BY_BYTES;
    if (slot < rowPhys && rowParent[slot] == r && rowScanned[slot] == s && rowOutcome[slot] == outcome
        && (!byBytes || sameLexeme(slot, from, to))) {
      return slot;
    }
    int below = rowVer[r];
    long cacheKey = ((long) below << 32) | s;
    if (checked) cacheKey = cacheKey * 0x9E3779B97F4A7C15L + (byBytes ? bytesHash(from, to) : outcome);
    SavedRow saved = savedRows.get(cacheKey);
    for (; saved != null; saved = saved.next) {
      if (saved.below == below && saved.scanned == s && saved.outcome == outcome
          && (!byBytes || Arrays.equals(saved.lexeme, 0, saved.lexeme.length, buf, from, to))) {
        restore(slot, r, s, saved);
        return slot;
      }
    }

    int mark = ++lexMarkStamp;
    boolean ignored = false;
    int passing = 0;
    for (int i = 0; i < acc.length; i++) {
      int l = acc[i];
      if (cfg.ignoredLexeme[l]) {
        ignored = true;
        continue;
      }
      if (checked) {
        boolean pass = byBytes ? passes(l, from, to) : (outcome & (1L << i)) != 0;
        if (!pass) continue;
      }
      lexMark[l] = mark;
      passing++;
    }
    if (passing == 0) return ignored ? IGNORED : FAIL;

    if (slot >= rowStart.length) growRows();
    itEnd = rowEnd[r];
    rowStart[slot] = itEnd;
    newItemSet(itEnd);
    for (int i = rowStart[r], e = rowEnd[r]; i < e; i++) {
      int sym = dotSym[itDot[i]];
      if (sym < 0 && sym != Cfg.END && lexMark[~sym] == mark) add(itDot[i] + 1, itOrig[i]);
    }
    if (itEnd == rowStart[slot]) {
      rowPhys = Math.min(rowPhys, slot);
      return ignored ? IGNORED : FAIL;
    }
    finishRow(slot);
    rowParent[slot] = r;
    rowScanned[slot] = s;
    rowOutcome[slot] = outcome;
    rowLexeme[slot] = byBytes ? Arrays.copyOfRange(buf, from, to) : null;
    rowVer[slot] = ++rowSerial;
    rowPhys = slot + 1;
    save(cacheKey, slot, below, s);
    return slot;
  }

  /** checkOutcome's answer when a state completes more than 63 lexemes: rows are told apart by bytes. */
  private static final long BY_BYTES = Long.MIN_VALUE;

  /**
   * Bit i set when lexeme acc[i] passes its check (or has none) on the bytes [from, to), or
   * BY_BYTES when there are too many lexemes for a long. Bit 63 is never set otherwise.
   */
  private long checkOutcome(int[] acc, int from, int to) {
    if (acc.length > 63) return BY_BYTES;
    long bits = 0;
    for (int i = 0; i < acc.length; i++) if (passes(acc[i], from, to)) bits |= 1L << i;
    return bits;
  }

  private boolean passes(int lexeme, int from, int to) {
    LexemeCheck c = cfg.lexemes[lexeme].check();
    return c == null || c.test(buf, from, to);
  }

  /*
   * Rows already built, by (serial of the row below, lexer state scanned) and the lexeme's bytes
   * when a check saw them: the slot-tag reuse above only remembers the last row built in each
   * slot, and a trie walk alternates between boundaries (after '"' a token goes on with ',' or
   * '}' or ':', under many prefixes), rebuilding the same rows over and over; a row after ',' in
   * an object with many properties predicts hundreds of items. A saved row is copied back with
   * its serial, so it stays the same row for stateKey(). Bounded: cleared past SAVED_ITEMS items.
   */
  private static final int SAVED_ITEMS = 1 << 16;
  private final SavedRows savedRows = new SavedRows();
  private int savedItems;

  private record SavedRow(int below, int scanned, long outcome, int[] dots, int[] origs, int lexStart,
      int lexStartNoIgnore, boolean accept, byte[] lexeme, int serial, SavedRow next) {}

  private int bytesHash(int from, int to) {
    int h = 1;
    for (int i = from; i < to; i++) h = 31 * h + buf[i];
    return h;
  }

  private void save(long key, int slot, int below, int s) {
    int from = rowStart[slot];
    int n = rowEnd[slot] - from;
    if (savedItems + n > SAVED_ITEMS) {
      savedRows.clear();
      savedItems = 0;
    }
    savedItems += n;
    savedRows.put(key, new SavedRow(below, s, rowOutcome[slot], Arrays.copyOfRange(itDot, from, from + n), Arrays.copyOfRange(itOrig, from, from + n),
        rowLexStart[slot], rowLexStartNoIgnore[slot], rowAccept[slot], rowLexeme[slot], rowVer[slot],
        savedRows.get(key)));
  }

  /** Open addressing from a mixed long key to a chain of saved rows (no boxing per lookup). */
  private static final class SavedRows {
    private long[] keys = new long[64];
    private SavedRow[] rows = new SavedRow[64];
    private int size;

    private static int slot(long key, int mask) {
      long h = key * 0x9E3779B97F4A7C15L;
      h ^= h >>> 29;
      h *= 0xBF58476D1CE4E5B9L;
      return (int) (h ^ (h >>> 32)) & mask;
    }

    SavedRow get(long key) {
      int mask = keys.length - 1;
      for (int i = slot(key, mask); rows[i] != null; i = (i + 1) & mask) if (keys[i] == key) return rows[i];
      return null;
    }

    void put(long key, SavedRow row) {
      int mask = keys.length - 1;
      int i = slot(key, mask);
      while (rows[i] != null && keys[i] != key) i = (i + 1) & mask;
      if (rows[i] == null) size++;
      keys[i] = key;
      rows[i] = row;
      if (size * 2 > keys.length) {
        long[] ok = keys;
        SavedRow[] or = rows;
        keys = new long[ok.length * 2];
        rows = new SavedRow[ok.length * 2];
        size = 0;
        for (int j = 0; j < ok.length; j++) if (or[j] != null) put(ok[j], or[j]);
      }
    }

    void clear() {
      Arrays.fill(rows, null);
      size = 0;
    }
  }

  private void restore(int slot, int r, int s, SavedRow saved) {
    if (slot >= rowStart.length) growRows();
    int start = rowEnd[r];
    int n = saved.dots.length;
    if (start + n > itDot.length) {
      int cap = Math.max(itDot.length * 2, start + n);
      itDot = Arrays.copyOf(itDot, cap);
      itOrig = Arrays.copyOf(itOrig, cap);
    }
    System.arraycopy(saved.dots, 0, itDot, start, n);
    System.arraycopy(saved.origs, 0, itOrig, start, n);
    itEnd = start + n;
    rowStart[slot] = start;
    rowEnd[slot] = start + n;
    rowAccept[slot] = saved.accept;
    rowLexStart[slot] = saved.lexStart;
    rowLexStartNoIgnore[slot] = saved.lexStartNoIgnore;
    rowParent[slot] = r;
    rowScanned[slot] = s;
    rowOutcome[slot] = saved.outcome;
    rowLexeme[slot] = saved.lexeme;
    rowVer[slot] = saved.serial;
    rowPhys = slot + 1;
  }

  private boolean sameLexeme(int slot, int from, int to) {
    byte[] b = rowLexeme[slot];
    return b != null && Arrays.equals(b, 0, b.length, buf, from, to);
  }

  /** Closes the items of row {@code k} (from rowStart[k]) under prediction and completion. */
  private void finishRow(int k) {
    boolean accept = false;
    if (++predictStamp == Integer.MAX_VALUE) {
      Arrays.fill(predicted, 0);
      Arrays.fill(completed, 0);
      predictStamp = 1;
    }
    for (int i = rowStart[k]; i < itEnd; i++) {
      int dot = itDot[i];
      int orig = itOrig[i];
      int sym = dotSym[dot];
      if (sym == Cfg.END) {
        if (dot == cfg.acceptDot && orig == 0) accept = true;
        if (orig == k) continue; // nullable completions were advanced at prediction time
        int lhs = dotLhs[dot];
        // several productions of one rule often complete from the same origin (an item sequence's
        // rule has one per item kind): the second would add the same items again
        if (completed[lhs] == predictStamp && completedOrig[lhs] == orig) continue;
        completed[lhs] = predictStamp;
        completedOrig[lhs] = orig;
        for (int j = rowStart[orig], e = rowEnd[orig]; j < e; j++) {
          if (dotSym[itDot[j]] == lhs) add(itDot[j] + 1, itOrig[j]);
        }
      } else if (sym >= 0) {
        // a nonterminal predicted again in this row would add the same items: a code grammar's
        // item sequences predict each of their rules from a dozen places
        if (predicted[sym] != predictStamp) {
          predicted[sym] = predictStamp;
          // (start of production, k) is new: such items come from nothing but this prediction
          // (advancing a dot never lands on a production's start), so no duplicate check
          for (int p : cfg.prodsOf[sym]) append(p, k);
        }
        if (cfg.nullable[sym]) add(dot + 1, orig);
      }
    }
    rowEnd[k] = itEnd;
    rowAccept[k] = accept;
    // the lexemes this row allows, plus the ignored ones when any real lexeme is allowed
    int mark = ++lexMarkStamp;
    int n = 0;
    for (int i = rowStart[k]; i < itEnd; i++) {
      int sym = dotSym[itDot[i]];
      if (sym < 0 && sym != Cfg.END && lexMark[~sym] != mark) {
        lexMark[~sym] = mark;
        lexScratch[n++] = ~sym;
      }
    }
    if (n > 0) {
      // lexer.start() wants the ids sorted. A code grammar has a few dozen lexemes, most of them
      // allowed in every row, and reading the marks in id order beats sorting twice per row; a
      // JSON Schema grammar may have thousands of lexemes and allow a handful
      int lexemes = lexMark.length;
      boolean scanMarks = lexemes <= 4 * n + 64;
      if (scanMarks) {
        n = 0;
        for (int l = 0; l < lexemes; l++) if (lexMark[l] == mark) lexScratch[n++] = l;
      } else {
        Arrays.sort(lexScratch, 0, n);
      }
      rowLexStartNoIgnore[k] = lexer.start(lexScratch, n);
      boolean moreIgnored = false;
      for (int l = 0; l < cfg.ignoredLexeme.length && cfg.ignoredLexeme[l]; l++) {
        if (lexMark[l] != mark) {
          lexMark[l] = mark;
          lexScratch[n++] = l;
          moreIgnored = true;
        }
      }
      if (moreIgnored) {
        if (scanMarks) {
          n = 0;
          for (int l = 0; l < lexemes; l++) if (lexMark[l] == mark) lexScratch[n++] = l;
        } else {
          Arrays.sort(lexScratch, 0, n);
        }
      }
      rowLexStart[k] = lexer.start(lexScratch, n);
    } else {
      rowLexStart[k] = Lexer.DEAD;
      rowLexStartNoIgnore[k] = Lexer.DEAD;
    }
  }

  private void newItemSet(int start) {
    rowBeingBuilt = start;
    stamp++;
    if (stamp == Integer.MAX_VALUE) {
      Arrays.fill(hashStamp, 0);
      stamp = 1;
    }
  }

  private void add(int dot, int orig) {
    long key = ((long) dot << 32) | (orig & 0xFFFFFFFFL);
    int mask = hashKeys.length - 1;
    int h = (int) (key ^ (key >>> 29)) * 0x9E3779B9;
    int i = (h ^ (h >>> 16)) & mask;
    while (hashStamp[i] == stamp) {
      if (hashKeys[i] == key) return;
      i = (i + 1) & mask;
    }
    hashStamp[i] = stamp;
    hashKeys[i] = key;
    if (itEnd == itDot.length) {
      itDot = Arrays.copyOf(itDot, itEnd * 2);
      itOrig = Arrays.copyOf(itOrig, itEnd * 2);
    }
    itDot[itEnd] = dot;
    itOrig[itEnd++] = orig;
    if ((itEnd - currentRowStart()) * 2 > hashKeys.length) rehash();
  }

  /** Adds an item known not to be in the row yet (it stays out of the duplicate table). */
  private void append(int dot, int orig) {
    if (itEnd == itDot.length) {
      itDot = Arrays.copyOf(itDot, itEnd * 2);
      itOrig = Arrays.copyOf(itOrig, itEnd * 2);
    }
    itDot[itEnd] = dot;
    itOrig[itEnd++] = orig;
  }

  private int rowBeingBuilt;

  private int currentRowStart() {
    return rowBeingBuilt;
  }

  private void rehash() {
    // appended (predicted) items do not trigger a rehash, so the row may have outgrown one doubling
    int cap = hashKeys.length * 2;
    while ((itEnd - rowBeingBuilt) * 2 > cap) cap *= 2;
    hashKeys = new long[cap];
    hashStamp = new int[cap];
    stamp = 1;
    int mask = hashKeys.length - 1;
    for (int j = rowBeingBuilt; j < itEnd; j++) {
      long key = ((long) itDot[j] << 32) | (itOrig[j] & 0xFFFFFFFFL);
      int h = (int) (key ^ (key >>> 29)) * 0x9E3779B9;
      int i = (h ^ (h >>> 16)) & mask;
      while (hashStamp[i] == stamp) i = (i + 1) & mask;
      hashStamp[i] = stamp;
      hashKeys[i] = key;
    }
  }

  private void growRows() {
    int cap = rowStart.length * 2;
    rowStart = Arrays.copyOf(rowStart, cap);
    rowEnd = Arrays.copyOf(rowEnd, cap);
    rowParent = Arrays.copyOf(rowParent, cap);
    rowScanned = Arrays.copyOf(rowScanned, cap);
    rowLexStart = Arrays.copyOf(rowLexStart, cap);
    rowOutcome = Arrays.copyOf(rowOutcome, cap);
    rowLexeme = Arrays.copyOf(rowLexeme, cap);
    rowLexStartNoIgnore = Arrays.copyOf(rowLexStartNoIgnore, cap);
    rowAccept = Arrays.copyOf(rowAccept, cap);
    rowVer = Arrays.copyOf(rowVer, cap);
  }
}
