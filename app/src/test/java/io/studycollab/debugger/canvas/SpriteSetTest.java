package io.studycollab.debugger.canvas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.presence.Member;
import io.studycollab.realtime.protocol.Payloads;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the board sits in a view, and how pointers follow their cursors: numbers, no window. */
class SpriteSetTest {

    private static final long MS = 1_000_000L;

    private static Member member(String id, Payloads.Cursor cursor, boolean active) {
        return new Member(id, "Name " + id, null, cursor, active, null, null, 0, cursor == null ? -1 : 0);
    }

    @Test
    void theBoardFillsTheViewAndMouseCoordinatesMapBackOntoIt() {
        BoardGeometry wide = BoardGeometry.fit(2000, 600);
        assertEquals(2.0, wide.scaleX());
        assertEquals(1.0, wide.scaleY());
        assertArrayEquals(new double[] {375, 300}, wide.toBoard(750, 300));
        assertArrayEquals(new double[] {0, 0}, wide.toBoard(-10, -5), "clamped to the board");
        assertArrayEquals(new double[] {1000, 600}, wide.toBoard(2100, 900));
        assertArrayEquals(new double[] {2000, 600}, wide.toView(1000, 600), "corner to corner");
        BoardGeometry half = BoardGeometry.fit(500, 400);
        assertEquals(0.5, half.scaleX());
        assertArrayEquals(new double[] {250, 200}, half.toView(500, 300));
        assertEquals(500, half.deviceX(500, 2), "device pixels at density 2");
        assertEquals(400, half.deviceY(300, 2));
        assertArrayEquals(
                new double[] {123.5, 45.7}, half.toBoard(half.toView(123.46, 45.66)[0], half.toView(123.46, 45.66)[1]));
    }

    @Test
    void onlyMembersWithACursorAreShownAndLeaversGo() {
        SpriteSet set = new SpriteSet(name -> name.length() * 7.0);
        List<Member> roster = List.of(member("a", new Payloads.Cursor(100, 100), true), member("b", null, true));
        set.syncRoster(roster);
        set.syncCursors(roster, 0);
        assertEquals(1, set.shown().size());
        assertEquals("a", set.shown().get(0).userId);
        assertEquals("Name a".length() * 7.0, set.shown().get(0).labelWidth);
        assertNull(set.position("b"));
        set.syncRoster(List.of(roster.get(1)));
        set.syncCursors(List.of(roster.get(1)), 0);
        assertTrue(set.shown().isEmpty());
        assertNull(set.position("a"));
    }

    @Test
    void aPointerGlidesTowardItsTargetAndAFrameWithoutAPixelOfMovementChangesNothing() {
        SpriteSet set = new SpriteSet(name -> 10);
        BoardGeometry fit = BoardGeometry.fit(1000, 600);
        List<Member> at100 = List.of(member("a", new Payloads.Cursor(100, 100), true));
        set.syncRoster(at100);
        set.syncCursors(at100, 0);
        assertTrue(set.step(0.016, fit, 1, 0, false), "the first frame puts it");
        assertFalse(set.step(0.016, fit, 1, 16 * MS, false), "nothing moved");

        List<Member> at200 = List.of(member("a", new Payloads.Cursor(200, 100), true));
        set.syncCursors(at200, 32 * MS);
        assertTrue(set.step(0.016, fit, 1, 32 * MS, false));
        double x = set.position("a")[0];
        assertTrue(x > 100 && x < 200, "part of the way after one frame: " + x);
        for (int i = 0; i < 60; i++) {
            set.step(0.016, fit, 1, (48 + 16 * i) * MS, false);
        }
        assertEquals(200, set.position("a")[0], 0.5, "arrived after a second");
    }

    @Test
    void inactiveSilentOrOfflinePointersAreFaded() {
        SpriteSet set = new SpriteSet(name -> 10);
        BoardGeometry fit = BoardGeometry.fit(1000, 600);
        List<Member> roster = List.of(
                member("idle", new Payloads.Cursor(10, 10), false), member("busy", new Payloads.Cursor(20, 20), true));
        set.syncRoster(roster);
        set.syncCursors(roster, 0);
        set.step(0.016, fit, 1, 0, false);
        Sprite idle = set.shown().stream()
                .filter(s -> s.userId.equals("idle"))
                .findFirst()
                .orElseThrow();
        Sprite busy = set.shown().stream()
                .filter(s -> s.userId.equals("busy"))
                .findFirst()
                .orElseThrow();
        assertTrue(idle.drawnFaded);
        assertFalse(busy.drawnFaded);
        assertTrue(set.step(0.016, fit, 1, (SpriteSet.STALE_MILLIS + 1) * MS, false), "silence fades it");
        assertTrue(busy.drawnFaded);
        set.syncCursors(List.of(member("busy", new Payloads.Cursor(30, 30), true)), (SpriteSet.STALE_MILLIS + 2) * MS);
        set.step(0.016, fit, 1, (SpriteSet.STALE_MILLIS + 2) * MS, false);
        assertFalse(busy.drawnFaded, "a move brings it back");
        set.step(0.016, fit, 1, (SpriteSet.STALE_MILLIS + 3) * MS, true);
        assertTrue(busy.drawnFaded, "offline: last known positions are faded");
    }

    @Test
    void theHoveredPointerIsTheNearestWithinTwentyPixels() {
        SpriteSet set = new SpriteSet(name -> 10);
        BoardGeometry fit = BoardGeometry.fit(1000, 600);
        List<Member> roster = List.of(
                member("a", new Payloads.Cursor(100, 100), true), member("b", new Payloads.Cursor(130, 100), true));
        set.syncRoster(roster);
        set.syncCursors(roster, 0);
        set.step(0.016, fit, 1, 0, false);
        assertSame(
                set.shown().stream()
                        .filter(s -> s.userId.equals("b"))
                        .findFirst()
                        .orElseThrow(),
                set.nearest(fit, 125, 100));
        assertNull(set.nearest(fit, 300, 300));
        assertNull(set.nearest(fit, -1, -1), "mouse outside");
    }
}
