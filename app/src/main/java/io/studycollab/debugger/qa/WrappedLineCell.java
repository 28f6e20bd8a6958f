package io.studycollab.debugger.qa;

import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * A list line that wraps at the list's width instead of widening the list: long timeline entries
 * (reasons, payloads) are read top to bottom, never by scrolling sideways.
 */
final class WrappedLineCell extends ListCell<String> {

    // Room for the vertical scroll bar and the cell's padding, so the text never reaches under them.
    private static final double INSET = 24;

    WrappedLineCell(ListView<String> list) {
        setWrapText(true);
        setMinWidth(0);
        prefWidthProperty().bind(list.widthProperty().subtract(INSET));
        setMaxWidth(USE_PREF_SIZE);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
    }
}
