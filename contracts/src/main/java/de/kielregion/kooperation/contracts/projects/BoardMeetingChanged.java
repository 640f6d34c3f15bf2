package de.kielregion.kooperation.contracts.projects;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code cooperation.board-meeting.changed.v1} (key: the meeting's id): a meeting of a deciding
 * body was planned, its agenda changed (an item added, reordered, moved away or in, decided), its
 * invitation sent or its minutes filed. Carries the whole state: the last version wins.
 *
 * @param body the deciding body, e.g. SUPERVISORY_BOARD
 * @param invitations how often the invitation was sent (0: not yet)
 * @param minutesFiled whether the minutes are filed
 * @param agenda the items in their order, moved ones included (status MOVED, with where they went)
 */
public record BoardMeetingChanged(
        UUID id,
        String body,
        LocalDate meetsOn,
        String title,
        String place,
        int invitations,
        Instant invitedAt,
        boolean minutesFiled,
        List<Item> agenda,
        long version) {

    /**
     * An agenda item (Tagesordnungspunkt).
     *
     * @param subjectType as in the decision register: Project, Membership, Partner, OpenQuestion,
     *        Measure, Strategy, or Other for a free item
     * @param status OPEN, DECIDED (decisionId says which) or MOVED (movedTo says where)
     */
    public record Item(
            UUID id,
            int position,
            String subjectType,
            UUID subjectId,
            String title,
            String status,
            UUID decisionId,
            UUID movedTo) {}
}
