package io.studycollab.debugger.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A lazy tab: made when first selected, in the scene only while selected, the same view each time. */
@ExtendWith(ApplicationExtension.class)
class LazyTabTest {

    private final AtomicInteger made = new AtomicInteger();
    private TabPane tabs;
    private Tab lazy;
    private Label view;

    @Start
    void start(Stage stage) {
        lazy = LazyTab.fillOnFirstSelection(new Tab("Lazy"), () -> {
            made.incrementAndGet();
            view = new Label("lazy view");
            return view;
        });
        tabs = new TabPane(new Tab("First", new Label("first")), lazy);
        stage.setScene(new Scene(tabs, 300, 200));
        stage.show();
    }

    private void select(int i) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(i)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void madeOnFirstSelectionAndInTheSceneOnlyWhileSelected() throws Exception {
        assertEquals(0, made.get(), "nothing made before the tab is shown");
        assertNull(lazy.getContent());

        select(1);
        assertEquals(1, made.get());
        assertSame(view, lazy.getContent());
        assertSame(tabs.getScene(), view.getScene(), "shown: in the scene");

        select(0);
        assertNull(lazy.getContent(), "hidden: out of the tab");
        assertNull(view.getScene(), "hidden: out of the scene graph the pulse walks");

        select(1);
        assertEquals(1, made.get(), "made once");
        assertSame(view, lazy.getContent(), "the same view, with its state, back");
        assertSame(tabs.getScene(), view.getScene());
    }
}
