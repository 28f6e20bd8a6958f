package io.studycollab.debugger.window;

import io.studycollab.debugger.AppVersion;
import io.studycollab.debugger.fx.Theme;
import io.studycollab.debugger.presence.PresenceModel;
import io.studycollab.debugger.profiles.ProfileStore;
import io.studycollab.realtime.time.SystemClock;
import java.util.Objects;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Makes the main window: theme, clock, controller, scene and stylesheet, shown on a stage. The
 * clock it makes is closed with the window.
 */
public final class WindowFactory {

    public static final double WIDTH = 1400;
    public static final double HEIGHT = 860;

    private WindowFactory() {}

    /** The main window on {@code stage}, shown, not yet connected; profiles from {@code store}. */
    public static DebuggerController show(Stage stage, boolean dark, ProfileStore store) {
        Theme theme = new Theme();
        theme.apply(dark);
        SystemClock clock = new SystemClock("debugger-clock");
        DebuggerController controller = new DebuggerController(theme, stage, store, clock);
        controller.closeAlso(clock);
        // On a screen smaller than the window's size (a 1024×700 laptop panel, say) the window
        // takes the screen's usable area instead of opening with its edges off the screen.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(controller.view(), fit(WIDTH, screen.getWidth()), fit(HEIGHT, screen.getHeight()));
        scene.getStylesheets()
                .add(Objects.requireNonNull(WindowFactory.class.getResource("/io/studycollab/debugger/app.css"))
                        .toExternalForm());
        attach(scene, controller);
        stage.setTitle(AppVersion.full());
        stage.setScene(scene);
        stage.centerOnScreen();
        stage.show();
        return controller;
    }

    /** The window's size along one axis: what it wants, at most what the screen has. */
    static double fit(double wanted, double available) {
        return available > 0 ? Math.min(wanted, available) : wanted;
    }

    /** Mouse and keyboard anywhere in the window count as activity; a session file dropped on it opens. */
    private static void attach(Scene scene, DebuggerController controller) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean ok =
                    e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (ok) {
                controller.openSession(e.getDragboard().getFiles().get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        PresenceModel presence = controller.presence();
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, e -> presence.markActivity());
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> presence.markActivity());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> presence.markActivity());
    }
}
