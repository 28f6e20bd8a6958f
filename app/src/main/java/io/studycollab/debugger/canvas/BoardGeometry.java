package io.studycollab.debugger.canvas;

/**
 * Where the shared board sits in a view: the 1000×600 board scaled to fit, centred. Pure
 * arithmetic, so the mapping between mouse, board and device pixels is tested without a window.
 *
 * @param scale view pixels per board unit
 * @param offsetX view x of the board's left edge
 * @param offsetY view y of the board's top edge
 */
public record BoardGeometry(double scale, double offsetX, double offsetY) {

    public static final double BOARD_WIDTH = 1000;
    public static final double BOARD_HEIGHT = 600;

    /** The board fitted into a view of {@code width}×{@code height} (at least 1×1), centred. */
    public static BoardGeometry fit(double width, double height) {
        double w = Math.max(1, width);
        double h = Math.max(1, height);
        double scale = Math.min(w / BOARD_WIDTH, h / BOARD_HEIGHT);
        return new BoardGeometry(scale, (w - BOARD_WIDTH * scale) / 2, (h - BOARD_HEIGHT * scale) / 2);
    }

    /** Board coordinates of a view point, clamped to the board and rounded to a tenth (what is sent). */
    public double[] toBoard(double viewX, double viewY) {
        return new double[] {
            clamp((viewX - offsetX) / scale, BOARD_WIDTH), clamp((viewY - offsetY) / scale, BOARD_HEIGHT)
        };
    }

    /** Where a board point is shown in view coordinates. */
    public double[] toView(double boardX, double boardY) {
        return new double[] {offsetX + boardX * scale, offsetY + boardY * scale};
    }

    /** The device pixel a board point falls on, at {@code density} device pixels per view pixel. */
    public int deviceX(double boardX, double density) {
        return (int) Math.round((offsetX + boardX * scale) * density);
    }

    public int deviceY(double boardY, double density) {
        return (int) Math.round((offsetY + boardY * scale) * density);
    }

    private static double clamp(double v, double max) {
        return Math.round(Math.max(0, Math.min(max, v)) * 10) / 10.0;
    }
}
