package io.studycollab.debugger.window;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Issue 14 point 10: picking a contract event fills its template; a JSON error says line and column. */
class EmitTemplatesTest extends WindowFixture {

    @Start
    void start(Stage stage) throws Exception {
        openWindow(stage);
    }

    @Override
    protected boolean startsSandbox() {
        return false;
    }

    @Test
    @SuppressWarnings("unchecked")
    void pickingAnEventFillsItsTemplateAndErrorsSayWhere(FxRobot robot) {
        fx(() -> {
            controller.view().sidePanel().getSelectionModel().select(1); // Emit
            return null;
        });
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx(() -> robot.lookup("#emitEvent").tryQuery().isPresent()));
        ComboBox<String> event = robot.lookup("#emitEvent").queryAs(ComboBox.class);
        TextArea payload = robot.lookup("#emitPayload").queryAs(TextArea.class);
        Label validation = robot.lookup("#emitValidation").queryAs(Label.class);
        fx(() -> {
            event.setValue("cursor:update");
            return null;
        });
        assertEquals("{\n  \"x\": 100,\n  \"y\": 100\n}", fx(payload::getText));
        assertEquals("✓ valid", fx(validation::getText));
        fx(() -> {
            event.setValue("group:join");
            return null;
        });
        String join = fx(payload::getText);
        assertTrue(join.contains("\"groupId\": \"demo\""), join);

        fx(() -> {
            payload.setText("{\n  \"x\": 1,\n  oops\n}");
            return null;
        });
        String error = fx(validation::getText);
        assertTrue(error.startsWith("Not valid JSON: line 3, column 3: "), error);
        // A custom event keeps what was typed (no template to impose).
        fx(() -> {
            payload.setText("{ \"text\": \"mine\" }");
            event.setValue("chat:message");
            return null;
        });
        assertEquals("{ \"text\": \"mine\" }", fx(payload::getText));
    }
}
