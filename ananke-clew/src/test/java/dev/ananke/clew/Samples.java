package dev.ananke.clew;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintSet;
import dev.ananke.core.payload.AsyncIdiom;
import dev.ananke.core.payload.AsyncStyle;
import dev.ananke.core.payload.ErrorHandlingIdiom;
import dev.ananke.core.payload.ErrorIdiom;
import dev.ananke.core.payload.FunctionSignature;
import dev.ananke.core.payload.ImportSet;
import dev.ananke.core.payload.Payload;
import dev.ananke.core.payload.TypeDeclaration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Loads the hand-written samples and looks facts up in a result. */
final class Samples {
  private Samples() {}

  static Path path(String resource) {
    try {
      return Path.of(Objects.requireNonNull(Samples.class.getResource("/samples/" + resource), resource).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Extracts one sample, naming it by its resource path so origins are stable. */
  static ExtractionResult extract(String resource) {
    try {
      String text = java.nio.file.Files.readString(path(resource));
      return Clew.builder().build().extractSource(resource, text, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T extends Payload> List<T> payloads(ConstraintSet set, Class<T> type) {
    return set.constraints().stream().map(Constraint::payload).filter(type::isInstance).map(type::cast).toList();
  }

  static Constraint constraint(ConstraintSet set, String name) {
    List<Constraint> found = set.constraints().stream().filter(c -> c.name().equals(name)).toList();
    if (found.size() != 1) fail("expected one constraint named " + name + ", found " + found.size() + ": " + names(set));
    return found.getFirst();
  }

  static List<Constraint> all(ConstraintSet set, String name) {
    return set.constraints().stream().filter(c -> c.name().equals(name)).toList();
  }

  static FunctionSignature function(ConstraintSet set, String qualifiedName) {
    return (FunctionSignature) constraint(set, "function." + qualifiedName).payload();
  }

  static TypeDeclaration type(ConstraintSet set, String name) {
    return (TypeDeclaration) constraint(set, "type." + name).payload();
  }

  static ImportSet importOf(ConstraintSet set, String module) {
    return (ImportSet) constraint(set, "import." + module).payload();
  }

  static int errorIdiomCount(ConstraintSet set, ErrorIdiom idiom) {
    return payloads(set, ErrorHandlingIdiom.class).stream().filter(p -> p.idiom() == idiom)
        .mapToInt(ErrorHandlingIdiom::occurrences).sum();
  }

  static int asyncIdiomCount(ConstraintSet set, AsyncStyle style) {
    return payloads(set, AsyncIdiom.class).stream().filter(p -> p.style() == style)
        .mapToInt(AsyncIdiom::occurrences).sum();
  }

  static int line(ConstraintSet set, String name) {
    return Objects.requireNonNull(constraint(set, name).origin()).line();
  }

  static List<String> names(ConstraintSet set) {
    return set.constraints().stream().map(Constraint::name).toList();
  }

  static void dump(ExtractionResult r) {
    for (Constraint c : r.constraints().constraints()) {
      System.out.println(c.origin() + " " + c.tier() + " " + c.name() + " x" + c.frequency() + " " + c.payload());
    }
    r.diagnostics().forEach(System.out::println);
  }

  static void assertLine(int expected, ConstraintSet set, String name) {
    assertEquals(expected, line(set, name), "line of " + name);
  }
}
