package io.studycollab.realtime.proxy.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.proxy.Flow;
import org.junit.jupiter.api.Test;

class RuleTest {

    @Test
    void globsMatchWholeNamesWithStarAndQuestionMark() {
        assertTrue(Glob.of("user:*").matches("user:cursor:updated"));
        assertFalse(Glob.of("user:*").matches("group:user:x"));
        assertTrue(Glob.of("tool:chang?").matches("tool:change"));
        assertTrue(Glob.of("a.b").matches("a.b"));
        assertFalse(Glob.of("a.b").matches("axb")); // dots are literal
        assertThrows(IllegalArgumentException.class, () -> Glob.of(" "));
    }

    @Test
    void dropAndDelaySpecsParseWithTheirQualifiers() {
        Rule drop = Rule.parseDrop("user:cursor:updated,dir=down,user=u2,payload=\"x\":1");
        assertEquals(Rule.Action.DROP, drop.action());
        assertEquals(Flow.DOWN, drop.match().flow());
        assertEquals("u2", drop.match().user());
        assertEquals("\"x\":1", drop.match().payload());
        Rule delay = Rule.parseDelay("tool:*=250,dir=up");
        assertEquals(250, delay.delayMillis());
        assertEquals(Flow.UP, delay.match().flow());
        assertNull(delay.match().user());
        assertEquals("delay tool:*,dir=up by 250 ms", delay.toString());
    }

    @Test
    void globalLimitsApplyOnlyWhereARuleNamesNone() {
        Rule r = Rule.parseDrop("a,user=u1").limitedTo(Flow.UP, "u9");
        assertEquals(Flow.UP, r.match().flow());
        assertEquals("u1", r.match().user());
    }

    @Test
    void badSpecsSayWhatIsWrong() {
        assertThrows(IllegalArgumentException.class, () -> Rule.parseDrop(""));
        assertThrows(IllegalArgumentException.class, () -> Rule.parseDrop("a,dir=sideways"));
        assertThrows(IllegalArgumentException.class, () -> Rule.parseDrop("a,colour=red"));
        assertThrows(IllegalArgumentException.class, () -> Rule.parseDrop("a,nokey"));
        assertThrows(IllegalArgumentException.class, () -> Rule.parseDelay("a"));
        assertThrows(IllegalArgumentException.class, () -> Rule.parseDelay("a=soon"));
        assertThrows(IllegalArgumentException.class, () -> Rule.parseDelay("a=0"));
        assertThrows(IllegalArgumentException.class, () -> Rule.parseDrop("a,payload=/[unclosed/"));
    }
}
