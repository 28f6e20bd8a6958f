package io.studycollab.debugger.proxy;

import io.studycollab.debugger.eventlog.EventLogModel;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Proxy mode's place in the window: lanes, breakpoints, inject and the delivery matrix as tabs;
 * the matrix also opens in a window of its own, wide enough for a column per connection.
 */
public final class ProxyView extends BorderPane {

    private final ProxyController controller;
    private final ProxyPanel proxy;
    private final Tab matrixTab;
    private final TabPane tabs;
    private final Button popOut = new Button("Matrix in a window", new FontIcon(Feather.EXTERNAL_LINK));
    private Stage matrixWindow;

    public ProxyView(ProxyController controller, EventLogModel log) {
        this.controller = controller;
        this.proxy = new ProxyPanel(controller, log);
        ScrollPane bp = new ScrollPane(new BreakpointPanel(controller));
        bp.setFitToWidth(true);
        bp.setFitToHeight(true);
        BorderPane matrix = new BorderPane(new MatrixPanel(controller.matrix()));
        matrix.setBottom(popOut);
        matrixTab = new Tab("Matrix", matrix);
        tabs = new TabPane(
                new Tab("Lanes", proxy),
                new Tab("Breakpoints", bp),
                new Tab("Inject", new InjectPanel(controller)),
                matrixTab);
        createView();
        initListeners();
    }

    private void createView() {
        setId("proxyView");
        tabs.setId("proxyTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        popOut.setId("matrixPopOut");
        setCenter(tabs);
    }

    private void initListeners() {
        controller.matrix().watchWhile(matrixTab.selectedProperty());
        popOut.setOnAction(e -> openMatrixWindow());
    }

    /** Opens (or brings forward) the delivery matrix in its own window. */
    public void openMatrixWindow() {
        if (matrixWindow == null) {
            matrixWindow = new Stage();
            Window owner = getScene() == null ? null : getScene().getWindow();
            if (owner != null) {
                matrixWindow.initOwner(owner);
                matrixWindow.getIcons().setAll(((Stage) owner).getIcons());
            }
            matrixWindow.setTitle("Delivery matrix — what each member saw");
            Scene scene = new Scene(new MatrixPanel(controller.matrix()), 1000, 640);
            if (getScene() != null) {
                scene.getStylesheets().setAll(getScene().getStylesheets());
            }
            matrixWindow.setScene(scene);
            controller.matrix().watchWhile(matrixWindow.showingProperty());
        }
        matrixWindow.show();
        matrixWindow.toFront();
        controller.matrix().refresh();
    }

    public ProxyPanel proxyPanel() {
        return proxy;
    }

    public TabPane tabs() {
        return tabs;
    }
}
