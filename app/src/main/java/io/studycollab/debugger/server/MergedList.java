package io.studycollab.debugger.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * A table's rows, replaced by merging the next sorted reading in rather than swapping all of them: rows
 * the reading kept (the same instance: the feed thread hands back the previous instance of a row that
 * did not change) are left alone, a changed row is set in place, new and gone rows are added and
 * removed where they sort. The whole merge is one list change, whose parts cover only the rows that
 * changed, so the table's selection and focus models see only those (its skin refreshes the visible
 * cells either way). Read-only to everyone else; FX thread only.
 */
final class MergedList<T> extends ObservableListBase<T> {

    private List<T> rows = new ArrayList<>();

    @Override
    public T get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    /** Shows {@code next} in one list change, discarding what was there (the order changed: nothing to keep). */
    void replaceAll(List<T> next) {
        List<T> old = rows;
        if (old.isEmpty() && next.isEmpty()) {
            return;
        }
        beginChange();
        try {
            rows = new ArrayList<>(next);
            nextReplace(0, rows.size(), old);
        } finally {
            endChange();
        }
    }

    /**
     * Shows {@code next}, sorted by {@code order} as the rows shown are (a total order: no two rows compare
     * equal unless they are the same socket or room with the same sort keys), changing only what differs.
     *
     * @return how many rows were added, removed or set
     */
    int merge(List<T> next, Comparator<? super T> order) {
        List<T> old = rows;
        List<T> out = new ArrayList<>(next.size());
        int touched = 0;
        beginChange();
        try {
            int i = 0;
            int j = 0;
            // Walks both sorted lists once; each step's index is where the change stands in the list as
            // changed so far, which is what the change's parts report.
            while (i < old.size() || j < next.size()) {
                if (j < next.size() && i < old.size() && old.get(i) == next.get(j)) {
                    out.add(old.get(i++));
                    j++;
                    continue;
                }
                int c = i == old.size() ? 1 : j == next.size() ? -1 : order.compare(old.get(i), next.get(j));
                if (c < 0) {
                    nextRemove(out.size(), old.get(i++));
                } else if (c > 0) {
                    out.add(next.get(j++));
                    nextAdd(out.size() - 1, out.size());
                } else {
                    T was = old.get(i++);
                    out.add(next.get(j++));
                    nextSet(out.size() - 1, was);
                }
                touched++;
            }
            rows = out;
        } finally {
            endChange();
        }
        return touched;
    }
}
