package io.studycollab.realtime.admin;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * An admin action described but not yet sent: the caller shows {@link #description()} to a person,
 * and only {@link #confirm()} sends it. A second confirm does nothing, so a double click cannot
 * disconnect two sockets that happen to reuse a room name.
 */
public final class PendingAction {

    private final String description;
    private final String event;
    private final List<Object> args;
    private final Consumer<PendingAction> sender;
    private final AtomicBoolean sent = new AtomicBoolean();

    PendingAction(String description, String event, List<Object> args, Consumer<PendingAction> sender) {
        this.description = Objects.requireNonNull(description);
        this.event = Objects.requireNonNull(event);
        this.args = List.copyOf(args);
        this.sender = sender;
    }

    /** What will happen, in words, e.g. "disconnect socket abc (Ada) from /". */
    public String description() {
        return description;
    }

    /** The admin protocol event it sends: {@code _disconnect}, {@code join} or {@code leave}. */
    public String event() {
        return event;
    }

    /** Its arguments, as the admin protocol orders them. */
    public List<Object> args() {
        return args;
    }

    /** Sends it; true the first time, false when it was already sent. */
    public boolean confirm() {
        if (!sent.compareAndSet(false, true)) {
            return false;
        }
        sender.accept(this);
        return true;
    }

    @Override
    public String toString() {
        return "PendingAction[" + description + "]";
    }
}
