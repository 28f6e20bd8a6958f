package io.studycollab.debugger;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The application's version, from the pom (filtered into version.properties at build time). */
public final class AppVersion {

    private static final String VERSION = load();

    private AppVersion() {}

    public static String get() {
        return VERSION;
    }

    public static String full() {
        return "StudyCollab Realtime Debugger " + VERSION;
    }

    private static String load() {
        try (InputStream in = AppVersion.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
