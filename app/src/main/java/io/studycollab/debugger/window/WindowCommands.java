package io.studycollab.debugger.window;

/** What the menu's File and View items do in one window. */
final class WindowCommands implements AppMenu.Commands {

    private final DebuggerController c;

    WindowCommands(DebuggerController c) {
        this.c = c;
    }

    @Override
    public void openSession() {
        c.replays().openChosen();
    }

    @Override
    public void setRecording(boolean on) {
        c.recording().setRecording(on);
    }

    @Override
    public void saveHistory(boolean onlyVisible) {
        c.recording().saveHistory(onlyVisible);
    }

    @Override
    public void exportVisible(boolean csv) {
        c.recording().exportVisible(csv);
    }

    @Override
    public void toggleTheme() {
        c.toggleTheme();
    }

    @Override
    public void quit() {
        c.dialogs().stage().close();
    }
}
