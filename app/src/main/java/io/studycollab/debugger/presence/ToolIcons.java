package io.studycollab.debugger.presence;

import java.util.List;
import org.kordamp.ikonli.feather.Feather;

/** The tool palette's tools and their icons, shared by the palette, avatars and member list. */
public final class ToolIcons {

    public static final List<String> TOOLS = List.of("select", "pen", "highlighter", "eraser", "text", "shape");

    private ToolIcons() {}

    public static Feather icon(String tool) {
        if (tool == null) {
            return Feather.MINUS;
        }
        return switch (tool) {
            case "select" -> Feather.MOUSE_POINTER;
            case "pen" -> Feather.EDIT_2;
            case "highlighter" -> Feather.EDIT_3;
            case "eraser" -> Feather.DELETE;
            case "text" -> Feather.TYPE;
            case "shape" -> Feather.SQUARE;
            default -> Feather.TOOL;
        };
    }
}
