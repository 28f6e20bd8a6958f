package io.studycollab.debugger.eventlog;

import io.studycollab.realtime.events.EventFilter;
import io.studycollab.realtime.events.EventRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.collections.transformation.FilteredList;

/**
 * What the event log shows: every event up to the limit, filtered. Pausing freezes the view, not
 * the recording: events keep arriving into a side buffer and appear on resume, none lost.
 */
public final class EventLogModel {

    private final RecordList all = new RecordList();
    private final FilteredList<EventRecord> visible = new FilteredList<>(all);
    private final ObservableList<EventRecord> allView = FXCollections.unmodifiableObservableList(all);
    private final ObjectProperty<EventFilter> filter = new SimpleObjectProperty<>(EventFilter.all());
    // the proxy's lanes choose it; kept apart from the view's filter fields so either can change alone
    private final StringProperty connection = new SimpleStringProperty("");
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final IntegerProperty limit = new SimpleIntegerProperty();
    private final ReadOnlyIntegerWrapper pending = new ReadOnlyIntegerWrapper(0);
    private final List<EventRecord> heldBack = new ArrayList<>();
    private final ObservableSet<String> hidden = FXCollections.observableSet();

    public EventLogModel(int initialLimit) {
        limit.set(initialLimit);
        filter.addListener((obs, old, f) -> refilter());
        connection.addListener((obs, old, c) -> refilter());
        hidden.addListener((SetChangeListener<String>) c -> refilter());
        paused.addListener((obs, was, now) -> {
            if (!now) {
                append(heldBack);
                heldBack.clear();
                pending.set(0);
            }
        });
        limit.addListener((obs, old, n) -> trim());
    }

    private void refilter() {
        EventFilter f = filter.get().withConnection(connection.get());
        if (hidden.isEmpty()) {
            visible.setPredicate(f.isEmpty() ? null : f);
        } else {
            Set<String> names = Set.copyOf(hidden);
            visible.setPredicate(r -> !names.contains(r.name()) && f.test(r));
        }
    }

    /** Event names hidden by their quick toggle (on top of the filter). */
    public ObservableSet<String> hiddenNames() {
        return hidden;
    }

    /** One pulse's worth of events. */
    public void onBatch(List<EventRecord> batch) {
        if (paused.get()) {
            heldBack.addAll(batch);
            pending.set(heldBack.size());
            return;
        }
        append(batch);
    }

    private void append(List<EventRecord> batch) {
        all.appendKeepingAtMost(batch, limit.get());
    }

    private void trim() {
        int excess = all.size() - limit.get();
        if (excess > 0) {
            all.remove(0, excess);
        }
    }

    /** Replaces everything (e.g. when a session file is opened). */
    public void replaceAll(List<EventRecord> records) {
        heldBack.clear();
        pending.set(0);
        int max = limit.get();
        all.setAll(records.size() > max ? records.subList(records.size() - max, records.size()) : records);
    }

    public void clear() {
        all.clear();
        heldBack.clear();
        pending.set(0);
    }

    public ObservableList<EventRecord> visible() {
        return visible;
    }

    public ObservableList<EventRecord> all() {
        return allView;
    }

    public ObjectProperty<EventFilter> filterProperty() {
        return filter;
    }

    /** Shows only the records of this proxied connection ({@code c1}…); null or blank for all. */
    public StringProperty connectionProperty() {
        return connection;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public IntegerProperty limitProperty() {
        return limit;
    }

    /** Events waiting while paused. */
    public ReadOnlyIntegerProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }
}
