package io.studycollab.debugger.window;

import io.studycollab.debugger.canvas.CursorCanvas;
import io.studycollab.debugger.canvas.ToolPalette;
import io.studycollab.debugger.connection.ConnectionBar;
import io.studycollab.debugger.fx.FxEventPump;
import io.studycollab.debugger.layout.SplitProportions;
import io.studycollab.debugger.notifications.NoticeArea;
import io.studycollab.debugger.presence.GroupBar;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The window's layout: menu, connection bar and group bar on top; the cursor board above the event
 * log on the left; the side panel's tabs on the right (collapsible); the replay and status bars at
 * the bottom; notifications in a strip of their own under the bars (never over a control). Split
 * panes keep the proportions the user chose when the window is resized; View ▸ Reset layout puts
 * the starting ones back. A feature adds its tab with one {@link #addSideTab} call.
 */
public final class MainView extends StackPane {

    /** Starting proportions: board and log share the left; the side panel takes the rest. */
    static final double MAIN_DIVIDER = 0.7;

    static final double BOARD_DIVIDER = 0.45;

    /** The Server tab's tables and socket detail need more height than the board: the larger part. */
    static final double SERVER_DIVIDER = 0.75;

    /** The log's least height while the Server tab is shown: its first row of filters. */
    static final double LOG_MIN_BESIDE_SERVER = 48;

    /** Room for three tools a column: the palette's two columns then hold all six. */
    static final double BOARD_MIN_HEIGHT = 130;

    /** The views laid out around the side panel. */
    public record Parts(
            ConnectionBar connectionBar,
            GroupBar groupBar,
            ToolPalette tools,
            CursorCanvas canvas,
            Supplier<? extends Node> server,
            Node log,
            NoticeArea notices,
            Node replayBar,
            Node statusBar,
            FxEventPump pump) {}

    private final TabPane side = new TabPane();
    private final SplitPane left = new SplitPane();
    private final SplitPane main = new SplitPane();
    private final VBox top = new VBox();
    private final BooleanProperty sideShown = new SimpleBooleanProperty(true);
    private SplitProportions mainSplit;
    private Node connectionBar;
    private SplitProportions leftSplit;

    public MainView(Parts parts) {
        createView(parts);
        initListeners();
    }

    private void createView(Parts p) {
        BorderPane board = new BorderPane(p.canvas());
        board.setLeft(p.tools());
        board.getStyleClass().add("board");
        // Short boards keep every tool: the palette wraps into a second column (ToolPalette).
        board.setMinHeight(BOARD_MIN_HEIGHT);
        // The server's view (admin namespace) beside the board, above the shared log; its tables
        // need more height than the board, so they get the larger part while shown.
        // The Server tab's view is made when the tab is first picked (start-up time).
        TabPane views = new TabPane(new Tab("Board", board));
        views.getTabs().add(LazyTab.fillOnFirstSelection(new Tab("Server"), p.server()));
        views.setId("mainViews");
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        left.getItems().setAll(views, p.log());
        left.setOrientation(Orientation.VERTICAL);
        leftSplit = new SplitProportions(left, p.pump(), BOARD_DIVIDER);
        // Each view keeps its own proportion through resizes (a resize used to put the board's back
        // while the Server tab was shown, leaving its detail a few pixels high).
        leftSplit.define("server", SERVER_DIVIDER);
        views.getSelectionModel().selectedIndexProperty().addListener((o, was, i) -> {
            boolean server = i.intValue() == 1;
            // Beside the Server tab the log gives way below its own minimum (its rows clipped; a drag
            // brings them back): at 1024×700 both minimums do not fit, and a SplitPane whose items'
            // minimums exceed its height lays them over each other.
            if (p.log() instanceof Region log) {
                log.setMinHeight(server ? LOG_MIN_BESIDE_SERVER : Region.USE_COMPUTED_SIZE);
            }
            leftSplit.use(server ? "server" : SplitProportions.FIRST);
        });
        side.setId("sidePanels");
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setMinWidth(260);
        main.setId("mainSplit");
        main.getItems().setAll(left, side);
        mainSplit = new SplitProportions(main, p.pump(), MAIN_DIVIDER);
        BorderPane root = new BorderPane(main);
        // Notifications take their own room under the bars: they never lie over a control.
        connectionBar = p.connectionBar();
        top.getChildren().setAll(p.connectionBar(), p.groupBar(), p.notices());
        root.setTop(top);
        root.setBottom(new VBox(p.replayBar(), p.statusBar()));
        getChildren().add(root);
        getStyleClass().add("main-view");
    }

    private void initListeners() {
        sideShown.addListener((o, was, shown) -> {
            if (shown && !main.getItems().contains(side)) {
                main.getItems().add(side);
                mainSplit.apply();
            } else if (!shown) {
                main.getItems().remove(side);
            }
        });
    }

    /**
     * While {@code replaying}, a note under the connection bar says that bar is the live connection
     * and that the views below show the recording, so neither is read as the other.
     */
    void showLiveNote(ObservableBooleanValue replaying, ObservableValue<String> file) {
        Label note = new Label();
        note.setId("liveNote");
        note.getStyleClass().add("live-note");
        note.setMaxWidth(Double.MAX_VALUE);
        // The whole description, on a second line when the window is narrow, never cut.
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> "▲ live connection (keeps running)   ▼ shown below: " + file.getValue(), file));
        note.visibleProperty().bind(replaying);
        note.managedProperty().bind(replaying);
        top.getChildren().add(top.getChildren().indexOf(connectionBar) + 1, note);
    }

    /** The menu bar goes above the bars (it is made after this view: its commands act on it). */
    void setMenu(MenuBar menu) {
        top.getChildren().add(0, menu);
    }

    /** Adds a tab to the side panel; the first one added is shown first. */
    public Tab addSideTab(String title, Node content) {
        return addSideTab(title, () -> content);
    }

    /**
     * Adds a tab to the side panel whose content {@code content} makes when the tab is first shown
     * (a window starts without building the tabs it does not show).
     */
    public Tab addSideTab(String title, Supplier<? extends Node> content) {
        Tab tab = new Tab(title);
        tab.setId("tab-" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
        side.getTabs().add(tab);
        return LazyTab.fillOnFirstSelection(tab, content);
    }

    /** Whether the side panel is shown (View ▸ Side panel, the status bar's button). */
    public BooleanProperty sidePanelShownProperty() {
        return sideShown;
    }

    /** The side panel back, and every split at its starting proportions. */
    public void resetLayout() {
        sideShown.set(true);
        mainSplit.reset();
        leftSplit.reset();
    }

    public TabPane sidePanel() {
        return side;
    }

    SplitPane mainSplit() {
        return main;
    }

    SplitPane boardSplit() {
        return left;
    }
}
