package io.studycollab.realtime.admin.crosscheck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The cross-check runs only when the admin server is the one our client is connected to. */
class SameServerTest {

    private static boolean same(String admin, String client) {
        return SameServer.of(admin, client).compared();
    }

    @Test
    void theSameHostAndPortIsTheSameServer() {
        assertTrue(same("http://127.0.0.1:3000", "http://127.0.0.1:3000"));
        assertTrue(same("http://127.0.0.1:3000/", "ws://127.0.0.1:3000/socket.io/?EIO=4"));
        assertTrue(same("HTTPS://Example.COM", "https://example.com:443/app"));
        assertTrue(same("http://example.com", "http://example.com:80"));
        assertTrue(same(" http://localhost:3000 ", "http://127.0.0.1:3000"), "loopback names are one host");
        assertTrue(same("http://[::1]:3000", "http://localhost:3000"));
    }

    @Test
    void anotherPortHostOrSchemeIsAnotherServer() {
        SameServer.Verdict v = SameServer.of("http://127.0.0.1:3000", "http://127.0.0.1:3911");
        assertFalse(v.compared());
        assertTrue(v.why().contains("http://localhost:3000"), v.why());
        assertTrue(v.why().contains("http://localhost:3911"), v.why());
        assertFalse(same("http://a.example:3000", "http://b.example:3000"));
        assertFalse(same("http://example.com", "https://example.com"));
        assertFalse(same("http://example.com:8080", "http://example.com"));
    }

    @Test
    void nothingToCompareSaysWhy() {
        SameServer.Verdict noClient = SameServer.of("http://127.0.0.1:3000", null);
        assertFalse(noClient.compared());
        assertTrue(noClient.why().contains("not connected"), noClient.why());
        assertFalse(SameServer.of(null, "http://127.0.0.1:3000").compared());
        SameServer.Verdict garbage = SameServer.of("not a url\u0007", "ftp://127.0.0.1:3000");
        assertFalse(garbage.compared());
        assertFalse(garbage.why().contains("\u0007"), "control characters are not shown");
    }
}
