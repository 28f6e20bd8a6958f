package io.studycollab.debugger.qa;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;

/**
 * A list line that wraps at the list's width instead of widening the list: long timeline entries
 * (reasons, payloads) are read top to bottom, never by scrolling sideways.
 *
 * <p>The line is a {@link Text} with a wrapping width rather than the cell's own wrapped label:
 * a Labeled only wraps when its layout hands it a width narrower than its text, and under the
 * window's theme the list's cells were laid out one line high; a Text's wrapping width decides its
 * height by itself, whatever the stylesheet.
 */
final class WrappedLineCell extends ListCell<String> {

    // Room for the vertical scroll bar and the cell's padding, so the text never reaches under them.
    private static final double INSET = 28;

    private final Text line = new Text();

    WrappedLineCell(ListView<String> list) {
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setMinWidth(0);
        prefWidthProperty().bind(list.widthProperty().subtract(INSET));
        setMaxWidth(USE_PREF_SIZE);
        line.wrappingWidthProperty().bind(list.widthProperty().subtract(INSET));
        // The theme colours the cell's text (selection, dark mode); the Text follows it.
        line.fillProperty().bind(textFillProperty());
        line.fontProperty().bind(fontProperty());
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        line.setText(empty || item == null ? "" : item);
        setGraphic(empty || item == null ? null : line);
    }
}
