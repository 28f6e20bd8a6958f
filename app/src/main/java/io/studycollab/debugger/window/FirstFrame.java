package io.studycollab.debugger.window;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * The moment the window's first frame is laid out (the pulse that then paints it): the start-up
 * benchmark's "window shown" (bench/startup.sh).
 */
final class FirstFrame {

    private FirstFrame() {}

    /** Runs {@code then} once, on the FX thread, after the first pulse that lays out {@code scene}. */
    static void whenLaidOut(Scene scene, Runnable then) {
        Runnable once = new Runnable() {
            private boolean done;

            @Override
            public void run() {
                if (done) {
                    return;
                }
                done = true;
                then.run();
                // Not removed here: the scene is iterating over its listeners right now.
                Platform.runLater(() -> scene.removePostLayoutPulseListener(this));
            }
        };
        scene.addPostLayoutPulseListener(once);
    }
}
