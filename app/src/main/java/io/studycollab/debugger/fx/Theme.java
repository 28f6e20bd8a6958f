package io.studycollab.debugger.fx;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/** Light or dark: one AtlantaFX user-agent stylesheet per theme, plus our own app.css on top. */
public final class Theme {

    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(false);

    public void apply(boolean useDark) {
        Application.setUserAgentStylesheet(
                useDark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        dark.set(useDark);
    }

    public void toggle() {
        apply(!dark.get());
    }

    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    public boolean isDark() {
        return dark.get();
    }
}
