package io.studycollab.debugger.window;

import io.studycollab.debugger.canvas.ToolPalette;
import io.studycollab.debugger.emit.EmitPanel;
import io.studycollab.debugger.eventlog.EventLogView;
import io.studycollab.debugger.notifications.NoticeArea;
import io.studycollab.debugger.presence.GroupBar;
import io.studycollab.debugger.presence.GroupModel;
import io.studycollab.debugger.presence.MemberListView;
import io.studycollab.debugger.presence.PresenceIndicator;
import io.studycollab.debugger.proxy.ProxyView;
import io.studycollab.debugger.replay.ReplayBar;
import io.studycollab.debugger.replay.ReplayController;
import io.studycollab.debugger.replay.ReplayFigures;
import io.studycollab.debugger.server.DivergenceBadge;
import io.studycollab.debugger.server.ServerTabView;
import io.studycollab.debugger.status.StatusBar;
import io.studycollab.realtime.presence.Member;
import io.studycollab.realtime.protocol.Payloads;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Pos;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;

/** Lays out one window's views around the parts its controller made. */
final class WindowViews {

    private WindowViews() {}

    static MainView build(DebuggerController c) {
        GroupModel group = c.group();
        PresenceIndicator indicator = new PresenceIndicator(group.groupMembers(), id -> cursorOf(group, id));
        // The cross-check's divergences sit in the group bar beside the connection's status.
        HBox groupStatus = new HBox(
                8,
                new DivergenceBadge(c.serverTab().model().divergences()),
                c.connectionBar().indicator());
        groupStatus.setAlignment(Pos.CENTER_RIGHT);
        GroupBar groupBar = new GroupBar(c.realtime(), indicator, groupStatus, c.dialogs()::error);
        ToolPalette tools = new ToolPalette(c.presence()::changeTool);
        tools.select("select");
        ReplayController replays = c.replays();
        ReplayBar replayBar = new ReplayBar(c.replay(), new ReplayBar.LiveActions() {
            @Override
            public void backToLive() {
                replays.backToLive();
            }

            @Override
            public void reEmitToLive() {
                replays.reEmitToLive();
            }

            @Override
            public void compareWithLive() {
                replays.compareWithLive();
            }
        });
        replayBar.visibleProperty().bind(replays.viewingFileProperty());
        replayBar.managedProperty().bind(replays.viewingFileProperty());
        MemberListView members = new MemberListView(group.memberIds(), group.membersById());
        // "You" (live, or the recorded user in a replay): own colour and "(you)" in every view.
        StringBinding self = Bindings.createStringBinding(
                () -> group.snapshotProperty().get().selfUserId(), group.snapshotProperty());
        members.selfIdProperty().bind(self);
        indicator.selfIdProperty().bind(self);
        // While the group shown is a memory of a dropped connection, its views are greyed.
        group.offlineNoteProperty().addListener((o, was, note) -> {
            members.pseudoClassStateChanged(GroupModel.OFFLINE, note != null);
            indicator.pseudoClassStateChanged(GroupModel.OFFLINE, note != null);
        });
        StatusBar status = new StatusBar(
                c.stats(), modeText(c), c.log().limitProperty(), c.recording().badgeProperty());
        MainView view = new MainView(new MainView.Parts(
                c.connectionBar(),
                groupBar,
                tools,
                c.canvas(),
                () -> new ServerTabView(c.serverTab()),
                new EventLogView(c.log()),
                new NoticeArea(c.notices()),
                replayBar,
                status,
                c.session().pump()));
        view.addSideTab("Members", members);
        // The other side tabs are made when first shown: the first frame does not wait for them.
        view.addSideTab("Emit", () -> new EmitPanel(c.realtime()));
        view.addSideTab("API", c::api);
        view.addSideTab("QA", () -> {
            ScrollPane qa = new ScrollPane(c.qaPanel());
            qa.setFitToWidth(true);
            return qa;
        });
        view.addSideTab("Proxy", () -> new ProxyView(c.proxy(), c.log()));
        view.setMenu(new AppMenu(
                new WindowCommands(c),
                c.recording().recordingProperty(),
                view.sidePanelShownProperty(),
                view::resetLayout));
        status.addSidePanelToggle(view.sidePanelShownProperty());
        showReplayApart(c, view, status, groupBar);
        return view;
    }

    /** While a recording is shown, what describes the shown data describes the file; live stays apart. */
    private static void showReplayApart(DebuggerController c, MainView view, StatusBar status, GroupBar groupBar) {
        ReplayController replays = c.replays();
        GroupModel group = c.group();
        status.showReplay(
                replays.viewingFileProperty(),
                ReplayFigures.of(c.replay()),
                Bindings.createStringBinding(
                        () -> String.format(
                                "live: %s · %.0f/s",
                                c.realtime()
                                        .connectionStatusProperty()
                                        .get()
                                        .state()
                                        .name()
                                        .toLowerCase(Locale.ROOT),
                                c.stats().eventsPerSecondProperty().get()),
                        c.realtime().connectionStatusProperty(),
                        c.stats().eventsPerSecondProperty()));
        groupBar.showRecording(Bindings.createStringBinding(
                () -> {
                    if (!replays.viewingFile()) {
                        return null;
                    }
                    String g = group.snapshotProperty().get().groupId();
                    return g == null ? "no group yet" : "in " + g;
                },
                replays.viewingFileProperty(),
                group.snapshotProperty()));
        view.showLiveNote(replays.viewingFileProperty(), replays.fileDescriptionProperty());
    }

    /** LIVE, LIVE · REC file, or the recording shown. */
    private static StringBinding modeText(DebuggerController c) {
        ReplayController replays = c.replays();
        return Bindings.createStringBinding(
                () -> replays.viewingFile()
                        ? shortMode(replays.fileDescriptionProperty().get())
                        : c.recording().recordingProperty().get()
                                ? "LIVE · recording " + c.recording().fileName()
                                : "LIVE",
                replays.viewingFileProperty(),
                replays.fileDescriptionProperty(),
                c.recording().recordingProperty());
    }

    /** "REPLAY file · not live": the whole description is in the note under the connection bar. */
    private static String shortMode(String description) {
        if (description == null) {
            return "REPLAY";
        }
        int cut = description.indexOf(" · ");
        return cut < 0 ? description : description.substring(0, cut) + " · not live";
    }

    private static Payloads.Cursor cursorOf(GroupModel group, String userId) {
        Member m = group.snapshotProperty().get().member(userId);
        return m == null ? null : m.cursor();
    }
}
