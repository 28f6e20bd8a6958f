package io.studycollab.debugger.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Issue 14 point 7, what the 1024×700 tour found: every board tool is within the board's shown
 * area (the sixth was cut off), the board fills its view (it sat small with empty margins), and the
 * Emit, QA and Proxy tabs show no label cut short and no prompt running out of its field; at
 * 1600×1000 too, and in the dark theme.
 */
class SidePanelFitTest extends WindowFixture {

    private static final int EMIT = 1;
    private static final int QA = 3;
    private static final int PROXY = 4;

    @Start
    void start(Stage stage) throws Exception {
        openWindow(stage);
    }

    private void resize(double w, double h) {
        fx(() -> {
            controller.dialogs().stage().setWidth(w);
            controller.dialogs().stage().setHeight(h);
            return null;
        });
        waitFor("the window at " + w, 5, () -> Math.abs(controller.view().getWidth() - w) < 40);
    }

    /** Tools whose button is not wholly inside the board's area on screen. */
    private List<String> toolsOutsideTheBoard() {
        Node board = controller.canvas().getParent();
        Bounds area = board.localToScene(board.getLayoutBounds());
        List<String> out = new ArrayList<>();
        for (Node b : board.lookupAll(".toggle-button")) {
            Bounds tool = b.localToScene(b.getLayoutBounds());
            if (!area.contains(tool) || tool.getMaxY() > b.getScene().getHeight()) {
                out.add(b.getId() + " at " + tool + " outside " + area);
            }
        }
        return out;
    }

    /** What side tab {@code tab} (shown) shows cut short. */
    private static List<String> cutIn(FxRobot robot, int tab) {
        return fx(() -> {
            TabPane side = robot.lookup("#sidePanels").queryAs(TabPane.class);
            Parent content = (Parent) side.getTabs().get(tab).getContent();
            content.applyCss();
            content.layout();
            List<String> all = new ArrayList<>(CutText.labels(content));
            all.addAll(CutText.prompts(content));
            return all;
        });
    }

    private void expectAllFits(FxRobot robot, String where) {
        List<String> tools = new ArrayList<>();
        try {
            waitFor("every tool on the board at " + where, 10, () -> {
                tools.clear();
                tools.addAll(toolsOutsideTheBoard());
                return tools.isEmpty() && controller.canvas().getHeight() > 0;
            });
        } catch (RuntimeException e) {
            throw new AssertionError("tools cut at " + where + ": " + tools, e);
        }
        double[] corner = fx(() -> controller.canvas().toView(1000, 600));
        double w = fx(() -> controller.canvas().getWidth());
        double h = fx(() -> controller.canvas().getHeight());
        assertEquals(w, corner[0], 1, "the board spans the view's width at " + where);
        assertEquals(h, corner[1], 1, "the board spans the view's height at " + where);
        for (int tab : new int[] {EMIT, QA, PROXY}) {
            List<String> last = new ArrayList<>();
            selectSidePanel(robot, tab); // as a user does: a side tab's view is made when first shown
            try {
                waitFor("side tab " + tab + " whole at " + where, 10, () -> {
                    last.clear();
                    last.addAll(cutIn(robot, tab));
                    return last.isEmpty();
                });
            } catch (RuntimeException e) {
                throw new AssertionError("side tab " + tab + " at " + where + ": " + last, e);
            }
        }
    }

    @Test
    void toolsBoardAndSideTabsFitAtBothSizesAndThemes(FxRobot robot) {
        waitFor("in the demo group", 60, this::inDemo);
        resize(1024, 700);
        expectAllFits(robot, "1024x700 light");
        fx(() -> {
            controller.toggleTheme();
            return null;
        });
        assertTrue(fx(() -> Application.getUserAgentStylesheet().contains("dark")), "dark now");
        expectAllFits(robot, "1024x700 dark");
        resize(1600, 1000);
        expectAllFits(robot, "1600x1000 dark");
    }
}
