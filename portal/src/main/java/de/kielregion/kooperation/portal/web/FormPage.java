package de.kielregion.kooperation.portal.web;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;

/**
 * One form on a page of its own (create or edit one thing): what it is called, where it posts,
 * its fields with their labels (already in the reader's language) and the way back. The page
 * ({@code form.html}) draws every field the same way: label, input, the service's refusal next to
 * it, the typed value kept. A form per page keeps one set of values and one refusal per page.
 */
@TemplateData
public final class FormPage {

    /** A choice of a select or a checkbox group: the code the service takes and the word shown. */
    @TemplateData
    public record Option(String value, String label) {}

    /**
     * A field: {@code name} is the form field and the service's field of its violations; {@code kind}
     * one of text, area, number, decimal, date, email, select, multi, checks.
     */
    @TemplateData
    public record Field(
            String name, String label, String kind, boolean required, Integer max, List<Option> options, String hint) {

        /** The element id ({@code f-} and the name in letters and dashes), also the error's {@code e-f-...}. */
        public String id() {
            return "f-" + name.replaceAll("[^A-Za-z0-9]", "-");
        }
    }

    private final String title;
    private final String action;
    private final String nav;
    private final List<Field> fields = new ArrayList<>();
    private String back = "/";
    private String backLabel = "";
    private String intro = "";
    private String submit = "";
    private String testId = "form";
    private Long version;

    private FormPage(String title, String action, String nav) {
        this.title = title;
        this.action = action;
        this.nav = nav;
    }

    /** A form titled {@code title} posting to {@code action}, in the navigation's section {@code nav}. */
    static FormPage of(String title, String action, String nav) {
        return new FormPage(title, action, nav);
    }

    FormPage back(String path, String label) {
        this.back = path;
        this.backLabel = label;
        return this;
    }

    FormPage intro(String text) {
        this.intro = text;
        return this;
    }

    /** The button's word and its {@code data-testid} (the form's is {@code testId-form}). */
    FormPage submit(String label, String testId) {
        this.submit = label;
        this.testId = testId;
        return this;
    }

    /** The version the edited thing had when the form was drawn (sent back for If-Match). */
    FormPage version(Long version) {
        this.version = version;
        return this;
    }

    FormPage text(String name, String label, boolean required, int max) {
        return field(new Field(name, label, "text", required, max, List.of(), ""));
    }

    FormPage email(String name, String label, boolean required) {
        return field(new Field(name, label, "email", required, 200, List.of(), ""));
    }

    FormPage area(String name, String label, int max) {
        return field(new Field(name, label, "area", false, max, List.of(), ""));
    }

    FormPage number(String name, String label, boolean required, String hint) {
        return field(new Field(name, label, "number", required, null, List.of(), hint == null ? "" : hint));
    }

    FormPage decimal(String name, String label, boolean required, String hint) {
        return field(new Field(name, label, "decimal", required, null, List.of(), hint == null ? "" : hint));
    }

    FormPage date(String name, String label, boolean required, String hint) {
        return field(new Field(name, label, "date", required, null, List.of(), hint == null ? "" : hint));
    }

    /** A select; {@code required == false} adds an empty first choice ("keine Angabe"). */
    FormPage select(String name, String label, boolean required, List<Option> options) {
        return field(new Field(name, label, "select", required, null, options, ""));
    }

    /** A select of several (partners of an area): many choices, too many for checkboxes. */
    FormPage multi(String name, String label, List<Option> options) {
        return field(new Field(name, label, "multi", false, null, options, ""));
    }

    FormPage checks(String name, String label, List<Option> options) {
        return field(new Field(name, label, "checks", false, null, options, ""));
    }

    FormPage hint(String text) {
        Field last = fields.remove(fields.size() - 1);
        return field(
                new Field(last.name(), last.label(), last.kind(), last.required(), last.max(), last.options(), text));
    }

    private FormPage field(Field field) {
        fields.add(field);
        return this;
    }

    public String title() {
        return title;
    }

    public String action() {
        return action;
    }

    public String nav() {
        return nav;
    }

    public List<Field> fields() {
        return fields;
    }

    public String back() {
        return back;
    }

    public String backLabel() {
        return backLabel;
    }

    public String intro() {
        return intro;
    }

    public String submitLabel() {
        return submit;
    }

    public String testId() {
        return testId;
    }

    public Long version() {
        return version;
    }

    /** The names of the fields the form shows (a violation of any other field is listed above the form). */
    List<String> names() {
        return fields.stream().map(Field::name).toList();
    }
}
