package io.studycollab.debugger.layout;

import io.studycollab.debugger.fx.FxEventPump;
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
 * sizes and would overwrite them.
 */
public final class SplitProportions {

    private final SplitPane pane;
    private final double[] defaults;
    private double[] wanted;
    private boolean dragging;
    private boolean pending;

    public SplitProportions(SplitPane pane, FxEventPump pump, double... defaults) {
        this.pane = pane;
        this.defaults = defaults.clone();
        this.wanted = defaults.clone();
        pane.setDividerPositions(wanted);
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

    /** Takes the dividers' current positions as wanted (after a drag). */
    public void remember() {
        if (pane.getDividers().size() == wanted.length) {
            wanted = pane.getDividerPositions();
        }
    }

    /** Back to the proportions the window starts with. */
    public void reset() {
        wanted = defaults.clone();
        apply();
    }

    /** Puts the wanted proportions back (after a resize, or when an item comes back). */
    public void apply() {
        if (pane.getDividers().size() == wanted.length) {
            pane.setDividerPositions(wanted);
        }
    }

    /** The proportions the next resize restores. */
    public double[] wanted() {
        return wanted.clone();
    }
}
