package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.clients.projects.model.DecisionBody;
import de.kielregion.kooperation.portal.clients.projects.model.DecisionOutcome;
import de.kielregion.kooperation.portal.clients.projects.model.GeneralDecisionRequest;

/**
 * The fields of a general decision (on a measure, on the strategy): after the page's own field
 * {@code kind}, the body, the day, the outcome, conditions and the minutes; and the request they make.
 */
final class DecisionFields {

    private DecisionFields() {}

    static FormPage after(FormPage form, Ui ui) {
        return form.select(
                        "body",
                        ui.t("decision.body"),
                        true,
                        Options.BODIES.stream()
                                .map(b -> new FormPage.Option(b, ui.e("Body", b)))
                                .toList())
                .date("decidedOn", ui.t("decision.decidedOn"), true, null)
                .select(
                        "outcome",
                        ui.t("decision.outcome"),
                        true,
                        Options.of(DecisionOutcome.class).stream()
                                .map(o -> new FormPage.Option(o, ui.e("Outcome", o)))
                                .toList())
                .area("conditions", ui.t("decision.conditions"), 2000)
                .text("minutesReference", ui.t("decision.minutes"), false, 300);
    }

    static GeneralDecisionRequest request(Forms.Reader f) {
        return f.done(new GeneralDecisionRequest()
                .kind(f.text("kind"))
                .body(f.choice("body", DecisionBody::fromValue))
                .decidedOn(f.date("decidedOn"))
                .outcome(f.choice("outcome", DecisionOutcome::fromValue))
                .conditions(f.text("conditions"))
                .minutesReference(f.text("minutesReference")));
    }
}
