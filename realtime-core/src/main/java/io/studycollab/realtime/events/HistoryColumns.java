package io.studycollab.realtime.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.protocol.EventCategory;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Event records stored column by column: primitives for seq, times, direction and size; shared
 * strings for names, users and groups; each payload as its compact JSON in UTF-8, parsed again only
 * when a record is asked for. A small cursor update costs about 150 bytes here against about 450 as
 * an {@link EventRecord} holding a Jackson tree, which is what lets the history keep millions.
 *
 * <p>Payloads that JSON text cannot carry faithfully (binary attachments, or anything that is not
 * plain JSON) are kept as their tree. Not thread-safe: {@link EventHistory} guards it.
 */
final class HistoryColumns {

    private static final Direction[] DIRECTIONS = Direction.values();
    private static final EventCategory[] CATEGORIES = EventCategory.values();

    private long[] seq;
    private long[] wall;
    private long[] mono;
    private byte[] direction;
    private byte[] category;
    private int[] size;
    private String[] name;
    private String[] group;
    private String[] user;
    private String[] problem;
    private PacketInfo[] packet;
    private Object[] payload; // byte[] of JSON, or the JsonNode itself when JSON text would change it

    HistoryColumns(int length) {
        allocate(length);
    }

    private void allocate(int n) {
        seq = new long[n];
        wall = new long[n];
        mono = new long[n];
        direction = new byte[n];
        category = new byte[n];
        size = new int[n];
        name = new String[n];
        group = new String[n];
        user = new String[n];
        problem = new String[n];
        packet = new PacketInfo[n];
        payload = new Object[n];
    }

    int length() {
        return seq.length;
    }

    /** Grows (or shrinks) to {@code n} slots, keeping the first {@code keep}. */
    void resize(int n, int keep) {
        seq = Arrays.copyOf(seq, n);
        wall = Arrays.copyOf(wall, n);
        mono = Arrays.copyOf(mono, n);
        direction = Arrays.copyOf(direction, n);
        category = Arrays.copyOf(category, n);
        size = Arrays.copyOf(size, n);
        name = Arrays.copyOf(name, n);
        group = Arrays.copyOf(group, n);
        user = Arrays.copyOf(user, n);
        problem = Arrays.copyOf(problem, n);
        packet = Arrays.copyOf(packet, n);
        payload = Arrays.copyOf(payload, n);
        if (keep < n) {
            clear(keep, n);
        }
    }

    void put(int i, EventRecord r, StringPool pool) {
        seq[i] = r.seq();
        wall[i] = r.wallMillis();
        mono[i] = r.monoNanos();
        direction[i] = (byte) r.direction().ordinal();
        category[i] = (byte) r.category().ordinal();
        size[i] = r.sizeBytes();
        name[i] = pool.intern(r.name());
        group[i] = pool.intern(r.groupId());
        user[i] = pool.intern(r.userId());
        problem[i] = r.problem();
        packet[i] = r.packet();
        payload[i] = compact(r.payload());
    }

    /** Copies slot {@code from} of {@code src} into slot {@code to} of this. */
    void copy(HistoryColumns src, int from, int to) {
        seq[to] = src.seq[from];
        wall[to] = src.wall[from];
        mono[to] = src.mono[from];
        direction[to] = src.direction[from];
        category[to] = src.category[from];
        size[to] = src.size[from];
        name[to] = src.name[from];
        group[to] = src.group[from];
        user[to] = src.user[from];
        problem[to] = src.problem[from];
        packet[to] = src.packet[from];
        payload[to] = src.payload[from];
    }

    /** Copies {@code count} slots starting at {@code from} of {@code src} to {@code to} of this. */
    void copyRange(HistoryColumns src, int from, int to, int count) {
        System.arraycopy(src.seq, from, seq, to, count);
        System.arraycopy(src.wall, from, wall, to, count);
        System.arraycopy(src.mono, from, mono, to, count);
        System.arraycopy(src.direction, from, direction, to, count);
        System.arraycopy(src.category, from, category, to, count);
        System.arraycopy(src.size, from, size, to, count);
        System.arraycopy(src.name, from, name, to, count);
        System.arraycopy(src.group, from, group, to, count);
        System.arraycopy(src.user, from, user, to, count);
        System.arraycopy(src.problem, from, problem, to, count);
        System.arraycopy(src.packet, from, packet, to, count);
        System.arraycopy(src.payload, from, payload, to, count);
    }

    /** Drops the references held in slots {@code [from, to)} so evicted payloads can be collected. */
    void clear(int from, int to) {
        Arrays.fill(name, from, to, null);
        Arrays.fill(group, from, to, null);
        Arrays.fill(user, from, to, null);
        Arrays.fill(problem, from, to, null);
        Arrays.fill(packet, from, to, null);
        Arrays.fill(payload, from, to, null);
    }

    long seq(int i) {
        return seq[i];
    }

    EventRecord get(int i) {
        return new EventRecord(
                seq[i],
                wall[i],
                mono[i],
                DIRECTIONS[direction[i]],
                name[i],
                CATEGORIES[category[i]],
                group[i],
                user[i],
                tree(payload[i]),
                size[i],
                problem[i],
                packet[i]);
    }

    /** The filter's test without building the record (and, for most filters, without parsing the payload). */
    boolean matches(int i, EventFilter f, NameMatches names) {
        if (!names.test(name[i])
                || !f.matchesFields(
                        null,
                        CATEGORIES[category[i]],
                        DIRECTIONS[direction[i]],
                        user[i],
                        group[i],
                        problem[i] != null,
                        packet[i])) {
            return false;
        }
        if (!f.hasText()) {
            return true;
        }
        if (names.textInName(name[i])) {
            return true;
        }
        Object p = payload[i];
        return p instanceof byte[] json ? f.textInPayload(json) : f.test(get(i));
    }

    private static Object compact(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!plainJson(node)) {
            return node;
        }
        try {
            return ProtocolCodec.mapper().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            return node;
        }
    }

    // Binary, POJO and other non-JSON nodes would come back as text: keep those trees as they are.
    private static boolean plainJson(JsonNode node) {
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (!plainJson(child)) {
                    return false;
                }
            }
            return true;
        }
        return node.isValueNode() && !node.isBinary() && !node.isPojo();
    }

    private static JsonNode tree(Object stored) {
        if (stored instanceof byte[] json) {
            try {
                return ProtocolCodec.mapper().readTree(json);
            } catch (IOException e) {
                throw new UncheckedIOException("history holds JSON it wrote itself", e);
            }
        }
        return (JsonNode) stored;
    }
}
