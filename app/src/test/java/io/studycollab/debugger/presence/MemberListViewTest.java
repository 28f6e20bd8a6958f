package io.studycollab.debugger.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.presence.Member;
import io.studycollab.realtime.presence.PresenceSnapshot;
import io.studycollab.realtime.protocol.Payloads;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The member list follows the roster: rows redrawn in place when a member changes, selection kept. */
@ExtendWith(ApplicationExtension.class)
class MemberListViewTest {

    private final GroupModel group = new GroupModel();
    private MemberListView list;
    private long folded;

    @Start
    void start(Stage stage) {
        list = new MemberListView(group.memberIds(), group.membersById());
        stage.setScene(new Scene(list, 360, 400));
        stage.show();
    }

    private static Member member(String id, String name, String tool, boolean active, double x) {
        return new Member(id, name, null, new Payloads.Cursor(x, 10), active, tool, "2026-11-25T10:00:00Z", 0, 0);
    }

    private void show(Member... members) {
        fx(() -> {
            group.show(new PresenceSnapshot("g", "me", List.of(members), true, 0, ++folded));
            return null;
        });
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private boolean rowShows(FxRobot robot, String text) {
        return fx(() -> robot.from(list).lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> text.equals(l.getText()) && l.isVisible()));
    }

    @Test
    void aMemberSwitchingToolIsRedrawnInPlaceAndTheSelectionStays(FxRobot robot) {
        show(member("a", "Ada", "pen", true, 1), member("b", "Bob", "pen", true, 1), member("c", "Cy", "pen", true, 1));
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            list.getSelectionModel().select("b");
            return null;
        });
        show(
                member("a", "Ada", "pen", true, 2),
                member("b", "Bob", "eraser", false, 2),
                member("c", "Cy", "pen", true, 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("b", fx(() -> list.getSelectionModel().getSelectedItem()), "selection kept");
        assertEquals(List.of("a", "b", "c"), fx(() -> List.copyOf(list.getItems())));
        assertTrue(rowShows(robot, "eraser"), "Bob's row shows the new tool");
        assertTrue(rowShows(robot, "b · inactive"), "Bob's row shows him inactive");
    }

    @Test
    void joiningAndLeavingChangeTheRows(FxRobot robot) {
        show(member("a", "Ada", "pen", true, 1), member("c", "Cy", null, true, 1));
        show(member("a", "Ada", "pen", true, 1), member("b", "Bob", "text", true, 1), member("c", "Cy", null, true, 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("a", "b", "c"), fx(() -> List.copyOf(list.getItems())));
        assertTrue(rowShows(robot, "Bob"));
        show(member("b", "Bob", "text", true, 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("b"), fx(() -> List.copyOf(list.getItems())));
        assertEquals(1, fx(() -> group.membersById().size()), "members who left are forgotten");
    }
}
