package io.studycollab.realtime.session;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.files.PrivateFiles;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes a list of records as a session file, a JSON array or CSV; every payload redacted first,
 * every file replaced atomically and private to its owner ({@link PrivateFiles}).
 */
public final class SessionExport {

    private SessionExport() {}

    /** A complete session file (header + records), replacing {@code path} atomically. */
    public static void session(Path path, SessionHeader header, List<EventRecord> records, Redactor redactor)
            throws IOException {
        PrivateFiles.writeAtomically(path, out -> {
            out.write(ProtocolCodec.write(ProtocolCodec.toTree(header)));
            out.write('\n');
            JsonGenerator g = ProtocolCodec.mapper().getFactory().createGenerator(out);
            g.setRootValueSeparator(null);
            for (EventRecord r : records) {
                SessionCodec.write(g, r, redactor);
                g.writeRaw('\n');
            }
            g.flush();
        });
    }

    /** A JSON array of the same objects a session file holds per line. */
    public static void json(Path path, List<EventRecord> records, Redactor redactor) throws IOException {
        PrivateFiles.writeAtomically(path, out -> {
            JsonGenerator g = ProtocolCodec.mapper().getFactory().createGenerator(out);
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (EventRecord r : records) {
                SessionCodec.write(g, r, redactor);
            }
            g.writeEndArray();
            g.flush();
        });
    }

    /** CSV with a header row; the payload is one JSON column. */
    public static void csv(Path path, List<EventRecord> records, Redactor redactor) throws IOException {
        PrivateFiles.writeAtomically(path, out -> {
            out.write("seq,time,dir,event,category,group,user,size,malformed,problem,data\r\n");
            for (EventRecord r : records) {
                JsonNode payload = redactor.json(r.payload());
                String data = payload != null && !payload.isNull() ? ProtocolCodec.write(payload) : "";
                out.write(String.join(
                        ",",
                        String.valueOf(r.seq()),
                        Instant.ofEpochMilli(r.wallMillis()).toString(),
                        r.direction().wire(),
                        cell(r.name()),
                        r.category().label(),
                        cell(r.groupId()),
                        cell(r.userId()),
                        String.valueOf(r.sizeBytes()),
                        String.valueOf(r.malformed()),
                        cell(r.problem() == null ? "" : redactor.text(r.problem())),
                        cell(data)));
                out.write("\r\n");
            }
        });
    }

    /** RFC 4180: quote when needed, double the quotes; a leading formula character is defused for spreadsheets. */
    static String cell(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String v = "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
