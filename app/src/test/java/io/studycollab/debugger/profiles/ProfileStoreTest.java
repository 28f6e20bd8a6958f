package io.studycollab.debugger.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
                false);
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
}
