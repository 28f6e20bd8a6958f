package io.studycollab.realtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Node conformance suite ({@code src/interop/conformance.js}, official socket.io-client 4) run
 * against a server: the one way the server, proxy and reference-server tests start it.
 */
public final class ConformanceSuite {

    /** The service key and inactivity the servers under test are started with. */
    public static final String SERVICE_KEY = "conformance-service-key";

    public static final int INACTIVITY_MS = 1500;

    private ConformanceSuite() {}

    /** Runs the suite against {@code url} (tokens signed with {@link TestTokens#SECRET}) and prints its output. */
    public static NodeProcess.Result run(String url) throws Exception {
        NodeProcess.Result r = NodeProcess.run(
                NodeProcess.interopDir(),
                240,
                "node",
                "conformance.js",
                "--url",
                url,
                "--secret",
                TestTokens.SECRET,
                "--service-key",
                SERVICE_KEY,
                "--inactivity-ms",
                String.valueOf(INACTIVITY_MS));
        System.out.println(r.output());
        return r;
    }

    public static void assertAllPassed(NodeProcess.Result r) {
        assertTrue(r.output().contains(" passed, 0 failed"), r.output());
        assertEquals(0, r.exitCode(), r.output());
    }
}
