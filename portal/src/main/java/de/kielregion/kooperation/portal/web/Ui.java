package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.i18n.Formats;
import de.kielregion.kooperation.portal.i18n.Messages;
import de.kielregion.kooperation.portal.i18n.RequestLanguage;
import io.quarkus.oidc.IdToken;
import io.quarkus.qute.TemplateData;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What every page needs about the request: the language (German, or English when chosen with
 * the switch: cookie {@code lang}), labels and formats for it, and who is signed in with
 * which roles. Templates reach it as {@code ui}.
 */
@RequestScoped
@TemplateData
public class Ui implements RequestLanguage {

    public static final ZoneId ZONE = Formats.ZONE;
    static final Set<String> ROLES = Set.of("admin", "coordinator", "decision-maker", "shareholder", "viewer");

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    HttpServerRequest request;

    private Locale locale;
    private ResourceBundle bundle;
    private Formats formats;
    private final long started = System.currentTimeMillis();

    /** A Ui for one language and no request (formats and labels only; for tests and mails). */
    public static Ui of(Locale locale) {
        Ui ui = new Ui();
        ui.locale = locale;
        return ui;
    }

    public Locale locale() {
        if (locale == null) {
            // German first: English only when chosen with the switch (cookie), whatever the browser says.
            boolean english = request.getCookie("lang") != null
                    && "en".equals(request.getCookie("lang").getValue());
            locale = english ? Messages.ENGLISH : Messages.GERMAN;
        }
        return locale;
    }

    /**
     * When this request began (epoch millis), less a margin: the page asks /live for the changes
     * since then, so that nothing that happened while it was being rendered is missed.
     */
    public long since() {
        return started - 2_000;
    }

    /**
     * Whether the page may be fetched again at its address for live updates: not when it answers
     * a form (a refused one, shown with its messages), whose address takes POST only.
     */
    public boolean refreshable() {
        return request == null || "GET".equals(request.method().name());
    }

    public String lang() {
        return locale().getLanguage();
    }

    public String otherLang() {
        return "en".equals(lang()) ? "de" : "en";
    }

    /** The request path and query, to come back to after switching the language. */
    public String here() {
        String uri = request.uri();
        return uri == null || !uri.startsWith("/") || uri.startsWith("//") ? "/" : uri;
    }

    public String hereEncoded() {
        return java.net.URLEncoder.encode(here(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Why a part of the page is missing: its service is down, or refused. */
    /**
     * Why a webhook attempt failed, in the reader's words: the service records the client's
     * technical message (English), which the page never shows as it is.
     */
    public String attemptError(Object outcome, Object error) {
        String text = error == null ? "" : error.toString();
        if ("REFUSED".equals(String.valueOf(outcome))) {
            return t("webhooks.error.refused");
        }
        if (text.contains("no answer within") || text.contains("timed out") || text.contains("Timeout")) {
            return t("webhooks.error.timeout");
        }
        if (text.contains("Connection refused") || text.contains("ConnectException")) {
            return t("webhooks.error.connection");
        }
        return t("webhooks.error.other");
    }

    public String sectionError(Section<?> section) {
        return t("error.section." + section.error(), t("service." + section.service()));
    }

    private ResourceBundle bundle() {
        if (bundle == null) {
            bundle = Messages.bundle(locale());
        }
        return bundle;
    }

    /** A label. */
    public String t(String key) {
        return Messages.get(bundle(), locale(), key);
    }

    /** A label with one argument ({0}). */
    public String t(String key, Object arg) {
        return Messages.get(bundle(), locale(), key, arg);
    }

    /** A label with two arguments. */
    public String t(String key, Object arg0, Object arg1) {
        return Messages.get(bundle(), locale(), key, arg0, arg1);
    }

    /** A label with three arguments. */
    public String t(String key, Object arg0, Object arg1, Object arg2) {
        return Messages.get(bundle(), locale(), key, arg0, arg1, arg2);
    }

    /** The label of an enum value, e.g. e('ProjectStatus', 'APPROVED'); empty for none. */
    public String e(String type, Object value) {
        if (value == null || value.toString().isEmpty()) {
            return "";
        }
        String key = "enum." + type + "." + value;
        String label = t(key);
        return label.equals(key) ? value.toString() : label;
    }

    /** The formats of the page's language (dates, amounts, numbers, countries). */
    public Formats formats() {
        if (formats == null) {
            formats = new Formats(locale());
        }
        return formats;
    }

    /** A country's name in the page's language from its ISO 3166-1 alpha-2 code (SE → Schweden). */
    public String country(Object code) {
        return formats().country(code);
    }

    /** 27.11.2026 (de) or 27 Nov 2026 (en) from an ISO date or date-time; empty for none. */
    public String date(Object value) {
        return formats().date(value);
    }

    /** Date and time in Kiel's time zone. */
    public String dateTime(Object value) {
        return formats().dateTime(value);
    }

    /** 15.000,00 € (de) or €15,000.00 (en). */
    public String money(Object value) {
        return formats().money(value);
    }

    /** An amount in its unit: EUR as money, FTE as a number with the unit. */
    public String amount(Object value, Object unit) {
        return formats().amount(value, unit);
    }

    /** A period (ISO 8601, e.g. P3M) in words: 3 Monate. */
    public String period(Object value) {
        return formats().period(value);
    }

    /** A plain number in the language's format. */
    public String number(Object value) {
        return formats().number(value);
    }

    /** Per cent (0–100) of part in whole, for bars. */
    public long percent(Object part, Object whole) {
        return Formats.percent(part, whole);
    }

    /** Whether a number (an amount of the services' models) is above zero. */
    public boolean positive(Object value) {
        return value instanceof java.math.BigDecimal d
                ? d.signum() > 0
                : value instanceof Number n && n.doubleValue() > 0;
    }

    public boolean has(String role) {
        return identity != null && !identity.isAnonymous() && identity.hasRole(role);
    }

    /** Coordinators and admins prepare and edit. */
    public boolean canEdit() {
        return has("coordinator") || has("admin");
    }

    /** Decision-makers and admins record decisions. */
    public boolean canDecide() {
        return has("decision-maker") || has("admin");
    }

    /** Contacts (personal data) are shown only to the roles partners-service lets read them. */
    public boolean canSeeContacts() {
        return has("viewer") || has("coordinator") || has("admin");
    }

    /** The shareholder a shareholder user acts for (claim 'shareholder', in the ID and the access token), or null. */
    public String shareholder() {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        Object claim = idToken == null ? null : idToken.getClaim("shareholder");
        return claim == null ? null : claim.toString().replace("\"", "");
    }

    /** May the user write this shareholder's activities and relations? */
    public boolean mayWriteFor(Object shareholder) {
        return canEdit()
                || (has("shareholder")
                        && shareholder != null
                        && shareholder.toString().equals(shareholder()));
    }

    /** The portal page of a decision's subject (from the register's subjectLink), or null. */
    public String subjectPage(Object subjectLink) {
        return Forms.pageOf(subjectLink == null ? null : subjectLink.toString());
    }

    public boolean signedIn() {
        return identity != null && !identity.isAnonymous();
    }

    /** The signed-in person's name. */
    public String user() {
        if (!signedIn()) {
            return "";
        }
        String name = idToken == null ? null : idToken.getClaim("name");
        if (name == null || name.isBlank()) {
            name = idToken == null ? null : idToken.getClaim("preferred_username");
        }
        return name == null ? identity.getPrincipal().getName() : name;
    }

    /** The user's roles, labelled, for the header. */
    public String roles() {
        return String.join(
                ", ",
                ROLES.stream().filter(this::has).sorted().map(r -> e("Role", r)).toList());
    }

    /** A form value to show again ("" when there is none). */
    public String v(Object values, String field) {
        Object value = property(values, field);
        if (value != null) {
            return value instanceof java.util.List<?> list
                    ? (list.isEmpty() ? "" : String.valueOf(list.get(0)))
                    : String.valueOf(value);
        }
        return "";
    }

    /** Was {@code option} chosen in a (multi-valued) form field? */
    public boolean chosen(Object values, String field, Object option) {
        Object value = property(values, field);
        if (option == null || value == null) {
            return false;
        }
        if (value instanceof java.util.Collection<?> many) {
            return many.stream().anyMatch(o -> String.valueOf(o).equals(option.toString()));
        }
        return String.valueOf(value).equals(option.toString());
    }

    /** The service's violation message for a form field, or "". */
    public String error(Object problem, String field) {
        if (problem instanceof de.kielregion.kooperation.portal.api.ServiceProblem p) {
            String message = p.violation(field);
            return message == null ? "" : message;
        }
        return "";
    }

    /** Is {@code value} (an enum of the generated models, an id, a text) the one named by {@code code}? */
    public boolean is(Object value, Object code) {
        return value != null && code != null && value.toString().equals(code.toString());
    }

    /** Is there an item with this id in the list (of JSON objects)? */
    public boolean listed(Object items, Object id) {
        return items instanceof java.util.Collection<?> list
                && id != null
                && list.stream().anyMatch(i -> id.toString().equals(String.valueOf(property(i, "id"))));
    }

    /**
     * aria-describedby for a field with a hint and/or the service's refusal, and aria-invalid when
     * refused (one attribute each: a second aria-describedby would be ignored).
     */
    public String aria(Object problem, String field, String id, String hint) {
        boolean refused = !error(problem, field).isEmpty();
        String by = ((hint == null || hint.isEmpty()) ? "" : "h-" + id) + (refused ? " e-" + id : "");
        return (refused ? "aria-invalid=\"true\" " : "")
                + (by.isBlank() ? "" : "aria-describedby=\"" + by.trim() + "\"");
    }

    /** aria-invalid and aria-describedby for an input whose field the service refused (else nothing). */
    public String invalid(Object problem, String field, String id) {
        return error(problem, field).isEmpty() ? "" : "aria-invalid=\"true\" aria-describedby=\"e-" + id + "\"";
    }

    /** The value of a key of a JSON object or a property of a model, "" when absent or null (for optional fields). */
    public Object get(Object object, String key) {
        Object value = property(object, key);
        return value == null ? "" : value;
    }

    /** The line of a budget for a category (null when the year has none). */
    public Object lineOf(Object budget, Object category) {
        return property(budget, "lines") instanceof java.util.Collection<?> lines
                ? lines.stream()
                        .filter(l -> String.valueOf(property(l, "category")).equals(String.valueOf(category)))
                        .findFirst()
                        .orElse(null)
                : null;
    }

    /** A map's value, or a generated model's property (its getter); null when there is none. */
    static Object property(Object object, String key) {
        if (object == null || key == null || key.isEmpty()) {
            return null;
        }
        if (object instanceof java.util.Map<?, ?> map) {
            return map.get(key);
        }
        try {
            return object.getClass()
                    .getMethod("get" + Character.toUpperCase(key.charAt(0)) + key.substring(1))
                    .invoke(object);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** Where a page of a list is: 0-based page numbers for the links, 1-based for people. */
    @TemplateData
    public record Pager(boolean hasPrev, int prev, boolean hasNext, int next, int current, int total) {}

    public Pager pager(Object page) {
        if (page == null) {
            return new Pager(false, 0, false, 0, 1, 0);
        }
        BigDecimal pageNumber = decimal(property(page, "page"));
        BigDecimal pages = decimal(property(page, "totalPages"));
        int number = pageNumber == null ? 0 : pageNumber.intValue();
        int total = pages == null ? 0 : pages.intValue();
        return new Pager(number > 0, number - 1, number + 1 < total, number + 1, number + 1, total);
    }

    /** One bar of a horizontal bar chart (SVG coordinates computed here, not in the template). */
    @TemplateData
    public record Bar(String label, long value, int y, int textY, long width, long valueX) {}

    /** Bars for counts per label, longest bar = 300 units; sorted by count, largest first. */
    public java.util.List<Bar> bars(Object counts) {
        if (!(counts instanceof java.util.Map<?, ?> map) || map.isEmpty()) {
            return java.util.List.of();
        }
        long max = map.values().stream()
                .mapToLong(v -> decimal(v) == null ? 0 : decimal(v).longValue())
                .max()
                .orElse(1);
        java.util.List<java.util.Map.Entry<?, ?>> entries = new java.util.ArrayList<>(map.entrySet());
        entries.sort((a, b) -> Long.compare(
                decimal(b.getValue()).longValue(), decimal(a.getValue()).longValue()));
        java.util.List<Bar> bars = new java.util.ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            long value = decimal(entries.get(i).getValue()).longValue();
            long width = max <= 0 ? 0 : Math.max(2, value * 300 / max);
            bars.add(new Bar(
                    String.valueOf(entries.get(i).getKey()), value, i * 28 + 8, i * 28 + 22, width, 230 + width + 6));
        }
        return bars;
    }

    /** Height of the chart for {@code count} bars. */
    public int chartHeight(Object counts) {
        return counts instanceof java.util.Map<?, ?> map ? map.size() * 28 + 8 : 8;
    }

    static BigDecimal decimal(Object value) {
        return Formats.decimal(value);
    }
}
