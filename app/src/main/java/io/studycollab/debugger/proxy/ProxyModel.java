package io.studycollab.debugger.proxy;

import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.proxy.ProxyConnection;
import io.studycollab.realtime.proxy.breakpoint.PausedPacket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the Proxy tab shows, on the FX thread only: whether the proxy runs and where, a lane per
 * live connection, the selected lane's own stream of records, and the packets paused at
 * breakpoints with the clock their countdowns read. Fed by the pump (batches and a 4 Hz refresh of
 * the core's lock-free connection registry); lists change only when what they show changed.
 */
public final class ProxyModel {

    /** Records kept per connection for its stream (the log keeps everything). */
    static final int STREAM_LIMIT = 500;

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ObservableList<ProxyLane> lanes = FXCollections.observableArrayList();
    private final ObservableList<PausedPacket> paused = FXCollections.observableArrayList();
    private final ObservableList<EventRecord> stream = FXCollections.observableArrayList();
    private final StringProperty selected = new SimpleStringProperty();
    private final ReadOnlyLongWrapper now = new ReadOnlyLongWrapper();
    private final LongProperty autoReleaseSeconds = new SimpleLongProperty(30);
    private final Map<String, ArrayDeque<EventRecord>> streams = new HashMap<>();
    private final ObservableList<ProxyLane> lanesView = FXCollections.unmodifiableObservableList(lanes);
    private final ObservableList<PausedPacket> pausedView = FXCollections.unmodifiableObservableList(paused);
    private final ObservableList<EventRecord> streamView = FXCollections.unmodifiableObservableList(stream);

    public ProxyModel() {
        selected.addListener((o, a, id) -> showStream());
    }

    /** One pulse's records: each proxied one joins its connection's stream. */
    public void onBatch(List<EventRecord> batch) {
        boolean selectedChanged = false;
        String sel = selected.get();
        for (EventRecord r : batch) {
            String conn = r.packet().connection();
            if (conn == null) {
                continue;
            }
            ArrayDeque<EventRecord> q = streams.computeIfAbsent(conn, c -> new ArrayDeque<>());
            q.addLast(r);
            if (q.size() > STREAM_LIMIT) {
                q.removeFirst();
            }
            selectedChanged |= conn.equals(sel);
        }
        if (selectedChanged) {
            showStream();
        }
    }

    /** The latest reading of the proxy's connections and paused packets, at wall time {@code nowMillis}. */
    public void refresh(List<ProxyConnection> live, List<PausedPacket> pausedNow, long nowMillis) {
        now.set(nowMillis);
        Map<String, int[]> pausedBy = new HashMap<>();
        Map<String, Long> until = new HashMap<>();
        for (PausedPacket p : pausedNow) {
            String id = p.connection().id();
            pausedBy.computeIfAbsent(id, k -> new int[1])[0]++;
            until.merge(id, p.deadlineMillis(), Math::min);
        }
        List<ProxyLane> next = new ArrayList<>(live.size());
        for (ProxyConnection c : live) {
            int[] n = pausedBy.get(c.id());
            next.add(ProxyLane.of(c, n == null ? 0 : n[0], until.getOrDefault(c.id(), 0L)));
        }
        if (!next.equals(lanes)) {
            lanes.setAll(next);
        }
        if (!pausedNow.equals(paused)) {
            paused.setAll(pausedNow);
        }
    }

    void started(String url) {
        streams.clear();
        stream.clear();
        address.set(url);
        running.set(true);
        problem.set("");
    }

    void stopped() {
        running.set(false);
        address.set("");
        lanes.clear();
        paused.clear();
    }

    void busy(boolean b) {
        busy.set(b);
    }

    void problem(String text) {
        problem.set(text == null ? "" : text);
    }

    private void showStream() {
        ArrayDeque<EventRecord> q = selected.get() == null ? null : streams.get(selected.get());
        if (q == null) {
            stream.clear();
        } else {
            stream.setAll(q);
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True while the proxy starts or stops. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Where to point the web app (empty when stopped). */
    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    /** Why the last start or action failed (empty when nothing did). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObservableList<ProxyLane> lanes() {
        return lanesView;
    }

    public ObservableList<PausedPacket> paused() {
        return pausedView;
    }

    /** The selected lane's records, oldest first. */
    public ObservableList<EventRecord> stream() {
        return streamView;
    }

    /** The lane whose stream is shown (its connection id), or null. */
    public StringProperty selectedProperty() {
        return selected;
    }

    /** Wall time of the last refresh: what countdowns count from. */
    public ReadOnlyLongProperty nowProperty() {
        return now.getReadOnlyProperty();
    }

    /** How long a breakpoint may hold a packet before it goes on unchanged. */
    public LongProperty autoReleaseSecondsProperty() {
        return autoReleaseSeconds;
    }
}
