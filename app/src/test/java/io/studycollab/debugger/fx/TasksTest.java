package io.studycollab.debugger.fx;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Background work: results and typed failures reach their handlers; nothing is lost or left running. */
class TasksTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();

    @Test
    void theResultGoesToOnSuccessThenAndFinally() {
        try (Tasks tasks = new Tasks(e -> seen.add("unhandled " + e), Runnable::run)) {
            tasks.create(() -> 42)
                    .onSuccess(v -> seen.add("ok " + v))
                    .andFinally(() -> seen.add("finally"))
                    .run();
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
        }
        assertEquals(List.of("ok 42", "finally"), seen);
    }

    @Test
    void aFailureGoesToTheFirstHandlerOfItsTypeAndOtherwiseToTheFallback() {
        try (Tasks tasks = new Tasks(e -> seen.add("unhandled " + e.getMessage()), Runnable::run)) {
            tasks.run(() -> {
                        throw new IOException("disk full");
                    })
                    .onError(IllegalStateException.class, e -> seen.add("state " + e.getMessage()))
                    .onError(IOException.class, e -> seen.add("io " + e.getMessage()))
                    .onError(Exception.class, e -> seen.add("any " + e.getMessage()))
                    .run();
            tasks.run(() -> {
                        throw new IllegalArgumentException("bad");
                    })
                    .onError(IOException.class, e -> seen.add("io " + e.getMessage()))
                    .run();
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
        }
        assertTrue(seen.containsAll(List.of("io disk full", "unhandled bad")), seen.toString());
    }

    @Test
    void closingStopsWorkThatIsStillRunning() {
        Thread[] worker = new Thread[1];
        Tasks tasks = new Tasks(e -> {}, Runnable::run);
        tasks.run(() -> {
                    worker[0] = Thread.currentThread();
                    Thread.sleep(60_000); // stands for a task stuck on I/O; close interrupts it
                })
                .run();
        await().atMost(Duration.ofSeconds(5)).until(() -> worker[0] != null);
        tasks.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> !worker[0].isAlive());
    }
}
