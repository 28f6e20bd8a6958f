package io.studycollab.realtime.proxy;

import io.studycollab.realtime.proxy.wire.EioPacket;
import java.util.List;

/** Where a connection's packets go next in one direction: a websocket, or a polling exchange. */
public interface PacketSink {

    /** Sends the packets in order; safe from any thread, never blocks. */
    void send(List<EioPacket> packets);
}
