package io.studycollab.realtime.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.studycollab.realtime.client.netty.NettyWebSockets;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.Test;

/** The shared websocket factory's edges (its traffic is proven by the swarm and interop tests). */
class NettyWebSocketsTest {

    @Test
    void aRefusedConnectionFailsOnceAndCloseStopsTheThreads() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there now
        }
        List<String> heard = new CopyOnWriteArrayList<>();
        try (NettyWebSockets factory = new NettyWebSockets(1, Duration.ofSeconds(5))) {
            WebSocket ws = factory.newWebSocket(
                    new Request.Builder()
                            .url("ws://127.0.0.1:" + port + "/socket.io/")
                            .build(),
                    new WebSocketListener() {
                        @Override
                        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                            heard.add("failure");
                        }

                        @Override
                        public void onClosed(WebSocket webSocket, int code, String reason) {
                            heard.add("closed");
                        }
                    });
            await().atMost(Duration.ofSeconds(10)).until(() -> !heard.isEmpty());
            assertEquals(false, ws.send("2"), "nothing is sent on a failed socket");
            ws.cancel();
        }
        assertEquals(List.of("failure"), heard);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.isAlive() && t.getName().startsWith("swarm-ws")));
    }
}
