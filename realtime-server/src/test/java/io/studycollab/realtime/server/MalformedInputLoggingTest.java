package io.studycollab.realtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.studycollab.realtime.server.wire.RawWebSocket;
import io.studycollab.realtime.testing.TestTokens;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Bad input from the network costs the log one DEBUG line per connection at most and never a
 * stack trace (one 4-byte {@code 40[]} used to write ~19 KB at ERROR); /health counts it instead.
 */
class MalformedInputLoggingTest {

    private static final List<String> BAD = List.of(
            "40[]",
            "40\"str\"",
            "4",
            "4x",
            "47",
            "42abc[\"x\"]",
            "42",
            "\u001e\u001e",
            "451x-[\"a\"]",
            "4299999999999999999999[\"heartbeat\",{\"ts\":1}]",
            "9");

    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    private Logger root;
    private Level before;
    private AppenderBase<ILoggingEvent> capture;

    @BeforeEach
    void captureEverything() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        before = root.getLevel();
        capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                events.add(e);
            }
        };
        capture.setContext(logging);
        capture.start();
        root.addAppender(capture);
        root.setLevel(Level.DEBUG);
    }

    @AfterEach
    void restore() {
        root.setLevel(before);
        root.detachAppender(capture);
    }

    @Test
    void malformedHandshakesAreCountedNotLoggedWithStackTraces() throws Exception {
        try (StudyCollabServer server =
                StudyCollabServer.start(ServerConfig.defaults(TestTokens.SECRET, "logging-test-service-key"))) {
            events.clear();
            int connections = 0;
            for (int round = 0; round < 3; round++) {
                for (String bad : BAD) {
                    try (RawWebSocket ws = RawWebSocket.open(server.url())) {
                        connections++;
                        ws.send(bad);
                        // Twice on one connection: still one line. The server may already have
                        // closed after the first, which is as good an answer as any.
                        ws.sendLarge(bad).exceptionally(closedFirst -> null).join();
                        ws.next(Duration.ofMillis(300));
                    }
                }
            }
            long malformed =
                    server.health().path("handshakes").path("malformed").asLong();
            assertTrue(malformed >= connections, "every connection counted: " + server.health());
            List<ILoggingEvent> traces =
                    events.stream().filter(e -> e.getThrowableProxy() != null).toList();
            assertEquals(
                    List.of(),
                    traces.stream().map(ILoggingEvent::getFormattedMessage).toList(),
                    "no stack traces");
            List<String> loud = events.stream()
                    .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
            assertEquals(List.of(), loud, "nothing above DEBUG/INFO for bad input");
            long ours = events.stream()
                    .filter(e -> e.getFormattedMessage().contains("malformed input from"))
                    .count();
            assertTrue(ours <= connections, ours + " lines for " + connections + " connections");
            long bytes = events.stream()
                    .mapToLong(e -> e.getFormattedMessage().length())
                    .sum();
            assertTrue(bytes / connections < 2_000, "log bytes per bad connection: " + bytes / connections);
        }
    }

    @Test
    void peersHangingUpMidMessageCostNoWarning() throws Exception {
        try (StudyCollabServer server =
                StudyCollabServer.start(ServerConfig.defaults(TestTokens.SECRET, "logging-test-service-key"))) {
            events.clear();
            for (int i = 0; i < 5; i++) {
                // A websocket message over the limit in fragments: refused (1009) with a part held.
                try (RawWebSocket ws = RawWebSocket.open(server.url())) {
                    String part = "x".repeat(40 * 1024);
                    ws.sendFragments("42[\"event:emit\",\"" + part, part, part + "\"]");
                    assertEquals(1009, ws.closeCode());
                }
                // An HTTP body announced and never finished.
                try (Socket s = new Socket("127.0.0.1", server.port())) {
                    s.getOutputStream()
                            .write(("POST /api/realtime/test HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n"
                                            + "{\"event\":")
                                    .getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                }
            }
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> server.health().path("status").asText().equals("ok"));
            List<String> loud = events.stream()
                    .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN) || e.getThrowableProxy() != null)
                    .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage())
                    .toList();
            assertEquals(List.of(), loud, "a hang-up mid-message is not worth a warning or a stack trace");
        }
    }
}
