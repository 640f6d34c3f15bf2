package de.kielregion.kooperation.projects.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A calendar subscription: calendar clients cannot log in with OIDC, so a feed is reached by a
 * secret token in its address. Only the token's SHA-256 is stored; the feed shows what the roles
 * of the person who created it may read, and is revoked by deleting it.
 */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed {

    @Id
    public UUID id;

    /** SHA-256 of the token, hex. */
    @Column(name = "token_hash")
    public String tokenHash;

    /** Who created it (the token's subject). */
    public String owner;

    public String name;

    /** The shareholder whose staff created it; null for KielRegion's roles (they see everything). */
    public String shareholder;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "last_read_at")
    public Instant lastReadAt;
}
