package de.kielregion.kooperation.platform.reminders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One reminder: one deadline and one lead time, recorded once and sent once. */
@Entity
@Table(name = "reminder")
public class Reminder {

    /** kind:subjectId:dueOn:leadDays, unique: the second replica or a restart finds it recorded. */
    @Id
    public String key;

    public String kind;

    @Column(name = "subject_type")
    public String subjectType;

    @Column(name = "subject_id")
    public String subjectId;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "lead_days")
    public int leadDays;

    /** Addresses, comma-separated. */
    public String recipients;

    public String subject;

    public String body;

    /** PENDING until the mail server took it, then SENT. */
    public String status;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
