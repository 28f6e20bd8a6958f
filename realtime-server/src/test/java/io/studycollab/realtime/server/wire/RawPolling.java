package io.studycollab.realtime.server.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** An Engine.IO v4 long-polling session driven by hand: POST raw payloads, GET what the server queued. */
public final class RawPolling implements AutoCloseable {

    public static final String SEPARATOR = "\u001e";

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "raw-polling");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder()
            .executor(executor)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private final String sid;

    private RawPolling(String baseUrl) throws Exception {
        String open = get(baseUrl + "/socket.io/?EIO=4&transport=polling");
        if (!open.startsWith("0{")) {
            throw new IllegalStateException("no open packet: " + open);
        }
        JsonNode o = ProtocolCodec.parse(open.substring(1));
        sid = o.get("sid").asText();
        base = baseUrl + "/socket.io/?EIO=4&transport=polling&sid=" + sid;
    }

    public static RawPolling open(String baseUrl) throws Exception {
        return new RawPolling(baseUrl);
    }

    /** POSTs a payload as written (packets joined by {@link #SEPARATOR}); returns the HTTP status. */
    public int post(String payload) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException stale) {
            // netty-socketio closes a polling connection after each response; the client may have
            // picked it from its pool just before noticing. Nothing was read then: send it again.
            return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        }
    }

    /** One long-poll GET: the packets the server had queued (pings answered on the next post). */
    public List<String> poll() throws Exception {
        String body = get(base);
        return new ArrayList<>(Arrays.asList(body.split(SEPARATOR)));
    }

    /** Polls until a packet starting with {@code prefix} arrives (at most {@code rounds} GETs). */
    public String pollFor(String prefix, int rounds) throws Exception {
        for (int i = 0; i < rounds; i++) {
            for (String p : poll()) {
                if (p.startsWith(prefix)) {
                    return p;
                }
                if (p.equals("2")) {
                    post("3");
                }
            }
        }
        return null;
    }

    private String get(String url) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(40))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    @Override
    public void close() {
        try {
            post("1");
        } catch (Exception ignored) {
            // already closed by the server
        }
        executor.shutdownNow();
    }
}
