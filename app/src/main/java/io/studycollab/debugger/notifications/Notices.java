package io.studycollab.debugger.notifications;

import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the notification area shows, as plain state (FX thread only). A notice sits in a slot: a
 * new notice for a slot replaces the one there (the connection slot always tells the current
 * problem, never a stale one), repeats of one title within {@link #REPEAT_WINDOW} collapse into
 * one notice with a count ("Connection lost ×6 in 30 s"), a notice is removed when the state it
 * reports is resolved, and passing ones expire. Time comes from the injected clock.
 */
public final class Notices {

    public static final Duration REPEAT_WINDOW = Duration.ofSeconds(30);
    /** More than this and the oldest goes: the area must stay a strip, not a wall. */
    public static final int MAX_SHOWN = 3;

    public enum Kind {
        INFO,
        SUCCESS,
        WARNING,
        DANGER
    }

    /**
     * @param expiresAtMillis when it goes by itself, or -1 for "until resolved or closed"
     */
    public record Notice(
            String slot, Kind kind, String title, String text, int repeats, long spanMillis, long expiresAtMillis) {

        /** "Connection lost", or "Connection lost ×6 in 30 s" for repeats. */
        public String heading() {
            if (repeats <= 1) {
                return title;
            }
            return title + " ×" + repeats + " in " + Math.max(1, (spanMillis + 999) / 1000) + " s";
        }
    }

    private final Clock clock;
    private final ObservableList<Notice> shown = FXCollections.observableArrayList();
    // One wrapper, kept: a wrapper made per call holds its listeners weakly and loses them to the GC.
    private final ObservableList<Notice> readOnly = FXCollections.unmodifiableObservableList(shown);
    // When each title was posted lately: repeats are counted even across a resolve in between.
    private final Map<String, Deque<Long>> recent = new HashMap<>();

    public Notices(Clock clock) {
        this.clock = clock;
    }

    public ObservableList<Notice> shown() {
        return readOnly;
    }

    /** Shows a notice in {@code slot} until it is resolved or closed. */
    public Notice post(String slot, Kind kind, String title, String text) {
        return post(slot, kind, title, text, null);
    }

    /** Shows a notice in {@code slot} that goes by itself after {@code life} (null: until resolved). */
    public Notice post(String slot, Kind kind, String title, String text, Duration life) {
        long now = clock.monoMillis();
        Deque<Long> times = recent.computeIfAbsent(slot + "\u0000" + title, k -> new ArrayDeque<>());
        while (!times.isEmpty() && now - times.peekFirst() > REPEAT_WINDOW.toMillis()) {
            times.removeFirst();
        }
        times.addLast(now);
        Notice n = new Notice(
                slot,
                kind,
                title,
                text,
                times.size(),
                now - times.peekFirst(),
                life == null ? -1 : now + life.toMillis());
        int at = indexOf(slot);
        if (at >= 0) {
            shown.set(at, n);
        } else {
            shown.add(n);
            while (shown.size() > MAX_SHOWN) {
                shown.remove(0);
            }
        }
        return n;
    }

    /** The state {@code slot} reported is over: its notice goes. */
    public void resolve(String slot) {
        int at = indexOf(slot);
        if (at >= 0) {
            shown.remove(at);
        }
    }

    /** The user closed it. */
    public void dismiss(Notice n) {
        shown.remove(n);
    }

    /** Removes the notices whose time is up (called about once a second by the frame loop). */
    public void expire() {
        long now = clock.monoMillis();
        shown.removeIf(n -> n.expiresAtMillis() >= 0 && now >= n.expiresAtMillis());
    }

    private int indexOf(String slot) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).slot().equals(slot)) {
                return i;
            }
        }
        return -1;
    }
}
