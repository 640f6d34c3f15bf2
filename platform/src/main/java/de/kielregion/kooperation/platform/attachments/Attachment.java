package de.kielregion.kooperation.platform.attachments;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A file attached to a subject of the service (a project, a decision): minutes, applications, agreements. */
@Entity
@Table(name = "attachment")
public class Attachment {

    @Id
    public UUID id;

    @Column(name = "subject_type")
    public String subjectType;

    @Column(name = "subject_id")
    public UUID subjectId;

    public String filename;

    /** As detected from the content. */
    @Column(name = "content_type")
    public String contentType;

    public long size;

    /** SHA-256 of the content, hex. */
    public String sha256;

    @Basic(fetch = FetchType.LAZY)
    public byte[] data;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;
}
