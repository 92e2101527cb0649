package dev.ananke.clew;

import org.junit.jupiter.api.Test;

class DumpTest {
  @Test
  void dump() {
    Samples.dump(Samples.extract(System.getProperty("sample", "typescript/user_service.ts")));
  }
}
