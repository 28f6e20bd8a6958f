package io.studycollab.debugger.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** Merging a sorted reading in: the list ends up as the reading, and its change says only what changed. */
class MergedListTest {

    /** A row: a key that sorts, and a value that may change in place. */
    record Row(int key, int value) {}

    private static final Comparator<Row> BY_KEY = Comparator.comparingInt(Row::key);

    /** Replays every change a listener hears onto a plain copy, as a TableView's skin and selection do. */
    private static List<Row> follow(MergedList<Row> list, int[] parts) {
        List<Row> copy = new ArrayList<>(list);
        list.addListener((ListChangeListener<Row>) c -> {
            parts[0]++;
            while (c.next()) {
                if (c.wasPermutated()) {
                    throw new AssertionError("no permutations expected");
                }
                for (int k = 0; k < c.getRemovedSize(); k++) {
                    assertEquals(c.getRemoved().get(k), copy.remove(c.getFrom()));
                }
                copy.addAll(c.getFrom(), c.getAddedSubList());
                parts[1] += Math.max(c.getRemovedSize(), c.getAddedSize());
            }
        });
        return copy;
    }

    @Test
    void randomReadingsMergeToExactlyTheReadingInOneChangeCoveringOnlyTheChangedRows() {
        Random random = new Random(18);
        MergedList<Row> list = new MergedList<>();
        TreeMap<Integer, Row> state = new TreeMap<>();
        for (int k = 0; k < 2_000; k++) {
            state.put(k * 2, new Row(k * 2, 0));
        }
        list.replaceAll(new ArrayList<>(state.values()));
        int[] parts = new int[2];
        List<Row> copy = follow(list, parts);
        for (int round = 0; round < 200; round++) {
            int changes = random.nextInt(30);
            for (int n = 0; n < changes; n++) {
                int key = random.nextInt(4_100);
                switch (random.nextInt(3)) {
                    case 0 -> state.remove(key);
                    case 1 -> state.put(key, new Row(key, round));
                    default -> state.computeIfPresent(key, (k, r) -> new Row(k, r.value() + 1));
                }
            }
            int changesBefore = parts[0];
            int rowsBefore = parts[1];
            List<Row> next = new ArrayList<>(state.values());
            int touched = list.merge(next, BY_KEY);
            assertEquals(next, list);
            assertEquals(next, copy, "the change events replayed give the same rows");
            assertTrue(touched <= 2 * changes, touched + " rows touched for " + changes + " changes");
            assertTrue(parts[1] - rowsBefore <= touched, "the change covers only the touched rows");
            assertEquals(touched == 0 ? changesBefore : changesBefore + 1, parts[0], "one change per merge");
        }
    }

    @Test
    void aRowSetInPlaceKeepsItsIndexAndTheOthersTheirInstances() {
        MergedList<Row> list = new MergedList<>();
        List<Row> first = List.of(new Row(1, 0), new Row(2, 0), new Row(3, 0));
        list.replaceAll(first);
        List<ListChangeListener.Change<? extends Row>> heard = new ArrayList<>();
        list.addListener((ListChangeListener<Row>) c -> {
            while (c.next()) {
                assertTrue(c.wasReplaced());
                assertEquals(1, c.getFrom());
                assertEquals(2, c.getTo());
                assertEquals(new Row(2, 0), c.getRemoved().get(0));
            }
            heard.add(c);
        });
        assertEquals(1, list.merge(List.of(first.get(0), new Row(2, 5), first.get(2)), BY_KEY));
        assertEquals(1, heard.size());
        assertTrue(list.get(0) == first.get(0) && list.get(2) == first.get(2));
        assertEquals(new Row(2, 5), list.get(1));
    }
}
