package org.momentgraph.server.cli;

import org.momentgraph.domain.DataFormatException;
import org.momentgraph.eval.experiments.ExperimentRunner;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Used by the experiment commands (eval, ablate, predict) so they report alike on the command's
 * own streams: failures as "NAME: message" with exit code 2, bad input (a reader's
 * {@link DataFormatException} or an {@link IllegalArgumentException}) as such a failure, and an
 * experiment report as markdown then JSON.
 */
final class CommandReporting {

    /** What a command does once its options are checked; its result is the exit code. */
    @FunctionalInterface
    interface Body {
        int run();
    }

    private final CommandSpec spec;

    /** @param spec the command's own spec (its {@code @Spec} field), for its name and streams */
    CommandReporting(CommandSpec spec) {
        this.spec = spec;
    }

    /** Prints "NAME: message" to the command's error stream; returns exit code 2. */
    int fail(String message) {
        spec.commandLine().getErr().println(spec.name() + ": " + message);
        spec.commandLine().getErr().flush();
        return 2;
    }

    /** Runs the body, turning bad input into {@link #fail}. */
    int failOnBadInput(Body body) {
        try {
            return body.run();
        } catch (DataFormatException | IllegalArgumentException e) {
            return fail(e.getMessage());
        }
    }

    /** Prints the report's markdown table and JSON, and says on stderr where the JSON was written; returns 0. */
    int printReport(ExperimentRunner.Report report) {
        spec.commandLine().getOut().println(report.markdown());
        spec.commandLine().getOut().println(report.json().toPrettyString());
        spec.commandLine().getOut().flush();
        System.err.println(spec.name() + ": wrote " + report.jsonFile());
        return 0;
    }
}
