package io.studycollab.realtime.presence;

import java.util.List;

/**
 * The group as it stands after some prefix of the event stream.
 *
 * @param groupId  the group we are in, or null
 * @param members  members of that group, ordered by display name
 * @param asOfMillis record time of the last event folded in
 */
public record PresenceSnapshot(
        String groupId,
        String selfUserId,
        List<Member> members,
        boolean connected,
        long asOfMillis,
        long foldedEvents) {

    public static final PresenceSnapshot EMPTY = new PresenceSnapshot(null, null, List.of(), false, 0, 0);

    public Member member(String userId) {
        for (Member m : members) {
            if (m.userId().equals(userId)) {
                return m;
            }
        }
        return null;
    }
}
