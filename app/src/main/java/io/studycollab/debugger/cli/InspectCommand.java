package io.studycollab.debugger.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.debugger.cli.options.Durations;
import io.studycollab.debugger.cli.options.SecretInput;
import io.studycollab.debugger.cli.options.Secrets;
import io.studycollab.realtime.admin.AdminChange;
import io.studycollab.realtime.admin.AdminClient;
import io.studycollab.realtime.admin.AdminOptions;
import io.studycollab.realtime.admin.AdminPassword;
import io.studycollab.realtime.admin.AdminSnapshot;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.time.SystemClock;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = {
            "Print what a server's Socket.IO admin namespace reports (servers, rooms with member counts,",
            "sockets with their rooms) and exit 0; --watch streams every change as JSON lines.",
            "Works with Node servers instrumented with @socket.io/admin-ui and with `serve --admin`."
        })
public final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", required = true, description = "Server URL, e.g. http://127.0.0.1:3000")
    String url;

    @Option(
            names = "--namespace",
            defaultValue = AdminOptions.DEFAULT_NAMESPACE,
            description = "Admin namespace (default ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = "--path", defaultValue = "/socket.io", description = "Socket.IO path (default ${DEFAULT-VALUE}).")
    String path;

    @Option(names = "--username", description = "Basic-auth user of the admin namespace.")
    String username;

    @Option(
            names = "--password-stdin",
            description = "Read the admin password from stdin (else $STUDYCOLLAB_ADMIN_PASSWORD).")
    boolean passwordStdin;

    @Option(names = "--json", description = "One machine-readable JSON document instead of text.")
    boolean json;

    @Option(names = "--watch", description = "Keep running and print every change as a JSON line (Ctrl-C stops).")
    boolean watch;

    @Option(
            names = "--duration",
            converter = Durations.class,
            description = "With --watch: stop after this long (default: until Ctrl-C).")
    Duration duration;

    @Option(
            names = "--timeout",
            defaultValue = "15s",
            converter = Durations.class,
            description = "How long to wait for the first snapshot (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--websocket-only", description = "Connect over WebSocket only (no HTTP long-polling).")
    boolean websocketOnly;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!namespace.startsWith("/")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--namespace must start with /");
        }
        // read-only: inspect never prepares an action
        AdminOptions options = new AdminOptions(namespace, path, null, null, websocketOnly, false);
        if (username != null) {
            options = options.withCredentials(username, password());
        } else if (passwordStdin) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--password-stdin needs --username");
        }
        try (SystemClock clock = new SystemClock("inspect-clock");
                AdminClient admin = new AdminClient(options, clock)) {
            LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
            if (watch) {
                // socket.io's event thread must not block on a slow stdout: lines are queued here.
                admin.onChanges(changes -> {
                    for (AdminChange c : changes) {
                        lines.add(ProtocolCodec.write(c.toJson()));
                    }
                });
            }
            AdminSnapshot first;
            try {
                first = admin.connect(url).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                err.println("error: the admin namespace " + namespace + " at " + url + " refused or failed: "
                        + e.getCause().getMessage());
                return 1;
            } catch (TimeoutException e) {
                err.println("error: no admin snapshot from " + url + namespace + " within " + timeout.toSeconds()
                        + " s (is the server instrumented, with this namespace and path?)");
                return 1;
            }
            if (!watch) {
                if (json) {
                    out.println(ProtocolCodec.write(first.toJson()));
                } else {
                    SnapshotText.print(first, out);
                }
                out.flush();
                return 0;
            }
            lines.clear(); // what led up to the snapshot is in the snapshot
            ObjectNode snap = ProtocolCodec.object().put("type", "snapshot");
            snap.set("snapshot", first.toJson());
            out.println(ProtocolCodec.write(snap));
            out.flush();
            long endNanos = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
            try (StopSignal stop = new StopSignal("inspect-shutdown")) {
                while (System.nanoTime() < endNanos && !stop.await(0)) {
                    String line = lines.poll(200, TimeUnit.MILLISECONDS);
                    if (line != null) {
                        out.println(line);
                        for (String more; (more = lines.poll()) != null; ) {
                            out.println(more);
                        }
                        out.flush();
                    }
                }
            }
            return 0;
        }
    }

    private AdminPassword password() {
        // stdin or the environment, never a command-line argument (ps and shell history show those)
        String pw = Secrets.of(spec)
                .resolve(
                        spec,
                        "--password",
                        passwordStdin ? SecretInput.STDIN : null,
                        null,
                        "STUDYCOLLAB_ADMIN_PASSWORD");
        if (pw == null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--username needs a password: --password-stdin or $STUDYCOLLAB_ADMIN_PASSWORD");
        }
        return AdminPassword.of(pw);
    }
}
