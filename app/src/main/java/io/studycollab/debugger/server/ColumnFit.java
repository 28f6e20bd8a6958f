package io.studycollab.debugger.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Keeps a table's columns readable in whatever width it gets: each column is at least as wide as its
 * header (bold, with room for the sort arrow) and its sample value, and when the table is narrower
 * than the sum, the optional columns go, least important first, and come back when there is room.
 * The table's column menu (the "+" in its corner) shows any of them again; a column the user shows
 * or hides there is theirs, left alone from then on.
 */
final class ColumnFit<S> {

    /** Room for the vertical scroll bar and the column menu's corner. */
    private static final double CORNER = 18;

    private final TableView<S> table;
    private final Map<TableColumn<S, ?>, String> samples = new LinkedHashMap<>();
    private final List<TableColumn<S, ?>> optional = new ArrayList<>();
    private final Map<TableColumn<S, ?>, Integer> ranks = new HashMap<>();
    private final Set<TableColumn<S, ?>> usersChoice = new HashSet<>();
    private final Set<TableColumn<S, ?>> sortable = new HashSet<>();
    private boolean fitting;
    private boolean measured;

    ColumnFit(TableView<S> table) {
        this.table = table;
        table.setTableMenuButtonVisible(true);
        table.widthProperty().addListener((o, a, b) -> fit());
    }

    void add(TableColumn<S, ?> column, String sample, boolean sorts) {
        samples.put(column, sample);
        if (sorts) {
            sortable.add(column);
        }
        column.visibleProperty().addListener((o, was, now) -> {
            if (!fitting) {
                usersChoice.add(column);
            }
        });
    }

    /** Hidden when the table has no room for it: the lowest rank goes first. */
    void optional(TableColumn<S, ?> column, int rank) {
        ranks.put(column, rank);
        optional.add(column);
        optional.sort(Comparator.comparingInt(ranks::get));
    }

    private void fit() {
        double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - CORNER;
        if (room <= 0) {
            return;
        }
        measure();
        fitting = true;
        try {
            double used = 0;
            for (TableColumn<S, ?> c : table.getColumns()) {
                used += c.isVisible() ? c.getMinWidth() : 0;
            }
            for (TableColumn<S, ?> c : optional) {
                if (used > room && c.isVisible() && !usersChoice.contains(c)) {
                    c.setVisible(false);
                    used -= c.getMinWidth();
                }
            }
            // Back in order of importance, stopping at the first that does not fit: never a less
            // telling column shown where a more telling one is not.
            for (int i = optional.size() - 1; i >= 0; i--) {
                TableColumn<S, ?> c = optional.get(i);
                if (c.isVisible() || usersChoice.contains(c)) {
                    continue;
                }
                if (used + c.getMinWidth() > room) {
                    break;
                }
                c.setVisible(true);
                used += c.getMinWidth();
            }
        } finally {
            fitting = false;
        }
    }

    /** Minimum widths from the header's own font (the theme's), once the headers exist. */
    private void measure() {
        if (measured) {
            return;
        }
        Font header = null;
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader h && h.lookup(".label") instanceof Label l) {
                header = l.getFont();
                break;
            }
        }
        if (header == null) {
            // No skin yet: the theme's size is unknown, so a guess now and the real figure on the next fit.
            header = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 14);
        } else {
            measured = true;
        }
        double em = header.getSize();
        Font plain = Font.font(header.getFamily(), FontWeight.NORMAL, em);
        Font bold = Font.font(header.getFamily(), FontWeight.BOLD, em);
        for (Map.Entry<TableColumn<S, ?>, String> e : samples.entrySet()) {
            TableColumn<S, ?> c = e.getKey();
            // Header: label padding 0.5em a side, the arrow and its padding when sorted.
            double title = width(c.getText(), bold) + em + (sortable.contains(c) ? 1.8 * em : 0.8 * em);
            double value = width(e.getValue(), plain) + 1.4 * em; // cell padding 0.5em a side, and a margin
            double min = Math.ceil(Math.max(title, value));
            c.setMinWidth(min);
            c.setPrefWidth(Math.max(c.getPrefWidth(), min));
        }
    }

    private static double width(String s, Font f) {
        Text t = new Text(s);
        t.setFont(f);
        return t.getLayoutBounds().getWidth();
    }
}
