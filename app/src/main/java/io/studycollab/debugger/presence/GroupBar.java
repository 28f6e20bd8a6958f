package io.studycollab.debugger.presence;

import atlantafx.base.theme.Styles;
import io.studycollab.debugger.connection.RealtimeModel;
import io.studycollab.debugger.fx.FxTasks;
import io.studycollab.realtime.client.AckReply;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Join or leave a group by id; shows the current group and its members' avatars. */
public final class GroupBar extends HBox {

    private final RealtimeModel realtime;
    private final Consumer<String> onError;
    private final TextField groupId = new TextField("demo");
    private final Button join = new Button("Join", new FontIcon(Feather.LOG_IN));
    private final Button leave = new Button("Leave", new FontIcon(Feather.LOG_OUT));
    private final Label current = new Label();
    private Node status;

    public GroupBar(RealtimeModel realtime, PresenceIndicator indicator, Node status, Consumer<String> onError) {
        this.realtime = realtime;
        this.onError = onError;
        createView(indicator, status);
        initListeners();
    }

    private void createView(PresenceIndicator indicator, Node status) {
        this.status = status;
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 10, 6, 10));
        getStyleClass().add("group-bar");
        groupId.setId("groupId");
        groupId.setPrefColumnCount(8);
        groupId.setMinWidth(70);
        groupId.setPromptText("group id");
        join.setId("join");
        leave.setId("leave");
        current.setId("currentGroup");
        current.getStyleClass().add(Styles.TEXT_BOLD);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label title = new Label("Group");
        // Labels and buttons stay whole at any width: the avatars and the status details give way.
        for (Region r : new Region[] {title, join, leave, current}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        indicator.setMinWidth(0);
        HBox.setHgrow(indicator, Priority.SOMETIMES);
        getChildren().addAll(title, groupId, join, leave, current, indicator, spacer, status);
    }

    private void initListeners() {
        join.disableProperty().bind(realtime.isConnectedProperty().not());
        leave.disableProperty()
                .bind(realtime.currentGroupIdProperty()
                        .isNull()
                        .or(realtime.isConnectedProperty().not()));
        current.textProperty()
                .bind(realtime.currentGroupIdProperty().map(g -> "in " + g).orElse("not in a group"));
        join.setOnAction(e -> FxTasks.whenDone(
                realtime.joinGroup(groupId.getText().trim()),
                this::report,
                err -> onError.accept("join failed: " + err.getMessage())));
        groupId.setOnAction(e -> join.fire());
        leave.setOnAction(e -> FxTasks.whenDone(
                realtime.leaveGroup(), this::report, err -> onError.accept("leave failed: " + err.getMessage())));
    }

    private void report(AckReply reply) {
        if (!reply.ok()) {
            onError.accept(reply.errorCode() + ": " + reply.errorMessage());
        }
    }

    /**
     * While {@code recordedGroup} is not null a recording is shown: the bar names the recording's
     * group and hides the live connection's status (the status bar keeps a small live chip).
     */
    public void showRecording(ObservableValue<String> recordedGroup) {
        current.textProperty().unbind();
        current.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> recordedGroup.getValue() != null
                                ? "recording: " + recordedGroup.getValue()
                                : realtime.currentGroupIdProperty().get() == null
                                        ? "not in a group"
                                        : "in "
                                                + realtime.currentGroupIdProperty()
                                                        .get(),
                        recordedGroup,
                        realtime.currentGroupIdProperty()));
        status.visibleProperty()
                .bind(Bindings.createBooleanBinding(() -> recordedGroup.getValue() == null, recordedGroup));
        status.managedProperty().bind(status.visibleProperty());
    }

    public TextField groupIdField() {
        return groupId;
    }
}
