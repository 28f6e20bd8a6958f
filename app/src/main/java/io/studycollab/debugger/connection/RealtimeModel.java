package io.studycollab.debugger.connection;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.client.AckReply;
import io.studycollab.realtime.client.ConnectTarget;
import io.studycollab.realtime.client.ConnectionSnapshot;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.protocol.Payloads;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The original {@code useRealtime} hook as an observable model: connection status and group as
 * read-only properties, and the hook's commands. Properties change on the FX thread only, from
 * {@link #refresh}, which the pump calls once per pulse.
 */
public final class RealtimeModel {

    private final Supplier<RealtimeClient> client;
    private final ReadOnlyObjectWrapper<ConnectionSnapshot> connectionStatus =
            new ReadOnlyObjectWrapper<>(ConnectionSnapshot.initial());
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper currentGroupId = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper proxyUrl = new ReadOnlyStringWrapper();

    /** {@code client} gives the session's current client (it may be replaced, see {@code LiveSession}). */
    public RealtimeModel(Supplier<RealtimeClient> client) {
        this.client = client;
    }

    public void refresh() {
        ConnectionSnapshot s = client.get().snapshot();
        // A client just put in place of another (see LiveSession.replaceClient) says "not connected"
        // until it is told where to go: that is no news about the connection, so it is not shown.
        if (s.url() == null && connectionStatus.get().url() != null) {
            return;
        }
        if (s != connectionStatus.get()) {
            connectionStatus.set(s);
            connected.set(s.state() == ConnectionState.CONNECTED);
            currentGroupId.set(s.groupId());
        }
    }

    public ReadOnlyObjectProperty<ConnectionSnapshot> connectionStatusProperty() {
        return connectionStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty isConnectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public boolean isConnected() {
        return connected.get();
    }

    public ReadOnlyStringProperty currentGroupIdProperty() {
        return currentGroupId.getReadOnlyProperty();
    }

    /** The server we talk to (the real one, also while the fault proxy is in between). */
    public ReadOnlyStringProperty urlProperty() {
        return url.getReadOnlyProperty();
    }

    /** The fault proxy our connection goes through, or null when it goes straight to the server. */
    public ReadOnlyStringProperty proxyUrlProperty() {
        return proxyUrl.getReadOnlyProperty();
    }

    /** Connects straight to {@code serverUrl}. */
    public void connect(String serverUrl, AccessToken token, ConnectTarget target) {
        connect(serverUrl, null, token, target);
    }

    /** Connects to {@code serverUrl} through {@code viaProxy} (when not null). */
    public void connect(String serverUrl, String viaProxy, AccessToken token, ConnectTarget target) {
        url.set(serverUrl);
        proxyUrl.set(viaProxy);
        client.get().connect(viaProxy != null ? viaProxy : serverUrl, token, target);
    }

    public void disconnect() {
        client.get().disconnect();
    }

    public void reconnect() {
        client.get().reconnect();
    }

    public CompletableFuture<AckReply> joinGroup(String groupId) {
        return client.get().joinGroup(groupId);
    }

    public CompletableFuture<AckReply> leaveGroup() {
        return client.get().leaveGroup();
    }

    public CompletableFuture<AckReply> updatePresence(Payloads.PresenceUpdate update) {
        return client.get().updatePresence(update);
    }

    public void updateCursor(double x, double y) {
        client.get().updateCursor(x, y);
    }

    public CompletableFuture<AckReply> changeTool(String tool) {
        return client.get().changeTool(tool);
    }

    /** Any event with any payload, as typed by the user in the emit panel. */
    public CompletableFuture<AckReply> emitRaw(String event, JsonNode payload, boolean ack) {
        return client.get().sendRaw(event, payload, ack);
    }
}
