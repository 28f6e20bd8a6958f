package io.studycollab.debugger.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.studycollab.realtime.server.ConnectionLimits;
import io.studycollab.realtime.server.ServerConfig;
import io.studycollab.realtime.server.admin.AdminConfig;
import io.studycollab.realtime.server.auth.SupabaseKeys;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The sandbox started beside the window: handed over once, its failure kept, closed when nobody took it. */
class SandboxBootTest {

    private static Sandbox noBots() throws IOException {
        return Sandbox.start(
                "127.0.0.1",
                0,
                null,
                null,
                ServerConfig.GroupsPolicy.OPEN,
                0,
                "demo",
                SupabaseKeys.NONE,
                AdminConfig.OFF,
                ConnectionLimits.defaults(),
                false);
    }

    private static boolean accepting(Sandbox s) {
        URI u = URI.create(s.url());
        try (Socket ignored = new Socket(u.getHost(), u.getPort())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aStartThatFailedThrowsItsOwnErrorFromTake() {
        IOException cause = new IOException("port in use");
        try (SandboxBoot boot = SandboxBoot.begin(() -> {
            throw cause;
        })) {
            assertSame(cause, assertThrows(IOException.class, boot::take));
        }
    }

    @Test
    void theTakerOwnsItAndOnlyOneTakes() throws Exception {
        Sandbox taken;
        try (SandboxBoot boot = SandboxBoot.begin(SandboxBootTest::noBots)) {
            taken = boot.take();
            assertThrows(IllegalStateException.class, boot::take);
        }
        try {
            assertEquals(true, accepting(taken), "closing the boot leaves a taken sandbox running");
        } finally {
            taken.close();
        }
    }

    @Test
    void oneNobodyTookIsClosedWithTheBoot() throws Exception {
        Sandbox[] started = new Sandbox[1];
        SandboxBoot boot = SandboxBoot.begin(() -> started[0] = noBots());
        boot.close(); // waits for the start, then closes what it made
        assertEquals(false, accepting(started[0]), "the untaken sandbox is stopped");
        assertThrows(IllegalStateException.class, boot::take);
    }
}
