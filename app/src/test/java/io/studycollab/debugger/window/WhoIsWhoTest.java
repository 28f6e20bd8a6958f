package io.studycollab.debugger.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.debugger.fx.UserColors;
import io.studycollab.debugger.notifications.Notices;
import io.studycollab.realtime.presence.Member;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Issue 14 points 6, 8 and 10 in the window against its sandbox: you have a colour nobody else has
 * and your row says "(you)"; notifications take their own strip and cover no control; recording
 * shows a red REC badge with time and size, the menu item toggles, and stopping says where the
 * file is; the status bar says "evicted (keep N)".
 */
class WhoIsWhoTest extends WindowFixture {

    @Start
    void start(Stage stage) throws Exception {
        openWindow(stage);
    }

    private static double hueDistance(Color a, Color b) {
        double d = Math.abs(a.getHue() - b.getHue()) % 360;
        return Math.min(d, 360 - d);
    }

    @Test
    void youHaveYourOwnColourAndRowAndNoticesCoverNoControl(FxRobot robot) {
        waitFor("the demo group", 60, () -> controller.group().groupMembers().size() >= 4);
        String self = fx(() -> controller.group().snapshotProperty().get().selfUserId());
        assertTrue(self != null && !self.isBlank());
        waitFor(
                "your row says (you)",
                10,
                () -> robot.lookup("#memberList .label").queryAllAs(Label.class).stream()
                        .anyMatch(l -> l.getText() != null && l.getText().endsWith(" (you)")));
        long youRows = fx(() -> robot.lookup("#memberList .label").queryAllAs(Label.class).stream()
                .filter(l -> l.getText() != null && l.getText().endsWith(" (you)"))
                .count());
        assertEquals(1, youRows, "exactly one row is you");
        for (Member m : fx(() -> java.util.List.copyOf(controller.group().groupMembers()))) {
            if (!m.userId().equals(self)) {
                Color other = UserColors.of(m.userId(), self);
                assertTrue(
                        hueDistance(other, UserColors.SELF) >= UserColors.SELF_BAND,
                        m.userId() + " is coloured like you: " + other);
            }
        }
        // Any user id at all stays clear of your colour (the bots' ids are only four of them).
        for (int i = 0; i < 2_000; i++) {
            assertTrue(hueDistance(UserColors.of("user-" + i), UserColors.SELF) >= UserColors.SELF_BAND - 0.5);
        }

        // Three notices at once: the strip sits under the bars and covers none of their controls.
        fx(() -> {
            controller.notices().post("a", Notices.Kind.WARNING, "Connection lost", "transport close");
            controller.notices().post("b", Notices.Kind.INFO, "Done", "Saved");
            controller.notices().post("c", Notices.Kind.DANGER, "Could not connect", "refused");
            return null;
        });
        waitFor(
                "three notices shown",
                5,
                () -> robot.lookup(".notice").queryAll().size() == 3);
        Bounds strip = fx(() -> bounds(robot.lookup("#notices").query()));
        for (String id : new String[] {"#connectionState", "#theme", "#sidePanels", "#connect", "#eventLog"}) {
            Bounds control = fx(() -> bounds(robot.lookup(id).query()));
            if (id.equals("#sidePanels") || id.equals("#eventLog")) {
                assertTrue(control.getMinY() >= strip.getMaxY() - 0.5, id + " starts below the notices");
            } else {
                assertFalse(strip.intersects(control), id + " " + control + " is covered by " + strip);
            }
        }
    }

    private static Bounds bounds(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    @Test
    void recordingIsUnmistakableAndTheMenuItemAlwaysToggles(FxRobot robot) throws Exception {
        waitFor("the demo group", 60, () -> controller.group().groupMembers().size() >= 4);
        Label evicted = robot.lookup("#statusEvicted").queryAs(Label.class);
        assertEquals("0 evicted (keep 10,000)", fx(evicted::getText));
        assertTrue(fx(() -> evicted.getTooltip() != null));
        Label rec = robot.lookup("#recBadge").queryAs(Label.class);
        assertFalse(fx(rec::isVisible), "no REC badge while not recording");
        MenuItem item = fx(() -> robot.lookup("#appMenu").queryAs(MenuBar.class).getMenus().get(0).getItems().stream()
                .filter(i -> "menuRecord".equals(i.getId()))
                .findFirst()
                .orElseThrow());
        assertEquals("Record to file…", fx(item::getText));

        Path file = dir.resolve("rec.jsonl");
        fx(() -> {
            controller.recording().recordTo(file);
            return null;
        });
        waitFor("the REC badge", 5, rec::isVisible);
        assertTrue(fx(rec::getText).matches("● REC 0:0\\d · [\\d.]+ KB · [\\d,]+ events"), fx(rec::getText));
        assertEquals("Stop recording", fx(item::getText));
        waitFor("the badge counts events", 20, () -> !rec.getText().endsWith(" 0 events"));

        fx(() -> {
            item.fire(); // stops: the item follows the real state, not a tick of its own
            return null;
        });
        waitFor(
                "recording stopped",
                5,
                () -> !controller.recording().recordingProperty().get());
        assertFalse(fx(rec::isVisible));
        assertEquals("Record to file…", fx(item::getText));
        waitFor(
                "a confirmation with the path",
                20,
                () -> robot.lookup(".notice").queryAll().stream()
                        .anyMatch(n -> noticeText(n).contains(file.toString())));
        assertTrue(Files.readString(file).contains("user:cursor:updated"));
        assertNull(fx(() -> controller.recording().fileName()));
        assertNotEquals(0, Files.size(file));
    }

    private static String noticeText(Node n) {
        return n instanceof atlantafx.base.controls.Notification note ? note.getMessage() : "";
    }
}
