package io.studycollab.debugger.replay;

import atlantafx.base.theme.Styles;
import io.studycollab.realtime.replay.SessionTimeline;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The timeline under the window while a recording is shown: markers for drops, joins and leaves,
 * errors and malformed events above a scrubber; play/pause, step, speed, and the way back to live.
 * While a big file is still being indexed, the scrubber's length, the counts and the markers follow
 * the index as it grows (read once a pulse by {@link IndexProgress}) and a note says how far it is.
 */
public final class ReplayBar extends VBox {

    private final ReplayModel model;
    private final Slider scrubber = new Slider(0, 1, 0);
    private final MarkerStrip markers = new MarkerStrip();
    private final ToggleButton play = new ToggleButton(null, new FontIcon(Feather.PLAY));
    private final Button back = new Button(null, new FontIcon(Feather.SKIP_BACK));
    private final Button forward = new Button(null, new FontIcon(Feather.SKIP_FORWARD));
    private final ComboBox<Double> speed = new ComboBox<>();
    private final Label where = new Label();
    private final Label indexingNote = new Label();
    private final Button live = new Button("Back to live", new FontIcon(Feather.RADIO));
    private boolean updating;

    /** Actions on the recording shown that involve the live connection. */
    public interface LiveActions {
        void backToLive();

        void reEmitToLive();

        void compareWithLive();
    }

    private final Button reEmit = new Button("Re-emit", new FontIcon(Feather.SEND));
    private final Button compare = new Button("Compare", new FontIcon(Feather.COLUMNS));

    private Pane markerPane;

    public ReplayBar(ReplayModel model, LiveActions actions) {
        this.model = model;
        createView();
        initListeners(actions);
    }

    private void createView() {
        setId("replayBar");
        getStyleClass().add("replay-bar");
        setPadding(new Insets(4, 10, 4, 10));
        setSpacing(2);
        play.setId("replayPlay");
        back.setId("replayBack");
        forward.setId("replayForward");
        back.setTooltip(new Tooltip("Previous event"));
        forward.setTooltip(new Tooltip("Next event"));
        scrubber.setId("replayScrubber");
        speed.setId("replaySpeed");
        speed.getItems().setAll(List.of(0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0));
        speed.setValue(1.0);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null ? "" : (d == Math.floor(d) ? String.valueOf(d.intValue()) : String.valueOf(d)) + "×";
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("×", ""));
            }
        });
        where.setId("replayWhere");
        live.setId("backToLive");
        live.getStyleClass().add(Styles.ACCENT);
        for (ButtonBase b : new ButtonBase[] {play, back, forward}) {
            b.getStyleClass().add(Styles.BUTTON_ICON);
        }
        markerPane = new Pane(markers);
        markerPane.setPrefHeight(10);
        markers.widthProperty().bind(markerPane.widthProperty());
        VBox track = new VBox(1, markerPane, scrubber);
        HBox.setHgrow(track, Priority.ALWAYS);
        reEmit.setId("reEmit");
        reEmit.setTooltip(
                new Tooltip(
                        "Re-emit to live: send this recording's outbound events through the live connection, at the chosen speed"));
        compare.setId("compareLive");
        compare.setTooltip(
                new Tooltip(
                        "Compare with live: counts per event and the first difference between this recording and the live history"));
        // Short labels that stay whole (the full meaning is in the tooltips); the track gives way.
        for (ButtonBase b : new ButtonBase[] {reEmit, compare, live}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        where.setMinWidth(Region.USE_PREF_SIZE);
        indexingNote.setId("replayIndexing");
        indexingNote.getStyleClass().add(Styles.TEXT_MUTED);
        indexingNote.setMinWidth(Region.USE_PREF_SIZE);
        indexingNote.setTooltip(new Tooltip(
                "The file is read on its own thread: what is indexed can already be played, stepped and sought"));
        HBox row = new HBox(6, back, play, forward, track, speed, where, indexingNote, reEmit, compare, live);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(row);
    }

    private void initListeners(LiveActions actions) {
        play.selectedProperty().bindBidirectional(model.playingProperty());
        play.selectedProperty()
                .addListener((o, a, p) -> play.setGraphic(new FontIcon(p ? Feather.PAUSE : Feather.PLAY)));
        back.setOnAction(e -> model.stepBack());
        forward.setOnAction(e -> model.stepForward());
        speed.valueProperty().addListener((o, a, s) -> model.speedProperty().set(s == null ? 1 : s));
        live.setOnAction(e -> actions.backToLive());
        reEmit.setOnAction(e -> actions.reEmitToLive());
        compare.setOnAction(e -> actions.compareWithLive());
        scrubber.valueProperty().addListener((o, a, v) -> {
            if (!updating) {
                model.seekMillis(Math.round(v.doubleValue()));
            }
        });
        model.timelineProperty().addListener((o, a, t) -> reset(t));
        IndexProgress progress = model.progress();
        indexingNote.visibleProperty().bind(progress.indexingProperty());
        indexingNote.managedProperty().bind(progress.indexingProperty());
        progress.recordsProperty().addListener((o, a, n) -> grow());
        model.playheadMillisProperty().addListener((o, a, v) -> render());
        model.positionProperty().addListener((o, a, v) -> render());
        markerPane.widthProperty().addListener((o, a, w) -> drawMarkers());
    }

    private void reset(SessionTimeline t) {
        if (t == null) {
            return;
        }
        updating = true;
        scrubber.setMin(t.startMillis());
        scrubber.setMax(Math.max(t.startMillis() + 1, model.progress().endMillis()));
        scrubber.setValue(t.startMillis());
        updating = false;
        grow();
    }

    /** More of the file is indexed: a longer track, more markers, new counts. */
    private void grow() {
        SessionTimeline t = model.timelineProperty().get();
        if (t == null) {
            return;
        }
        updating = true;
        scrubber.setMax(Math.max(t.startMillis() + 1, model.progress().endMillis()));
        updating = false;
        indexingNote.setText(
                String.format("indexing… %,d records", model.progress().records()));
        drawMarkers();
        render();
    }

    private void render() {
        SessionTimeline t = model.timelineProperty().get();
        if (t == null) {
            return;
        }
        updating = true;
        scrubber.setValue(model.playheadMillisProperty().get());
        updating = false;
        where.setText(String.format(
                "%s / %s · event %,d of %,d",
                clock(model.playheadMillisProperty().get() - t.startMillis()),
                clock(model.progress().endMillis() - t.startMillis()),
                model.positionProperty().get(),
                model.progress().records()));
    }

    private static String clock(long millis) {
        long s = Math.max(0, millis) / 1000;
        return String.format("%d:%02d.%d", s / 60, s % 60, (Math.max(0, millis) % 1000) / 100);
    }

    private void drawMarkers() {
        SessionTimeline t = model.timelineProperty().get();
        if (t == null) {
            markers.clear();
        } else {
            markers.draw(t.markers(), t.startMillis(), model.progress().endMillis());
        }
    }
}
