package io.studycollab.realtime.proxy.matrix;

import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.presence.PresenceTracker;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.Map;

/** What the matrix knows of one connection: who, which group, what it still expects, what it believes. */
final class ConnState {
    final String id;
    String userId;
    String group;
    boolean open = true;
    final PresenceTracker belief = new PresenceTracker();
    final LinkedList<DeliveryMatrix.Source> pending = new LinkedList<>();
    final Map<String, Long> latestBySender = new HashMap<>();
    final Map<Long, DeliveryMatrix.Source> held = new HashMap<>();
    DeliveryMatrix.Delivery lastDown;
    DeliveryMatrix.Source lastDownSource;
    DeliveryMatrix.Source lastUp;
    // the latest down record, not yet folded into the view until we know the proxy passed it on
    EventRecord unfolded;
    final Map<Long, EventRecord> heldFolds = new HashMap<>();

    ConnState(String id) {
        this.id = id;
    }
}
