package io.studycollab.realtime.server.limits;

import io.studycollab.realtime.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one user may use across all their sockets: how many sockets they may hold and one event
 * budget they all draw from. A user's entry lives while they hold a socket; the count and the
 * budget go with their last socket.
 */
public final class UserBudgets {

    private final Clock clock;
    private final int maxSockets;
    private final double eventsPerSecond;
    private final int eventBurst;
    private final Map<String, User> users = new HashMap<>();

    /**
     * @param maxSockets sockets a user may hold at once; 0: no limit
     * @param eventsPerSecond events a user may send a second; 0: no budget
     */
    public UserBudgets(Clock clock, int maxSockets, double eventsPerSecond, int eventBurst) {
        this.clock = clock;
        this.maxSockets = maxSockets;
        this.eventsPerSecond = eventsPerSecond;
        this.eventBurst = eventBurst;
    }

    /** One socket's hold on its user's entry. */
    public final class Slot {
        private final User user;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(User user) {
            this.user = user;
        }

        /** Takes one event from the user's budget; always true without a budget. */
        public boolean tryEvent() {
            return user.events == null || user.events.tryTake();
        }

        /** Gives the socket back; the second call does nothing. */
        public void release() {
            if (released.compareAndSet(false, true)) {
                UserBudgets.this.release(user);
            }
        }
    }

    private static final class User {
        final String userId;
        final TokenBucket events;
        int sockets;

        User(String userId, TokenBucket events) {
            this.userId = userId;
            this.events = events;
        }
    }

    /** A slot for one more socket of {@code userId}, or null when the user holds the most allowed. */
    public synchronized Slot admit(String userId) {
        User u = users.get(userId);
        if (u == null) {
            u = new User(userId, eventsPerSecond > 0 ? new TokenBucket(clock, eventsPerSecond, eventBurst) : null);
            users.put(userId, u);
        } else if (maxSockets > 0 && u.sockets >= maxSockets) {
            return null;
        }
        u.sockets++;
        return new Slot(u);
    }

    private synchronized void release(User u) {
        if (--u.sockets == 0) {
            users.remove(u.userId, u);
        }
    }

    /** Sockets {@code userId} holds now. */
    public synchronized int sockets(String userId) {
        User u = users.get(userId);
        return u == null ? 0 : u.sockets;
    }

    /** Users holding at least one socket. */
    public synchronized int users() {
        return users.size();
    }

    public int maxSockets() {
        return maxSockets;
    }
}
