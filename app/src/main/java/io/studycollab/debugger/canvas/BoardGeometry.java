package io.studycollab.debugger.canvas;

/**
 * Where the shared board sits in a view: the 1000×600 board stretched over the whole view, each
 * axis scaled on its own. Cursor positions are shared as board coordinates, so what matters is
 * where a pointer is on the board, not the board's shape on this screen; a board fitted whole
 * (5:3) left empty margins beside or under it in most windows (#14 point 7). Pure arithmetic, so
 * the mapping between mouse, board and device pixels is tested without a window.
 *
 * @param scaleX view pixels per board unit across
 * @param scaleY view pixels per board unit down
 */
public record BoardGeometry(double scaleX, double scaleY) {

    public static final double BOARD_WIDTH = 1000;
    public static final double BOARD_HEIGHT = 600;

    /** The board over a view of {@code width}×{@code height} (at least 1×1), edge to edge. */
    public static BoardGeometry fit(double width, double height) {
        return new BoardGeometry(Math.max(1, width) / BOARD_WIDTH, Math.max(1, height) / BOARD_HEIGHT);
    }

    /** Board coordinates of a view point, clamped to the board and rounded to a tenth (what is sent). */
    public double[] toBoard(double viewX, double viewY) {
        return new double[] {clamp(viewX / scaleX, BOARD_WIDTH), clamp(viewY / scaleY, BOARD_HEIGHT)};
    }

    /** Where a board point is shown in view coordinates. */
    public double[] toView(double boardX, double boardY) {
        return new double[] {boardX * scaleX, boardY * scaleY};
    }

    /** The device pixel a board point falls on, at {@code density} device pixels per view pixel. */
    public int deviceX(double boardX, double density) {
        return (int) Math.round(boardX * scaleX * density);
    }

    public int deviceY(double boardY, double density) {
        return (int) Math.round(boardY * scaleY * density);
    }

    private static double clamp(double v, double max) {
        return Math.round(Math.max(0, Math.min(max, v)) * 10) / 10.0;
    }
}
