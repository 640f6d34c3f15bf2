package de.kielregion.kooperation.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The audit trail: every state change records who (the token's subject), when and what
 * changed, in the transaction of the change. Services write it through
 * {@link de.kielregion.kooperation.platform.changes.ChangeLog}, which flushes the change first.
 */
@ApplicationScoped
public class Audit {

    /** One entry of an aggregate's history, as the API shows it. */
    public record HistoryEntry(
            Instant at,
            String actor,

            @org.eclipse.microprofile.openapi.annotations.media.Schema(
                    description = "Who, as people read it (e.g. Carla Coordinator); absent for the system")
            String actorName,

            String action,
            JsonNode changes) {}

    private final EntityManager em;
    private final Caller caller;
    private final ObjectMapper mapper;

    Audit(EntityManager em, Caller caller, ObjectMapper mapper) {
        this.em = em;
        this.caller = caller;
        this.mapper = mapper;
    }

    /**
     * Records a change.
     *
     * @param changes what changed, e.g. from {@link #diff}; written as JSON; must not hold
     *        personal data that may have to be erased later
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String aggregateType, Object aggregateId, String action, Object changes) {
        AuditEntry entry = new AuditEntry();
        entry.aggregateType = aggregateType;
        entry.aggregateId = String.valueOf(aggregateId);
        entry.action = action;
        entry.actor = caller.subject();
        entry.actorName = caller.displayName();
        entry.at = Instant.now();
        try {
            entry.changes = mapper.writeValueAsString(changes == null ? Map.of() : changes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit changes cannot be written as JSON", e);
        }
        em.persist(entry);
    }

    /** The history of one aggregate, oldest first. */
    @Transactional
    public List<HistoryEntry> history(String aggregateType, Object aggregateId) {
        return em
                .createQuery(
                        "FROM AuditEntry WHERE aggregateType = :type AND aggregateId = :id ORDER BY at, id",
                        AuditEntry.class)
                .setParameter("type", aggregateType)
                .setParameter("id", String.valueOf(aggregateId))
                .getResultList()
                .stream()
                .map(e -> new HistoryEntry(e.at, e.actor, e.actorName, e.action, read(e.changes)))
                .toList();
    }

    /**
     * The top-level fields that differ between two views of an aggregate (e.g. its API
     * representation before and after), as {@code field: {from, to}}.
     */
    public Map<String, Object> diff(Object before, Object after) {
        JsonNode a = mapper.valueToTree(before);
        JsonNode b = mapper.valueToTree(after);
        Map<String, Object> changes = new LinkedHashMap<>();
        Iterator<String> names = b.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if ("version".equals(name) || "updatedAt".equals(name)) {
                continue;
            }
            JsonNode from = a == null ? null : a.get(name);
            JsonNode to = b.get(name);
            if (!Objects.equals(from, to)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", from);
                change.put("to", to);
                changes.put(name, change);
            }
        }
        return changes;
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return mapper.getNodeFactory().textNode(json);
        }
    }
}
