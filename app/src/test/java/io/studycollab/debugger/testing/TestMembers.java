package io.studycollab.debugger.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Members for tests against a server: a client with its own hub, connected and in a group. */
public final class TestMembers {

    private TestMembers() {}

    /** Connects {@code sub} to {@code url} and joins {@code group}; the client and its hub go into {@code owned}. */
    public static RealtimeClient member(
            String url, Clock clock, List<AutoCloseable> owned, String sub, String name, String group)
            throws Exception {
        EventHub hub = new EventHub("hub-" + sub);
        RealtimeClient c = new RealtimeClient(hub, clock, ClientOptions.defaults());
        owned.add(hub);
        owned.add(c);
        c.connect(url, TestTokens.token(sub, name, 3600));
        await(sub + " connected").atMost(Duration.ofSeconds(15)).until(() -> c.state() == ConnectionState.CONNECTED);
        assertTrue(c.joinGroup(group).get(10, TimeUnit.SECONDS).ok());
        return c;
    }
}
