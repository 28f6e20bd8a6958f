package io.studycollab.debugger.connection;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.client.AckReply;
import io.studycollab.realtime.client.ConnectTarget;
import io.studycollab.realtime.client.ConnectionSnapshot;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.Payloads;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
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

    private final RealtimeClient client;
    private final ReadOnlyObjectWrapper<ConnectionSnapshot> connectionStatus =
            new ReadOnlyObjectWrapper<>(ConnectionSnapshot.initial());
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper currentGroupId = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper();

    public RealtimeModel(RealtimeClient client) {
        this.client = client;
    }

    public void refresh() {
        ConnectionSnapshot s = client.snapshot();
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

    public ReadOnlyStringProperty urlProperty() {
        return url.getReadOnlyProperty();
    }

    public void connect(String serverUrl, AccessToken token, ConnectTarget target) {
        url.set(serverUrl);
        client.connect(serverUrl, token, target);
    }

    public void disconnect() {
        client.disconnect();
    }

    public void reconnect() {
        client.reconnect();
    }

    public void setToken(AccessToken token) {
        client.setToken(token);
    }

    public CompletableFuture<AckReply> joinGroup(String groupId) {
        return client.joinGroup(groupId);
    }

    public CompletableFuture<AckReply> leaveGroup() {
        return client.leaveGroup();
    }

    public CompletableFuture<AckReply> updatePresence(Payloads.PresenceUpdate update) {
        return client.updatePresence(update);
    }

    public void updateCursor(double x, double y) {
        client.updateCursor(x, y);
    }

    public CompletableFuture<AckReply> changeTool(String tool) {
        return client.changeTool(tool);
    }

    public CompletableFuture<AckReply> emit(String event, JsonNode data, boolean ack) {
        return client.emit(event, data, ack);
    }

    /** Any event with any payload, as typed by the user in the emit panel. */
    public CompletableFuture<AckReply> emitRaw(String event, JsonNode payload, boolean ack) {
        return client.sendRaw(event, payload, ack);
    }

    public EventHub.Subscription on(String event, Consumer<EventRecord> handler) {
        return client.on(event, handler);
    }

    public void off(EventHub.Subscription subscription) {
        subscription.unsubscribe();
    }
}
