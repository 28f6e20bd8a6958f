package io.studycollab.realtime.proxy;

import io.studycollab.realtime.proxy.wire.EioPacket;
import io.studycollab.realtime.session.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Engine.IO connection through the proxy (a lane in the UI): who it is, how it is carried, and
 * its two ordered lanes. The transport parts (websocket channels, the polling exchange) are set by
 * the network side; the sinks pick the live transport at the moment a packet is sent, so a packet
 * held on polling and released after the upgrade goes out over the websocket.
 */
public final class ProxyConnection {

    public enum State {
        OPEN,
        CLOSED
    }

    private final String id;
    private final long openedMillis;
    private volatile String sid;
    private volatile String userId;
    private volatile String displayName;
    private volatile String transport;
    private volatile State state = State.OPEN;
    private volatile PacketSink wsUp;
    private volatile PacketSink wsDown;
    private volatile PacketSink pollingUp;
    private volatile PacketSink pollingDown;
    private volatile boolean upgraded;
    // masks this connection's token wherever it shows up in its packets (an echo, an error message)
    private final Redactor redactor = new Redactor();
    private final AtomicLong upCount = new AtomicLong();
    private final AtomicLong downCount = new AtomicLong();
    private final Lane up = new Lane(() -> sink(Flow.UP));
    private final Lane down = new Lane(() -> sink(Flow.DOWN));
    // Socket.IO packets with binary attachments still arriving, per direction (network threads).
    private final List<EioPacket> upPending = new ArrayList<>();
    private final List<EioPacket> downPending = new ArrayList<>();
    private int upAwaiting;
    private int downAwaiting;

    public ProxyConnection(String id, String transport, long openedMillis) {
        this.id = id;
        this.transport = transport;
        this.openedMillis = openedMillis;
    }

    public String id() {
        return id;
    }

    public String sid() {
        return sid;
    }

    public void sid(String value) {
        sid = value;
    }

    public String userId() {
        return userId;
    }

    public String displayName() {
        return displayName;
    }

    public void user(String id, String name) {
        userId = id;
        displayName = name;
    }

    /** Remembers the handshake token so it is masked in every record of this connection. */
    public void token(String token) {
        redactor.addSecret(token);
    }

    public Redactor redactor() {
        return redactor;
    }

    /** {@code polling} or {@code websocket}: how packets travel now. */
    public String transport() {
        return transport;
    }

    public State state() {
        return state;
    }

    public void closed() {
        state = State.CLOSED;
    }

    public long openedMillis() {
        return openedMillis;
    }

    public long count(Flow flow) {
        return flow == Flow.UP ? upCount.get() : downCount.get();
    }

    public void counted(Flow flow) {
        (flow == Flow.UP ? upCount : downCount).incrementAndGet();
    }

    public Lane lane(Flow flow) {
        return flow == Flow.UP ? up : down;
    }

    public void websocket(PacketSink toServer, PacketSink toClient) {
        wsUp = toServer;
        wsDown = toClient;
    }

    public void polling(PacketSink toServer, PacketSink toClient) {
        pollingUp = toServer;
        pollingDown = toClient;
    }

    /** The client switched to the websocket (it sent the upgrade packet, or it never polled). */
    public void upgraded() {
        upgraded = true;
        transport = "websocket";
        Runnable r = onUpgrade;
        if (r != null) {
            r.run();
        }
    }

    private volatile Runnable onUpgrade;

    /** Runs when the client switches to the websocket (the polling side hands over what it still holds). */
    public void onUpgrade(Runnable r) {
        onUpgrade = r;
    }

    public boolean isUpgraded() {
        return upgraded;
    }

    /** Where packets of {@code flow} go now. */
    public PacketSink sink(Flow flow) {
        boolean ws = upgraded || pollingUp == null;
        PacketSink s = flow == Flow.UP ? (ws ? wsUp : pollingUp) : (ws ? wsDown : pollingDown);
        if (s == null) {
            s = flow == Flow.UP ? (wsUp != null ? wsUp : pollingUp) : (wsDown != null ? wsDown : pollingDown);
        }
        return s == null ? packets -> {} : s;
    }

    /**
     * Collects a binary Socket.IO packet and its attachments; returns the whole unit once the last
     * attachment arrived, else null. {@code expected} is the attachment count of a new text packet.
     */
    public synchronized List<EioPacket> assemble(Flow flow, EioPacket p, int expected) {
        List<EioPacket> pending = flow == Flow.UP ? upPending : downPending;
        if (!p.isBinary()) {
            pending.clear();
            pending.add(p);
            setAwaiting(flow, expected);
        } else {
            pending.add(p);
            setAwaiting(flow, awaiting(flow) - 1);
        }
        if (awaiting(flow) > 0) {
            return null;
        }
        List<EioPacket> unit = List.copyOf(pending);
        pending.clear();
        return unit;
    }

    public synchronized boolean awaitingAttachments(Flow flow) {
        return awaiting(flow) > 0;
    }

    private int awaiting(Flow flow) {
        return flow == Flow.UP ? upAwaiting : downAwaiting;
    }

    private void setAwaiting(Flow flow, int n) {
        if (flow == Flow.UP) {
            upAwaiting = n;
        } else {
            downAwaiting = n;
        }
    }

    @Override
    public String toString() {
        return id + (userId != null ? " (" + userId + ")" : "") + " " + transport + " " + state;
    }
}
