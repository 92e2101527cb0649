package dev.ananke.cli;

import dev.ananke.core.AnankeVersion;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ananke version}: the tool version and the Java runtime it runs on. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the version of Ananke and of its Java runtime.")
final class VersionCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("ananke " + AnankeVersion.get());
    out.println("java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")");
  }
}
