package de.kielregion.kooperation.platform.security;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.platform.problem.ProblemException;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the token's subject, roles and {@code shareholder} claim. Object-level
 * checks ("a shareholder writes only its own data") go through {@link #requireMayWriteFor}.
 * Outside an HTTP request (event consumers) the caller is the system.
 */
@ApplicationScoped
public class Caller {

    public static final String SHAREHOLDER_CLAIM = "shareholder";
    public static final String SYSTEM = "system";

    /** The subject to record in audit entries: the token's {@code sub}, else the principal's name. */
    public String subject() {
        SecurityIdentity identity = identity();
        if (identity == null || identity.isAnonymous()) {
            return SYSTEM;
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    /**
     * The caller as people read it in a history ("Carla Coordinator"): the token's {@code name},
     * else its {@code preferred_username}; null for the system and for tokens without either.
     */
    public String displayName() {
        SecurityIdentity identity = identity();
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        for (String claim : new String[] {"name", "preferred_username"}) {
            Object value = jwt.getClaim(claim);
            if (value != null && !value.toString().isBlank()) {
                String name = value.toString().replace("\"", "").strip();
                return name.length() > 200 ? name.substring(0, 200) : name;
            }
        }
        return null;
    }

    public boolean hasRole(String role) {
        SecurityIdentity identity = identity();
        return identity != null && identity.hasRole(role);
    }

    /** The shareholder named in the token, if any (and if it names a known one). */
    public Optional<Shareholder> shareholder() {
        SecurityIdentity identity = identity();
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        Object claim = jwt.getClaim(SHAREHOLDER_CLAIM);
        if (claim == null) {
            return Optional.empty();
        }
        String value = claim.toString().replace("\"", "").trim();
        try {
            return Optional.of(Shareholder.valueOf(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Admins and coordinators write for everyone; a caller with only the {@code shareholder}
     * role writes only data of the shareholder its token names, else 403.
     */
    public void requireMayWriteFor(Shareholder owner) {
        if (hasRole(Roles.ADMIN) || hasRole(Roles.COORDINATOR)) {
            return;
        }
        if (hasRole(Roles.SHAREHOLDER)) {
            Optional<Shareholder> own = shareholder();
            if (own.isEmpty()) {
                throw ProblemException.refusal("shareholder.claim-missing")
                        .with("claim", SHAREHOLDER_CLAIM)
                        .forbidden();
            }
            if (own.get() == owner) {
                return;
            }
            throw ProblemException.refusal("shareholder.not-own-data")
                    .with("own", own.get())
                    .with("owner", owner)
                    .forbidden();
        }
        throw ProblemException.refusal("shareholder.roles-do-not-allow")
                .with("owner", owner)
                .forbidden();
    }

    private static SecurityIdentity identity() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        return Arc.container().instance(SecurityIdentity.class).get();
    }
}
