package io.studycollab.debugger.cli;

import io.studycollab.debugger.cli.options.BudgetOptions;
import io.studycollab.debugger.cli.options.Durations;
import io.studycollab.debugger.cli.options.JwtSecretOption;
import io.studycollab.debugger.cli.options.SecretInput;
import io.studycollab.debugger.cli.options.Secrets;
import io.studycollab.debugger.sandbox.Sandbox;
import io.studycollab.realtime.server.ConnectionLimits;
import io.studycollab.realtime.server.ServerConfig;
import io.studycollab.realtime.server.admin.AdminConfig;
import io.studycollab.realtime.server.auth.Hs256;
import io.studycollab.realtime.server.auth.JwksVerifier;
import io.studycollab.realtime.server.auth.SupabaseKeys;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run a StudyCollab realtime server (Socket.IO + HTTP test API) until stopped.")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BudgetOptions budgets;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--port",
            defaultValue = "3000",
            description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--jwt-secret",
            paramLabel = "SECRET",
            description = "HS256 secret, or - for stdin (default: $SUPABASE_JWT_SECRET, else generated).")
    String jwtSecretValue;

    @Option(names = "--jwt-secret-file", paramLabel = "FILE", description = "Read the HS256 secret from FILE.")
    Path jwtSecretFile;

    @Option(
            names = "--allow-weak-secret",
            description = "Accept a JWT secret under 32 bytes (256 bits), as servers on jsonwebtoken do;"
                    + " for testing only: such a secret can be brute-forced.")
    boolean allowWeakSecret;

    @Option(
            names = "--handshake-timeout",
            paramLabel = "DURATION",
            defaultValue = "10s",
            converter = Durations.class,
            description = "Close a connection that has not completed the Socket.IO handshake (an accepted"
                    + " CONNECT) by then, e.g. 10s, 1m (default ${DEFAULT-VALUE}; socket.io's connectTimeout).")
    Duration handshakeTimeout;

    @Option(
            names = "--service-key",
            paramLabel = "KEY",
            description = "Service-role key for the HTTP API, or - for stdin"
                    + " (default: $SUPABASE_SERVICE_ROLE_KEY, else generated).")
    String serviceKeyValue;

    @Option(names = "--service-key-file", paramLabel = "FILE", description = "Read the service-role key from FILE.")
    Path serviceKeyFile;

    @Option(
            names = "--groups-policy",
            defaultValue = "open",
            description = "open or claims (default ${DEFAULT-VALUE}).")
    String groupsPolicy;

    @Option(
            names = "--supabase-url",
            defaultValue = "${env:SUPABASE_URL}",
            description = "Also accept this Supabase project's ES256/RS256 tokens, verified against its JWKS "
                    + "(default: $SUPABASE_URL).")
    String supabaseUrl;

    @Option(
            names = "--jwks-url",
            description = "Where the signing keys are (default: <supabase-url>/auth/v1/.well-known/jwks.json).")
    String jwksUrl;

    @Option(
            names = "--secret-key",
            paramLabel = "KEY",
            description = "A Supabase secret key (sb_secret_…) the HTTP API accepts besides the service-role key,"
                    + " or - for stdin (default: $SUPABASE_SECRET_KEY).")
    String secretKeyValue;

    @Option(names = "--secret-key-file", paramLabel = "FILE", description = "Read the sb_secret_ key from FILE.")
    Path secretKeyFile;

    @Option(names = "--bots", defaultValue = "0", description = "Simulated users to run (default ${DEFAULT-VALUE}).")
    int bots;

    @Option(
            names = "--bot-group",
            defaultValue = "demo",
            description = "Group the bots join (default ${DEFAULT-VALUE}).")
    String botGroup;

    @Option(
            names = "--admin",
            description = "Serve the Socket.IO admin namespace (official Admin UI, `inspect`); off by default.")
    boolean admin;

    @Option(names = "--admin-user", description = "Basic-auth user of the admin namespace (default: no auth).")
    String adminUser;

    @Option(
            names = "--admin-password-file",
            description = "File holding the admin password, - for stdin (else $STUDYCOLLAB_ADMIN_PASSWORD).")
    Path adminPasswordFile;

    @Option(
            names = "--admin-namespace",
            defaultValue = "/admin",
            description = "Admin namespace (default ${DEFAULT-VALUE}).")
    String adminNamespace;

    @Option(
            names = "--admin-allow-remote",
            description = "Admit admins from other hosts too (default: loopback only, whatever --host is).")
    boolean adminAllowRemote;

    @Option(names = "--admin-readonly", description = "No disconnect, join or leave actions.")
    boolean adminReadonly;

    @Option(
            names = "--admin-mode",
            defaultValue = "development",
            description =
                    "development (every socket, room and event) or production (stats only); default ${DEFAULT-VALUE}.")
    String adminMode;

    @Override
    public Integer call() throws Exception {
        AdminConfig adminConfig = adminConfig();
        ServerConfig.GroupsPolicy policy;
        try {
            policy = ServerConfig.GroupsPolicy.valueOf(groupsPolicy.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--groups-policy must be open or claims");
        }
        if (bots < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bots must be 0 or more");
        }
        ConnectionLimits limits = budgets.limits(ConnectionLimits.defaults());
        SecretInput secrets = Secrets.of(spec);
        String jwtSecret = secrets.resolve(spec, "--jwt-secret", jwtSecretValue, jwtSecretFile, JwtSecretOption.ENV);
        String serviceKey =
                secrets.resolve(spec, "--service-key", serviceKeyValue, serviceKeyFile, "SUPABASE_SERVICE_ROLE_KEY");
        String secretKey = secrets.resolve(spec, "--secret-key", secretKeyValue, secretKeyFile, "SUPABASE_SECRET_KEY");
        if (jwksUrl != null && (supabaseUrl == null || supabaseUrl.isBlank())) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--jwks-url needs --supabase-url (the tokens' issuer is <url>/auth/v1)");
        }
        Sandbox sandbox;
        try {
            JwksVerifier jwks = supabaseUrl == null || supabaseUrl.isBlank()
                    ? null
                    : JwksVerifier.forProject(supabaseUrl, jwksUrl, System::currentTimeMillis);
            String secret = secretKey == null || secretKey.isBlank() ? null : secretKey.trim();
            sandbox = Sandbox.start(
                    host,
                    port,
                    jwtSecret,
                    serviceKey,
                    policy,
                    bots,
                    botGroup,
                    new SupabaseKeys(jwks, secret),
                    adminConfig,
                    limits.withHandshakeTimeout(handshakeTimeout),
                    allowWeakSecret);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (jwtSecret != null && ServerConfig.isWeakSecret(jwtSecret)) {
            spec.commandLine().getErr().println(Hs256.weakSecretWarning(jwtSecret));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stopped.countDown();
                            try {
                                closed.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "serve-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder line = new StringBuilder("StudyCollab server listening on ")
                .append(sandbox.url())
                .append(" (Socket.IO path /socket.io, HTTP API /api/realtime/test");
        if (bots > 0) {
            line.append(", ").append(bots).append(" bots in ").append(botGroup);
        }
        if (supabaseUrl != null && !supabaseUrl.isBlank()) {
            line.append(", Supabase tokens from ").append(supabaseUrl.trim().replaceAll("/+$", ""));
        }
        if (adminConfig.enabled()) {
            line.append(", admin namespace ")
                    .append(adminConfig.namespace())
                    .append(adminConfig.username() == null ? " without auth" : " with basic auth")
                    .append(adminConfig.allowRemote() ? "" : ", loopback only");
        }
        line.append(')');
        if (sandbox.secretGenerated() && (supabaseUrl == null || supabaseUrl.isBlank())) {
            line.append(" dev token: ")
                    .append(sandbox.mint("dev-user", "Developer", Duration.ofHours(12))
                            .reveal());
        }
        if (sandbox.serviceKeyGenerated()) {
            line.append(" service key: ").append(sandbox.serviceKey());
        }
        out.println(line);
        out.flush();
        try {
            stopped.await();
        } finally {
            sandbox.close();
            closed.countDown();
        }
        return 0;
    }

    private AdminConfig adminConfig() {
        boolean anyAdminFlag = adminUser != null
                || adminPasswordFile != null
                || adminAllowRemote
                || adminReadonly
                || !"/admin".equals(adminNamespace)
                || !"development".equals(adminMode);
        if (!admin) {
            if (anyAdminFlag) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--admin-* options need --admin");
            }
            return AdminConfig.OFF;
        }
        if (!adminMode.equals("development") && !adminMode.equals("production")) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--admin-mode must be development or production");
        }
        AdminConfig c;
        try {
            c = AdminConfig.open()
                    .withNamespace(adminNamespace)
                    .withAllowRemote(adminAllowRemote)
                    .withReadonly(adminReadonly)
                    .withDevelopment(adminMode.equals("development"));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--admin-namespace: " + e.getMessage());
        }
        if (adminUser == null) {
            if (adminPasswordFile != null) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--admin-password-file needs --admin-user");
            }
            return c;
        }
        String password = Secrets.of(spec)
                .resolve(spec, "--admin-password", null, adminPasswordFile, "STUDYCOLLAB_ADMIN_PASSWORD");
        if (password == null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--admin-user needs a password: --admin-password-file FILE (- for stdin) or"
                            + " $STUDYCOLLAB_ADMIN_PASSWORD");
        }
        return c.withCredentials(adminUser, password);
    }
}
