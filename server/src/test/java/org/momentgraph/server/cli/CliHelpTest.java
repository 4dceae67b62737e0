package org.momentgraph.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command and subcommand answers --help with its usage and at least one example. */
class CliHelpTest {

    @Test
    void everyCommandHasHelpWithAnExample() {
        List<CommandLine> commands = new ArrayList<>();
        collect(MomentGraphCli.commandLine(), commands);
        assertThat(commands).extracting(CommandLine::getCommandName).contains("momentgraph", "demo", "serve", "generate");
        for (CommandLine command : commands) {
            if (command.getCommandName().equals("help")) {
                continue;
            }
            assertThat(command.getCommandSpec().mixinStandardHelpOptions()).as(command.getCommandName()).isTrue();
            String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertThat(usage).as("usage of " + command.getCommandName()).containsPattern("Examples?:")
                    .contains("momentgraph ");
        }
    }

    @Test
    void demoHelpNamesItsOptions() {
        StringWriter out = new StringWriter();
        CommandLine cli = MomentGraphCli.commandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("demo", "--help")).isZero();
        assertThat(out.toString()).contains("--port", "--no-serve", "--videos", "--epochs", "--home");
    }

    private static void collect(CommandLine command, List<CommandLine> out) {
        out.add(command);
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, out));
    }
}
