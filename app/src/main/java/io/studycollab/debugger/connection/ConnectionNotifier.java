package io.studycollab.debugger.connection;

import io.studycollab.debugger.notifications.Notices;
import io.studycollab.debugger.notifications.Notices.Kind;
import io.studycollab.realtime.client.ConnectionSnapshot;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.StateCause;
import java.time.Duration;

/**
 * Tells the user about connection problems in the notification area, not only with a colour. All
 * connection news shares one slot, so what is shown is always the current state of the link: a
 * later success replaces "Connection failed", a drop replaces "Reconnected", and repeats under a
 * flaky network collapse into one counted notice. A client that never got through says "Cannot
 * connect", never "Connection lost".
 */
public final class ConnectionNotifier {

    public static final String SLOT = "connection";
    static final Duration PASSING = Duration.ofSeconds(8);

    private final Notices notices;
    // Whether the current attempt ever got through: a failure before that is not a lost connection.
    private boolean gotThrough;

    public ConnectionNotifier(RealtimeModel model, Notices notices) {
        this(notices);
        model.connectionStatusProperty().addListener((obs, old, now) -> onChange(old, now));
    }

    /** Fed by hand: tests drive {@link #onChange} with the snapshots a client would produce. */
    ConnectionNotifier(Notices notices) {
        this.notices = notices;
    }

    void onChange(ConnectionSnapshot old, ConnectionSnapshot now) {
        if (old.state() == now.state()) {
            return;
        }
        switch (now.state()) {
            case CONNECTING -> {
                if (old.state() == ConnectionState.DISCONNECTED || old.state() == ConnectionState.FAILED) {
                    gotThrough = false; // a new attempt by the user
                }
            }
            case RECONNECTING -> {
                if (old.state() == ConnectionState.CONNECTED) {
                    notices.post(SLOT, Kind.WARNING, "Connection lost", now.reason() + ". " + retrying(now));
                } else if (!gotThrough && old.state() == ConnectionState.CONNECTING) {
                    notices.post(SLOT, Kind.WARNING, "Cannot connect", now.reason() + ". " + retrying(now));
                }
            }
            case FAILED ->
                notices.post(
                        SLOT,
                        Kind.DANGER,
                        gotThrough ? "Connection failed" : "Could not connect",
                        now.reason() + (now.attempt() > 0 ? " (gave up after " + now.attempt() + " tries)" : ""));
            case DISCONNECTED -> {
                if (byUser(now)) {
                    notices.resolve(SLOT);
                } else {
                    notices.post(SLOT, Kind.DANGER, "Disconnected by the server", now.reason());
                }
            }
            case CONNECTED -> {
                boolean recovered = gotThrough && old.state() == ConnectionState.RECONNECTING;
                gotThrough = true;
                if (recovered) {
                    notices.post(SLOT, Kind.SUCCESS, "Reconnected", "Group rejoined, queued events sent.", PASSING);
                } else {
                    notices.resolve(SLOT); // whatever went wrong before, this connect resolved it
                }
            }
        }
    }

    private static boolean byUser(ConnectionSnapshot s) {
        return s.cause() == StateCause.USER_DISCONNECT || s.cause() == StateCause.CLIENT_CLOSED;
    }

    private static String retrying(ConnectionSnapshot s) {
        return "Retrying (attempt " + s.attempt() + "/" + s.maxAttempts() + ").";
    }

    /** A passing message in the notification area, for things to notice without a dialog. */
    public void info(String title, String text) {
        notices.post("info:" + title + text, Kind.INFO, title, text, PASSING);
    }
}
