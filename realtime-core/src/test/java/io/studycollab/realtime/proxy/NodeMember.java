package io.studycollab.realtime.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.testing.NodeProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** A member on the official socket.io-client (src/interop/member.js), driven over its stdin. */
final class NodeMember implements AutoCloseable {

    private final Process process;
    private final OutputStream in;
    private final List<JsonNode> lines = new CopyOnWriteArrayList<>();
    private int nextId;

    private NodeMember(Process process) {
        this.process = process;
        this.in = process.getOutputStream();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            try {
                                lines.add(ProtocolCodec.parse(line));
                            } catch (IOException e) {
                                // not a protocol line
                            }
                        }
                    } catch (IOException ignored) {
                        // process ended
                    }
                },
                "node-member-out");
        reader.setDaemon(true);
        reader.start();
    }

    static NodeMember connect(String url, String token, String transport) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("node", "member.js", "--url", url, "--transport", transport)
                .directory(NodeProcess.interopDir().toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("MEMBER_TOKEN", token);
        NodeMember m = new NodeMember(pb.start());
        m.await("connected", l -> l.path("type").asText().equals("connected"));
        return m;
    }

    String userId() {
        return first(l -> l.path("type").asText().equals("connected"))
                .path("userId")
                .asText();
    }

    /** Emits; returns the id its ack line will carry (when {@code ack}). */
    synchronized int emit(String event, JsonNode arg, boolean ack) {
        ObjectNode c = ProtocolCodec.object();
        c.put("cmd", "emit");
        c.put("event", event);
        c.putArray("args").add(arg);
        c.put("ack", ack);
        c.put("id", ++nextId);
        try {
            in.write((ProtocolCodec.write(c) + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new IllegalStateException("member gone", e);
        }
        return nextId;
    }

    JsonNode ackOf(int id) {
        return await(
                "ack " + id,
                l -> l.path("type").asText().equals("ack") && l.path("id").asInt() == id);
    }

    List<JsonNode> events(String name) {
        return lines.stream()
                .filter(l -> l.path("type").asText().equals("event")
                        && l.path("event").asText().equals(name))
                .toList();
    }

    JsonNode await(String what, Predicate<JsonNode> p) {
        // A Node process starting and connecting took over 15 s on a 2-core machine at load 25;
        // a passing run waits no longer than it needs.
        Awaitility.await(what)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> first(p) != null);
        return first(p);
    }

    JsonNode first(Predicate<JsonNode> p) {
        return lines.stream().filter(p).findFirst().orElse(null);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
