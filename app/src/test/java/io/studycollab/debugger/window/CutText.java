package io.studycollab.debugger.window;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;

/** Text shown cut short in a part of the window: labels elided with "…", prompts running past their field. */
final class CutText {

    private CutText() {}

    /**
     * Labels, buttons and cells under {@code root} whose text is shown cut (with "…"), except those
     * ids. Walks the scene graph itself: no style class names every Labeled (".labeled" matches none).
     */
    static List<String> labels(Parent root, String... mayElide) {
        List<String> out = new ArrayList<>();
        for (Labeled l : labeledUnder(root, new ArrayList<>())) {
            if (l.getText() == null || l.getText().isEmpty() || !shown(l)) {
                continue;
            }
            if (l.getId() != null && List.of(mayElide).contains(l.getId())) {
                continue;
            }
            Node text = l.lookup(".text");
            if (text instanceof Text t && !l.getText().equals(t.getText())) {
                out.add("'" + l.getText() + "' shown as '" + t.getText() + "'");
            }
        }
        return out;
    }

    static List<Labeled> labeledUnder(Node n, List<Labeled> into) {
        if (n instanceof Labeled l) {
            into.add(l);
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                labeledUnder(child, into);
            }
        }
        return into;
    }

    /** Empty text fields under {@code root} whose prompt is wider than the room inside the field. */
    static List<String> prompts(Parent root) {
        List<String> out = new ArrayList<>();
        for (Node n : root.lookupAll(".text-field")) {
            if (!(n instanceof TextField f) || !shown(f) || f.getPromptText() == null) {
                continue;
            }
            if (f.getText() != null && !f.getText().isEmpty()) {
                continue;
            }
            double room = f.getWidth() - f.getInsets().getLeft() - f.getInsets().getRight();
            for (Node t : f.lookupAll(".text")) {
                if (t instanceof Text prompt
                        && f.getPromptText().equals(prompt.getText())
                        && prompt.getLayoutBounds().getWidth() > room + 0.5) {
                    out.add("prompt '" + f.getPromptText() + "' needs "
                            + Math.round(prompt.getLayoutBounds().getWidth()) + " px in " + Math.round(room));
                }
            }
        }
        return out;
    }

    static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }
}
