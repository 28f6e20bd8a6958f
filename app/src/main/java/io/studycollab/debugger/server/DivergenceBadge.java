package io.studycollab.debugger.server;

import atlantafx.base.theme.Styles;
import io.studycollab.realtime.admin.crosscheck.Divergence;
import java.time.Instant;
import java.util.Comparator;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The group bar's word on the server's truth: hidden while the server's room and our presence agree;
 * otherwise "2 server divergences since 05:31:02", and a menu with each one (kind, who, since when,
 * what differs). It changes only when the set of open divergences does.
 */
public final class DivergenceBadge extends MenuButton {

    private final ObservableList<Divergence> divergences;

    public DivergenceBadge(ObservableList<Divergence> divergences) {
        this.divergences = divergences;
        createView();
        initListeners();
    }

    private void createView() {
        setId("divergenceBadge");
        setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        getStyleClass().addAll(Styles.WARNING, Styles.SMALL);
        update();
    }

    private void initListeners() {
        divergences.addListener((ListChangeListener<Divergence>) c -> update());
    }

    private void update() {
        boolean any = !divergences.isEmpty();
        setVisible(any);
        setManaged(any);
        if (!any) {
            getItems().clear();
            setText("");
            return;
        }
        long first =
                divergences.stream().mapToLong(Divergence::sinceMillis).min().orElse(0);
        int n = divergences.size();
        setText(n + (n == 1 ? " server divergence" : " server divergences") + " since " + at(first));
        getItems()
                .setAll(divergences.stream()
                        .sorted(Comparator.comparingLong(Divergence::sinceMillis))
                        .map(DivergenceBadge::item)
                        .toList());
    }

    private static MenuItem item(Divergence d) {
        MenuItem i = new MenuItem(at(d.sinceMillis()) + "  " + d.kind() + "  " + d.detail());
        i.setId("divergence-" + d.kind().name().toLowerCase() + (d.userId() == null ? "" : "-" + d.userId()));
        return i;
    }

    static String at(long millis) {
        return ServerTabModel.TIME.format(Instant.ofEpochMilli(millis));
    }
}
