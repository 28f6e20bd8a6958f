package io.studycollab.debugger.window;

import static org.awaitility.Awaitility.await;

import io.studycollab.debugger.profiles.ProfileStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window tests' one setup: each test gets its own window on a temporary config directory (the
 * user's home is never read), with its sandbox started unless the test says otherwise, closed
 * after the test. {@link #fx} reads on the FX thread; {@link #waitFor} polls a condition there.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class WindowFixture {

    @TempDir
    protected Path dir;

    protected DebuggerController controller;

    /** Profiles to save before the window opens; none by default. */
    protected void prepare(ProfileStore profiles) throws Exception {}

    /** Whether the window starts its sandbox when it opens. */
    protected boolean startsSandbox() {
        return true;
    }

    /**
     * Opens the window; each test class calls it from its own {@code @Start} method (TestFX looks
     * for that method on the test class only, not on its superclasses).
     */
    protected void openWindow(Stage stage) throws Exception {
        ProfileStore profiles = ProfileStore.in(dir.resolve("config"));
        prepare(profiles);
        controller = WindowFactory.show(stage, false, profiles);
        stage.requestFocus();
        if (startsSandbox()) {
            controller.startSandbox();
        }
    }

    @AfterEach
    void closeWindow() throws Exception {
        WaitForAsyncUtils.asyncFx(controller::close).get(20, TimeUnit.SECONDS);
    }

    /** Connected and in the sandbox's demo group (read on the FX thread, e.g. inside {@link #waitFor}). */
    protected boolean inDemo() {
        return controller.realtime().isConnected()
                && "demo".equals(controller.realtime().currentGroupIdProperty().get());
    }

    /**
     * Shows side panel {@code index} (3: QA) and waits for the frame that lays it out: a tab's view is
     * made when it is first shown, and a control's parts (a scroll pane's content) exist once styled.
     */
    protected static void selectSidePanel(FxRobot robot, int index) {
        TabPane side = fx(() -> robot.lookup("#sidePanels").queryAs(TabPane.class));
        fx(() -> {
            side.getSelectionModel().select(index);
            return null;
        });
        waitFor("side panel " + index + " laid out", 10, () -> {
            Node content = side.getTabs().get(index).getContent();
            return content instanceof Parent p && p.getScene() != null && !p.isNeedsLayout();
        });
    }

    protected static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    protected static void waitFor(String what, long seconds, Callable<Boolean> condition) {
        await(what)
                .atMost(Duration.ofSeconds(seconds))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> fx(condition));
    }
}
