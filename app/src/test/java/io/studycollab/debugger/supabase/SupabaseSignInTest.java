package io.studycollab.debugger.supabase;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.debugger.notifications.Notices;
import io.studycollab.debugger.profiles.ProfileStore;
import io.studycollab.debugger.profiles.ServerProfile;
import io.studycollab.debugger.profiles.SupabaseLogin;
import io.studycollab.debugger.window.WindowFixture;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.client.StateChange;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.server.ServerConfig;
import io.studycollab.realtime.server.StudyCollabServer;
import io.studycollab.realtime.server.auth.JwksVerifier;
import io.studycollab.realtime.server.auth.SupabaseKeys;
import io.studycollab.realtime.supabase.SupabaseAuthStandIn;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.SystemClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Issue 16 in the window, against the Supabase Auth stand-in (ES256, 15 s tokens, refreshed 5 s
 * before expiry: a shorter margin is less than a swap takes on a loaded test machine) and our server
 * verifying the project's tokens through its JWKS: password sign-in, Auth's own message for a
 * wrong password, anonymous sign-in, refreshes during a live session that never drop the
 * connection, a refresh that fails told in the notification strip, the claims popover, sign out.
 * This machine has no OS keychain, so the password is asked for in the password dialog.
 */
class SupabaseSignInTest extends WindowFixture {

    static final int TOKEN_SECONDS = 15;
    static final String ADA = "Supabase Ada";
    static final String ANON = "Supabase anonymous";

    static SupabaseAuthStandIn auth;
    static StudyCollabServer server;

    @BeforeAll
    static void startAuthAndServer() throws Exception {
        auth = SupabaseAuthStandIn.start(TOKEN_SECONDS);
        server = StudyCollabServer.start(
                ServerConfig.defaults(TestTokens.SECRET, "ui-service-key"),
                new SupabaseKeys(JwksVerifier.forProject(auth.url(), null, System::currentTimeMillis), null));
    }

    @AfterAll
    static void stopAuthAndServer() {
        server.close();
        auth.close();
    }

    @Override
    protected void prepare(ProfileStore profiles) throws Exception {
        profiles.save(List.of(
                profile(
                        ADA,
                        auth,
                        new SupabaseLogin(auth.url(), auth.publishableKey(), SupabaseAuthStandIn.EMAIL, false, false)),
                profile(ANON, auth, new SupabaseLogin(auth.url(), auth.anonKey(), null, true, false))));
    }

    @Override
    protected boolean startsSandbox() {
        return false;
    }

    // TestFX calls only the test class's own @Start method, never an inherited one.
    @Start
    void start(Stage stage) throws Exception {
        openWindow(stage);
    }

    static ServerProfile profile(String name, SupabaseAuthStandIn project, SupabaseLogin login) {
        return new ServerProfile(
                name,
                server.url(),
                "/socket.io",
                List.of("websocket"),
                Map.of(),
                null,
                null,
                null,
                null,
                false,
                false,
                login);
    }

    @Test
    void wrongPasswordShowsAuthsMessageWithItsStatus(FxRobot robot) {
        select(robot, ADA);
        assertEquals("not signed in", text(robot, "#supabaseUser"));
        press(robot, "#supabaseSignIn");
        typePassword(robot, "not-the-password");
        waitFor("Auth's refusal in the strip", 15, () -> notice("Sign-in refused") != null);
        assertEquals(
                "Invalid login credentials (HTTP 400)",
                fx(() -> notice("Sign-in refused").text()));
        assertEquals("not signed in", text(robot, "#supabaseUser"));
        assertEquals("Sign in", text(robot, "#supabaseSignIn"));
    }

    @Test
    void signedInSessionRefreshesDuringALiveConnectionWithoutADropThenSignsOut(FxRobot robot) throws Exception {
        select(robot, ADA);
        press(robot, "#supabaseSignIn");
        typePassword(robot, SupabaseAuthStandIn.PASSWORD);
        waitFor("signed in", 15, () -> SupabaseAuthStandIn.EMAIL.equals(text(robot, "#supabaseUser")));
        waitFor(
                "the expiry counts down",
                5,
                () -> text(robot, "#supabaseExpiry").matches("0:(0\\d|1[0-5])"));
        assertEquals("Sign out", text(robot, "#supabaseSignIn"));

        press(robot, "#connect");
        waitFor("connected", 20, () -> controller.realtime().isConnected());
        RealtimeClient ours = controller.session().client();
        List<StateChange> changes = new CopyOnWriteArrayList<>();
        ours.onStateChange(changes::add);
        List<EventRecord> seen = new CopyOnWriteArrayList<>();
        controller.session().hub().subscribe(seen::addAll);
        assertTrue(fx(() -> controller.realtime().joinGroup("supa"))
                .get(10, TimeUnit.SECONDS)
                .ok());
        String firstToken = fieldText(robot, "#token");

        // Bea is in the group with an ordinary token: she must never see us leave.
        try (EventHub beaHub = new EventHub("bea-hub");
                SystemClock beaClock = new SystemClock("bea-clock");
                RealtimeClient bea = new RealtimeClient(beaHub, beaClock, ClientOptions.defaults())) {
            List<String> beaSaw = new CopyOnWriteArrayList<>();
            beaHub.subscribe(
                    batch -> batch.forEach(r -> beaSaw.add(r.wallMillis() + " " + r.name() + " " + r.payload())));
            bea.connect(server.url(), TestTokens.token("bea", "Bea", 120));
            await().atMost(Duration.ofSeconds(15)).until(() -> bea.state() == ConnectionState.CONNECTED);
            assertTrue(bea.joinGroup("supa").get(10, TimeUnit.SECONDS).ok());

            // Past the first token's lifetime: the server would have cut it off then.
            await("two refreshes moved live")
                    .atMost(Duration.ofSeconds(TOKEN_SECONDS * 3L))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> seen.stream()
                                    .filter(r -> r.name().equals("client:token:swapped")
                                            && r.payload().path("ok").asBoolean())
                                    .count()
                            >= 2);
            await("past the first token's expiry")
                    .atMost(Duration.ofSeconds(TOKEN_SECONDS * 2L))
                    .until(() -> controller.supabase().refreshCount() >= 2);
            assertTrue(
                    changes.stream().allMatch(c -> c.to() == ConnectionState.CONNECTED),
                    "never left CONNECTED: " + changes);
            assertEquals(ConnectionState.CONNECTED, ours.state());
            assertFalse(
                    beaSaw.stream().anyMatch(s -> s.contains(" user:left ")),
                    "Bea never saw us leave: " + beaSaw + "\nours: "
                            + seen.stream()
                                    .filter(r -> r.name().startsWith("client:"))
                                    .map(r -> r.wallMillis() + " " + r.name() + " " + r.payload())
                                    .toList());
            assertFalse(seen.stream().anyMatch(r -> r.name().equals("connection:error")), "never refused");
        }
        waitFor(
                "the bar shows the new token",
                5,
                () -> !fieldText(robot, "#token").equals(firstToken));
        assertTrue(controller.notices().shown().stream().noneMatch(n -> n.slot().equals(SupabaseAccount.SLOT)));

        press(robot, "#tokenClaims");
        waitFor(
                "Supabase's claims shown",
                5,
                () -> robot.lookup("#claim-session_id").tryQuery().isPresent());
        assertEquals(auth.url() + "/auth/v1", text(robot, "#claim-iss"));
        assertEquals("authenticated", text(robot, "#claim-aud"));
        assertEquals("authenticated", text(robot, "#claim-role"));
        assertEquals("aal1", text(robot, "#claim-aal"));
        assertEquals("false", text(robot, "#claim-is_anonymous"));
        assertEquals(SupabaseAuthStandIn.EMAIL, text(robot, "#claim-email"));
        assertFalse(text(robot, "#claim-session_id").equals("–"));
        assertTrue(
                text(robot, "#claim-app_metadata").contains("\"provider\":\"email\""),
                text(robot, "#claim-app_metadata"));
        assertTrue(text(robot, "#claim-user_metadata").startsWith("{"), text(robot, "#claim-user_metadata"));

        press(robot, "#supabaseSignIn");
        waitFor("signed out", 10, () -> "not signed in".equals(text(robot, "#supabaseUser")));
        waitFor(
                "the connection made with it is closed",
                10,
                () -> controller.realtime().connectionStatusProperty().get().state() == ConnectionState.DISCONNECTED);
        assertEquals("Sign in", text(robot, "#supabaseSignIn"));
        assertTrue(fx(() -> notice("Signed out") != null));
        press(robot, "#connect");
        waitFor(
                "Connect says to sign in",
                5,
                () -> text(robot, "#connectProblem").startsWith("Not signed in"));
    }

    @Test
    void anonymousSignInNeedsNoPasswordAndConnects(FxRobot robot) {
        select(robot, ANON);
        press(robot, "#supabaseSignIn");
        waitFor("signed in anonymously", 15, () -> text(robot, "#supabaseUser").startsWith("anonymous ("));
        assertTrue(robot.lookup("#supabasePassword").tryQuery().isEmpty(), "no password asked");
        press(robot, "#connect");
        waitFor("connected", 20, () -> controller.realtime().isConnected());
        press(robot, "#tokenClaims");
        waitFor(
                "claims shown",
                5,
                () -> robot.lookup("#claim-is_anonymous").tryQuery().isPresent());
        assertEquals("true", text(robot, "#claim-is_anonymous"));
        assertEquals("–", text(robot, "#claim-email"));
    }

    @Test
    void aFailingRefreshIsToldWithWhenTheTokenExpires(FxRobot robot) throws Exception {
        SupabaseAuthStandIn brief = SupabaseAuthStandIn.start(6);
        try {
            ServerProfile p =
                    profile("Brief", brief, new SupabaseLogin(brief.url(), brief.publishableKey(), null, true, false));
            fx(() -> {
                ComboBox<ServerProfile> box = profiles(robot);
                box.getItems().add(p);
                box.getSelectionModel().select(p);
                return null;
            });
            press(robot, "#supabaseSignIn");
            waitFor("signed in", 15, () -> text(robot, "#supabaseUser").startsWith("anonymous ("));
        } finally {
            brief.close(); // Auth goes away: the refresh due at 4 s cannot reach it
        }
        waitFor("the strip says why and until when", 20, () -> notice("Token refresh failed") != null);
        String text = fx(() -> notice("Token refresh failed").text());
        assertTrue(text.startsWith("refresh failed: cannot reach Supabase Auth at "), text);
        assertTrue(text.contains("the access token expire"), text);
        waitFor(
                "the countdown says it",
                5,
                () -> text(robot, "#supabaseExpiry").contains("not refreshed")
                        || text(robot, "#supabaseExpiry").equals("expired"));
        assertNotEquals(
                null, fx(() -> controller.supabase().state().whoProperty().get()), "still signed in: it may come back");
    }

    // ---------------------------------------------------------------- helpers

    // A button pressed on the FX thread: the robot's clickOn reads the scene's bounds from the test
    // thread, which races the bar's once-a-second countdown (JavaFX then throws from its layout).
    private static void press(FxRobot robot, String id) {
        fx(() -> {
            robot.lookup(id).queryAs(Button.class).fire();
            return null;
        });
    }

    private void typePassword(FxRobot robot, String password) {
        waitFor(
                "the password dialog",
                15,
                () -> robot.lookup("#supabasePassword").tryQuery().isPresent());
        assertFalse(text(robot, "#supabasePasswordNote").isBlank(), "the dialog says why it asks");
        fx(() -> {
            robot.lookup("#supabasePassword").queryAs(PasswordField.class).setText(password);
            return null;
        });
        fx(() -> {
            robot.lookup("#supabasePasswordOk").queryAs(Button.class).fire();
            return null;
        });
    }

    private Notices.Notice notice(String title) {
        return controller.notices().shown().stream()
                .filter(n -> n.title().equals(title))
                .findFirst()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<ServerProfile> profiles(FxRobot robot) {
        return robot.lookup("#profiles").queryAs(ComboBox.class);
    }

    private void select(FxRobot robot, String name) {
        fx(() -> {
            ComboBox<ServerProfile> box = profiles(robot);
            box.getSelectionModel()
                    .select(box.getItems().stream()
                            .filter(p -> p.name().equals(name))
                            .findFirst()
                            .orElseThrow());
            return null;
        });
    }

    private static String text(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(Labeled.class).getText());
    }

    private static String fieldText(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(TextInputControl.class).getText());
    }
}
