package io.studycollab.realtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class HttpDispatchTest {

    /**
     * A polling transport's late close packet, enqueued after the owner shut the dispatcher down:
     * OkHttp's own executor rejects it and fails the call on the caller's stack, where
     * engine.io-client-java closes the transport again (and writes again, without end). Ours drops it.
     */
    @Test
    void aCallEnqueuedAfterShutdownIsDroppedNotFailedOnTheCallersStack() {
        OkHttpClient http = SocketFactory.newHttpClient();
        http.dispatcher().executorService().shutdown();
        AtomicReference<Thread> failedOn = new AtomicReference<>();
        http.newCall(new Request.Builder().url("http://127.0.0.1:9/engine.io/").build())
                .enqueue(new Callback() {
                    @Override
                    public void onFailure(Call call, IOException e) {
                        failedOn.set(Thread.currentThread());
                    }

                    @Override
                    public void onResponse(Call call, Response response) {
                        response.close();
                    }
                });
        assertEquals(null, failedOn.get(), "no failure on the enqueuing thread");
        assertTrue(http.dispatcher().executorService().isShutdown());
    }
}
