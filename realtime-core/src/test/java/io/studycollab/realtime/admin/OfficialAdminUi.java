package io.studycollab.realtime.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.testing.NodeProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The official Socket.IO Admin UI (the bundle in {@code @socket.io/admin-ui}'s {@code ui/dist}) in
 * headless Chromium, driven by {@code src/interop/admin-ui-check.js}: what its Sockets and Rooms
 * pages show, compared with our admin client's snapshot of the same server.
 */
public final class OfficialAdminUi {

    public static final Path CHROMIUM = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));

    private OfficialAdminUi() {}

    /** Rows of the UI's tables: each a list of cell texts. */
    public record Pages(List<List<String>> sockets, List<List<String>> rooms) {}

    public static Pages open(String url, String username, String password, int expectSockets, Path screenshot)
            throws Exception {
        assertTrue(
                Files.isExecutable(CHROMIUM),
                "Chromium is needed at " + CHROMIUM + " (apt-get install chromium; .ci/run installs it)");
        List<String> cmd = new ArrayList<>(List.of(
                "node",
                "admin-ui-check.js",
                "--url",
                url,
                "--expect-sockets",
                String.valueOf(expectSockets),
                "--chromium",
                CHROMIUM.toString(),
                "--timeout-ms",
                "45000"));
        if (username != null) {
            cmd.add("--username");
            cmd.add(username);
        }
        if (screenshot != null) {
            cmd.add("--screenshot");
            cmd.add(screenshot.toString());
        }
        ProcessBuilder pb =
                new ProcessBuilder(cmd).directory(NodeProcess.interopDir().toFile());
        if (password != null) {
            pb.environment().put("STUDYCOLLAB_ADMIN_PASSWORD", password);
        }
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("admin-ui-check.js did not finish in 120 s");
        }
        assertEquals(0, p.exitValue(), "admin-ui-check.js: " + err.get(5, TimeUnit.SECONDS));
        JsonNode doc = ProtocolCodec.parse(out.trim());
        return new Pages(rows(doc.get("sockets")), rows(doc.get("rooms")));
    }

    /** Every socket of namespace / and every shared room with its member count, as the UI shows them. */
    public static void assertSameAs(AdminSnapshot snapshot, Pages ui) {
        List<AdminSocket> sockets = snapshot.sockets().stream()
                .filter(s -> s.namespace().equals("/"))
                .toList();
        assertTrue(!sockets.isEmpty(), "nothing to compare");
        for (AdminSocket s : sockets) {
            assertTrue(
                    ui.sockets().stream().anyMatch(row -> row.get(0).equals(s.id())),
                    "socket " + s.id() + " not in the Admin UI's list " + ui.sockets());
        }
        long uiSocketRows = ui.sockets().stream()
                .filter(row -> row.size() >= 3 && sockets.stream().anyMatch(s -> s.id().equals(row.get(0))))
                .count();
        assertEquals(sockets.size(), uiSocketRows, "the same number of sockets");
        for (AdminRoom r : snapshot.rooms()) {
            if (r.namespace().equals("/") && !r.privateRoom()) {
                assertTrue(
                        ui.rooms().stream()
                                .anyMatch(row -> row.get(0).equals(r.name())
                                        && row.contains(
                                                String.valueOf(r.socketIds().size()))),
                        "room " + r.name() + " with " + r.socketIds().size() + " sockets not in " + ui.rooms());
            }
        }
    }

    private static List<List<String>> rows(JsonNode n) {
        List<List<String>> out = new ArrayList<>();
        for (JsonNode row : n) {
            List<String> cells = new ArrayList<>();
            row.forEach(c -> cells.add(c.asText()));
            out.add(cells);
        }
        return out;
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
