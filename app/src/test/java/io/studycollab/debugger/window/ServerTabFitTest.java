package io.studycollab.debugger.window;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.admin.AdminSocket;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Issue 14 point 7 on the Server tab, a socket picked: at 1024×700 and at the window's own size, light
 * and dark, no label, cell or column header is cut (ids may be cut in the middle when the whole id is
 * in their tooltip), no prompt runs out of its field, the tables' columns lie within the tables, the
 * detail's parts lie within the detail, the handshake shows several lines, the Server tab does not
 * lie over the log; and an action waiting for confirmation shows whole at 1024×700.
 */
class ServerTabFitTest extends WindowFixture {

    /** Lines of the handshake that must be in sight at once. */
    private static final int HANDSHAKE_LINES = 4;

    @Start
    void start(Stage stage) throws Exception {
        openWindow(stage);
    }

    /**
     * The stage and the theme outlive this test (TestFX keeps one stage, the theme is global): back to
     * the window's own size and light, as the next test expects to find them.
     */
    @AfterEach
    void putBack() {
        fx(() -> {
            if (Application.getUserAgentStylesheet().contains("dark")) {
                controller.toggleTheme();
            }
            controller.dialogs().stage().setWidth(WindowFactory.WIDTH);
            controller.dialogs().stage().setHeight(WindowFactory.HEIGHT);
            return null;
        });
    }

    @Test
    void theServerTabFitsAtBothSizesAndThemesWithASocketPicked(FxRobot robot) {
        waitFor("in the demo group", 60, this::inDemo);
        fx(() -> {
            robot.lookup("#mainViews")
                    .queryAs(TabPane.class)
                    .getSelectionModel()
                    .select(1);
            return null;
        });
        // Before a pick, the detail says what to do (it was blank once laid out).
        waitFor(
                "the sockets table shown",
                30,
                () -> robot.lookup("#adminSockets").tryQuery().isPresent());
        waitFor(
                "'Pick a socket' before a pick",
                10,
                () -> robot.lookup("#adminDetailTitle").queryAs(Label.class).getWidth() > 0
                        && "Pick a socket"
                                .equals(robot.lookup("#adminDetailTitle")
                                        .queryAs(Label.class)
                                        .getText()));
        pickBot1(robot);
        waitFor(
                "the read-only note",
                30,
                () -> robot.lookup("#adminReadOnly")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("Read-only"));
        expectFits(robot, "1400x860 light", WindowFactory.WIDTH, WindowFactory.HEIGHT);
        expectFits(robot, "1024x700 light", 1024, 700);
        fx(() -> {
            controller.toggleTheme();
            return null;
        });
        assertTrue(fx(() -> Application.getUserAgentStylesheet().contains("dark")), "dark now");
        expectFits(robot, "1024x700 dark", 1024, 700);
        expectFits(robot, "1400x860 dark", WindowFactory.WIDTH, WindowFactory.HEIGHT);

        // An action waiting for confirmation at 1024×700: its words wrap, Confirm and Cancel whole
        // within the detail.
        expectFits(robot, "1024x700 dark", 1024, 700);
        fx(() -> {
            robot.lookup("#adminAllowActions").queryAs(CheckBox.class).setSelected(true);
            robot.lookup("#adminConnect").queryButton().fire();
            return null;
        });
        waitFor(
                "connected with actions",
                30,
                () -> controller.serverTab().model().actionsAllowedProperty().get()
                        && controller.serverTab().model().connectedProperty().get());
        pickBot1(robot);
        waitFor("Leave enabled", 30, () -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> rooms = robot.lookup("#adminLeaveRoom").queryAs(ComboBox.class);
            rooms.setValue("demo");
            return !robot.lookup("#adminActionLeave").query().isDisabled();
        });
        fx(() -> {
            robot.lookup("#adminActionLeave").queryButton().fire();
            return null;
        });
        List<String> last = new ArrayList<>();
        try {
            waitFor("the pending action whole at 1024x700", 10, () -> {
                Parent detail = (Parent) robot.lookup("#adminSocketDetail").query();
                detail.applyCss();
                detail.layout();
                List<String> now = new ArrayList<>(cutIn(detail));
                now.addAll(outside(detail, detail));
                if (!CutText.shown(robot.lookup("#adminConfirm").query())) {
                    now.add("no Confirm shown");
                }
                synchronized (last) {
                    last.clear();
                    last.addAll(now);
                }
                return now.isEmpty();
            });
        } catch (RuntimeException e) {
            synchronized (last) {
                throw new AssertionError("the pending action at 1024x700: " + last, e);
            }
        }
        fx(() -> {
            robot.lookup("#adminCancel").queryButton().fire(); // nothing sent
            return null;
        });
    }

    /** Picks bot-1's socket in the sockets table, as a click does, and waits for its detail. */
    private void pickBot1(FxRobot robot) {
        // The tab's view is made, and put in the scene, when the tab is shown.
        waitFor(
                "the sockets table shown",
                30,
                () -> robot.lookup("#adminSockets").tryQuery().isPresent());
        TableView<?> sockets = robot.lookup("#adminSockets").queryAs(TableView.class);
        waitFor("bot-1 picked", 60, () -> {
            for (Object o : sockets.getItems()) {
                if (o instanceof AdminSocket s && "bot-1".equals(s.userId())) {
                    sockets.getSelectionModel().select(sockets.getItems().indexOf(o));
                    AdminSocket shown =
                            controller.serverTab().model().detailProperty().get();
                    return shown != null && "bot-1".equals(shown.userId());
                }
            }
            return false;
        });
    }

    private void expectFits(FxRobot robot, String where, double w, double h) {
        fx(() -> {
            controller.dialogs().stage().setWidth(w);
            controller.dialogs().stage().setHeight(h);
            return null;
        });
        waitFor("the window at " + where, 5, () -> Math.abs(controller.view().getWidth() - w) < 40);
        List<String> last = new ArrayList<>();
        try {
            waitFor("the Server tab whole at " + where, 15, () -> {
                List<String> now = problems(robot);
                synchronized (last) {
                    last.clear();
                    last.addAll(now);
                }
                return now.isEmpty();
            });
        } catch (RuntimeException e) {
            synchronized (last) {
                throw new AssertionError("the Server tab at " + where + ": " + last, e);
            }
        }
    }

    /** Everything the tab shows wrong, each table tab and each detail tab in turn (on the FX thread). */
    private List<String> problems(FxRobot robot) {
        List<String> out = new ArrayList<>();
        // The Server tab and the log below it lie apart (a SplitPane short of its items' minimums
        // laid one over the other).
        Node views = robot.lookup("#mainViews").query();
        Node log = controller.view().boardSplit().getItems().get(1);
        double viewsBottom = views.localToScene(views.getLayoutBounds()).getMaxY();
        double logTop = log.localToScene(log.getLayoutBounds()).getMinY();
        if (viewsBottom > logTop + 0.5) {
            out.add("the Server tab reaches " + viewsBottom + ", over the log from " + logTop);
        }
        Parent tab = (Parent) robot.lookup(".server-tab").query();
        TabPane tables = robot.lookup("#adminTables").queryAs(TabPane.class);
        // (optional: the detail had no tabs before, and this test is to fail on that layout for its faults)
        TabPane detailTabs =
                robot.lookup("#adminDetailTabs").tryQueryAs(TabPane.class).orElse(new TabPane());
        Parent detail = (Parent) robot.lookup("#adminSocketDetail").query();
        for (int t = 0; t < tables.getTabs().size(); t++) {
            tables.getSelectionModel().select(t);
            for (int d = 0; d < Math.max(1, detailTabs.getTabs().size()); d++) {
                if (!detailTabs.getTabs().isEmpty()) {
                    detailTabs.getSelectionModel().select(d);
                }
                tab.applyCss();
                tab.layout();
                String at = tables.getTabs().get(t).getText() + "/"
                        + (detailTabs.getTabs().isEmpty()
                                ? ""
                                : detailTabs.getTabs().get(d).getText()) + ": ";
                for (String p : cut(tab)) {
                    out.add(at + p);
                }
                CutText.prompts(tab).forEach(p -> out.add(at + p));
                columnsOutside(tab).forEach(p -> out.add(at + p));
                outside(detail, detail).forEach(p -> out.add(at + p));
                outside(tab, robot.lookup("#mainViews").query()).forEach(p -> out.add(at + p));
            }
        }
        TextArea handshake = robot.lookup("#adminHandshake").queryAs(TextArea.class);
        detailTabs.getSelectionModel().selectLast();
        tab.applyCss();
        tab.layout();
        double line = handshake.getFont().getSize() * 1.3;
        double room = handshake.getHeight() - handshake.snappedTopInset() - handshake.snappedBottomInset();
        if (room < HANDSHAKE_LINES * line) {
            out.add("handshake " + Math.round(room) + " px high, " + HANDSHAKE_LINES + " lines need "
                    + Math.round(HANDSHAKE_LINES * line));
        }
        if (!handshake.getText().contains("handshake")) {
            out.add("no handshake shown");
        }
        tables.getSelectionModel().select(0);
        if (!detailTabs.getTabs().isEmpty()) {
            detailTabs.getSelectionModel().select(0);
        }
        return out;
    }

    /**
     * Labeled nodes shown with a text other than theirs (cut, "…"): an id cut in the middle is
     * whole in its tooltip, anything else is a fault.
     */
    private static List<String> cutIn(Parent root) {
        List<String> out = new ArrayList<>(cut(root));
        out.removeIf(p -> p.startsWith("only "));
        return out;
    }

    private static List<String> cut(Parent root) {
        List<String> out = new ArrayList<>();
        int seen = 0;
        for (Labeled l : all(root, Labeled.class)) {
            if (l.getText() == null || l.getText().isEmpty() || !CutText.shown(l)) {
                continue;
            }
            seen++;
            Text shown = null;
            for (Node n : l.getChildrenUnmodifiable()) {
                if (n instanceof Text t) {
                    shown = t;
                }
            }
            if (shown == null || l.getText().equals(shown.getText())) {
                continue;
            }
            if (!cutInTheMiddle(l, shown.getText())) {
                out.add("'" + l.getText() + "' shown as '" + shown.getText() + "'");
            }
        }
        if (seen < 20) {
            out.add("only " + seen + " texts found: the tab is not laid out");
        }
        return out;
    }

    private static boolean cutInTheMiddle(Labeled l, String shown) {
        String dots = l.getEllipsisString();
        int at = shown.indexOf(dots);
        return l.getTextOverrun() == OverrunStyle.CENTER_ELLIPSIS
                && at > 0
                && l.getText().startsWith(shown.substring(0, at))
                && l.getText().endsWith(shown.substring(at + dots.length()))
                && l.getTooltip() != null
                && l.getText().equals(l.getTooltip().getText());
    }

    /** Column headers of shown tables reaching past the table's right edge (cut off or scrolled away). */
    private static List<String> columnsOutside(Parent root) {
        List<String> out = new ArrayList<>();
        for (TableView<?> table : all(root, TableView.class)) {
            if (!CutText.shown(table)) {
                continue;
            }
            Bounds area = table.localToScene(table.getLayoutBounds());
            int shown = 0;
            for (TableColumnHeader h : all(table, TableColumnHeader.class)) {
                TableColumn<?, ?> c = (TableColumn<?, ?>) h.getTableColumn();
                if (c == null || !c.isVisible() || !h.isVisible()) {
                    continue;
                }
                shown++;
                Bounds b = h.localToScene(h.getLayoutBounds());
                if (b.getMaxX() > area.getMaxX() + 2
                        || b.getMinX() < area.getMinX() - 2) { // (a border's pixel, rounding)
                    out.add(table.getId() + " column '" + c.getText() + "' at " + b.getMinX() + ".." + b.getMaxX()
                            + " outside " + area.getMinX() + ".." + area.getMaxX());
                }
            }
            if (shown < 2) {
                out.add(table.getId() + " shows " + shown + " columns");
            }
        }
        return out;
    }

    /** Shown controls under {@code root} not wholly within {@code area} (overflowing, overlapping what follows). */
    private static List<String> outside(Parent root, Node area) {
        List<String> out = new ArrayList<>();
        Bounds a = area.localToScene(area.getLayoutBounds());
        for (Control c : all(root, Control.class)) {
            if (!CutText.shown(c)
                    || c.getWidth() == 0
                    || inside(c, TableView.class, root)
                    || inside(c, ScrollPane.class, root)) {
                continue;
            }
            Bounds b = c.localToScene(c.getLayoutBounds());
            if (b.getMinX() < a.getMinX() - 0.5
                    || b.getMaxX() > a.getMaxX() + 0.5
                    || b.getMinY() < a.getMinY() - 0.5
                    || b.getMaxY() > a.getMaxY() + 0.5) {
                out.add(describe(c) + " at " + b + " outside " + (area.getId() == null ? area : area.getId()) + " "
                        + a);
            }
        }
        return out;
    }

    private static String describe(Control c) {
        return c.getClass().getSimpleName()
                + (c.getId() != null ? " #" + c.getId() : "")
                + (c instanceof Labeled l && l.getText() != null ? " '" + l.getText() + "'" : "");
    }

    /** Whether {@code n} lies inside a {@code type} strictly below {@code root} (its content scrolls). */
    private static boolean inside(Node n, Class<?> type, Parent root) {
        for (Node p = n.getParent(); p != null && p != root; p = p.getParent()) {
            if (type.isInstance(p)) {
                return true;
            }
        }
        return false;
    }

    private static <T> List<T> all(Parent root, Class<T> type) {
        List<T> out = new ArrayList<>();
        collect(root, type, out);
        return out;
    }

    private static <T> void collect(Parent p, Class<T> type, List<T> out) {
        for (Node n : p.getChildrenUnmodifiable()) {
            if (type.isInstance(n)) {
                out.add(type.cast(n));
            }
            if (n instanceof Parent child) {
                collect(child, type, out);
            }
        }
    }
}
