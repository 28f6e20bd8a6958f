package io.studycollab.debugger.server;

import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A table cell whose whole value is in its tooltip, for when the column is narrower than the value
 * (ids cut in the middle, long names at the end). One tooltip per cell, and cells are only made for
 * the rows in sight.
 */
final class WholeInTooltip<S> extends TableCell<S, String> {

    private final Tooltip tip = new Tooltip();

    WholeInTooltip(OverrunStyle overrun) {
        setTextOverrun(overrun);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        String text = empty || item == null ? null : item;
        setText(text);
        tip.setText(text == null ? "" : text);
        setTooltip(text == null || text.isEmpty() ? null : tip);
    }
}
