package io.studycollab.debugger.window;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * A tab whose content is made the first time the tab is selected, and is in the scene only while the
 * tab is selected.
 *
 * <p>Made late for start-up time (#14 point 11: the first frame does not wait for views it does not
 * show, nor for their CSS and layout). Out of the scene while hidden because a TabPane keeps every
 * tab's content as its child, only made invisible, and each pulse JavaFX walks the whole scene graph
 * to update bounds, hidden nodes included: with the Server, Proxy and QA tabs visited once, two thirds
 * of the window's 2,300 nodes were hidden ones, and walking them was most of an idle frame's FX time.
 * A view taken out keeps its state and its models keep updating it; it is styled and laid out again
 * when shown.
 */
final class LazyTab {

    private LazyTab() {}

    /** {@code tab}, filled by {@code content} when it is first selected, emptied while another is. */
    static Tab fillOnFirstSelection(Tab tab, Supplier<? extends Node> content) {
        Node[] made = {null};
        Runnable show = () -> {
            if (made[0] == null) {
                made[0] = content.get();
            }
            tab.setContent(made[0]);
        };
        if (tab.isSelected()) {
            show.run();
        }
        tab.selectedProperty().addListener((o, was, selected) -> {
            if (selected) {
                show.run();
            } else if (made[0] != null) {
                tab.setContent(null);
            }
        });
        return tab;
    }
}
