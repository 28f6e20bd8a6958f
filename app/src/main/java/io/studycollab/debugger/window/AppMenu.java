package io.studycollab.debugger.window;

import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/** File and View menus; each item calls one command of the controller. */
public final class AppMenu extends MenuBar {

    /** What the menu asks of the window. */
    public interface Commands {
        void openSession();

        void setRecording(boolean on);

        void saveHistory(boolean onlyVisible);

        void exportVisible(boolean csv);

        void toggleTheme();

        void quit();
    }

    // A plain item whose text follows the real state: a cancelled file chooser cannot leave a tick
    // behind that makes the next click do nothing.
    private final MenuItem record = new MenuItem("Record to file…");

    private final CheckMenuItem sidePanel = new CheckMenuItem("Side panel");

    /** {@code sidePanelShown} and {@code resetLayout} act on the window's layout. */
    public AppMenu(
            Commands commands, ObservableBooleanValue recording, BooleanProperty sidePanelShown, Runnable resetLayout) {
        createView(commands, resetLayout);
        initListeners(commands, recording, sidePanelShown);
    }

    private void initListeners(Commands commands, ObservableBooleanValue recording, BooleanProperty sidePanelShown) {
        sidePanel.selectedProperty().bindBidirectional(sidePanelShown);
        record.setOnAction(e -> commands.setRecording(!recording.get()));
        recording.addListener((o, was, now) -> record.setText(now ? "Stop recording" : "Record to file…"));
    }

    private void createView(Commands commands, Runnable resetLayout) {
        setId("appMenu");
        MenuItem open = item("Open session…", "Shortcut+O", "menuOpen", commands::openSession);
        record.setId("menuRecord");
        record.setAccelerator(KeyCombination.keyCombination("Shortcut+R"));
        MenuItem saveAll =
                item("Save history as session…", "Shortcut+S", "menuSaveAll", () -> commands.saveHistory(false));
        MenuItem saveVisible =
                item("Save filtered events as session…", null, "menuSaveVisible", () -> commands.saveHistory(true));
        MenuItem json =
                item("Export visible log as JSON…", null, "menuExportJson", () -> commands.exportVisible(false));
        MenuItem csv = item("Export visible log as CSV…", null, "menuExportCsv", () -> commands.exportVisible(true));
        MenuItem quit = item("Quit", "Shortcut+Q", "menuQuit", commands::quit);
        Menu file = new Menu(
                "File",
                null,
                open,
                record,
                new SeparatorMenuItem(),
                saveAll,
                saveVisible,
                new SeparatorMenuItem(),
                json,
                csv,
                new SeparatorMenuItem(),
                quit);
        sidePanel.setId("menuSidePanel");
        sidePanel.setAccelerator(KeyCombination.keyCombination("Shortcut+B"));
        Menu view = new Menu(
                "View",
                null,
                item("Light / dark theme", "Shortcut+T", "menuTheme", commands::toggleTheme),
                new SeparatorMenuItem(),
                sidePanel,
                item("Reset layout", "Shortcut+Shift+0", "menuResetLayout", resetLayout));
        getMenus().addAll(file, view);
    }

    private static MenuItem item(String text, String accelerator, String id, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }
}
