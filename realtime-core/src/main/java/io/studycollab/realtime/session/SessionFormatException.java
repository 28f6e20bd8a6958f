package io.studycollab.realtime.session;

import java.io.IOException;

/** A session file that cannot be opened at all, with the line at fault. */
public final class SessionFormatException extends IOException {

    private final long line;

    public SessionFormatException(long line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
