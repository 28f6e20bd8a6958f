package io.studycollab.debugger.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.debugger.profiles.ProfileStore;
import io.studycollab.debugger.window.DebuggerController;
import io.studycollab.debugger.window.WindowFactory;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.presence.Member;
import io.studycollab.realtime.protocol.InboundValidator;
import io.studycollab.realtime.protocol.Payloads;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.session.Redactor;
import io.studycollab.realtime.session.SessionExport;
import io.studycollab.realtime.session.SessionHeader;
import io.studycollab.realtime.testing.TestPayloads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opening a recording: the timeline plays, steps and seeks, and the group follows the playhead. */
@ExtendWith(ApplicationExtension.class)
class ReplayTimelineTest {

    @TempDir
    Path config;

    private DebuggerController controller;

    @Start
    void start(Stage stage) {
        controller = WindowFactory.show(stage, false, ProfileStore.in(config));
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(controller::close).get(20, TimeUnit.SECONDS);
    }

    private Payloads.Cursor cursorOf(String userId) throws Exception {
        return fx(() -> {
            Member m = controller.group().snapshotProperty().get().member(userId);
            return m == null ? null : m.cursor();
        });
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private static ObjectNode user(String id) {
        return TestPayloads.user(id, id, "g");
    }

    private static EventRecord in(long seq, long t, String name, ObjectNode p) {
        return EventRecord.of(Direction.IN, name, p, 10, InboundValidator.problem(name, p), t, t, null)
                .withSeq(seq);
    }

    /** 0: joined with ada; 1: bob joins; 2..41: bob's cursor moves every 100 ms; 42: bob leaves; 43: malformed. */
    private static Path recording(Path dir) throws Exception {
        List<EventRecord> rs = new ArrayList<>();
        long t = 1_000_000;
        ObjectNode joined = ProtocolCodec.object().put("groupId", "g");
        joined.putArray("members").add(user("ada"));
        rs.add(in(1, t, "group:joined", joined));
        ObjectNode bob = ProtocolCodec.object().put("groupId", "g");
        bob.set("user", user("bob"));
        rs.add(in(2, t += 100, "user:joined", bob));
        for (int i = 0; i < 40; i++) {
            ObjectNode c = ProtocolCodec.object()
                    .put("groupId", "g")
                    .put("userId", "bob")
                    .put("ts", t);
            c.putObject("cursor").put("x", 100 + i * 10).put("y", 200);
            rs.add(in(3 + i, t += 100, "user:cursor:updated", c));
        }
        rs.add(in(
                43,
                t += 100,
                "user:left",
                ProtocolCodec.object().put("groupId", "g").put("userId", "bob").put("reason", "left")));
        rs.add(in(44, t += 100, "user:joined", ProtocolCodec.object().put("groupId", "g")));
        Path file = dir.resolve("replay-test.jsonl");
        SessionExport.session(file, SessionHeader.of("test", "http://x", "me", "g", "now"), rs, new Redactor());
        return file;
    }

    @Test
    void playStepAndSeekShowTheGroupAsItWas(FxRobot robot) throws Exception {
        Path dir = config;
        Path file = recording(dir);
        fx(() -> {
            controller.openSession(file);
            return null;
        });
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#replayBar")
                        .tryQuery()
                        .map(n -> n.isVisible())
                        .orElse(false));
        assertTrue(fx(() -> robot.lookup("#statusMode").queryAs(Label.class).getText())
                .startsWith("REPLAY replay-test.jsonl"));
        assertEquals(0, (int) fx(() -> controller.replay().positionProperty().get()), "opens at the start");

        fx(() -> {
            controller.replay().seek(2);
            return null;
        });
        assertEquals(
                List.of("ada", "bob"),
                fx(() -> controller.group().groupMembers().stream()
                        .map(m -> m.userId())
                        .toList()));
        assertNull(cursorOf("bob"));

        robot.clickOn("#replayForward");
        assertEquals(3, (int) fx(() -> controller.replay().positionProperty().get()));
        assertEquals(100.0, cursorOf("bob").x());

        fx(() -> {
            controller.replay().seek(43);
            return null;
        });
        assertEquals(
                List.of("ada"),
                fx(() -> controller.group().groupMembers().stream()
                        .map(m -> m.userId())
                        .toList()),
                "bob left");
        fx(() -> {
            controller.replay().seek(30);
            return null;
        });
        assertEquals(370.0, cursorOf("bob").x(), "seeking back is exact");
        assertEquals(30, (int) fx(() -> controller.log().visible().size()), "the log shows events up to the playhead");
        robot.clickOn("#replayBack");
        assertEquals(29, (int) fx(() -> controller.replay().positionProperty().get()));

        fx(() -> {
            controller.replay().speedProperty().set(16);
            return null;
        });
        robot.clickOn("#replayPlay");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> fx(() -> controller.replay().positionProperty().get()) == 44);
        assertFalse(fx(() -> controller.replay().playingProperty().get()), "stops at the end");
        assertEquals(1, (long) fx(() ->
                controller.log().all().stream().filter(EventRecord::malformed).count()));

        robot.clickOn("#backToLive");
        assertFalse(fx(() -> robot.lookup("#replayBar").query().isVisible()));
        assertEquals(
                "LIVE",
                fx(() -> robot.lookup("#statusMode").queryAs(Label.class).getText()));
    }
}
