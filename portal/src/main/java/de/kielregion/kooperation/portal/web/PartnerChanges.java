package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.clients.partners.DecisionsOnPartnersApi;
import de.kielregion.kooperation.portal.clients.partners.PartnersApi;
import de.kielregion.kooperation.portal.clients.partners.model.ContactRequest;
import de.kielregion.kooperation.portal.clients.partners.model.Coordinates;
import de.kielregion.kooperation.portal.clients.partners.model.DecisionBody;
import de.kielregion.kooperation.portal.clients.partners.model.PartnerDecisionKind;
import de.kielregion.kooperation.portal.clients.partners.model.PartnerDecisionOutcome;
import de.kielregion.kooperation.portal.clients.partners.model.PartnerDecisionRequest;
import de.kielregion.kooperation.portal.clients.partners.model.PartnerRequest;
import de.kielregion.kooperation.portal.clients.partners.model.PartnerType;
import de.kielregion.kooperation.portal.clients.partners.model.PartnerView;
import de.kielregion.kooperation.portal.clients.partners.model.Shareholder;
import de.kielregion.kooperation.portal.clients.partners.model.Urbanisation;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The partner directory written in the browser: coordinators register, edit and retire partners
 * and keep their contact persons; decision-makers record the focus-partner decisions.
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PartnerChanges extends PageSupport {

    @jakarta.inject.Inject
    @RestClient
    PartnersApi partners;

    @jakarta.inject.Inject
    @RestClient
    DecisionsOnPartnersApi decisions;

    // Register and edit

    @GET
    @Path("partners/new")
    public TemplateInstance newPartner() {
        allowed(ui.canEdit());
        return form(partnerForm(null), Map.of());
    }

    @POST
    @Path("partners")
    public Response register(MultivaluedMap<String, String> form) {
        return post(form, partnerForm(null), () -> {
            PartnerView created = partners.registerPartner(partnerRequest(form, false), null);
            return "/partners/" + created.getId();
        });
    }

    @GET
    @Path("partners/{id}/edit")
    public TemplateInstance edit(@PathParam("id") String id) {
        allowed(ui.canEdit());
        PartnerView p = partners.getPartner(Options.id(id));
        return form(
                partnerForm(p),
                Forms.prefill(
                        "name", p.getName(),
                        "localName", p.getLocalName(),
                        "type", p.getType(),
                        "country", p.getCountry(),
                        "nutsCode", p.getNutsCode(),
                        "coordinates.latitude",
                                p.getCoordinates() == null
                                        ? null
                                        : p.getCoordinates().getLatitude(),
                        "coordinates.longitude",
                                p.getCoordinates() == null
                                        ? null
                                        : p.getCoordinates().getLongitude(),
                        "website", p.getWebsite(),
                        "themes", p.getThemes() == null ? null : String.join(", ", p.getThemes()),
                        "urbanisation", p.getUrbanisation(),
                        "parentRegionId", p.getParentRegionId()));
    }

    @POST
    @Path("partners/{id}")
    public Response update(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        PartnerView p = partners.getPartner(Options.id(id));
        return post(form, partnerForm(p), () -> {
            PartnerRequest request = partnerRequest(form, true);
            partners.updatePartner(p.getId(), request, Forms.ifMatch(request.getVersion()));
            return "/partners/" + p.getId();
        });
    }

    private PartnerRequest partnerRequest(MultivaluedMap<String, String> form, boolean edit) {
        Forms.Reader f = Forms.read(form, ui::t);
        java.math.BigDecimal latitude = f.decimal("coordinates.latitude");
        java.math.BigDecimal longitude = f.decimal("coordinates.longitude");
        String themes = f.text("themes");
        UUID region = f.uuid("parentRegionId");
        return f.done(new PartnerRequest()
                .name(f.text("name"))
                .localName(f.text("localName"))
                .type(f.choice("type", PartnerType::fromValue))
                .country(f.text("country"))
                .nutsCode(f.text("nutsCode"))
                .coordinates(
                        latitude == null && longitude == null
                                ? null
                                : new Coordinates().latitude(latitude).longitude(longitude))
                .website(f.text("website"))
                .themes(
                        themes == null
                                ? new ArrayList<>()
                                : java.util.Arrays.stream(themes.split(","))
                                        .map(String::trim)
                                        .filter(t -> !t.isEmpty())
                                        .toList())
                .urbanisation(f.choice("urbanisation", Urbanisation::fromValue))
                .parentRegionId(region)
                .version(edit ? f.version() : null));
    }

    private FormPage partnerForm(PartnerView p) {
        List<FormPage.Option> regions = partners
                .searchPartners(null, null, 0, null, null, 500, "name", "ACTIVE", null, "REGION", null)
                .getItems()
                .stream()
                .filter(r -> p == null || !r.getId().equals(p.getId()))
                .map(r -> new FormPage.Option(
                        r.getId().toString(), r.getName() + " (" + ui.country(r.getCountry()) + ")"))
                .toList();
        return FormPage.of(
                        ui.t(p == null ? "partners.new" : "partners.edit"),
                        p == null ? "/partners" : "/partners/" + p.getId(),
                        "partners")
                .back(
                        p == null ? "/partners" : "/partners/" + p.getId(),
                        p == null ? ui.t("partners.title") : p.getName())
                .version(p == null ? null : p.getVersion())
                .text("name", ui.t("partners.name"), true, 200)
                .text("localName", ui.t("partners.localName"), false, 200)
                .select("type", ui.t("partners.type"), true, options("PartnerType", PartnersPage.TYPES))
                .select(
                        "country",
                        ui.t("partners.country"),
                        true,
                        Options.COUNTRIES.stream()
                                .map(c -> new FormPage.Option(c, ui.country(c)))
                                .toList())
                .select(
                        "urbanisation",
                        ui.t("partners.urbanisation"),
                        false,
                        options("Urbanisation", Options.of(Urbanisation.class)))
                .hint(ui.t("partners.urbanisation.hint"))
                .select("parentRegionId", ui.t("partners.region"), false, regions)
                .hint(ui.t("partners.region.hint"))
                .text("nutsCode", ui.t("partners.nuts"), false, 10)
                .decimal("coordinates.latitude", ui.t("partners.latitude"), false, ui.t("partners.coordinates.hint"))
                .decimal("coordinates.longitude", ui.t("partners.longitude"), false, null)
                .text("website", ui.t("partners.website"), false, 500)
                .text("themes", ui.t("partners.themes"), false, 1000)
                .hint(ui.t("partners.themes.hint"))
                .submit(ui.t("form.save"), "partner-save");
    }

    /** A partner leaves the directory (kept, marked "ausgeschieden": projects and relations still name it). */
    @POST
    @Path("partners/{id}/retire")
    public Response retire(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID partnerId = Options.id(id);
        return submit(
                form,
                () -> {
                    partners.retirePartner(
                            partnerId, Forms.ifMatch(Forms.read(form, ui::t).version()), null);
                    return "/partners/" + partnerId;
                },
                problem -> {
                    throw problem; // the error page says why (another role, changed meanwhile)
                });
    }

    // Contact persons

    @GET
    @Path("partners/{id}/contacts/new")
    public TemplateInstance newContact(@PathParam("id") String id) {
        allowed(ui.canEdit());
        return form(contactForm(partners.getPartner(Options.id(id))), Map.of());
    }

    @POST
    @Path("partners/{id}/contacts")
    public Response addContact(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        PartnerView p = partners.getPartner(Options.id(id));
        return post(form, contactForm(p), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            partners.addContact(
                    p.getId(),
                    f.done(new ContactRequest()
                            .name(f.text("name"))
                            .role(f.text("role"))
                            .email(f.text("email"))
                            .phone(f.text("phone"))),
                    null);
            return "/partners/" + p.getId() + "#contacts";
        });
    }

    /** A contact person is erased (their personal data goes; GDPR Art. 17). */
    @POST
    @Path("partners/{id}/contacts/{contact}/erase")
    public Response eraseContact(
            @PathParam("id") String id, @PathParam("contact") String contact, MultivaluedMap<String, String> form) {
        UUID partnerId = Options.id(id);
        UUID contactId = Options.id(contact);
        return submit(
                form,
                () -> {
                    partners.eraseContact(contactId, partnerId);
                    return "/partners/" + partnerId + "#contacts";
                },
                problem -> {
                    throw problem;
                });
    }

    private FormPage contactForm(PartnerView p) {
        return FormPage.of(ui.t("contacts.new", p.getName()), "/partners/" + p.getId() + "/contacts", "partners")
                .back("/partners/" + p.getId(), p.getName())
                .text("name", ui.t("contacts.name"), true, 200)
                .text("role", ui.t("contacts.role"), false, 200)
                .email("email", ui.t("contacts.email"), false)
                .text("phone", ui.t("contacts.phone"), false, 50)
                .submit(ui.t("form.save"), "contact-save");
    }

    // Focus-partner decisions

    @GET
    @Path("partners/{id}/decide")
    public TemplateInstance decideForm(@PathParam("id") String id) {
        allowed(ui.canDecide());
        return form(
                decisionForm(partners.getPartner(Options.id(id))), Forms.prefill("decidedOn", LocalDate.now(Ui.ZONE)));
    }

    @POST
    @Path("partners/{id}/decisions")
    public Response decide(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        PartnerView p = partners.getPartner(Options.id(id));
        return post(form, decisionForm(p), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            decisions.decideOnPartner(
                    p.getId(),
                    f.done(new PartnerDecisionRequest()
                            .kind(f.choice("kind", PartnerDecisionKind::fromValue))
                            .shareholder(f.choice("shareholder", Shareholder::fromValue))
                            .body(f.choice("body", DecisionBody::fromValue))
                            .decidedOn(f.date("decidedOn"))
                            .outcome(f.choice("outcome", PartnerDecisionOutcome::fromValue))
                            .revisitOn(f.date("revisitOn"))
                            .minutesReference(f.text("minutesReference"))
                            .note(f.text("note"))),
                    null);
            return "/partners/" + p.getId() + "#partner-decisions";
        });
    }

    private FormPage decisionForm(PartnerView p) {
        return FormPage.of(ui.t("partners.decide", p.getName()), "/partners/" + p.getId() + "/decisions", "partners")
                .back("/partners/" + p.getId(), p.getName())
                .select(
                        "kind",
                        ui.t("decision.kind"),
                        true,
                        options("PartnerDecision", Options.of(PartnerDecisionKind.class)))
                .select(
                        "shareholder",
                        ui.t("partners.decision.for"),
                        false,
                        options("Shareholder", Options.SHAREHOLDERS))
                .hint(ui.t("partners.decision.for.hint"))
                .select("body", ui.t("decision.body"), true, options("Body", Options.BODIES))
                .date("decidedOn", ui.t("decision.decidedOn"), true, null)
                .select(
                        "outcome",
                        ui.t("decision.outcome"),
                        true,
                        options("Outcome", Options.of(PartnerDecisionOutcome.class)))
                .date("revisitOn", ui.t("decision.revisitOn"), false, ui.t("decision.revisitOn.hint"))
                .text("minutesReference", ui.t("decision.minutes"), false, 300)
                .area("note", ui.t("relations.note"), 2000)
                .submit(ui.t("decision.save"), "partner-decide");
    }
}
