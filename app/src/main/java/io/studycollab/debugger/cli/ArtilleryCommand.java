package io.studycollab.debugger.cli;

import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.qa.swarm.ArtilleryExport;
import io.studycollab.realtime.replay.ReEmitter;
import io.studycollab.realtime.session.SessionFormatException;
import io.studycollab.realtime.session.SessionReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "artillery",
        mixinStandardHelpOptions = true,
        description = {
            "Export a recording (--file) or a swarm definition (--users) as an Artillery scenario",
            "for its Socket.IO engine, to run the same load on Artillery's distributed runners."
        })
public final class ArtilleryCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--target", required = true, description = "Server URL the scenario targets.")
    String target;

    @Option(names = "--file", description = "Session file whose outbound events every virtual user replays.")
    Path file;

    @Option(names = "--users", defaultValue = "10", description = "Virtual users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--group", description = "Group to use (default: the recorded one; required for a swarm).")
    String group;

    @Option(
            names = "--duration",
            defaultValue = "60s",
            converter = Durations.class,
            description = "Swarm: how long each user moves its cursor (default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(
            names = "--cursor-rate",
            defaultValue = "20",
            description = "Swarm: cursor updates per second (default ${DEFAULT-VALUE}).")
    double cursorRate;

    @Option(
            names = "--ramp",
            defaultValue = "10",
            description = "Seconds over which users arrive (default ${DEFAULT-VALUE}).")
    int ramp;

    @Option(names = "--out", defaultValue = "scenario.yml", description = "Output file (default ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (users < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--users must be at least 1");
        }
        String yaml;
        if (file != null) {
            List<EventRecord> records;
            try (SessionReader reader = SessionReader.open(file)) {
                records = ReEmitter.replayable(reader);
            } catch (SessionFormatException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 1;
            }
            yaml = ArtilleryExport.fromRecording(records, target, group, users, ramp);
        } else {
            if (group == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "a swarm needs --group (or give --file)");
            }
            yaml = ArtilleryExport.fromSwarm(target, group, users, (int) duration.toSeconds(), cursorRate, ramp);
        }
        Files.writeString(out, yaml);
        spec.commandLine()
                .getOut()
                .println("wrote " + out.toAbsolutePath() + "; put one token per line in tokens.csv beside it");
        return 0;
    }
}
