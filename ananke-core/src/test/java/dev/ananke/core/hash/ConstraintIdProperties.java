package dev.ananke.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ananke.core.Constraint;
import dev.ananke.core.ConstraintKind;
import dev.ananke.core.payload.IdentifierCategory;
import dev.ananke.core.payload.NamingConvention;
import dev.ananke.core.payload.NamingStyle;
import dev.ananke.core.payload.ParseError;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The direct constraint id is the definition's: field by field, the payload's canonical bytes by reflection. */
class ConstraintIdProperties {

  @Property(tries = 500)
  void directIdIsTheDefinition(@ForAll("constraints") Constraint c) {
    String scope = c.origin() == null ? "" : c.origin().file();
    assertEquals(ContentHash.slowConstraintId(c.kind(), c.name(), scope, c.payload()),
        ContentHash.constraintId(c.kind(), c.name(), scope, c.payload()));
  }

  @Test
  void unpairedSurrogatesHashAsTheirUtf8Replacement() {
    ParseError p = new ParseError(1, 1, "bad \ud800 text");
    for (String s : new String[] {"x\udc00", "plain"}) {
      assertEquals(ContentHash.slowConstraintId(ConstraintKind.SYNTACTIC, s, s, p),
          ContentHash.constraintId(ConstraintKind.SYNTACTIC, s, s, p));
    }
  }

  /**
   * An id published by this version of the definition: ids are content hashes that files,
   * caches and provenance lists keep, so a change here must come with a new version name.
   */
  @Test
  void aPublishedIdStaysTheSame() {
    var c = Constraint.builder("naming.go.field",
            new NamingConvention(IdentifierCategory.FIELD, NamingStyle.PASCAL_CASE, 543, 723))
        .build();
    assertEquals(ConstraintKind.SEMANTIC, c.kind());
    assertEquals("838895684077cd4f", c.id());
  }

  /** Consecutive ids of one file reuse its encoded scope: a change of file must still count. */
  @Test
  void theScopeOfConsecutiveIdsIsTheirOwn() {
    ParseError p = new ParseError(3, 4, "missing ';'");
    String[] scopes = {"a.ts", "a.ts", "b.ts", "a.ts", "", "\ud800.ts", "a.ts", "b.ts", "b.ts"};
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (String scope : scopes) {
      String id = ContentHash.constraintId(ConstraintKind.SYNTACTIC, "syntax-error", scope, p);
      assertEquals(ContentHash.slowConstraintId(ConstraintKind.SYNTACTIC, "syntax-error", scope, p), id, scope);
      ids.add(scope + "=" + id);
    }
    assertEquals(4, ids.size(), "one id per distinct scope");
  }

  @Provide
  Arbitrary<Constraint> constraints() {
    return dev.ananke.core.TestModels.constraints();
  }
}
