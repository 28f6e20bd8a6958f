package io.studycollab.realtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Node.js script from src/interop run as a child process: started on a free loopback port, its
 * first stdout line ({"listening":PORT,...}) read, and killed by {@link #close()}. The script
 * exits by itself when our end of its stdin closes, so a dead test JVM leaves nothing behind.
 */
public final class NodeProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final JsonNode announcement;

    private NodeProcess(Process process, int port, JsonNode announcement) {
        this.process = process;
        this.port = port;
        this.announcement = announcement;
    }

    public static Path interopDir() {
        String prop = System.getProperty("interop.dir");
        if (prop != null && Files.isDirectory(Paths.get(prop))) {
            return Paths.get(prop);
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("src/interop");
            if (Files.isRegularFile(candidate.resolve("server.js"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("src/interop not found; run from the project");
    }

    public static NodeProcess start(String script, String... args) throws IOException {
        return start(Map.of(), script, args);
    }

    /** Like {@link #start(String, String...)} with extra environment variables (secrets go there, not in args). */
    public static NodeProcess start(Map<String, String> env, String script, String... args) throws IOException {
        Path dir = interopDir();
        if (!Files.isDirectory(dir.resolve("node_modules"))) {
            throw new IllegalStateException("run `npm ci` in " + dir + " first (.ci/run does)");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add("node");
        cmd.add(script);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        StringBuilder err = new StringBuilder();
        Thread errPump = new Thread(
                () -> {
                    try (BufferedReader r =
                            new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            synchronized (err) {
                                err.append(line).append('\n');
                            }
                        }
                    } catch (IOException ignored) {
                        // process ended
                    }
                },
                "node-stderr");
        errPump.setDaemon(true);
        errPump.start();
        String line;
        try {
            line = first.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IOException("node " + script + " did not start: " + err, e);
        }
        if (line == null) {
            p.destroyForcibly();
            throw new IOException("node " + script + " exited: " + err);
        }
        // Keep draining stdout so the child never blocks on a full pipe.
        Thread outPump = new Thread(
                () -> {
                    try {
                        while (out.readLine() != null) {
                            // discard
                        }
                    } catch (IOException ignored) {
                        // process ended
                    }
                },
                "node-stdout");
        outPump.setDaemon(true);
        outPump.start();
        JsonNode json = ProtocolCodec.parse(line);
        return new NodeProcess(p, json.path("listening").asInt(), json);
    }

    /** The script's first stdout line (its port and whatever else it announced). */
    public JsonNode announcement() {
        return announcement;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process at once (like a crash) and waits for it to be gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a script to completion and returns its exit code and output. */
    public static Result run(Path dir, long timeoutSeconds, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
            return new Result(-1, output.getNow("") + "\n[timed out after " + timeoutSeconds + " s]");
        }
        return new Result(p.exitValue(), output.join());
    }

    public record Result(int exitCode, String output) {}

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
