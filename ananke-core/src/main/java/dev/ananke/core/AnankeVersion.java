package dev.ananke.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build of Ananke, stamped by Maven into a resource. */
public final class AnankeVersion {
  private AnankeVersion() {}

  private static final String VERSION = load();

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = AnankeVersion.class.getResourceAsStream("ananke-version.properties")) {
      if (in == null) throw new IllegalStateException("ananke-version.properties is missing from the build");
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
