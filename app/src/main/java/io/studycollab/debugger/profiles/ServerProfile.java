package io.studycollab.debugger.profiles;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.studycollab.realtime.client.ConnectTarget;
import io.studycollab.realtime.client.Transport;
import java.util.List;
import java.util.Map;

/**
 * A server the user connects to. {@code token} and {@code jwtSecret} are kept only when the user
 * asked for it ({@code storeSecrets}); {@code sandbox} marks the built-in embedded server. A
 * "Supabase project" profile has {@code supabase} set: its token comes from signing in there.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServerProfile(
        String name,
        String url,
        String path,
        List<String> transports,
        Map<String, String> headers,
        String token,
        String jwtSecret,
        String mintSub,
        String mintName,
        boolean storeSecrets,
        boolean sandbox,
        SupabaseLogin supabase) {

    public static final String SANDBOX_NAME = "Embedded sandbox";

    /** Whether the token comes from signing in to a Supabase project. */
    public boolean usesSupabase() {
        return supabase != null;
    }

    public static ServerProfile embeddedSandbox() {
        return new ServerProfile(
                SANDBOX_NAME,
                null,
                "/socket.io",
                List.of("websocket", "polling"),
                Map.of(),
                null,
                null,
                "local-user",
                "You",
                false,
                true,
                null);
    }

    public ConnectTarget target() {
        return new ConnectTarget(
                path,
                transports == null
                        ? null
                        : transports.stream().map(Transport::parse).toList(),
                headers);
    }

    /** What is written to disk: secrets only when the user asked. */
    public ServerProfile forStorage() {
        return storeSecrets
                ? this
                : new ServerProfile(
                        name, url, path, transports, headers, null, null, mintSub, mintName, false, sandbox, supabase);
    }

    @Override
    public String toString() {
        return name;
    }
}
