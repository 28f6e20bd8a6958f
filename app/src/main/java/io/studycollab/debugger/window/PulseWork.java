package io.studycollab.debugger.window;

import io.studycollab.debugger.fx.FxEventPump;
import java.time.Duration;

/** The window's frame-loop work, in order: batch sinks, then models, then views (see {@link FxEventPump}). */
final class PulseWork {

    private PulseWork() {}

    static void register(DebuggerController c, FxEventPump pump) {
        LiveSession session = c.session();
        c.log().limitProperty().addListener((o, a, n) -> session.history().setCapacity(n.intValue()));
        // While a recording is shown, live events still reach history and the fold, not the views.
        // The table refreshes up to 10 times a second (at 10,000 events/s, every frame would be spent
        // re-laying out rows nobody can read that fast); canvas and presence stay at frame rate.
        pump.onBatch(
                batch -> {
                    if (!c.replays().viewingFile()) {
                        c.log().onBatch(batch);
                    }
                },
                Duration.ofMillis(100));
        pump.onBatch(c.stats()::onBatch);
        pump.onPulse(FxEventPump.Phase.MODELS, now -> {
            LiveFeed.Reading reading = session.feed().poll();
            c.realtime().refresh();
            if (!c.replays().viewingFile()) {
                c.group().show(reading.presence());
            }
            c.presence().tick();
            c.stats()
                    .refresh(
                            reading.evicted(),
                            c.realtime().connectionStatusProperty().get());
        });
        pump.onPulse(FxEventPump.Phase.VIEWS, c.canvas()::frame);
        pump.every(FxEventPump.Phase.VIEWS, Duration.ofSeconds(1), now -> {
            c.notices().expire();
            c.recording().tick();
        });
    }
}
