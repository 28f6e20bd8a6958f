package io.studycollab.debugger.notifications;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The notification strip under the toolbars. It takes its own room in the layout (it pushes the
 * content down while it has something to say and takes no room otherwise), so a notification
 * never lies over the connection status, the theme button or the side-panel tabs.
 */
public final class NoticeArea extends VBox {

    public NoticeArea(Notices notices) {
        super(4);
        setId("notices");
        getStyleClass().add("notice-area");
        setPadding(new Insets(4, 8, 4, 8));
        setFillWidth(true);
        managedProperty().bind(visibleProperty());
        notices.shown().addListener((ListChangeListener<Notices.Notice>) c -> render(notices));
        render(notices);
    }

    private void render(Notices notices) {
        getChildren().clear();
        for (Notices.Notice n : notices.shown()) {
            Notification view = new Notification(n.heading() + " — " + n.text(), new FontIcon(icon(n.kind())));
            view.getStyleClass().addAll(style(n.kind()), "notice", "notice-" + n.slot());
            view.setMaxWidth(Double.MAX_VALUE);
            view.setMaxHeight(USE_PREF_SIZE);
            view.setOnClose(e -> notices.dismiss(n));
            getChildren().add(view);
        }
        setVisible(!getChildren().isEmpty());
    }

    private static String style(Notices.Kind kind) {
        return switch (kind) {
            case INFO -> Styles.ACCENT;
            case SUCCESS -> Styles.SUCCESS;
            case WARNING -> Styles.WARNING;
            case DANGER -> Styles.DANGER;
        };
    }

    private static Feather icon(Notices.Kind kind) {
        return switch (kind) {
            case INFO -> Feather.INFO;
            case SUCCESS -> Feather.CHECK_CIRCLE;
            case WARNING -> Feather.WIFI_OFF;
            case DANGER -> Feather.ALERT_OCTAGON;
        };
    }
}
