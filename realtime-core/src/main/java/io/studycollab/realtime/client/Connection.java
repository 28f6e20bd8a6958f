package io.studycollab.realtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.socket.client.Manager;
import io.socket.client.Socket;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The client's connection: opens and replaces its Socket.IO socket, turns what the socket raises
 * into moves of the {@link ConnectionStateMachine}, rejoins, and sends or queues. Each socket gets a
 * generation; a callback from a socket that is no longer current is ignored. Everything here runs
 * on socket.io's event thread ({@code loop} hops onto it) and never blocks.
 */
final class Connection implements LiveTokenSwap.Host, OutboundQueue.Link, ConnectionFailures.Host {

    final ConnectionStateMachine state;
    final GroupMembership group;
    final OutboundQueue outbound;
    final HeartbeatScheduler heartbeats;
    final TokenExpiryWatch expiry;
    final LiveTokenSwap swap;
    final SocketFactory sockets;
    private final ClientRecords records;
    private final ClientOptions options;
    private final Transmitter transmitter;
    private final InboundHandler inbound;
    private final ConnectionFailures failures;
    private final Consumer<Runnable> loop;
    private final Runnable changed;
    final ServerIdentity identity = new ServerIdentity();

    private Socket socket;
    private long generation;
    private long generations; // the last generation handed out: current and standby sockets differ
    final TokenSource tokens = new TokenSource();
    String url;
    ConnectTarget target;
    boolean closed;

    Connection(
            Consumer<EventRecord> sink, Clock clock, ClientOptions options, Consumer<Runnable> loop, Runnable changed) {
        this.options = options;
        this.loop = loop;
        this.changed = changed;
        this.records = new ClientRecords(sink, clock, identity::userId);
        this.sockets = new SocketFactory(options.httpClient(), options.webSocketFactory(), clock, sink);
        this.state = new ConnectionStateMachine(records, options.reconnectPolicy(), loop, changed);
        this.group = new GroupMembership(records, loop);
        this.outbound = new OutboundQueue(options, records, loop, this);
        this.transmitter = new Transmitter(records, options.ackTimeout(), loop);
        this.inbound = new InboundHandler(records, this::react);
        this.heartbeats = new HeartbeatScheduler(clock, options.heartbeatInterval(), loop, ts -> {
            transmit(new OfflineQueue.Pending(
                    EventNames.HEARTBEAT, ProtocolCodec.object().put("ts", ts), null));
            changed.run();
        });
        this.expiry = new TokenExpiryWatch(records, options.tokenWarningBefore(), loop);
        this.swap = new LiveTokenSwap(this, records, heartbeats, expiry, group, outbound, options, loop);
        this.failures = new ConnectionFailures(state, records, heartbeats, this, options.connectTimeout(), loop);
    }

    void connect(String newUrl, AccessToken newToken, ConnectTarget newTarget, StateCause cause, String why) {
        closeSocket();
        if (newUrl != null) {
            if (!newUrl.equals(url)) {
                group.forget();
            }
            url = newUrl;
            tokens.set(newToken);
            target = newTarget;
            state.clearError();
        }
        state.resetAttempts();
        state.transition(ConnectionState.CONNECTING, cause, why, null, 0, -1);
        openSocket();
    }

    void disconnect(StateCause cause, String why) {
        closeSocket();
        state.resetAttempts();
        if (state.state() != ConnectionState.DISCONNECTED) {
            state.transition(ConnectionState.DISCONNECTED, cause, why, null, 0, -1);
        }
    }

    void reauthenticate(AccessToken newToken, CompletableFuture<Void> done) {
        tokens.set(newToken);
        if (closed || state.state() != ConnectionState.CONNECTED || socket == null) {
            done.complete(null);
            return;
        }
        swap.start(newToken, done);
    }

    void sendOrQueue(OfflineQueue.Pending pending) {
        if (closed) {
            Transmitter.fail(pending, RealtimeException.CLOSED, "client closed");
        } else {
            outbound.send(pending);
        }
    }

    /** Closes for good: the socket goes, whatever is queued fails, the state ends DISCONNECTED. */
    void shutdown() {
        if (closed) {
            return;
        }
        closed = true;
        closeSocket();
        for (OfflineQueue.Pending p : outbound.drain()) {
            Transmitter.fail(p, RealtimeException.CLOSED, "client closed");
        }
        if (state.state() != ConnectionState.DISCONNECTED) {
            state.transition(ConnectionState.DISCONNECTED, StateCause.CLIENT_CLOSED, "client closed", null, 0, -1);
        }
    }

    private void openSocket() {
        long gen = nextGeneration();
        generation = gen;
        AccessToken token = tokens.forNewConnection();
        Socket s;
        try {
            s = newSocket(token, gen);
        } catch (RuntimeException e) {
            state.transition(
                    ConnectionState.FAILED, StateCause.BAD_URL, "bad server URL: " + e.getMessage(), null, 0, -1);
            return;
        }
        socket = s;
        identity.transport(null);
        listen(s, gen);
        failures.armConnectTimeout(() -> gen == generation && state.state() != ConnectionState.CONNECTED);
        s.connect();
    }

    /** The current connection's listeners; each ignores callbacks once {@code gen} is no longer current. */
    private void listen(Socket s, long gen) {
        s.on(Socket.EVENT_CONNECT, a -> onCurrent(gen, this::onConnected));
        s.on(Socket.EVENT_CONNECT_ERROR, a -> onCurrent(gen, () -> failures.connectError(a.length > 0 ? a[0] : null)));
        s.on(
                Socket.EVENT_DISCONNECT,
                a -> onCurrent(gen, () -> failures.disconnected(a.length > 0 ? String.valueOf(a[0]) : "unknown")));
        s.onAnyIncoming(a -> {
            if (gen == generation && swap.firstCopy(gen, a)) {
                incoming(a);
            }
        });
        s.io().on(Manager.EVENT_TRANSPORT, a -> {
            if (a.length > 0 && a[0] instanceof io.socket.engineio.client.Transport t) {
                identity.transport(t.name);
            }
        });
    }

    private void onCurrent(long gen, Runnable task) {
        loop.accept(() -> {
            if (gen == generation) {
                task.run();
            }
        });
    }

    @Override
    public void closeSocket() {
        generation = nextGeneration();
        swap.closeAll();
        failures.disarmConnectTimeout();
        state.cancelRetry();
        heartbeats.reset();
        expiry.stop();
        outbound.reset();
        group.reset();
        if (socket != null) {
            Socket s = socket;
            socket = null;
            SocketFactory.dispose(s);
        }
        identity.socketId(null);
    }

    private void onConnected() {
        failures.disarmConnectTimeout();
        identity.socketId(socket.id());
        state.connected();
        resume();
        if (group.groupId() != null) {
            long gen = generation;
            group.rejoin(this::transmit, () -> gen == generation, outbound::flush);
        } else {
            outbound.flush();
        }
    }

    /** What the protocol's own events change: who we are, our group, the heartbeat, the last error. */
    private void react(String name, JsonNode p) {
        if (EventNames.HEARTBEAT_ACK.equals(name)) {
            heartbeats.acked(p.path("ts").asLong());
        } else if (EventNames.CONNECTION_ERROR.equals(name)) {
            state.error(p.path("code").asText(null), p.path("message").asText(null));
        } else if (!identity.react(name, p) && !group.react(name, p)) {
            return;
        }
        changed.run();
    }

    // ---------------------------------------------------------------- LiveTokenSwap.Host, OutboundQueue.Link

    @Override
    public void reopen() {
        openSocket();
    }

    @Override
    public boolean closed() {
        return closed;
    }

    @Override
    public long nextGeneration() {
        return ++generations;
    }

    @Override
    public Socket newSocket(AccessToken auth, long gen) {
        return sockets.create(url, target, auth, (packet, why) -> {
            if (gen == generation) {
                inbound.undecodable(packet, why);
            }
        });
    }

    @Override
    public Socket current() {
        return socket;
    }

    @Override
    public long generation() {
        return generation;
    }

    @Override
    public void adopt(Socket s, long gen) {
        heartbeats.stop();
        expiry.stop();
        outbound.reset();
        socket = s;
        generation = gen;
        identity.socketId(s.id());
        listen(s, gen);
    }

    @Override
    public void resume() {
        long gen = generation;
        heartbeats.start(() -> gen == generation && state.state() == ConnectionState.CONNECTED);
        expiry.watch(tokens.current(), () -> gen == generation);
        changed.run();
    }

    @Override
    public void incoming(Object[] args) {
        inbound.incoming(args, target.namespace());
    }

    @Override
    public boolean ready() {
        return state.state() == ConnectionState.CONNECTED && !group.rejoining() && socket != null && !swap.draining();
    }

    @Override
    public void transmit(OfflineQueue.Pending pending) {
        transmitter.transmit(socket, pending);
    }

    @Override
    public void changed() {
        changed.run();
    }
}
