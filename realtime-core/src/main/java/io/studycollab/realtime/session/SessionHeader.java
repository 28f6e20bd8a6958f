package io.studycollab.realtime.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The first line of a session file. Never holds a token. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionHeader(
        String format, int version, String app, String serverUrl, String user, String group, String startedAt) {

    public static final String FORMAT = "studycollab-session";
    /** 2 added the per-packet fields of the intercepting proxy ({@code conn}, {@code nsp}, {@code ack}, {@code args}); 1 files still open. */
    public static final int VERSION = 2;

    public static SessionHeader of(String app, String serverUrl, String user, String group, String startedAt) {
        return new SessionHeader(FORMAT, VERSION, app, serverUrl, user, group, startedAt);
    }
}
