package de.kielregion.kooperation.platform.attachments;

import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.tika.Tika;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Attachments of a service's subjects, stored with their metadata in the service's own database:
 * a size limit, the content type detected from the content (Apache Tika's magic numbers; the
 * name is only a hint for formats that are zip files inside, like DOCX), the SHA-256, who and
 * when, and an entry in the subject's history. Whether a caller may attach to or read a subject
 * is the owning service's decision, made before it calls this.
 */
@ApplicationScoped
public class Attachments {

    /** What may be attached: documents and images people pass on; never executables or HTML. */
    public static final Set<String> ALLOWED = Set.of(
            "application/pdf",
            "image/png",
            "image/jpeg",
            "text/plain",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet");

    private static final Tika TIKA = new Tika();

    private final EntityManager em;
    private final ChangeLog changeLog;
    private final Caller caller;
    private final long maxBytes;

    Attachments(
            EntityManager em,
            ChangeLog changeLog,
            Caller caller,
            @ConfigProperty(name = "attachments.max-bytes", defaultValue = "10485760") long maxBytes) {
        this.em = em;
        this.changeLog = changeLog;
        this.caller = caller;
        this.maxBytes = maxBytes;
    }

    /** An attachment without its content. */
    public record AttachmentView(
            UUID id,
            String subjectType,
            UUID subjectId,
            String filename,
            String contentType,
            long size,
            String sha256,
            String uploadedBy,
            Instant uploadedAt) {

        static AttachmentView of(Attachment a) {
            return new AttachmentView(
                    a.id,
                    a.subjectType,
                    a.subjectId,
                    a.filename,
                    a.contentType,
                    a.size,
                    a.sha256,
                    a.uploadedBy,
                    a.uploadedAt);
        }
    }

    /** A download: name, detected type, content. */
    public record Download(String filename, String contentType, byte[] data) {}

    @Transactional
    public AttachmentView attach(String subjectType, UUID subjectId, String filename, byte[] data) {
        String name = filename(filename);
        if (data == null || data.length == 0) {
            throw ProblemException.refusal("attachment.empty").badRequest();
        }
        if (data.length > maxBytes) {
            throw ProblemException.refusal("attachment.too-large")
                    .with("bytes", data.length)
                    .with("max", maxBytes)
                    .badRequest();
        }
        String type = TIKA.detect(data, name);
        if (!ALLOWED.contains(type)) {
            throw ProblemException.refusal("attachment.type-not-allowed")
                    .with("file", name)
                    .with("type", type)
                    .badRequest();
        }
        Attachment a = new Attachment();
        a.id = UUID.randomUUID();
        a.subjectType = subjectType;
        a.subjectId = subjectId;
        a.filename = name;
        a.contentType = type;
        a.size = data.length;
        a.sha256 = sha256(data);
        a.data = data;
        a.uploadedBy = caller.subject();
        a.uploadedAt = Instant.now();
        em.persist(a);
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("attachmentId", a.id);
        history.put("filename", a.filename);
        history.put("contentType", a.contentType);
        history.put("size", a.size);
        history.put("sha256", a.sha256);
        changeLog.record(Change.historyOnly(subjectType, subjectId, "AttachmentAdded"), history);
        return AttachmentView.of(a);
    }

    @Transactional
    public List<AttachmentView> of(String subjectType, UUID subjectId) {
        return em.createQuery(
                        "SELECT new de.kielregion.kooperation.platform.attachments.Attachments$AttachmentView("
                                + "a.id, a.subjectType, a.subjectId, a.filename, a.contentType, a.size, a.sha256,"
                                + " a.uploadedBy, a.uploadedAt) FROM Attachment a"
                                + " WHERE a.subjectType = :t AND a.subjectId = :s ORDER BY a.uploadedAt",
                        AttachmentView.class)
                .setParameter("t", subjectType)
                .setParameter("s", subjectId)
                .getResultList();
    }

    /** The attachment's metadata; a 404 for an unknown one. */
    @Transactional
    public AttachmentView find(UUID id) {
        return AttachmentView.of(attachment(id));
    }

    @Transactional
    public Download download(UUID id) {
        Attachment a = attachment(id);
        return new Download(a.filename, a.contentType, a.data);
    }

    private Attachment attachment(UUID id) {
        Attachment a = em.find(Attachment.class, id);
        if (a == null) {
            throw ProblemException.notFound("Attachment", id);
        }
        return a;
    }

    /** The file's name without a path, control characters or quotes; 1–200 characters. */
    static String filename(String filename) {
        if (filename == null || filename.isBlank()) {
            throw ProblemException.refusal("attachment.filename-required").invalid("filename");
        }
        String name = filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"]", "")
                .strip();
        if (name.isEmpty() || name.length() > 200) {
            throw ProblemException.refusal("attachment.filename-length").invalid("filename");
        }
        return name;
    }

    /** The SHA-256 of {@code data}, hex. */
    public static String sha256Of(byte[] data) {
        return sha256(data);
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code attachment; filename="..."; filename*=UTF-8''...} for a download of this name. */
    public static String contentDisposition(String filename) {
        String ascii = filename.replaceAll("[^\\x20-\\x7e]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
