package io.studycollab.debugger.cli;

import io.studycollab.realtime.replay.SessionComparison;
import io.studycollab.realtime.session.SessionFormatException;
import io.studycollab.realtime.session.SessionReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Compare two session files: counts per event and the first event where they differ.",
            "Exit code: 0 when they agree, 3 when they differ, 1 when a file cannot be read."
        })
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LEFT")
    Path left;

    @Parameters(index = "1", paramLabel = "RIGHT")
    Path right;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path p : new Path[] {left, right}) {
            if (!Files.isReadable(p)) {
                err.println("cannot read " + p);
                return 1;
            }
        }
        try (SessionReader a = SessionReader.open(left);
                SessionReader b = SessionReader.open(right)) {
            SessionComparison.Result r = SessionComparison.compare(a, b);
            for (SessionReader.Problem p : a.problems()) {
                err.println(left + ": " + p + " (skipped)");
            }
            for (SessionReader.Problem p : b.problems()) {
                err.println(right + ": " + p + " (skipped)");
            }
            out.print(SessionComparison.report(r, left.toString(), right.toString()));
            out.flush();
            return r.same() ? 0 : 3;
        } catch (SessionFormatException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
