// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --help} of every command reads well on an 80-column terminal. */
class HelpTextTest {
  static final int WIDTH = 80;

  static CommandLine cli() {
    CommandLine cli = SfsTurboJobsCli.commandLine(new CliContext(new HashMap<>(), Paths.get("."), false, () -> 0L), null);
    cli.setUsageHelpAutoWidth(false);
    cli.setUsageHelpWidth(WIDTH);
    return cli;
  }

  static List<CommandLine> commands(CommandLine top) {
    List<CommandLine> all = new ArrayList<>(List.of(top));
    for (String name : List.of("show", "wait", "emulate")) {
      all.add(top.getSubcommands().get(name));
    }
    return all;
  }

  @Test
  void noLineIsWiderThan80Columns() {
    for (CommandLine c : commands(cli())) {
      for (String line : c.getUsageMessage().split("\\R")) {
        assertTrue(line.length() <= WIDTH, c.getCommandName() + ": " + line.length() + " columns: " + line);
      }
    }
  }

  @Test
  void footersAndDescriptionsAreWrappedByHandNotCutRaggedly() {
    for (CommandLine c : commands(cli())) {
      List<String> rendered = Arrays.asList(c.getUsageMessage().split("\\R"));
      CommandLine.Model.UsageMessageSpec usage = c.getCommandSpec().usageMessage();
      List<String> written = new ArrayList<>(Arrays.asList(usage.footer()));
      written.addAll(Arrays.asList(usage.description()));
      for (String line : written) {
        assertTrue(rendered.contains(line), c.getCommandName() + ": picocli had to wrap this line, leaving a ragged "
            + "end: " + line);
      }
    }
  }

  @Test
  void theCommandListShowsEachSummaryAsAWholeSentenceOnOneLine() {
    CommandLine top = cli();
    List<String> lines = Arrays.asList(top.getUsageMessage().split("\\R"));
    for (String name : List.of("show", "wait", "emulate")) {
      String summary = top.getSubcommands().get(name).getCommandSpec().usageMessage().description()[0];
      assertTrue(summary.endsWith("."), name + ": " + summary);
      int at = -1;
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).startsWith("  " + name + " ")) {
          at = i;
        }
      }
      assertTrue(at >= 0, name + " is not listed:\n" + String.join("\n", lines));
      assertEquals(summary, lines.get(at).substring(2 + name.length()).trim(), "the whole summary on its line");
      assertTrue(at + 1 == lines.size() || !lines.get(at + 1).startsWith("      "),
          name + "'s summary goes on to a second line: " + lines.get(at + 1));
    }
  }

  @Test
  void exitCode130IsDocumentedBesideTheOthers() {
    String top = cli().getUsageMessage();
    assertTrue(top.contains("3 wait timed out; 4 API, auth,") && top.contains("130 wait interrupted (Ctrl-C)"), top);
    assertTrue(cli().getSubcommands().get("wait").getUsageMessage().contains("130 interrupted (Ctrl-C)"));
  }
}
