package io.studycollab.debugger.proxy;

import io.studycollab.debugger.eventlog.EventLogModel;
import io.studycollab.debugger.fx.Tasks;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.proxy.matrix.DeliveryMatrix;
import io.studycollab.realtime.proxy.matrix.MatrixView;
import io.studycollab.realtime.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The delivery matrix for the window: live, a {@link DeliveryMatrix} folds the hub's records on
 * the hub's thread; while a recording is shown, one is folded over the records the log holds for
 * it. Either way the view is computed on a task thread (the matrix's lock is the hub thread's, and
 * the FX thread never waits on it) and handed to the FX thread, one computation at a time.
 */
public final class MatrixFeed implements AutoCloseable {

    /** A copy not seen this long after its source event counts as missed. */
    static final long MISS_AFTER_MILLIS = 2_000;

    static final int MAX_ROWS = 400;

    private final EventHub hub;
    private final Clock clock;
    private final EventLogModel log;
    private final Tasks tasks;
    private final ReadOnlyObjectWrapper<MatrixView> view = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("live");
    private final BooleanSupplier viewingFile;
    private DeliveryMatrix live;
    private EventHub.Subscription subscription;
    private boolean computing;
    private final List<ObservableBooleanValue> watchers = new ArrayList<>();

    MatrixFeed(EventHub hub, Clock clock, EventLogModel log, Tasks tasks, BooleanSupplier viewingFile) {
        this.viewingFile = viewingFile;
        this.hub = hub;
        this.clock = clock;
        this.log = log;
        this.tasks = tasks;
        reset();
    }

    /** Starts the live matrix afresh (a new proxy run has new connections). */
    void reset() {
        if (subscription != null) {
            subscription.unsubscribe();
        }
        live = new DeliveryMatrix(MISS_AFTER_MILLIS, MAX_ROWS);
        subscription = hub.subscribe(live);
    }

    /** The matrix is computed only while one of these is true (a view of it is showing). */
    public void watchWhile(ObservableBooleanValue showing) {
        watchers.add(showing);
    }

    /** Refreshes when someone is looking (called by the pump twice a second). */
    void tick() {
        for (ObservableBooleanValue w : watchers) {
            if (w.get()) {
                refresh();
                return;
            }
        }
    }

    /** Computes the matrix again (on the FX thread; skipped while the previous one is still computing). */
    public void refresh() {
        if (computing) {
            return;
        }
        computing = true;
        DeliveryMatrix m = live;
        boolean replay = viewingFile.getAsBoolean();
        List<EventRecord> recorded = replay ? new ArrayList<>(log.all()) : List.of();
        long now = clock.wallMillis();
        tasks.create(() -> replay ? overRecording(recorded) : m.view(now))
                .onSuccess(v -> {
                    view.set(v);
                    source.set(replay ? "recording (" + recorded.size() + " records)" : "live");
                })
                .andFinally(() -> computing = false)
                .run();
    }

    private static MatrixView overRecording(List<EventRecord> records) {
        DeliveryMatrix m = new DeliveryMatrix(MISS_AFTER_MILLIS, MAX_ROWS);
        m.onEvents(records);
        // as of the last record shown: the replay's "now", never the wall clock
        return m.view(records.isEmpty() ? 0 : records.get(records.size() - 1).wallMillis());
    }

    public ReadOnlyObjectProperty<MatrixView> viewProperty() {
        return view.getReadOnlyProperty();
    }

    /** "live" or which recording the matrix was folded from. */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.unsubscribe();
        }
    }
}
