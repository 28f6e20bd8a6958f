package io.studycollab.debugger.window;

import io.studycollab.debugger.api.ApiPanel;
import io.studycollab.debugger.canvas.CursorCanvas;
import io.studycollab.debugger.canvas.ToolPalette;
import io.studycollab.debugger.connection.ConnectionBar;
import io.studycollab.debugger.emit.EmitPanel;
import io.studycollab.debugger.eventlog.EventLogView;
import io.studycollab.debugger.notifications.NoticeArea;
import io.studycollab.debugger.presence.GroupBar;
import io.studycollab.debugger.presence.MemberListView;
import io.studycollab.debugger.status.StatusBar;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The window's layout: connection bar and group bar on top; the cursor board (or, in the tab beside
 * it, the server's view) above the event log on the left; members, emit and API panels on the right; the status bar at the bottom; and
 * notifications in a strip of their own under the bars (never over a control).
 */
public final class MainView extends StackPane {

    private TabPane side;

    public MainView(
            AppMenu menu,
            ConnectionBar connectionBar,
            GroupBar groupBar,
            ToolPalette tools,
            CursorCanvas canvas,
            Node server,
            EventLogView log,
            MemberListView members,
            EmitPanel emit,
            ApiPanel api,
            Node qa,
            StatusBar status,
            NoticeArea notices,
            Node replayBar) {
        createView(
                menu,
                connectionBar,
                groupBar,
                tools,
                canvas,
                server,
                log,
                members,
                emit,
                api,
                qa,
                status,
                notices,
                replayBar);
    }

    private void createView(
            AppMenu menu,
            ConnectionBar connectionBar,
            GroupBar groupBar,
            ToolPalette tools,
            CursorCanvas canvas,
            Node server,
            EventLogView log,
            MemberListView members,
            EmitPanel emit,
            ApiPanel api,
            Node qa,
            StatusBar status,
            NoticeArea notices,
            Node replayBar) {
        BorderPane board = new BorderPane(canvas);
        board.setLeft(tools);
        board.getStyleClass().add("board");
        // The server's view (admin namespace) beside the board, above the shared log.
        TabPane views = new TabPane(new Tab("Board", board), new Tab("Server", server));
        views.setId("mainViews");
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane left = new SplitPane(views, log);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.45);
        // The server's tables need more height than the board: give them the larger part while shown.
        views.getSelectionModel()
                .selectedIndexProperty()
                .addListener((o, was, i) -> left.setDividerPositions(
                        i.intValue() == 1 ? Math.max(0.65, left.getDividerPositions()[0]) : 0.45));
        ScrollPane qaScroll = new ScrollPane(qa);
        qaScroll.setFitToWidth(true);
        side = new TabPane(
                new Tab("Members", members), new Tab("Emit", emit), new Tab("API", api), new Tab("QA", qaScroll));
        side.setId("sidePanels");
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setMinWidth(300);
        SplitPane main = new SplitPane(left, side);
        main.setDividerPositions(0.72);
        BorderPane root = new BorderPane(main);
        // Notifications take their own room under the bars: they never lie over a control.
        root.setTop(new VBox(menu, connectionBar, groupBar, notices));
        root.setBottom(new VBox(replayBar, status));
        getChildren().add(root);
        getStyleClass().add("main-view");
    }

    /** Adds a feature's panel to the side tabs (a feature package builds it; the window only places it). */
    public void addSideTab(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT));
        side.getTabs().add(tab);
    }
}
