package io.studycollab.debugger.window;

import io.studycollab.debugger.connection.ConnectionNotifier;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** How the window tells and asks the user things: error dialogs, passing notices, file choosers. */
public final class Dialogs {

    private final Stage stage;
    private final ConnectionNotifier notifier;

    public Dialogs(Stage stage, ConnectionNotifier notifier) {
        this.stage = stage;
        this.notifier = notifier;
    }

    /** A problem the user must read (a dialog over the window). */
    public void error(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(stage);
        alert.setHeaderText(null);
        alert.show();
    }

    /** Something done, in the notification corner. */
    public void info(String message) {
        notifier.info("Done", message);
    }

    /** A session file to open, if the user picks one. */
    public Optional<Path> chooseOpen(String title) {
        return Optional.ofNullable(chooser(title, null).showOpenDialog(stage)).map(File::toPath);
    }

    /** Where to save, if the user picks a place. */
    public Optional<Path> chooseSave(String title, String initialName) {
        return Optional.ofNullable(chooser(title, initialName).showSaveDialog(stage))
                .map(File::toPath);
    }

    public Stage stage() {
        return stage;
    }

    private static FileChooser chooser(String title, String initialName) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter("Session files", "*.jsonl", "*.studycollab"),
                        new FileChooser.ExtensionFilter("All files", "*"));
        if (initialName != null) {
            c.setInitialFileName(initialName);
        }
        return c;
    }
}
