package io.studycollab.realtime.proxy.rules;

import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.proxy.Flow;
import io.studycollab.realtime.proxy.PacketView;
import java.util.regex.Pattern;

/**
 * Which packets a rule or breakpoint applies to: an event name glob, and optionally a direction,
 * the user of the connection (from its handshake token) and a payload match (a substring of the
 * payload's compact JSON, or {@code /regex/}).
 */
public record PacketMatch(Glob name, Flow flow, String user, String payload) {

    public static PacketMatch name(String glob) {
        return new PacketMatch(Glob.of(glob), null, null, null);
    }

    public PacketMatch withFlow(Flow f) {
        return new PacketMatch(name, f, user, payload);
    }

    public PacketMatch withUser(String u) {
        return new PacketMatch(name, flow, u, payload);
    }

    public PacketMatch withPayload(String p) {
        if (p != null && p.length() > 1 && p.startsWith("/") && p.endsWith("/")) {
            Pattern.compile(p.substring(1, p.length() - 1)); // refuses a bad regex up front
        }
        return new PacketMatch(name, flow, user, p);
    }

    public boolean matches(PacketView v) {
        if (!name.matches(v.name())) {
            return false;
        }
        if (flow != null && flow != v.flow()) {
            return false;
        }
        if (user != null && !user.equals(v.userId())) {
            return false;
        }
        if (payload != null) {
            String json = v.payload() == null ? "null" : ProtocolCodec.write(v.payload());
            if (payload.length() > 1 && payload.startsWith("/") && payload.endsWith("/")) {
                return Pattern.compile(payload.substring(1, payload.length() - 1))
                        .matcher(json)
                        .find();
            }
            return json.contains(payload);
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name.toString());
        if (flow != null) {
            sb.append(",dir=").append(flow.label());
        }
        if (user != null) {
            sb.append(",user=").append(user);
        }
        if (payload != null) {
            sb.append(",payload=").append(payload);
        }
        return sb.toString();
    }
}
