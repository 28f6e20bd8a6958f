package io.studycollab.realtime.proxy;

import io.studycollab.realtime.proxy.wire.EioPacket;
import io.studycollab.realtime.proxy.wire.SioPacket;
import java.util.ArrayList;
import java.util.List;

/**
 * One Socket.IO packet with its binary attachments, as the Engine.IO packets that carried it: held,
 * dropped or forwarded as one unit, so an attachment never travels without the packet it belongs to.
 *
 * @param packet the parsed Socket.IO packet, or null when the message was not valid Socket.IO
 * @param frames the Engine.IO packets exactly as received (the text packet, then each attachment)
 */
public record WireMessage(SioPacket packet, List<EioPacket> frames) {

    public WireMessage {
        frames = List.copyOf(frames);
    }

    /** The same attachments under a rewritten Socket.IO packet (an edit). */
    public WireMessage withPacket(SioPacket edited) {
        List<EioPacket> out = new ArrayList<>(frames.size());
        out.add(EioPacket.message(edited.encode()));
        out.addAll(frames.subList(1, frames.size()));
        return new WireMessage(edited, out);
    }

    public List<byte[]> attachments() {
        List<byte[]> out = new ArrayList<>();
        for (EioPacket p : frames.subList(1, frames.size())) {
            out.add(p.binary());
        }
        return out;
    }

    public int wireSize() {
        int n = 0;
        for (EioPacket p : frames) {
            n += p.wireSize();
        }
        return n;
    }
}
