package io.studycollab.realtime.server.bots;

import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.protocol.Payloads;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.server.auth.TokenMinter;
import io.studycollab.realtime.time.Clock;
import io.studycollab.realtime.time.SystemClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * Simulated users for the sandbox: real Socket.IO connections through realtime-core's client,
 * each with its own minted token, moving, switching tools, idling and chatting so a group looks
 * alive. Owns its clients, their HTTP client, a hub and a timer thread; {@link #close()} stops all.
 */
public final class SandboxBots implements AutoCloseable {

    public static final List<String> NAMES = List.of(
            "Ada Lovelace",
            "Grace Hopper",
            "Alan Turing",
            "Katherine Johnson",
            "Margaret Hamilton",
            "Linus Torvalds",
            "Barbara Liskov",
            "Dennis Ritchie",
            "Radia Perlman",
            "Edsger Dijkstra",
            "Frances Allen",
            "Ken Thompson");
    private static final long TICK_MS = 50;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SandboxBots.class);

    private final SystemClock clock = new SystemClock("sandbox-bots");
    private final EventHub hub = new EventHub("sandbox-bots-hub");
    private final OkHttpClient http = RealtimeClient.newHttpClient();
    private final List<Bot> bots = new ArrayList<>();
    private volatile boolean closed;

    private final class Bot {
        final RealtimeClient client;
        final BotBehaviour behaviour;
        final String group;
        boolean joined;

        Bot(RealtimeClient client, BotBehaviour behaviour, String group) {
            this.client = client;
            this.behaviour = behaviour;
            this.group = group;
        }

        void tick() {
            if (client.state() != ConnectionState.CONNECTED) {
                return;
            }
            if (!joined) {
                joined = true;
                client.joinGroup(group);
            }
            BotBehaviour.Step step = behaviour.tick(TICK_MS);
            if (step.active() != null) {
                client.updatePresence(new Payloads.PresenceUpdate(step.active(), null, null));
            }
            if (step.cursor() != null) {
                client.updateCursor(step.cursor()[0], step.cursor()[1]);
            }
            if (step.tool() != null) {
                client.changeTool(step.tool());
            }
            if (step.customEvent() != null) {
                client.emit(step.customEvent(), ProtocolCodec.object().put("text", step.customText()), false);
            }
        }
    }

    private SandboxBots() {}

    /** Connects {@code count} bots to {@code url} and has them join {@code group}. */
    public static SandboxBots start(String url, TokenMinter minter, String group, int count) {
        SandboxBots bots = new SandboxBots();
        ClientOptions options = ClientOptions.defaults().withHttpClient(bots.http);
        for (int i = 0; i < count; i++) {
            String name = NAMES.get(i % NAMES.size()) + (i >= NAMES.size() ? " " + (i / NAMES.size() + 1) : "");
            RealtimeClient client = new RealtimeClient(bots.hub, bots.clock, options);
            Bot bot = bots.new Bot(client, new BotBehaviour(1000L + i), group);
            bots.bots.add(bot);
            client.connect(url, minter.mint("bot-" + (i + 1), name, null, null, Duration.ofDays(1)));
        }
        bots.schedule();
        return bots;
    }

    public int size() {
        return bots.size();
    }

    /** Bots connected right now. */
    public long connected() {
        return bots.stream()
                .filter(b -> b.client.state() == ConnectionState.CONNECTED)
                .count();
    }

    private void schedule() {
        if (closed) {
            return;
        }
        clock.schedule(Duration.ofMillis(TICK_MS), () -> {
            for (Bot b : bots) {
                try {
                    b.tick();
                } catch (RuntimeException e) {
                    // one misbehaving bot must not stop the others
                    LOG.warn("bot tick failed", e);
                }
            }
            schedule();
        });
    }

    Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        closed = true;
        clock.close();
        for (Bot b : bots) {
            b.client.close();
        }
        hub.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
