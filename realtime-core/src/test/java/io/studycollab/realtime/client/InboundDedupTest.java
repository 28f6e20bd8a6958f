package io.studycollab.realtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InboundDedupTest {

    @Test
    void keepsTheFirstCopyFromEitherConnectionAndDropsItsTwin() {
        InboundDedup d = new InboundDedup();
        assertTrue(d.firstCopy(1, "a"), "old connection first");
        assertTrue(d.firstCopy(2, "b"), "new connection first");
        assertFalse(d.firstCopy(2, "a"), "twin of a");
        assertFalse(d.firstCopy(1, "b"), "twin of b");
        assertEquals(2, d.dropped());
    }

    @Test
    void equalEventsOnOneConnectionAreAllKeptAndMatchedOneForOne() {
        InboundDedup d = new InboundDedup();
        assertTrue(d.firstCopy(1, "x"));
        assertTrue(d.firstCopy(1, "x"), "two real events with one payload");
        assertFalse(d.firstCopy(2, "x"));
        assertFalse(d.firstCopy(2, "x"));
        assertTrue(d.firstCopy(2, "x"), "a third one is new");
    }

    @Test
    void fingerprintIsNameAndPayloadWithoutTheAckCallback() {
        io.socket.client.Ack ack = args -> {};
        assertEquals(
                InboundDedup.fingerprint(new Object[] {"e", "{\"n\":1}"}),
                InboundDedup.fingerprint(new Object[] {"e", "{\"n\":1}", ack}));
        assertFalse(InboundDedup.fingerprint(new Object[] {"e", "{\"n\":1}"})
                .equals(InboundDedup.fingerprint(new Object[] {"e", "{\"n\":2}"})));
    }
}
