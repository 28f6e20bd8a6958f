package io.studycollab.realtime.proxy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The connections through the proxy, by our id ({@code c1}, {@code c2}, …) and by Engine.IO sid.
 * Opening, upgrading and closing are published as {@code proxy:connection} records.
 */
public final class ConnectionRegistry {

    private final Clock clock;
    private final Interceptor interceptor;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, ProxyConnection> byId = new ConcurrentHashMap<>();
    private final Map<String, ProxyConnection> bySid = new ConcurrentHashMap<>();

    public ConnectionRegistry(Clock clock, Interceptor interceptor) {
        this.clock = clock;
        this.interceptor = interceptor;
    }

    public ProxyConnection open(String transport) {
        ProxyConnection c = new ProxyConnection("c" + ids.incrementAndGet(), transport, clock.wallMillis());
        byId.put(c.id(), c);
        if ("websocket".equals(transport)) {
            c.upgraded();
        }
        return c;
    }

    /** The server's open packet named the sid. */
    public void opened(ProxyConnection c, String sid) {
        c.sid(sid);
        bySid.put(sid, c);
        event(c, "open");
    }

    public ProxyConnection bySid(String sid) {
        return sid == null ? null : bySid.get(sid);
    }

    public ProxyConnection byId(String id) {
        return byId.get(id);
    }

    /** Live connections, in the order they opened. */
    public List<ProxyConnection> live() {
        List<ProxyConnection> out = new ArrayList<>();
        for (ProxyConnection c : byId.values()) {
            if (c.state() == ProxyConnection.State.OPEN) {
                out.add(c);
            }
        }
        out.sort((a, b) -> Long.compare(Long.parseLong(a.id().substring(1)), Long.parseLong(b.id().substring(1))));
        return out;
    }

    public void upgraded(ProxyConnection c) {
        event(c, "upgrade");
    }

    public void close(ProxyConnection c, String reason) {
        if (c.state() == ProxyConnection.State.CLOSED) {
            return;
        }
        c.closed();
        byId.remove(c.id());
        if (c.sid() != null) {
            bySid.remove(c.sid(), c);
        }
        interceptor.injector().closed(c);
        ObjectNode o = detail(c, "close");
        o.put("reason", reason);
        interceptor.publish(interceptor.records().local(c, PacketRecords.CONNECTION, o));
    }

    private void event(ProxyConnection c, String what) {
        interceptor.publish(interceptor.records().local(c, PacketRecords.CONNECTION, detail(c, what)));
    }

    private static ObjectNode detail(ProxyConnection c, String what) {
        ObjectNode o = ProtocolCodec.object();
        o.put("state", what);
        o.put("conn", c.id());
        o.put("transport", c.transport());
        if (c.sid() != null) {
            o.put("sid", c.sid());
        }
        if (c.userId() != null) {
            o.put("userId", c.userId());
        }
        return o;
    }
}
