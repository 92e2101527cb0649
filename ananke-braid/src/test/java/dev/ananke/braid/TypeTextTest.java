package dev.ananke.braid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ananke.core.error.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Type spellings of every supported language map to the same JSON Schema shapes. */
class TypeTextTest {

  private final List<String> references = new ArrayList<>();
  private final TypeText types = new TypeText(Set.of("User", "Role"), references::add);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '~',
      textBlock =
          """
          string                      => {"type":"string"}
          &str                        => {"type":"string"}
          []const u8                  => {"type":"string"}
          i64                         => {"type":"integer"}
          uint32                      => {"type":"integer"}
          float64                     => {"type":"number"}
          bool                        => {"type":"boolean"}
          Date                        => {"type":"string","format":"date-time"}
          time.Time                   => {"type":"string","format":"date-time"}
          DateTime<Utc>               => {"type":"string","format":"date-time"}
          string[]                    => {"type":"array","items":{"type":"string"}}
          Array<number>               => {"type":"array","items":{"type":"number"}}
          Vec<String>                 => {"type":"array","items":{"type":"string"}}
          List[int]                   => {"type":"array","items":{"type":"integer"}}
          []int64                     => {"type":"array","items":{"type":"integer"}}
          []const User                => {"type":"array","items":{"$ref":"#/$defs/User"}}
          HashSet<u8>                 => {"type":"array","items":{"type":"integer"},"uniqueItems":true}
          Record<string, number>      => {"type":"object","additionalProperties":{"type":"number"}}
          dict[str, bool]             => {"type":"object","additionalProperties":{"type":"boolean"}}
          map[string]float64          => {"type":"object","additionalProperties":{"type":"number"}}
          Option<i32>                 => {"anyOf":[{"type":"integer"},{"type":"null"}]}
          Optional[str]               => {"anyOf":[{"type":"string"},{"type":"null"}]}
          ?u32                        => {"anyOf":[{"type":"integer"},{"type":"null"}]}
          *User                       => {"anyOf":[{"$ref":"#/$defs/User"},{"type":"null"}]}
          string | null               => {"anyOf":[{"type":"string"},{"type":"null"}]}
          str | None                  => {"anyOf":[{"type":"string"},{"type":"null"}]}
          'a' | 'b'                   => {"enum":["a","b"]}
          string | number             => {"anyOf":[{"type":"string"},{"type":"number"}]}
          Promise<User>               => {"$ref":"#/$defs/User"}
          Box<Role>                   => {"$ref":"#/$defs/Role"}
          models.User                 => {"$ref":"#/$defs/User"}
          crate::models::User         => {"$ref":"#/$defs/User"}
          Literal['x', 'y']           => {"enum":["x","y"]}
          any                         => {}
          """)
  void mapsTypeSpellings(String type, String schema) {
    assertEquals(schema, types.schema(type, "T.f").toString());
  }

  @Test
  void reportsReferencedDeclaredTypes() {
    types.schema("Map<string, User[]>", "T.f");
    assertEquals(List.of("User"), references);
  }

  @Test
  void unknownTypesAreErrorsNamingTheField() {
    BadInputException e = assertThrows(BadInputException.class, () -> types.schema("Order", "User.lastOrder"));
    assertEquals(
        "User.lastOrder: cannot compile type 'Order' to JSON Schema: not a known primitive or a declared type",
        e.getMessage());
  }
}
