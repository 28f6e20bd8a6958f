package io.studycollab.debugger.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {

    @TempDir
    Path dir;

    @Test
    void savedProfilesAreOwnerOnlyAndReadBack() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        ProfileStore store = new ProfileStore(dir.resolve("config/studycollab-debugger/profiles.json"));
        ServerProfile staging = new ServerProfile(
                "staging",
                "https://staging.invalid",
                "/socket.io",
                List.of("websocket"),
                Map.of(),
                "tok",
                null,
                null,
                null,
                true,
                false,
                null);
        store.save(List.of(ServerProfile.embeddedSandbox(), staging));
        Path file = dir.resolve("config/studycollab-debugger/profiles.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        ProfileStore.Loaded loaded = store.load();
        assertNull(loaded.problem());
        assertEquals(List.of(staging), loaded.profiles());
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void aSupabaseProfileKeepsItsProjectAndNeverAPassword() throws Exception {
        ProfileStore store = ProfileStore.in(dir);
        SupabaseLogin login =
                new SupabaseLogin("https://abc.supabase.co", "sb_publishable_abc123", "ada@example.com", false, true);
        ServerProfile p = new ServerProfile(
                "prod",
                "https://realtime.invalid",
                "/socket.io",
                List.of("websocket"),
                Map.of(),
                null,
                null,
                null,
                null,
                false,
                false,
                login);
        store.save(List.of(p));
        assertEquals(List.of(p), store.load().profiles());
        String json = Files.readString(store.file());
        assertFalse(json.toLowerCase(java.util.Locale.ROOT).contains("\"password\""), json);
        assertEquals("https://abc.supabase.co ada@example.com", login.keychainAccount());
        assertFalse(login.toString().contains("sb_publishable_abc123"), "the key is not in log lines");
    }

    @Test
    void profilesSavedBeforeSupabaseReadBackAsTokenProfiles() throws Exception {
        Files.writeString(
                dir.resolve("profiles.json"),
                "[{\"name\":\"old\",\"url\":\"http://x.invalid\",\"path\":\"/socket.io\",\"storeSecrets\":false,\"sandbox\":false}]");
        ServerProfile old = ProfileStore.in(dir).load().profiles().get(0);
        assertFalse(old.usesSupabase());
    }
}
