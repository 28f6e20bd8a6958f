package io.studycollab.debugger.qa;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.debugger.fx.FxEventPump;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.qa.diagnostics.ConsistencyCheck;
import io.studycollab.realtime.qa.netsim.NetworkProfile;
import io.studycollab.realtime.qa.swarm.SwarmBehaviour;
import io.studycollab.realtime.qa.swarm.SwarmStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The QA tab keeps a stopped run's figures, and its timeline and findings wrap instead of scrolling sideways. */
@ExtendWith(ApplicationExtension.class)
class QaPanelTest {

    private final EventHub hub = new EventHub("qa-panel-test-hub");
    private final FxEventPump pump = new FxEventPump(hub);
    private final FakeActions actions = new FakeActions();
    private QaPanel panel;

    @Start
    void start(Stage stage) {
        panel = new QaPanel(actions, new SimpleBooleanProperty(true), pump);
        ScrollPane scroll = new ScrollPane(panel); // as in the window's side panel
        scroll.setFitToWidth(true);
        // A side panel's width whatever size an earlier test left the shared stage at: a Group
        // lays its child out at its preferred size instead of stretching it to the window.
        scroll.setPrefSize(380, 900);
        stage.setScene(new Scene(new javafx.scene.Group(scroll)));
        stage.show();
    }

    @AfterEach
    void stop() {
        fx(() -> {
            panel.stop();
            return null;
        });
        pump.close();
        hub.close();
    }

    @Test
    void stoppingVirtualUsersKeepsTheirFinalSummaryUntilTheNextStart(FxRobot robot) {
        Label figures = robot.from(panel).lookup("#swarmFigures").queryAs(Label.class);
        fx(() -> {
            robot.from(panel).lookup("#swarmStart").queryButton().fire();
            return null;
        });
        actions.figures = new SwarmFigures(
                new SwarmStats(20, 20, 0, 12_345, 67_890, Map.of("RATE_LIMITED", 36L), 4, 9, 31),
                Duration.ofSeconds(83));
        fx(() -> {
            pump.pulse(1);
            return null;
        });
        assertTrue(fx(figures::getText).contains("connected 20/20"), fx(figures::getText));

        fx(() -> {
            robot.from(panel).lookup("#swarmStart").queryButton().fire();
            return null;
        });
        actions.figures = null; // the swarm is gone: nothing live to show
        fx(() -> {
            pump.pulse(2_000_000_000L);
            return null;
        });
        String summary = fx(figures::getText);
        assertTrue(summary.startsWith("Last run: 20 users for 1:23 (stopped)"), summary);
        for (String figure :
                List.of("sent 12,345", "received 67,890", "errors RATE_LIMITED ×36", "p50 4 ms", "p99 31 ms")) {
            assertTrue(summary.contains(figure), figure + " in " + summary);
        }
        assertEquals(
                "Start virtual users",
                fx(() -> robot.from(panel).lookup("#swarmStart").queryButton().getText()));

        fx(() -> {
            robot.from(panel).lookup("#swarmStart").queryButton().fire();
            return null;
        });
        assertEquals("starting…", fx(figures::getText), "a new run replaces the summary");
    }

    @Test
    void longTimelineLinesAndFindingsWrapInsteadOfScrollingSideways(FxRobot robot) {
        String longLine = "12:03:04.567  reconnecting — transport close: the server closed the connection while"
                + " the client was sending a batch of cursor updates (retry in 1600 ms)";
        fx(() -> {
            actions.timeline.addAll(longLine, "12:03:06.001  connected — open");
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> timeline = robot.from(panel).lookup("#connectionTimeline").queryAs(ListView.class);
        // The cell takes its wrapped height on a later layout pass than the one that added it.
        // Each poll asks for a layout pass: nothing else dirties the scene once the lines are in.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> fx(() -> {
                    timeline.requestLayout();
                    return longCellRows(robot, timeline, longLine) >= 2;
                }));
        assertFalse(fx(() -> horizontalBarShown(timeline)), "no sideways scrolling in the timeline");
        ListCell<?> first = fx(() -> cellOf(robot, timeline, longLine));
        assertTrue(
                fx(() -> first.getGraphic() instanceof javafx.scene.text.Text t
                        && t.getWrappingWidth() > 0
                        && t.getWrappingWidth() <= timeline.getWidth()),
                "the line wraps at the list's width");
        assertTrue(fx(() -> first.getWidth() <= timeline.getWidth()), "the line fits the list's width");

        for (int i = 0; i < 6; i++) {
            actions.found.add(new ConsistencyCheck.Finding(
                    ConsistencyCheck.Kind.GHOST,
                    "virtual-" + i,
                    1_700_000_000_000L,
                    "still listed 40 s after it left"));
        }
        fx(() -> {
            robot.from(panel).lookup("#checkConsistency").queryButton().fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        TextArea findings = robot.from(panel).lookup("#qaFindings").queryAs(TextArea.class);
        assertTrue(fx(findings::isWrapText));
        assertTrue(fx(findings::getPrefRowCount) >= 12, "room for six findings of two lines each");
        assertFalse(fx(() -> horizontalBarShown(findings)), "no sideways scrolling in the findings");
    }

    private static ListCell<?> cellOf(FxRobot robot, ListView<?> list, String text) {
        return robot.from(list).lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> text.equals(c.getItem()))
                .findFirst()
                .orElse(null);
    }

    /** How many text lines the cell showing {@code text} is tall (0 while it is not shown). */
    private static double longCellRows(FxRobot robot, ListView<?> list, String text) {
        ListCell<?> c = cellOf(robot, list, text);
        return c == null ? 0 : c.getHeight() / (c.getFont().getSize() * 1.5);
    }

    private static boolean horizontalBarShown(javafx.scene.Node n) {
        return n.lookupAll(".scroll-bar").stream()
                .filter(ScrollBar.class::isInstance)
                .map(ScrollBar.class::cast)
                .anyMatch(b -> b.getOrientation() == Orientation.HORIZONTAL
                        && b.isVisible()
                        && b.getMax() > b.getMin()
                        && b.getVisibleAmount() < b.getMax() - b.getMin());
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Stands in for the window: records what the panel asks, answers with what the test set. */
    private static final class FakeActions implements QaPanel.Actions {
        final ObservableList<String> timeline = FXCollections.observableArrayList();
        final List<ConsistencyCheck.Finding> found = new ArrayList<>();
        volatile SwarmFigures figures;
        private final ReadOnlyBooleanWrapper routed = new ReadOnlyBooleanWrapper(false);

        @Override
        public String routeThroughProxy(boolean on) {
            return null;
        }

        @Override
        public void setNetworkProfile(NetworkProfile profile) {}

        @Override
        public String startSwarm(int users, SwarmBehaviour behaviour, double cursorRate, int throughProxy) {
            return null;
        }

        @Override
        public SwarmFigures stopSwarm() {
            return figures;
        }

        @Override
        public SwarmStats swarmStats() {
            return figures == null ? null : figures.stats();
        }

        @Override
        public SwarmFigures swarmFigures() {
            return figures;
        }

        @Override
        public void copyDiagnostics() {}

        @Override
        public List<ConsistencyCheck.Finding> checkConsistency() {
            return found;
        }

        @Override
        public double roundTripMillis() {
            return -1;
        }

        @Override
        public ObservableList<String> connectionTimeline() {
            return timeline;
        }

        @Override
        public ReadOnlyBooleanProperty routedProperty() {
            return routed.getReadOnlyProperty();
        }
    }
}
