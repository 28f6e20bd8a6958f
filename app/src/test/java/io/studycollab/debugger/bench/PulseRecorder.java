package io.studycollab.debugger.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

/**
 * Per pulse of a window: the FX thread's CPU time between two pulse starts (all it did for that frame)
 * and the wall time from the pulse's start to the end of its layout, with one flag a benchmark sets
 * per pulse (say, "the roster changed"). Everything runs on the FX thread.
 */
final class PulseRecorder {

    /** What a recording holds: one entry per pulse. */
    record Pulses(long[] cpuNanos, long[] wallNanos, boolean[] flagged) {}

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long[] cpu = new long[0];
    private long[] wall = new long[0];
    private boolean[] flags = new boolean[0];
    private int samples;
    private boolean recording;
    private long lastCpu = -1;
    private long pulseStart;

    /** Starts sampling {@code scene}'s pulses; {@code flag} is read (and may reset itself) once a pulse. */
    PulseRecorder(Scene scene, BooleanSupplier flag) {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                long c = threads.getCurrentThreadCpuTime();
                boolean flagged = flag.getAsBoolean();
                if (recording && lastCpu >= 0) {
                    grow();
                    cpu[samples] = c - lastCpu;
                    flags[samples] = flagged;
                }
                lastCpu = c;
                pulseStart = now;
            }
        }.start();
        scene.addPostLayoutPulseListener(() -> {
            if (recording && samples < cpu.length && cpu[samples] != 0) {
                wall[samples] = System.nanoTime() - pulseStart;
                samples++;
            }
        });
    }

    /** Forgets what was recorded; records from the next pulse on when {@code on}. */
    void restart(boolean on) {
        samples = 0;
        lastCpu = -1;
        recording = on;
    }

    /** Stops recording and hands over what was recorded. */
    Pulses stop() {
        recording = false;
        return new Pulses(Arrays.copyOf(cpu, samples), Arrays.copyOf(wall, samples), Arrays.copyOf(flags, samples));
    }

    private void grow() {
        if (samples == cpu.length) {
            cpu = Arrays.copyOf(cpu, Math.max(1024, cpu.length * 2));
            wall = Arrays.copyOf(wall, cpu.length);
            flags = Arrays.copyOf(flags, cpu.length);
        }
    }
}
