package de.kielregion.kooperation.partners.partner;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kielregion.kooperation.partners.partner.PartnerApi.PartnerView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Partners for maps (GeoJSON, RFC 7946) and spreadsheets (CSV). */
@ApplicationScoped
public class PartnerExports {

    /** One CSV row; lists are joined with '; '. */
    @JsonPropertyOrder({
        "id",
        "name",
        "localName",
        "type",
        "country",
        "nutsCode",
        "latitude",
        "longitude",
        "website",
        "themes",
        "parentRegionId",
        "status"
    })
    public record PartnerRow(
            String id,
            String name,
            String localName,
            String type,
            String country,
            String nutsCode,
            String latitude,
            String longitude,
            String website,
            String themes,
            String parentRegionId,
            String status,
            String urbanisation) {}

    private final ObjectMapper mapper;

    PartnerExports(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode geoJson(List<PartnerView> partners) {
        ObjectNode collection = mapper.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        for (PartnerView p : partners) {
            if (p.coordinates() == null) {
                continue;
            }
            ObjectNode feature = features.addObject().put("type", "Feature").put("id", p.id().toString());
            ObjectNode geometry = feature.putObject("geometry").put("type", "Point");
            // GeoJSON orders longitude first.
            geometry.putArray("coordinates")
                    .add(p.coordinates().longitude())
                    .add(p.coordinates().latitude());
            ObjectNode properties = feature.putObject("properties");
            properties
                    .put("name", p.name())
                    .put("localName", p.localName())
                    .put("type", p.type().name())
                    .put("country", p.country())
                    .put("status", p.status().name());
            ArrayNode themes = properties.putArray("themes");
            p.themes().forEach(themes::add);
        }
        return collection;
    }

    public String csv(List<PartnerView> partners) {
        return de.kielregion.kooperation.platform.csv.CsvExport.write(PartnerRow.class, rows(partners));
    }

    /** The same rows as the CSV, as a spreadsheet. */
    public byte[] xlsx(List<PartnerView> partners) {
        return de.kielregion.kooperation.platform.xlsx.XlsxExport.write("Partner", PartnerRow.class, rows(partners));
    }

    private static List<PartnerRow> rows(List<PartnerView> partners) {
        return partners.stream()
                .map(p -> new PartnerRow(
                        p.id().toString(),
                        p.name(),
                        p.localName(),
                        p.type().name(),
                        p.country(),
                        p.nutsCode(),
                        p.coordinates() == null
                                ? null
                                : p.coordinates().latitude().toPlainString(),
                        p.coordinates() == null
                                ? null
                                : p.coordinates().longitude().toPlainString(),
                        p.website(),
                        String.join("; ", p.themes()),
                        p.parentRegionId() == null ? null : p.parentRegionId().toString(),
                        p.status().name(),
                        p.urbanisation() == null ? null : p.urbanisation().name()))
                .toList();
    }
}
