package dev.ananke.clew.internal.treesitter;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A compiled tree-sitter query, owned until {@link #close}. Immutable once built, so one query
 * serves every thread (each run gets its own cursor). The text predicates {@code #eq?},
 * {@code #not-eq?}, {@code #any-of?}, {@code #not-any-of?}, {@code #match?} and
 * {@code #not-match?} are evaluated ({@link #accepts}); others are an error at compile time.
 */
public final class TsQuery implements AutoCloseable {
  private static final String[] ERRORS = {"none", "syntax error", "unknown node type", "unknown field",
      "unknown capture", "impossible pattern structure", "language mismatch"};

  private final MemorySegment query;
  private final String[] captureNames;
  /** Per pattern, its predicates; null when it has none. */
  private final Predicate[][] predicates;

  /** A text predicate on one capture: equal to a literal or another capture, one of, matching. */
  private record Predicate(int capture, boolean negated, @Nullable Integer otherCapture, Set<String> values,
      @Nullable Pattern regex) {

    boolean test(Function<Integer, @Nullable String> text) {
      String t = text.apply(capture);
      if (t == null) return true; // a capture absent from the match constrains nothing
      boolean ok;
      if (regex != null) {
        ok = regex.matcher(t).find();
      } else if (otherCapture != null) {
        ok = t.equals(text.apply(otherCapture));
      } else {
        ok = values.contains(t);
      }
      return ok != negated;
    }
  }

  private TsQuery(MemorySegment query, String resourceName) {
    this.query = query;
    int n = TsApi.queryCaptureCount(query);
    captureNames = new String[n];
    for (int i = 0; i < n; i++) captureNames[i] = TsApi.queryCaptureName(query, i);
    int patterns = TsApi.queryPatternCount(query);
    predicates = new Predicate[patterns][];
    for (int p = 0; p < patterns; p++) {
      predicates[p] = parsePredicates(TsApi.queryPredicates(query, p), resourceName);
    }
  }

  private Predicate @Nullable [] parsePredicates(int[] steps, String resourceName) {
    if (steps.length == 0) return null;
    List<Predicate> out = new ArrayList<>();
    List<int[]> current = new ArrayList<>();
    for (int i = 0; i + 1 < steps.length; i += 2) {
      if (steps[i] == 0) {
        out.add(predicate(current, resourceName));
        current.clear();
      } else {
        current.add(new int[] {steps[i], steps[i + 1]});
      }
    }
    return out.toArray(Predicate[]::new);
  }

  private Predicate predicate(List<int[]> steps, String resourceName) {
    if (steps.size() < 3 || steps.get(0)[0] != 2 || steps.get(1)[0] != 1) {
      throw new IllegalStateException("query " + resourceName + ": unsupported predicate shape");
    }
    String op = TsApi.queryStringValue(query, steps.get(0)[1]);
    int capture = steps.get(1)[1];
    boolean negated = op.startsWith("not-");
    String base = negated ? op.substring(4) : op;
    Set<String> values = new HashSet<>();
    Integer other = null;
    for (int[] s : steps.subList(2, steps.size())) {
      if (s[0] == 1) other = s[1];
      else values.add(TsApi.queryStringValue(query, s[1]));
    }
    return switch (base) {
      case "eq?", "any-of?" -> new Predicate(capture, negated, other, Set.copyOf(values), null);
      case "match?" -> new Predicate(capture, negated, null, Set.of(), Pattern.compile(values.iterator().next()));
      default -> throw new IllegalStateException("query " + resourceName + ": predicate #" + op + " is not supported");
    };
  }

  /** Whether the match of {@code pattern} satisfies its predicates; {@code text} gives a capture's text. */
  boolean accepts(int pattern, Function<Integer, @Nullable String> text) {
    Predicate[] ps = pattern < predicates.length ? predicates[pattern] : null;
    if (ps == null) return true;
    for (Predicate p : ps) {
      if (!p.test(text)) return false;
    }
    return true;
  }

  boolean hasPredicates(int pattern) {
    return pattern < predicates.length && predicates[pattern] != null;
  }

  /** Compiles {@code source}; an error names the resource, the line and column, and the kind of error. */
  public static TsQuery compile(TsLanguage language, String source, String resourceName) {
    byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment text = arena.allocate(bytes.length + 1L);
      MemorySegment.copy(bytes, 0, text, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, bytes.length);
      MemorySegment offset = arena.allocate(JAVA_INT);
      MemorySegment type = arena.allocate(JAVA_INT);
      MemorySegment q = TsApi.queryNew(language.pointer(), text, bytes.length, offset, type);
      if (q.address() == 0) {
        int at = offset.get(JAVA_INT, 0);
        String before = new String(bytes, 0, Math.min(at, bytes.length), StandardCharsets.UTF_8);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = before.length() - before.lastIndexOf('\n');
        int kind = type.get(JAVA_INT, 0);
        throw new IllegalStateException("query " + resourceName + ":" + line + ":" + column + ": "
            + (kind >= 0 && kind < ERRORS.length ? ERRORS[kind] : "error " + kind) + " for grammar " + language.name());
      }
      return new TsQuery(q, resourceName);
    }
  }

  MemorySegment pointer() {
    return query;
  }

  String captureName(int index) {
    return captureNames[index];
  }

  @Override
  public void close() {
    TsApi.queryDelete(query);
  }
}
