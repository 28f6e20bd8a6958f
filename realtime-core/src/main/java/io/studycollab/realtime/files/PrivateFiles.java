package io.studycollab.realtime.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The one way this project creates files a user keeps: session files, exports, reports, profiles,
 * scenarios. They may hold user ids, group names, payloads and (in profiles) secrets, so they are
 * readable by their owner only ({@code 0600}, like {@code ~/.ssh} keys) on POSIX systems. The mode
 * is given when the file is created, not set afterwards, so there is no moment in which another
 * user could open it; a file that already exists is narrowed to {@code 0600} before it is
 * truncated. On file systems without POSIX permissions (Windows) the platform's defaults apply.
 */
public final class PrivateFiles {

    /** Owner read and write, nothing for group and others. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    /** Writes the body of a file. */
    @FunctionalInterface
    public interface Body {
        void write(Writer out) throws IOException;
    }

    /** Opens {@code path} for writing from the start (created {@code 0600}, or narrowed and truncated). */
    public static OutputStream newOutputStream(Path path) throws IOException {
        createParents(path);
        if (posix(path) && Files.exists(path)) {
            Files.setPosixFilePermissions(path, OWNER_ONLY);
        }
        Set<OpenOption> options =
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        return Channels.newOutputStream(Files.newByteChannel(path, options, attributes(path)));
    }

    /** A buffered UTF-8 writer on {@link #newOutputStream(Path)}. */
    public static BufferedWriter newWriter(Path path) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(newOutputStream(path), StandardCharsets.UTF_8));
    }

    /** Writes {@code text} as UTF-8, replacing what the file held. */
    public static void writeString(Path path, String text) throws IOException {
        try (Writer out = newWriter(path)) {
            out.write(text);
        }
    }

    /**
     * Writes a whole file through a temporary sibling and renames it into place, so readers see the
     * old content or the new, never half of it; on failure the old file stays and the temporary goes.
     */
    public static void writeAtomically(Path path, Body body) throws IOException {
        Path parent = createParents(path);
        Path tmp = Files.createTempFile(parent, "." + path.getFileName(), ".tmp", attributes(parent));
        try {
            if (posix(tmp)) {
                Files.setPosixFilePermissions(tmp, OWNER_ONLY);
            }
            try (Writer out = newWriter(tmp)) {
                body.write(out);
            }
            try {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private static Path createParents(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return parent;
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] attributes(Path path) {
        return posix(path)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }
}
