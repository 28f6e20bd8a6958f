package io.studycollab.debugger.window;

import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * A tab whose content is made the first time the tab is selected (start-up time, #14 point 11: the
 * first frame does not wait for views it does not show, nor for their CSS and layout). A tab selected
 * already gets its content at once.
 */
final class LazyTab {

    private LazyTab() {}

    /** {@code tab}, filled by {@code content} when it is first selected. */
    static Tab fillOnFirstSelection(Tab tab, Supplier<? extends Node> content) {
        if (tab.isSelected()) {
            tab.setContent(content.get());
            return tab;
        }
        tab.selectedProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean selected) {
                if (selected) {
                    tab.selectedProperty().removeListener(this);
                    tab.setContent(content.get());
                }
            }
        });
        return tab;
    }
}
