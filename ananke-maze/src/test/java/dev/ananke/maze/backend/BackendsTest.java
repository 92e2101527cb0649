package dev.ananke.maze.backend;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class BackendsTest {

  @Test
  void eachNameMakesItsBackend() {
    for (String name : Backends.HTTP_BACKENDS) {
      try (Backend b = Backends.create(name, URI.create("http://127.0.0.1:8000"), BackendOptions.defaults())) {
        assertEquals(name, b.name());
      }
    }
  }

  @Test
  void whatEachSupports() {
    URI u = URI.create("http://127.0.0.1:8000");
    BackendOptions o = BackendOptions.defaults();
    try (Backend v = Backends.create("vllm", u, o); Backend s = Backends.create("sglang", u, o);
        Backend l = Backends.create("llama.cpp", u, o); Backend a = Backends.create("openai", u, o)) {
      var three = EnumSet.of(ConstraintForm.JSON_SCHEMA, ConstraintForm.GBNF, ConstraintForm.REGEX);
      assertEquals(three, v.supports());
      assertEquals(three, s.supports());
      assertEquals(EnumSet.of(ConstraintForm.JSON_SCHEMA, ConstraintForm.GBNF), l.supports());
      assertEquals(EnumSet.of(ConstraintForm.JSON_SCHEMA), a.supports());
    }
  }

  @Test
  void anUnknownNameSaysWhichExist() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Backends.create("tgi", URI.create("http://127.0.0.1:8000"), BackendOptions.defaults()));
    assertEquals("unknown backend 'tgi', expected one of vllm, sglang, llama.cpp, openai", e.getMessage());
  }

  @Test
  void theBaseUrlMustBeHttp() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Backends.create("vllm", URI.create("ftp://host/"), BackendOptions.defaults()));
    assertEquals("backend base URL must be http(s)://host[:port][/prefix], was ftp://host/", e.getMessage());
  }

  @Test
  void optionsAreValidated() {
    var e = assertThrows(IllegalArgumentException.class, () -> BackendOptions.builder().maxAttempts(0).build());
    assertEquals("max attempts must be >= 1, was 0", e.getMessage());
    var f = assertThrows(IllegalArgumentException.class,
        () -> BackendOptions.builder().backoff(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(1)).build());
    assertEquals("max backoff PT1S is shorter than the initial backoff PT2S", f.getMessage());
    assertEquals(BackendOptions.defaults().maxAttempts(), BackendOptions.defaults().toBuilder().build().maxAttempts());
  }
}
