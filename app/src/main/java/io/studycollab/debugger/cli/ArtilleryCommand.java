package io.studycollab.debugger.cli;

import io.studycollab.debugger.cli.options.LoadOptions;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.files.PrivateFiles;
import io.studycollab.realtime.qa.swarm.ArtilleryExport;
import io.studycollab.realtime.replay.ReEmitter;
import io.studycollab.realtime.session.SessionFormatException;
import io.studycollab.realtime.session.SessionReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    /** Artillery's distributed runners scale far past one machine's swarm. */
    private static final int MAX_USERS = 1_000_000;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--target", required = true, description = "Server URL the scenario targets.")
    String target;

    @Option(names = "--file", description = "Session file whose outbound events every virtual user replays.")
    Path file;

    @Option(names = "--group", description = "Group to use (default: the recorded one; required for a swarm).")
    String group;

    /** --users for both; --duration and --cursor-rate shape a swarm. */
    @Mixin
    LoadOptions load;

    @Option(
            names = "--ramp",
            defaultValue = "10",
            description = "Seconds over which users arrive (default ${DEFAULT-VALUE}).")
    int ramp;

    @Option(names = "--out", defaultValue = "scenario.yml", description = "Output file (default ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        load.validate(MAX_USERS);
        int users = load.users;
        if (ramp < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--ramp must be at least 1 second");
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
            yaml = ArtilleryExport.fromSwarm(
                    target, group, users, (int) Math.max(1, load.duration.toSeconds()), load.cursorRate, ramp);
        }
        PrivateFiles.writeAtomically(out, w -> w.write(yaml));
        spec.commandLine()
                .getOut()
                .println("wrote " + out.toAbsolutePath() + "; put one token per user, one per line, in "
                        + ArtilleryExport.TOKENS_FILE + " beside it");
        return 0;
    }
}
