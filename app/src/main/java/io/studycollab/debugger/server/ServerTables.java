package io.studycollab.debugger.server;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;

/**
 * Tables of the Server tab: virtualized (a TableView makes cells only for the rows in sight), one
 * fixed row height (no measuring 20,000 rows for the scroll range), and sorted off the FX thread: a
 * click on a header does not sort the items in place, it hands the order to the feed, whose next
 * reading comes sorted.
 */
final class ServerTables<S> {

    private final TableView<S> table;
    private final Map<TableColumn<S, ?>, Comparator<S>> orders = new IdentityHashMap<>();
    private final ColumnFit<S> fit;
    private String lastOrderKey = "";

    ServerTables(String id, String placeholder) {
        table = new TableView<>();
        table.setId(id);
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setPlaceholder(new Label(placeholder));
        table.setFixedCellSize(Math.ceil(Font.getDefault().getSize() * 2));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        fit = new ColumnFit<>(table);
    }

    TableView<S> table() {
        return table;
    }

    /**
     * A text column ordered by {@code order} (null: not sortable), never narrower than its header and
     * {@code sample} (a typical widest value); a value wider than the column ends in "…" with the
     * whole of it in the cell's tooltip.
     */
    ServerTables<S> column(String title, String sample, Function<S, String> text, Comparator<S> order) {
        return add(title, sample, text, order, OverrunStyle.ELLIPSIS);
    }

    /** A column of ids: cut in the middle when narrow (both ends stay readable), whole in the tooltip. */
    ServerTables<S> idColumn(String title, String sample, Function<S, String> text, Comparator<S> order) {
        return add(title, sample, text, order, OverrunStyle.CENTER_ELLIPSIS);
    }

    /** The last column added goes when the table is too narrow for all; the lowest rank goes first. */
    ServerTables<S> optional(int rank) {
        fit.optional(table.getColumns().get(table.getColumns().size() - 1), rank);
        return this;
    }

    private ServerTables<S> add(
            String title, String sample, Function<S, String> text, Comparator<S> order, OverrunStyle overrun) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setId(table.getId() + "-" + title.toLowerCase().replace(' ', '-'));
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(text.apply(cd.getValue())));
        c.setCellFactory(col -> new WholeInTooltip<>(overrun));
        c.setSortable(order != null);
        if (order != null) {
            orders.put(c, order);
        }
        table.getColumns().add(c);
        fit.add(c, sample, order != null);
        return this;
    }

    /** Clicks on headers become orders for the feed; {@code fallback} breaks ties (and is the order unclicked). */
    void sortWith(Comparator<S> fallback, Consumer<Comparator<S>> apply) {
        table.setSortPolicy(t -> {
            StringBuilder key = new StringBuilder();
            List<Comparator<S>> parts = new ArrayList<>();
            for (TableColumn<S, ?> col : t.getSortOrder()) {
                Comparator<S> k = orders.get(col);
                if (k != null) {
                    boolean down = col.getSortType() == TableColumn.SortType.DESCENDING;
                    parts.add(down ? k.reversed() : k);
                    key.append(col.getId()).append(down ? '-' : '+');
                }
            }
            // The table asks again on other occasions; only a different order is news for the feed.
            if (!key.toString().equals(lastOrderKey)) {
                lastOrderKey = key.toString();
                Comparator<S> c = null;
                for (Comparator<S> p : parts) {
                    c = c == null ? p : c.thenComparing(p);
                }
                apply.accept(c == null ? fallback : c.thenComparing(fallback));
            }
            return true;
        });
    }

    static <S> Comparator<S> text(Function<S, String> f) {
        return Comparator.comparing(f, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
    }

    static <S> Comparator<S> number(ToLongFunction<S> f) {
        return Comparator.comparingLong(f);
    }
}
