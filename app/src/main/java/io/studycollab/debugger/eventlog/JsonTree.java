package io.studycollab.debugger.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.events.BinaryPreview;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import javafx.scene.control.TreeItem;

/** A JSON value as collapsible tree items: objects and arrays are branches, scalars leaves. */
final class JsonTree {

    private static final int MAX_CHILDREN = 500;

    private JsonTree() {}

    static TreeItem<String> of(String name, JsonNode node) {
        if (node == null) {
            return new TreeItem<>(name + ": (no payload)");
        }
        if (node.isObject()) {
            TreeItem<String> item = new TreeItem<>(name + " {" + node.size() + "}");
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            int n = 0;
            while (it.hasNext() && n++ < MAX_CHILDREN) {
                Map.Entry<String, JsonNode> e = it.next();
                item.getChildren().add(of(e.getKey(), e.getValue()));
            }
            more(item, node.size());
            return item;
        }
        if (node.isArray()) {
            TreeItem<String> item = new TreeItem<>(name + " [" + node.size() + "]");
            for (int i = 0; i < Math.min(node.size(), MAX_CHILDREN); i++) {
                item.getChildren().add(of("[" + i + "]", node.get(i)));
            }
            more(item, node.size());
            return item;
        }
        String text = node.isBinary()
                ? BinaryPreview.of(binary(node), 32)
                : node.isTextual() ? "\"" + abbreviate(node.textValue()) + "\"" : node.toString();
        return new TreeItem<>(name + ": " + text);
    }

    private static byte[] binary(JsonNode node) {
        try {
            return node.binaryValue();
        } catch (IOException e) {
            return new byte[0]; // a BinaryNode always has its bytes
        }
    }

    private static void more(TreeItem<String> item, int size) {
        if (size > MAX_CHILDREN) {
            item.getChildren().add(new TreeItem<>("… " + (size - MAX_CHILDREN) + " more (see Raw)"));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "… (" + s.length() + " chars)" : s;
    }
}
