package io.studycollab.realtime.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socket.client.Ack;
import io.socket.client.Socket;
import io.studycollab.realtime.protocol.EncodedPayload;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.json.JSONObject;

/**
 * Moves a live connection to a new token without a drop (a Supabase refresh mid-session): a
 * standby connection opens with the new token and joins the group while the current one carries
 * everything; then it becomes the current one and the old one drains, until the server answers a
 * heartbeat on it, so every event already on its way there arrives. Broadcasts both connections
 * receive meanwhile are kept once ({@link InboundDedup}). Confined to the event thread; its timers
 * (standby ready, drain) run on the client's clock.
 */
final class LiveTokenSwap {

    /** The client the swap works on. */
    interface Host {
        long nextGeneration();

        Socket newSocket(AccessToken token, long generation);

        Socket current();

        long generation();

        /** Makes {@code socket} the current connection; the old one's timers and flush stop. */
        void adopt(Socket socket, long generation);

        /** Heartbeats and the token watch start on the (new) current connection. */
        void resume();

        /** Records an inbound event that is not a twin. */
        void incoming(Object[] args);
    }

    private final Host host;
    private final ClientRecords records;
    private final TokenExpiryWatch expiry;
    private final GroupMembership group;
    private final OutboundQueue outbound; // what queued up during the swap goes once the drain ends
    private final Duration readyTimeout;
    private final Consumer<Runnable> loop;
    private TokenSwap swap; // a swap under way, or null
    private final SwapDrain drain; // the connection a swap left, until its last events are in
    private InboundDedup dedup; // while two connections overlap

    LiveTokenSwap(
            Host host,
            ClientRecords records,
            HeartbeatScheduler heartbeats,
            TokenExpiryWatch expiry,
            GroupMembership group,
            OutboundQueue outbound,
            ClientOptions options,
            Consumer<Runnable> loop) {
        this.host = host;
        this.records = records;
        this.expiry = expiry;
        this.group = group;
        this.outbound = outbound;
        this.readyTimeout = options.connectTimeout();
        this.drain = new SwapDrain(records.clock(), options.ackTimeout(), heartbeats, loop);
        this.loop = loop;
    }

    /** Starts a swap to {@code newToken}; {@code done} completes when it is the current connection. */
    void start(AccessToken newToken, CompletableFuture<Void> done) {
        if (swap != null) {
            abort(swap, "superseded by a newer token");
        }
        long gen = host.nextGeneration();
        Socket standby;
        try {
            standby = host.newSocket(newToken, gen);
        } catch (RuntimeException e) {
            done.completeExceptionally(new RealtimeException("SWAP_FAILED", e.getMessage()));
            return;
        }
        TokenSwap sw = new TokenSwap(standby, gen, group.groupId(), done);
        swap = sw;
        if (dedup == null) {
            dedup = new InboundDedup();
        }
        listen(sw);
        sw.timeout = records.clock()
                .schedule(
                        readyTimeout,
                        () -> loop.accept(() -> {
                            if (swap == sw) {
                                abort(sw, "the new connection was not ready within " + readyTimeout.toMillis() + " ms");
                            }
                        }));
        standby.connect();
    }

    private void listen(TokenSwap sw) {
        sw.socket.on(
                Socket.EVENT_CONNECT,
                a -> loop.accept(() -> {
                    if (swap == sw) {
                        standbyConnected(sw);
                    }
                }));
        sw.socket.on(
                Socket.EVENT_CONNECT_ERROR,
                a -> loop.accept(() -> {
                    if (swap == sw) {
                        Object e = a.length > 0 ? a[0] : null;
                        String why = e instanceof JSONObject j
                                ? j.optString("message") + " " + String.valueOf(j.optJSONObject("data"))
                                : String.valueOf(e);
                        abort(sw, "the new token was refused: " + why);
                    }
                }));
        sw.socket.on(
                Socket.EVENT_DISCONNECT,
                a -> loop.accept(() -> {
                    if (swap == sw) {
                        abort(sw, "the new connection dropped: " + (a.length > 0 ? a[0] : "unknown"));
                    }
                }));
        sw.socket.onAnyIncoming(a -> {
            if (swap != sw) {
                return;
            }
            if (!sw.joined) {
                sw.joined = EventNames.GROUP_JOINED.equals(String.valueOf(a[0]));
                return;
            }
            if (dedup.firstCopy(sw.generation, InboundDedup.fingerprint(a))) {
                host.incoming(a);
            }
        });
    }

    private void standbyConnected(TokenSwap sw) {
        if (sw.group == null) {
            switchTo(sw);
            return;
        }
        Object wire = EncodedPayload.of(ProtocolCodec.object().put("groupId", sw.group));
        sw.socket.emit(EventNames.GROUP_JOIN, new Object[] {wire}, (Ack) args -> loop.accept(() -> {
            if (swap != sw) {
                return;
            }
            AckReply reply = AckReply.of(
                    ProtocolCodec.fromWire(args.length > 0 ? args[0] : null).tree());
            if (!reply.ok()) {
                abort(sw, "the new connection could not join " + sw.group + ": " + reply.errorCode());
            } else if (!sw.group.equals(group.groupId())) {
                abort(sw, "the group changed during the swap");
            } else {
                switchTo(sw);
            }
        }));
    }

    /** The new connection is in the group: it becomes the current one, the old one drains. */
    private void switchTo(TokenSwap sw) {
        cancel(sw.timeout);
        swap = null;
        Socket old = host.current();
        long oldGen = host.generation();
        sw.socket.off();
        sw.socket.offAnyIncoming();
        host.adopt(sw.socket, sw.generation);
        drain.start(
                old,
                a -> {
                    if (dedup.firstCopy(oldGen, InboundDedup.fingerprint(a))) {
                        host.incoming(a);
                    }
                },
                () -> {
                    dedup = null;
                    outbound.flush();
                });
        host.resume();
        ObjectNode body = ProtocolCodec.object().put("ok", true);
        if (expiry.expiresAt() > 0) {
            body.put("expiresAt", Instant.ofEpochMilli(expiry.expiresAt()).toString());
        }
        records.local(EventNames.CLIENT_TOKEN_SWAPPED, body);
        sw.done.complete(null);
    }

    private static void cancel(Clock.Cancellable timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    private void abort(TokenSwap sw, String why) {
        cancel(sw.timeout);
        if (swap == sw) {
            swap = null;
        }
        sw.socket.off();
        sw.socket.disconnect();
        if (!drain.active()) {
            dedup = null;
        }
        ObjectNode body = ProtocolCodec.object().put("ok", false).put("reason", why);
        if (expiry.expiresAt() > 0) {
            body.put(
                    "currentTokenExpiresAt",
                    Instant.ofEpochMilli(expiry.expiresAt()).toString());
        }
        records.local(EventNames.CLIENT_TOKEN_SWAPPED, body);
        sw.done.completeExceptionally(new RealtimeException("SWAP_FAILED", why));
    }

    /** The client's connection closes: a swap under way fails, a drain ends now. */
    void closeAll() {
        if (swap != null) {
            abort(swap, "the connection closed");
        }
        drain.stop();
        dedup = null;
    }

    /** Old connection still draining: sends wait in the queue until it is done. */
    boolean draining() {
        return drain.active();
    }

    /** Whether an event from connection {@code generation} is the first copy (always, with one connection). */
    boolean firstCopy(long generation, Object[] args) {
        return dedup == null || dedup.firstCopy(generation, InboundDedup.fingerprint(args));
    }
}
