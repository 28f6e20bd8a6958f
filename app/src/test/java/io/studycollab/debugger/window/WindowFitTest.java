package io.studycollab.debugger.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The window opens at its size where the screen has room, and at the screen's size where not. */
class WindowFitTest {

    @Test
    void aSmallScreenGetsAWindowOfItsOwnSize() {
        assertEquals(1024, WindowFactory.fit(WindowFactory.WIDTH, 1024));
        assertEquals(672, WindowFactory.fit(WindowFactory.HEIGHT, 672));
    }

    @Test
    void aLargeScreenGetsTheWindowsOwnSize() {
        assertEquals(WindowFactory.WIDTH, WindowFactory.fit(WindowFactory.WIDTH, 1920));
        assertEquals(WindowFactory.HEIGHT, WindowFactory.fit(WindowFactory.HEIGHT, 1080));
    }

    @Test
    void anUnknownScreenSizeKeepsTheWindowsOwnSize() {
        assertEquals(WindowFactory.WIDTH, WindowFactory.fit(WindowFactory.WIDTH, 0));
    }
}
