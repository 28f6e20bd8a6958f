package io.studycollab.realtime.replay;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * A list one thread appends to (the indexer) while others read it without a lock (the FX thread
 * draws the timeline's markers every pulse while a big file is still being indexed). The item is
 * stored before {@code size} is published, and a grown array before that, so a reader that sees a
 * size sees the items below it. Items never change once added.
 */
final class AppendOnly<T> {

    private volatile Object[] items = new Object[16];
    private volatile int size;

    /** Appends {@code item} (from the one writing thread only). */
    void add(T item) {
        int n = size;
        Object[] a = items;
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
            items = a;
        }
        a[n] = item;
        size = n + 1;
    }

    int size() {
        return size;
    }

    /** Item {@code i}, which must be below a size read before. */
    @SuppressWarnings("unchecked")
    T get(int i) {
        return (T) items[i];
    }

    /** The items added so far, as a list that does not grow (no copy). */
    List<T> view() {
        int n = size; // size first: the array read next holds at least n items
        Object[] a = items;
        return new AbstractList<>() {
            @Override
            @SuppressWarnings("unchecked")
            public T get(int i) {
                if (i < 0 || i >= n) {
                    throw new IndexOutOfBoundsException(i + " of " + n);
                }
                return (T) a[i];
            }

            @Override
            public int size() {
                return n;
            }
        };
    }
}
