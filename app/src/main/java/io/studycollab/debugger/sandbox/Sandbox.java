package io.studycollab.debugger.sandbox;

import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.server.ConnectionLimits;
import io.studycollab.realtime.server.ServerConfig;
import io.studycollab.realtime.server.StudyCollabServer;
import io.studycollab.realtime.server.admin.AdminConfig;
import io.studycollab.realtime.server.auth.SupabaseKeys;
import io.studycollab.realtime.server.auth.TokenMinter;
import io.studycollab.realtime.server.bots.SandboxBots;
import java.io.IOException;
import java.time.Duration;

/**
 * A StudyCollab server with bots, as the window and {@code serve} start it. Generates the JWT
 * secret and service key when none is given, so it works with nothing configured.
 */
public final class Sandbox implements AutoCloseable {

    /** The group the sandbox's bots are in and the window joins first. */
    public static final String DEMO_GROUP = "demo";
    /** How many bots the window's sandbox starts. */
    public static final int BOTS = 3;

    private final StudyCollabServer server;
    private final SandboxBots bots;
    private final TokenMinter minter;
    private final boolean secretGenerated;
    private final boolean keyGenerated;

    private Sandbox(
            StudyCollabServer server,
            SandboxBots bots,
            TokenMinter minter,
            boolean secretGenerated,
            boolean keyGenerated) {
        this.server = server;
        this.bots = bots;
        this.minter = minter;
        this.secretGenerated = secretGenerated;
        this.keyGenerated = keyGenerated;
    }

    /**
     * The window's sandbox: loopback, a free port, generated secrets, open groups, {@link #BOTS} bots in
     * {@link #DEMO_GROUP}, and its admin namespace open (loopback-only, read-only for the Server tab
     * unless asked), so the Server tab works at once.
     */
    public static Sandbox startForWindow() throws IOException {
        return start(
                "127.0.0.1",
                0,
                null,
                null,
                ServerConfig.GroupsPolicy.OPEN,
                BOTS,
                DEMO_GROUP,
                SupabaseKeys.NONE,
                AdminConfig.open(),
                ConnectionLimits.defaults(),
                false);
    }

    /**
     * A sandbox as {@code serve} starts it. Null secret or key: a random one is made up. It verifies a
     * Supabase project's asymmetric tokens and accepts its secret API key as {@code supabase} says
     * ({@link SupabaseKeys#NONE} for neither), runs the Socket.IO admin namespace as {@code admin}
     * says, with the budgets beyond one socket as {@code limits} says, and accepts a JWT secret under
     * 256 bits only when {@code allowWeakSecret} (else IllegalArgumentException), as
     * {@code serve --allow-weak-secret} does.
     */
    public static Sandbox start(
            String host,
            int port,
            String jwtSecret,
            String serviceKey,
            ServerConfig.GroupsPolicy policy,
            int botCount,
            String botGroup,
            SupabaseKeys supabase,
            AdminConfig admin,
            ConnectionLimits limits,
            boolean allowWeakSecret)
            throws IOException {
        boolean genSecret = jwtSecret == null || jwtSecret.isBlank();
        boolean genKey = serviceKey == null || serviceKey.isBlank();
        ServerConfig config = ServerConfig.defaults(
                        genSecret ? ServerConfig.randomSecret() : jwtSecret,
                        genKey ? ServerConfig.randomSecret() : serviceKey,
                        allowWeakSecret)
                .withHost(host)
                .withPort(port)
                .withGroupsPolicy(policy)
                .withLimits(limits);
        StudyCollabServer server = StudyCollabServer.start(config, supabase, admin);
        TokenMinter minter = new TokenMinter(config.jwtSecret(), config.audience());
        SandboxBots bots = null;
        try {
            bots = botCount > 0 ? SandboxBots.start(server.url(), minter, botGroup, botCount) : null;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return new Sandbox(server, bots, minter, genSecret, genKey);
    }

    public String url() {
        return server.url();
    }

    public StudyCollabServer server() {
        return server;
    }

    public boolean secretGenerated() {
        return secretGenerated;
    }

    public boolean serviceKeyGenerated() {
        return keyGenerated;
    }

    public String serviceKey() {
        return server.config().serviceKey();
    }

    public String jwtSecret() {
        return server.config().jwtSecret();
    }

    public int botCount() {
        return bots == null ? 0 : bots.size();
    }

    public TokenMinter minter() {
        return minter;
    }

    public AccessToken mint(String sub, String name, Duration ttl) {
        return minter.mint(sub, name, null, null, ttl);
    }

    @Override
    public void close() {
        if (bots != null) {
            bots.close();
        }
        server.close();
    }
}
