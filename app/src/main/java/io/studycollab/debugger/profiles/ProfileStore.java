package io.studycollab.debugger.profiles;

import com.fasterxml.jackson.core.type.TypeReference;
import io.studycollab.realtime.files.PrivateFiles;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Saved server profiles in the user's config directory ({@code $XDG_CONFIG_HOME} or
 * {@code ~/.config}, {@code studycollab-debugger/profiles.json}), readable by the user only. The
 * directory can be set with {@value #CONFIG_DIR_PROPERTY} (system property) or
 * {@value #CONFIG_DIR_ENV} (environment): tests and portable setups never touch the user's own.
 */
public final class ProfileStore {

    public static final String CONFIG_DIR_PROPERTY = "studycollab.configDir";
    public static final String CONFIG_DIR_ENV = "STUDYCOLLAB_CONFIG_DIR";

    private final Path file;

    public ProfileStore(Path file) {
        this.file = file;
    }

    /** In the given directory. */
    public static ProfileStore in(Path configDir) {
        return new ProfileStore(configDir.resolve("profiles.json"));
    }

    public static ProfileStore inUserConfig() {
        String dir = System.getProperty(CONFIG_DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = System.getenv(CONFIG_DIR_ENV);
        }
        if (dir != null && !dir.isBlank()) {
            return in(Path.of(dir));
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new ProfileStore(base.resolve("studycollab-debugger").resolve("profiles.json"));
    }

    public Path file() {
        return file;
    }

    /** Saved profiles; an unreadable file gives an empty list and the reason. */
    public Loaded load() {
        if (!Files.exists(file)) {
            return new Loaded(List.of(), null);
        }
        try {
            List<ServerProfile> list =
                    ProtocolCodec.mapper().readValue(file.toFile(), new TypeReference<List<ServerProfile>>() {});
            return new Loaded(list.stream().filter(p -> !p.sandbox()).toList(), null);
        } catch (IOException e) {
            return new Loaded(List.of(), "cannot read " + file + ": " + e.getMessage());
        }
    }

    public void save(List<ServerProfile> profiles) throws IOException {
        List<ServerProfile> out = new ArrayList<>();
        for (ServerProfile p : profiles) {
            if (!p.sandbox()) {
                out.add(p.forStorage());
            }
        }
        PrivateFiles.writeAtomically(
                file,
                w -> ProtocolCodec.mapper().writerWithDefaultPrettyPrinter().writeValue(w, out));
    }

    public record Loaded(List<ServerProfile> profiles, String problem) {}
}
