package io.studycollab.debugger.layout;

import io.studycollab.debugger.fx.FxEventPump;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;

/**
 * Keeps a split pane at the proportions the user chose. A SplitPane clamps its dividers to its
 * items' minimum sizes while the window is small and then keeps the clamped positions, so a window
 * made narrow and wide again kept the side panel at half its width. Here only a drag of a divider
 * (or {@link #reset()}) changes what is wanted; every resize puts the wanted proportions back and
 * the pane clamps them for that size only. The proportions go back on the window's next pulse (the
 * one frame loop, {@link FxEventPump}), after the pane's own resize layout, which keeps items' pixel
 * sizes and would overwrite them. A pane whose first item changes with a tab (board or server view
 * above the log) keeps one set of proportions per view ({@link #use}), each wanted and dragged on its own.
 */
public final class SplitProportions {

    /** The set of proportions the pane starts with. */
    public static final String FIRST = "first";

    private final SplitPane pane;
    private final Map<String, double[]> defaults = new HashMap<>();
    private final Map<String, double[]> wanted = new HashMap<>();
    private String shown = FIRST;
    private boolean dragging;
    private boolean pending;

    public SplitProportions(SplitPane pane, FxEventPump pump, double... defaults) {
        this.pane = pane;
        this.defaults.put(FIRST, defaults.clone());
        this.wanted.put(FIRST, defaults.clone());
        pane.setDividerPositions(defaults);
        pane.widthProperty().addListener((o, a, b) -> pending = true);
        pane.heightProperty().addListener((o, a, b) -> pending = true);
        pump.onPulse(FxEventPump.Phase.VIEWS, now -> {
            if (pending) {
                pending = false;
                apply();
            }
        });
        // A drag that started on a divider: where it ends is the user's choice.
        pane.addEventFilter(
                MouseEvent.MOUSE_PRESSED,
                e -> dragging = onDivider(e.getPickResult().getIntersectedNode()));
        pane.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (dragging) {
                dragging = false;
                remember();
            }
        });
    }

    private boolean onDivider(Node n) {
        for (Node p = n; p != null && p != pane; p = p.getParent()) {
            if (p.getStyleClass().contains("split-pane-divider")) {
                return true;
            }
        }
        return false;
    }

    /** Another set of proportions, for when the pane shows another view ({@link #use}). */
    public void define(String view, double... starting) {
        defaults.put(view, starting.clone());
        wanted.put(view, starting.clone());
    }

    /** The pane now shows {@code view}: its proportions go back (a drag from now on is for it). */
    public void use(String view) {
        if (!defaults.containsKey(view)) {
            throw new IllegalArgumentException("no proportions defined for " + view);
        }
        shown = view;
        apply();
    }

    /** Takes the dividers' current positions as wanted (after a drag). */
    public void remember() {
        if (pane.getDividers().size() == wanted.get(shown).length) {
            wanted.put(shown, pane.getDividerPositions());
        }
    }

    /** Back to the proportions the window starts with, for every view. */
    public void reset() {
        defaults.forEach((view, starting) -> wanted.put(view, starting.clone()));
        apply();
    }

    /** Puts the wanted proportions back (after a resize, or when an item comes back). */
    public void apply() {
        double[] w = wanted.get(shown);
        if (pane.getDividers().size() == w.length) {
            pane.setDividerPositions(w);
        }
    }

    /** The proportions the next resize restores. */
    public double[] wanted() {
        return wanted.get(shown).clone();
    }
}
