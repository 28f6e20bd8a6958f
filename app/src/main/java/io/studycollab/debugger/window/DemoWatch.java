package io.studycollab.debugger.window;

import io.studycollab.debugger.presence.GroupModel;
import io.studycollab.debugger.sandbox.Sandbox;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.util.Duration;

/**
 * Waits for the demo group to show the sandbox's bots (the smoke test's and the benchmarks' signal
 * that the window works end to end), or gives up after a time.
 */
final class DemoWatch {

    private final GroupModel group;
    private final PauseTransition timeout;
    private final InvalidationListener check;

    private DemoWatch(GroupModel group, long limitMillis, Runnable onVisible, Runnable onTimeout) {
        this.group = group;
        this.timeout = new PauseTransition(Duration.millis(limitMillis));
        this.check = obs -> {
            if (visible()) {
                stop();
                onVisible.run();
            }
        };
        timeout.setOnFinished(e -> {
            group.groupMembers().removeListener(check);
            onTimeout.run();
        });
    }

    /** Calls {@code onVisible} once the demo group shows its bots, or {@code onTimeout} after {@code limitMillis}. */
    static void start(GroupModel group, long limitMillis, Runnable onVisible, Runnable onTimeout) {
        DemoWatch w = new DemoWatch(group, limitMillis, onVisible, onTimeout);
        group.groupMembers().addListener(w.check);
        w.timeout.play();
    }

    private boolean visible() {
        long bots = group.groupMembers().stream()
                .filter(m -> m.userId().startsWith("bot-"))
                .count();
        return bots >= Sandbox.BOTS
                && Sandbox.DEMO_GROUP.equals(group.snapshotProperty().get().groupId());
    }

    private void stop() {
        group.groupMembers().removeListener(check);
        timeout.stop();
    }
}
