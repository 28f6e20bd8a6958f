package io.studycollab.realtime.server.bots;

import java.util.List;
import java.util.Random;

/**
 * What a simulated user does, one 50 ms tick at a time: a cursor gliding along its own smooth
 * Lissajous path over a 1000×600 board, a tool change now and then, idle spells, and the odd
 * custom event. Pure: it only says what to do; {@link SandboxBots} does it.
 */
public final class BotBehaviour {

    public static final double BOARD_WIDTH = 1000;
    public static final double BOARD_HEIGHT = 600;
    public static final List<String> TOOLS = List.of("select", "pen", "highlighter", "eraser", "text", "shape");

    /** One tick's actions; any field may be null (nothing of that kind this tick). */
    public record Step(double[] cursor, String tool, Boolean active, String customEvent, String customText) {}

    private final Random random;
    private final double ax;
    private final double ay;
    private final double phase;
    private final double speed;
    private double t;
    private long nextToolMs;
    private long nextIdleMs;
    private long idleUntilMs = -1;
    private long nextCustomMs;
    private long elapsedMs;
    private int notes;

    public BotBehaviour(long seed) {
        random = new Random(seed);
        ax = 1 + random.nextInt(3);
        ay = 2 + random.nextInt(3);
        phase = random.nextDouble() * Math.PI * 2;
        speed = 0.15 + random.nextDouble() * 0.15;
        nextToolMs = 2_000 + random.nextInt(6_000);
        nextIdleMs = 25_000 + random.nextInt(20_000);
        nextCustomMs = 8_000 + random.nextInt(15_000);
    }

    public Step tick(long dtMs) {
        elapsedMs += dtMs;
        if (idleUntilMs >= 0) {
            if (elapsedMs < idleUntilMs) {
                return new Step(null, null, null, null, null);
            }
            idleUntilMs = -1;
            nextIdleMs = elapsedMs + 25_000 + random.nextInt(20_000);
            return new Step(position(), null, Boolean.TRUE, null, null);
        }
        if (elapsedMs >= nextIdleMs) {
            idleUntilMs = elapsedMs + 8_000 + random.nextInt(12_000);
            return new Step(null, null, Boolean.FALSE, null, null);
        }
        t += dtMs / 1000.0 * speed;
        String tool = null;
        if (elapsedMs >= nextToolMs) {
            tool = TOOLS.get(random.nextInt(TOOLS.size()));
            nextToolMs = elapsedMs + 6_000 + random.nextInt(8_000);
        }
        String event = null;
        String text = null;
        if (elapsedMs >= nextCustomMs) {
            nextCustomMs = elapsedMs + 15_000 + random.nextInt(15_000);
            notes++;
            if (random.nextBoolean()) {
                event = "chat:message";
                text = CHAT.get(random.nextInt(CHAT.size()));
            } else {
                event = "note:added";
                text = "note " + notes;
            }
        }
        return new Step(position(), tool, null, event, text);
    }

    public boolean idle() {
        return idleUntilMs >= 0;
    }

    private double[] position() {
        double x = BOARD_WIDTH / 2 + BOARD_WIDTH * 0.4 * Math.sin(ax * t + phase);
        double y = BOARD_HEIGHT / 2 + BOARD_HEIGHT * 0.4 * Math.sin(ay * t);
        return new double[] {Math.round(x * 10) / 10.0, Math.round(y * 10) / 10.0};
    }

    private static final List<String> CHAT = List.of(
            "Does anyone have the answer to question 3?",
            "I'll take the next section",
            "brb",
            "Look at the diagram on the left",
            "Nice!",
            "Shall we review chapter 2?");
}
