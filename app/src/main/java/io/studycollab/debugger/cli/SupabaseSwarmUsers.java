package io.studycollab.debugger.cli;

import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.qa.swarm.Swarm;
import io.studycollab.realtime.session.Redactor;
import io.studycollab.realtime.supabase.SupabaseProject;
import io.studycollab.realtime.time.SystemClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The Supabase sessions behind a swarm: the users of a CSV (email,password per line), one
 * anonymous user per virtual user, or one shared user; virtual user {@code i} takes session
 * {@code i mod n}, and every session refreshes itself and moves its connections to each new token.
 */
final class SupabaseSwarmUsers implements AutoCloseable {

    private final List<SupabaseSignIn> sessions;
    private final SystemClock clock;

    private SupabaseSwarmUsers(List<SupabaseSignIn> sessions, SystemClock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    static SupabaseSwarmUsers signIn(
            SupabaseOptions options, Path csv, int virtualUsers, CommandLine cl, PrintWriter err)
            throws SupabaseSignIn.SignInFailed, IOException {
        SupabaseProject project = options.project(cl);
        List<String[]> credentials = new ArrayList<>();
        if (csv != null) {
            credentials.addAll(readCsv(csv));
        } else if (options.anonymous) {
            for (int i = 0; i < virtualUsers; i++) {
                credentials.add(null);
            }
        } else {
            credentials.add(new String[] {options.email, options.password(cl)});
        }
        SystemClock clock = new SystemClock("swarm-auth-clock");
        List<SupabaseSignIn> sessions = new ArrayList<>();
        try {
            for (String[] c : credentials) {
                String who = c == null ? "anonymous user " + (sessions.size() + 1) : c[0];
                try {
                    sessions.add(
                            SupabaseSignIn.signIn(project, c == null ? null : c[0], c == null ? null : c[1], clock));
                } catch (SupabaseSignIn.SignInFailed e) {
                    throw new SupabaseSignIn.SignInFailed(who + ": " + e.getMessage());
                }
            }
        } catch (SupabaseSignIn.SignInFailed | RuntimeException e) {
            sessions.forEach(SupabaseSignIn::close);
            clock.close();
            throw e;
        }
        err.println("signed in " + sessions.size() + " Supabase user" + (sessions.size() == 1 ? "" : "s"));
        err.flush();
        return new SupabaseSwarmUsers(sessions, clock);
    }

    /** email,password per line; a header line "email,password" and blank lines are skipped. */
    static List<String[]> readCsv(Path csv) throws IOException {
        List<String[]> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || lineNo == 1 && t.equalsIgnoreCase("email,password")) {
                continue;
            }
            int comma = t.indexOf(',');
            if (comma <= 0 || comma == t.length() - 1) {
                // The line itself is not shown: it holds a password.
                throw new IOException(csv + " line " + lineNo + " is not email,password");
            }
            out.add(new String[] {t.substring(0, comma).strip(), t.substring(comma + 1)});
        }
        if (out.isEmpty()) {
            throw new IOException(csv + " holds no email,password lines");
        }
        return out;
    }

    AccessToken token(int virtualUser) {
        return sessions.get(virtualUser % sessions.size()).accessToken();
    }

    void keepFresh(Swarm swarm, int virtualUsers, PrintWriter err) {
        Redactor unused = new Redactor(); // swarm records nothing to a file
        for (int i = 0; i < virtualUsers; i++) {
            sessions.get(i % sessions.size()).keepFresh(swarm.client(i), unused, err);
        }
    }

    @Override
    public void close() {
        sessions.forEach(SupabaseSignIn::close);
        clock.close();
    }
}
