package io.studycollab.realtime.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.session.Redactor;
import io.studycollab.realtime.session.SessionExport;
import io.studycollab.realtime.session.SessionHeader;
import io.studycollab.realtime.session.SessionWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file the project writes for a user is {@code rw-------}, new or overwritten. */
class PrivateFilesTest {

    @TempDir
    Path dir;

    private final List<EventRecord> records = List.of(new EventRecord(
            1,
            1000,
            1,
            Direction.IN,
            "user:joined",
            null,
            "g1",
            "bob",
            ProtocolCodec.object().put("groupId", "g1"),
            20,
            null));

    @BeforeEach
    void posixOnly() {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /** A file another user could read, as a previous version (or another tool) left it. */
    private Path worldReadable(String name) throws IOException {
        Path p = Files.writeString(dir.resolve(name), "old");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        return p;
    }

    @Test
    void aNewStreamIsOwnerOnlyAndCreatesItsDirectories() throws Exception {
        Path p = dir.resolve("a/b/new.bin");
        try (OutputStream out = PrivateFiles.newOutputStream(p)) {
            out.write(1);
        }
        assertEquals("rw-------", mode(p));
        assertEquals(1, Files.size(p));
    }

    @Test
    void anExistingReadableFileIsNarrowedAndReplaced() throws Exception {
        Path p = worldReadable("old.txt");
        PrivateFiles.writeString(p, "new");
        assertEquals("rw-------", mode(p));
        assertEquals("new", Files.readString(p));
        Path q = worldReadable("old2.txt");
        PrivateFiles.writeAtomically(q, out -> out.write("newer"));
        assertEquals("rw-------", mode(q));
        assertEquals("newer", Files.readString(q, StandardCharsets.UTF_8));
    }

    @Test
    void aFailedAtomicWriteKeepsTheOldFileAndLeavesNoTemporary() throws Exception {
        Path p = worldReadable("keep.txt");
        assertThrows(
                IOException.class,
                () -> PrivateFiles.writeAtomically(p, out -> {
                    out.write("half");
                    throw new IOException("disk full");
                }));
        assertEquals("old", Files.readString(p));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(p), files.toList());
        }
    }

    @Test
    void sessionFilesAndExportsAreOwnerOnly() throws Exception {
        SessionHeader header = SessionHeader.of("t", "http://127.0.0.1:1", "bob", "g1", "now");
        Path recorded = worldReadable("recorded.jsonl");
        try (SessionWriter w = new SessionWriter(recorded, header, new Redactor())) {
            w.onEvents(records);
        }
        assertEquals("rw-------", mode(recorded));
        assertTrue(Files.readString(recorded).contains("user:joined"));
        Path session = dir.resolve("saved.jsonl");
        Path json = worldReadable("export.json");
        Path csv = dir.resolve("export.csv");
        SessionExport.session(session, header, records, new Redactor());
        SessionExport.json(json, records, new Redactor());
        SessionExport.csv(csv, records, new Redactor());
        for (Path p : List.of(session, json, csv)) {
            assertEquals("rw-------", mode(p), p.toString());
        }
    }
}
