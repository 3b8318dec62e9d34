// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A run of one subcommand builds only that one (a cold start's saving); anything else, the whole tree. */
class CommandTreeTest {
  static CommandLine tree(String first) {
    return SfsTurboJobsCli.commandLine(new CliContext(new HashMap<>(), Paths.get("."), false, () -> 0L), null, first);
  }

  static List<String> names(CommandLine cli) {
    return new ArrayList<>(cli.getSubcommands().keySet());
  }

  @Test
  void theNamesAreThoseOfTheAnnotations() {
    for (int i = 0; i < SfsTurboJobsCli.SUBCOMMANDS.length; i++) {
      assertEquals(SfsTurboJobsCli.SUBCOMMANDS[i].getAnnotation(CommandLine.Command.class).name(),
          SfsTurboJobsCli.SUBCOMMAND_NAMES[i]);
    }
  }

  @Test
  void aSubcommandRunBuildsOnlyItWithTheSameSettings() {
    for (String name : List.of("show", "wait", "emulate")) {
      CommandLine cli = tree(name);
      assertEquals(List.of(name), names(cli));
      CommandLine sub = cli.getSubcommands().get(name);
      assertTrue(sub.isCaseInsensitiveEnumValuesAllowed(), name);
      assertEquals(22, sub.getUsageHelpLongOptionsMaxWidth(), name);
    }
  }

  @Test
  void anythingElseBuildsTheWholeTree() {
    List<String> all = List.of("show", "wait", "emulate", "generate-completion");
    assertEquals(all, names(SfsTurboJobsCli.commandLine(new CliContext(new HashMap<>(), Paths.get("."), false,
        () -> 0L), null)));
    // generate-completion too: the completion script covers every command.
    for (String first : new String[] {null, "--help", "-h", "--version", "shw", "Show", "--verbose", "JOB",
        "generate-completion"}) {
      assertEquals(all, names(tree(first)), String.valueOf(first));
    }
    assertTrue(tree("generate-completion").getSubcommands().get("generate-completion").getCommandSpec().usageMessage()
        .hidden());
  }
}
