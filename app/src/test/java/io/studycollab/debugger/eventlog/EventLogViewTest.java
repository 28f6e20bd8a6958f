package io.studycollab.debugger.eventlog;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 14 point 8 in the log view: collapse runs (expandable), the rate summary's quick toggle
 * hides an event name, selecting a row stops "follow" until scrolled back to the bottom, a filter
 * keeps the selection when it still matches, and our own emits are marked and found in one click.
 */
@ExtendWith(ApplicationExtension.class)
class EventLogViewTest {

    private final EventLogModel model = new EventLogModel(10_000);
    private EventLogView view;

    @Start
    void start(Stage stage) {
        view = new EventLogView(model);
        stage.setScene(new Scene(view, 1000, 500));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void waitFor(String what, Callable<Boolean> condition) {
        await(what)
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> fx(condition));
    }

    // By its header: the Conn column (Proxy mode) sits before it.
    private TableColumn<EventRecord, ?> eventColumn() {
        return view.table().getColumns().stream()
                .filter(c -> "Event".equals(c.getText()))
                .findFirst()
                .orElseThrow();
    }

    private void feed(List<EventRecord> rs) {
        fx(() -> {
            model.onBatch(rs);
            return null;
        });
    }

    @Test
    void collapseExpandAndRates(FxRobot robot) {
        List<EventRecord> rs = RunsAndRatesTest.stream();
        feed(rs);
        robot.clickOn("#collapseRuns");
        waitFor("collapsed", () -> view.table().getItems().size() == 4);
        assertTrue(fx(() -> String.valueOf(eventColumn().getCellData(0))).endsWith("×30 · 50/s"));

        // Click the run and press Enter (or double-click): its 30 events; again: one row.
        Node firstRow = fx(() -> view.table().lookupAll(".table-row-cell").stream()
                .filter(n -> ((TableRow<?>) n).getIndex() == 0)
                .findFirst()
                .orElseThrow());
        robot.clickOn(firstRow).type(KeyCode.ENTER);
        waitFor("expanded", () -> view.table().getItems().size() == 33);
        assertSame(rs.get(0), fx(() -> view.table().getSelectionModel().getSelectedItem()), "still on the run");
        robot.type(KeyCode.ENTER);
        waitFor("collapsed again", () -> view.table().getItems().size() == 4);

        // The rate summary's quick toggle hides the cursor updates.
        robot.clickOn("#rateSummaryButton");
        waitFor(
                "the summary",
                () -> robot.lookup("#show-user_cursor_updated").tryQuery().isPresent());
        CheckBox show = robot.lookup("#show-user_cursor_updated").queryAs(CheckBox.class);
        assertTrue(fx(show::isSelected));
        robot.clickOn(show);
        waitFor("cursor updates hidden", () -> model.visible().size() == 1);
        assertEquals("user:cursor:update", fx(() -> model.visible().get(0).name()));
        waitFor(
                "the toggle redrawn",
                () -> robot.lookup("#show-user_cursor_updated").tryQuery().isPresent());
        CheckBox again = robot.lookup("#show-user_cursor_updated").queryAs(CheckBox.class);
        assertFalse(fx(again::isSelected), "the toggle says it is hidden");
        robot.clickOn(again);
        waitFor("shown again", () -> model.visible().size() == rs.size());
    }

    @Test
    void followStopsOnSelectionAndFiltersKeepIt(FxRobot robot) {
        List<EventRecord> rs = RunsAndRatesTest.stream();
        feed(rs);
        CheckBox follow = robot.lookup("#followLog").queryAs(CheckBox.class);
        assertTrue(fx(follow::isSelected));
        EventRecord bot2 = rs.get(30);
        fx(() -> {
            view.table().getSelectionModel().select(bot2); // as a click on the row does
            return null;
        });
        assertFalse(fx(follow::isSelected), "looking at a row stops following");
        waitFor(
                "the detail opens",
                () -> robot.lookup("#payloadTree").tryQuery().isPresent());

        // A filter that still matches keeps it selected.
        robot.clickOn("#logUser").write("bot-2");
        waitFor("filtered", () -> model.visible().size() == 1);
        assertSame(bot2, fx(() -> view.table().getSelectionModel().getSelectedItem()));
        fx(() -> {
            robot.lookup("#logUser").queryTextInputControl().clear();
            return null;
        });
        waitFor("unfiltered", () -> model.visible().size() == rs.size());
        assertSame(bot2, fx(() -> view.table().getSelectionModel().getSelectedItem()));

        // New events do not move the view; scrolling back to the bottom follows again.
        feed(List.of(RunsAndRatesTest.ev(500, 99_000, Direction.IN, "user:cursor:updated", "bot-3")));
        assertFalse(fx(follow::isSelected));
        ScrollBar bar = fx(() -> view.table().lookupAll(".scroll-bar").stream()
                .filter(n -> n instanceof ScrollBar s && s.getOrientation() == Orientation.VERTICAL)
                .map(ScrollBar.class::cast)
                .findFirst()
                .orElseThrow());
        fx(() -> {
            bar.setValue(bar.getMin());
            bar.setValue(bar.getMax()); // the user scrolls down to the end
            return null;
        });
        assertTrue(fx(follow::isSelected), "back at the bottom: following");
    }

    @Test
    void ourEmitsAreMarkedAndFoundInOneClick(FxRobot robot) {
        List<EventRecord> rs = RunsAndRatesTest.stream();
        feed(rs);
        robot.clickOn("#lastSent");
        EventRecord sent = rs.get(rs.size() - 1);
        waitFor("our emit selected", () -> view.table().getSelectionModel().getSelectedItem() == sent);
        assertTrue(fx(() -> String.valueOf(eventColumn().getCellData(sent))).startsWith("➤ "));
        waitFor(
                "its row marked",
                () -> view.table().lookupAll(".table-row-cell").stream()
                        .anyMatch(n -> ((TableRow<?>) n).getItem() == sent
                                && n.getPseudoClassStates().stream()
                                        .anyMatch(p -> p.getPseudoClassName().equals("outbound"))));
    }
}
