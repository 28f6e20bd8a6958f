package io.studycollab.debugger.server;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.debugger.cli.RootCommand;
import io.studycollab.debugger.cli.options.SecretInput;
import io.studycollab.realtime.admin.AdminRoom;
import io.studycollab.realtime.admin.AdminSocket;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import picocli.CommandLine;

/** What the Server tab tests share: FX-thread reads, waits, and {@code inspect --json} as the reference. */
final class ServerTabFixture {

    private ServerTabFixture() {}

    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void waitFor(String what, long seconds, Callable<Boolean> condition) {
        await(what)
                .atMost(Duration.ofSeconds(seconds))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> fx(condition));
    }

    /** One {@code inspect --json} run (password on stdin when given): the document it printed. */
    static JsonNode inspect(String url, String user, String password) {
        String stdin = password == null ? "" : password + "\n";
        CommandLine cl = RootCommand.commandLine(
                new SecretInput(Map.of(), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = user == null
                ? cl.execute("inspect", "--url", url, "--json")
                : cl.execute("inspect", "--url", url, "--json", "--username", user, "--password-stdin");
        if (code != 0) {
            throw new AssertionError("inspect exited " + code + ": " + err);
        }
        try {
            return ProtocolCodec.parse(out.toString());
        } catch (java.io.IOException e) {
            throw new AssertionError("inspect printed no JSON: " + out, e);
        }
    }

    /** Socket id → its shared rooms, for namespace {@code nsp}, as inspect printed them. */
    static Map<String, TreeSet<String>> socketsOf(JsonNode doc, String nsp) {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        for (JsonNode s : doc.get("sockets")) {
            if (s.get("nsp").asText().equals(nsp)) {
                TreeSet<String> rooms = new TreeSet<>();
                s.get("rooms").forEach(r -> rooms.add(r.asText()));
                rooms.remove(s.get("id").asText());
                out.put(s.get("id").asText(), rooms);
            }
        }
        return out;
    }

    /** Room name → member count, shared rooms of {@code nsp}, as inspect printed them. */
    static Map<String, Integer> roomsOf(JsonNode doc, String nsp) {
        Map<String, Integer> out = new TreeMap<>();
        for (JsonNode r : doc.get("rooms")) {
            if (r.get("nsp").asText().equals(nsp) && !r.get("private").asBoolean()) {
                out.put(r.get("name").asText(), r.get("members").asInt());
            }
        }
        return out;
    }

    /** The same, read from the tab's sockets table. */
    @SuppressWarnings("unchecked")
    static Map<String, TreeSet<String>> socketsShown(FxRobot robot, String nsp) {
        return fx(() -> {
            Map<String, TreeSet<String>> out = new TreeMap<>();
            for (AdminSocket s : (Iterable<AdminSocket>)
                    robot.lookup("#adminSockets").queryAs(TableView.class).getItems()) {
                if (s.namespace().equals(nsp)) {
                    out.put(s.id(), new TreeSet<>(s.sharedRooms()));
                }
            }
            return out;
        });
    }

    /** The same, read from the tab's rooms table. */
    @SuppressWarnings("unchecked")
    static Map<String, Integer> roomsShown(FxRobot robot, String nsp) {
        return fx(() -> {
            Map<String, Integer> out = new TreeMap<>();
            for (AdminRoom r : (Iterable<AdminRoom>)
                    robot.lookup("#adminRooms").queryAs(TableView.class).getItems()) {
                if (r.namespace().equals(nsp)) {
                    out.put(r.name(), r.socketIds().size());
                }
            }
            return out;
        });
    }
}
