package io.studycollab.debugger.server;

import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.text.Text;

/**
 * A label that shows a fixed word and an id, the id cut in its middle when the label is narrow (its
 * start and end are what tell sockets apart), the whole text in the tooltip. The label's own
 * centre ellipsis cuts the whole text in its middle, so "Socket 4ff4ea21-…" lost the id's start.
 */
final class MiddleCut {

    private static final String DOTS = "…";

    private final Label label;
    private final Tooltip whole = new Tooltip();
    private String prefix = "";
    private String id = "";

    MiddleCut(Label label) {
        this.label = label;
        // What the label says until show() is called (its first width change would otherwise blank it).
        this.prefix = label.getText() == null ? "" : label.getText();
        // Its width comes from the room it is given, not from its text (which follows that width).
        label.setMinWidth(0);
        label.setPrefWidth(0);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setTextOverrun(OverrunStyle.CLIP);
        HBox.setHgrow(label, Priority.ALWAYS);
        label.widthProperty().addListener((o, a, b) -> fit());
        label.fontProperty().addListener((o, a, b) -> fit());
    }

    /** Shows {@code prefix} and {@code id} (null: {@code prefix} alone, no tooltip). */
    void show(String prefix, String id) {
        this.prefix = prefix;
        this.id = id == null ? "" : id;
        whole.setText(prefix + this.id);
        label.setTooltip(this.id.isEmpty() ? null : whole);
        fit();
    }

    private void fit() {
        double room = label.getWidth() - label.snappedLeftInset() - label.snappedRightInset();
        String full = prefix + id;
        if (id.isEmpty() || room <= 0 || width(full) <= room) {
            label.setText(full);
            return;
        }
        // The most characters of each end of the id that fit, at least one each.
        int keep = id.length() / 2;
        while (keep > 1 && width(cut(keep)) > room) {
            keep--;
        }
        label.setText(cut(keep));
    }

    private String cut(int keep) {
        return prefix + id.substring(0, keep) + DOTS + id.substring(id.length() - keep);
    }

    private double width(String s) {
        Text t = new Text(s);
        t.setFont(label.getFont());
        return t.getLayoutBounds().getWidth();
    }
}
