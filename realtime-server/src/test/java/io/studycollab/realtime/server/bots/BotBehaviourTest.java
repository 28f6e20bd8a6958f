package io.studycollab.realtime.server.bots;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BotBehaviourTest {

    @Test
    void movesSmoothlyChangesToolsIdlesAndChatsWithinTheBoard() {
        BotBehaviour b = new BotBehaviour(7);
        double[] last = null;
        int tools = 0;
        int customs = 0;
        int idles = 0;
        int wakes = 0;
        for (int i = 0; i < 20 * 60 * 3; i++) { // three minutes of 50 ms ticks
            BotBehaviour.Step s = b.tick(50);
            if (s.cursor() != null) {
                assertTrue(s.cursor()[0] >= 0 && s.cursor()[0] <= BotBehaviour.BOARD_WIDTH);
                assertTrue(s.cursor()[1] >= 0 && s.cursor()[1] <= BotBehaviour.BOARD_HEIGHT);
                if (last != null && s.active() == null) {
                    double jump = Math.hypot(s.cursor()[0] - last[0], s.cursor()[1] - last[1]);
                    assertTrue(jump < 40, "smooth path, jumped " + jump);
                }
                last = s.cursor();
            }
            tools += s.tool() != null ? 1 : 0;
            customs += s.customEvent() != null ? 1 : 0;
            idles += Boolean.FALSE.equals(s.active()) ? 1 : 0;
            wakes += Boolean.TRUE.equals(s.active()) ? 1 : 0;
        }
        assertTrue(tools >= 10, "tools " + tools);
        assertTrue(customs >= 5, "customs " + customs);
        assertTrue(idles >= 2 && wakes >= 2, "idle " + idles + " wake " + wakes);
    }
}
