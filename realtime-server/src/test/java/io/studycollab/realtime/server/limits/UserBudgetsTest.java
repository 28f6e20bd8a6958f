package io.studycollab.realtime.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.time.ManualClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserBudgetsTest {

    private final ManualClock clock = new ManualClock();

    @Test
    void theSocketAfterTheLimitIsRefusedUntilOneIsGivenBack() {
        UserBudgets budgets = new UserBudgets(clock, 5, 0, 1);
        List<UserBudgets.Slot> slots = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UserBudgets.Slot slot = budgets.admit("ada");
            assertNotNull(slot);
            slots.add(slot);
        }
        assertNull(budgets.admit("ada"), "the sixth");
        assertNotNull(budgets.admit("grace"), "another user is not affected");
        slots.get(0).release();
        slots.get(0).release(); // twice: still one socket given back
        assertEquals(4, budgets.sockets("ada"));
        assertNotNull(budgets.admit("ada"));
        assertNull(budgets.admit("ada"));
    }

    @Test
    void aUserLeavesNothingBehindWithTheirLastSocket() {
        UserBudgets budgets = new UserBudgets(clock, 0, 10, 10);
        UserBudgets.Slot a = budgets.admit("ada");
        UserBudgets.Slot b = budgets.admit("ada");
        assertEquals(1, budgets.users());
        a.release();
        b.release();
        assertEquals(0, budgets.users());
        assertEquals(0, budgets.sockets("ada"));
    }

    @Test
    void allSocketsOfAUserDrawFromOneBudget() {
        UserBudgets budgets = new UserBudgets(clock, 0, 100, 200);
        UserBudgets.Slot one = budgets.admit("ada");
        UserBudgets.Slot two = budgets.admit("ada");
        UserBudgets.Slot other = budgets.admit("grace");
        int taken = 0;
        for (int i = 0; i < 150; i++) {
            taken += one.tryEvent() ? 1 : 0;
            taken += two.tryEvent() ? 1 : 0;
        }
        assertEquals(200, taken, "the burst, shared");
        assertFalse(one.tryEvent());
        assertTrue(other.tryEvent(), "another user's budget is their own");
        clock.advanceMillis(100);
        assertTrue(two.tryEvent(), "10 more after 100 ms at 100/s");
    }

    @Test
    void withoutLimitsEveryoneIsAdmittedAndNothingIsCounted() {
        UserBudgets budgets = new UserBudgets(clock, 0, 0, 1);
        UserBudgets.Slot s = null;
        for (int i = 0; i < 1_000; i++) {
            s = budgets.admit("ada");
        }
        for (int i = 0; i < 10_000; i++) {
            assertTrue(s.tryEvent());
        }
    }
}
